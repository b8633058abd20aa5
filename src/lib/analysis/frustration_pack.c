/* frustration_pack.c — lower bounds on the frustration index of one piece: fractional packings
 * of unbalanced cycles. Under any bipartition `side`, a cycle made of one frustrated edge and a
 * path of satisfied edges is unbalanced, so every balancing set of edges cuts it; cycles
 * packed within the edges' costs (the greedy takes as much of each as the residuals allow) give
 * a lower bound by LP duality, whichever cycles are found.
 *
 * allynet__fprob_pack searches each path breadth first over the whole piece. Large pieces use
 * allynet__fprob_pack_budget: a bidirectional search from both ends with a stamp per search
 * (no clearing of n entries), a cap on the edges one search may scan, and a budget for the
 * whole packing; cycles it does not find only weaken the bound. */
#include "frustration.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const allynet__fprob *p;
    const unsigned char *side, *keep;
    double *res;         /* residual capacity of each edge */
    size_t *via, *queue; /* the edge that reached each vertex (SIZE_MAX: not reached) */
    double eps;
} packing;

/* Breadth-first search from e's first end to its second over satisfied edges with capacity
 * left; fills via[]. Returns true when the second end is reached. */
static bool find_path(packing *k, size_t e) {
    const allynet__fprob *p = k->p;
    size_t from = p->eu[e], to = p->ev[e], head = 0, tail = 0;
    for (size_t v = 0; v < p->n; v++) {
        k->via[v] = SIZE_MAX;
    }
    k->via[from] = e;
    k->queue[tail++] = from;
    while (head < tail) {
        size_t v = k->queue[head++];
        for (size_t j = p->off[v]; j < p->off[v + 1]; j++) {
            size_t f = p->adj[j], u = allynet__fother(p, f, v);
            if (k->via[u] != SIZE_MAX || k->res[f] <= k->eps ||
                allynet__ffrustrated(p, k->side, f) || (k->keep && !k->keep[u])) {
                continue;
            }
            k->via[u] = f;
            if (u == to) {
                return true;
            }
            k->queue[tail++] = u;
        }
    }
    return false;
}

/* Takes as much of the cycle (e + the path found) as the residuals allow. */
static double take_cycle(packing *k, size_t e) {
    const allynet__fprob *p = k->p;
    double y = k->res[e];
    for (size_t v = p->ev[e]; v != p->eu[e]; v = allynet__fother(p, k->via[v], v)) {
        y = fmin(y, k->res[k->via[v]]);
    }
    for (size_t v = p->ev[e]; v != p->eu[e]; v = allynet__fother(p, k->via[v], v)) {
        k->res[k->via[v]] -= y;
    }
    k->res[e] -= y;
    return y;
}

double allynet__fprob_pack(const allynet__fprob *p, const unsigned char *side,
                           const unsigned char *keep) {
    packing k = {p,
                 side,
                 keep,
                 malloc((p->m + 1) * sizeof(double)),
                 malloc((p->n + 1) * sizeof(size_t)),
                 malloc((p->n + 1) * sizeof(size_t)),
                 0};
    if (!k.res || !k.via || !k.queue) {
        free(k.res), free(k.via), free(k.queue);
        return -1;
    }
    k.eps = allynet__ftolerance(p) * 1e-3;
    memcpy(k.res, p->cost, p->m * sizeof(double));
    double total = 0;
    for (size_t e = 0; e < p->m; e++) {
        if (!allynet__ffrustrated(p, side, e) || (keep && (!keep[p->eu[e]] || !keep[p->ev[e]]))) {
            continue;
        }
        while (k.res[e] > k.eps && find_path(&k, e)) {
            total += take_cycle(&k, e);
        }
    }
    free(k.res), free(k.via), free(k.queue);
    return total;
}

/* ---- the budgeted packing of large pieces */

typedef struct {
    const allynet__fprob *p;
    const unsigned char *side;
    double *res, eps;
    uint32_t *mark;      /* per vertex: 2 * search + side (0 from the first end, 1 the second) */
    uint32_t stamp;      /* 2 * the current search */
    size_t *via;         /* the edge that reached each marked vertex */
    size_t *queue[2];    /* the two frontiers' queues */
    size_t *path, plen;  /* the path found (edges) */
    double scanned, cap; /* edges scanned by this search, and its cap */
} bisearch;

static bool usable(const bisearch *b, size_t f) {
    return b->res[f] > b->eps && !allynet__ffrustrated(b->p, b->side, f);
}

/* Walks from x back to its side's root along via[], appending the edges to the path. */
static void trace_back(bisearch *b, size_t x, size_t root) {
    while (x != root) {
        size_t f = b->via[x];
        b->path[b->plen++] = f;
        x = allynet__fother(b->p, f, x);
    }
}

/* Expands one level of side t; returns true when it met the other side (path filled). */
static bool expand(bisearch *b, int t, size_t *head, size_t *tail, const size_t root[2]) {
    const allynet__fprob *p = b->p;
    size_t end = *tail;
    while (*head < end) {
        size_t v = b->queue[t][(*head)++];
        for (size_t j = p->off[v]; j < p->off[v + 1]; j++) {
            size_t f = p->adj[j], u = allynet__fother(p, f, v);
            b->scanned += 1;
            if (!usable(b, f) || (b->mark[u] == b->stamp + (uint32_t)t)) {
                continue;
            }
            if (b->mark[u] == b->stamp + (uint32_t)!t) { /* met: root[t] .. v, f, u .. root[!t] */
                b->plen = 0;
                trace_back(b, v, root[t]);
                b->path[b->plen++] = f;
                trace_back(b, u, root[!t]);
                return true;
            }
            b->mark[u] = b->stamp + (uint32_t)t;
            b->via[u] = f;
            b->queue[t][(*tail)++] = u;
        }
    }
    return false;
}

/* A path of usable edges between the ends of e, searched from both ends (the smaller frontier
 * first) until they meet or the search's cap is spent. */
static bool bipath(bisearch *b, size_t e) {
    const allynet__fprob *p = b->p;
    size_t root[2] = {p->eu[e], p->ev[e]}, head[2] = {0, 0}, tail[2] = {1, 1};
    b->stamp += 2;
    b->scanned = 0;
    for (int t = 0; t < 2; t++) {
        b->mark[root[t]] = b->stamp + (uint32_t)t;
        b->queue[t][0] = root[t];
    }
    while (head[0] < tail[0] && head[1] < tail[1] && b->scanned < b->cap) {
        int t = tail[0] - head[0] <= tail[1] - head[1] ? 0 : 1;
        if (expand(b, t, &head[t], &tail[t], root)) {
            return true;
        }
    }
    return false;
}

static double take_path(bisearch *b, size_t e) {
    double y = b->res[e];
    for (size_t i = 0; i < b->plen; i++) {
        y = fmin(y, b->res[b->path[i]]);
    }
    for (size_t i = 0; i < b->plen; i++) {
        b->res[b->path[i]] -= y;
    }
    b->res[e] -= y;
    return y;
}

double allynet__fprob_pack_budget(const allynet__fprob *p, const unsigned char *side, double budget,
                                  double cap) {
    size_t n = p->n;
    bisearch b = {p,
                  side,
                  malloc((p->m + 1) * sizeof(double)),
                  0,
                  calloc(n + 1, 4),
                  0,
                  malloc((n + 1) * sizeof(size_t)),
                  {malloc((n + 1) * sizeof(size_t)), malloc((n + 1) * sizeof(size_t))},
                  malloc((n + 1) * sizeof(size_t)),
                  0,
                  0,
                  cap};
    bool ok = b.res && b.mark && b.via && b.queue[0] && b.queue[1] && b.path;
    double total = 0, work = 0;
    if (ok) {
        b.eps = allynet__ftolerance(p) * 1e-3;
        memcpy(b.res, p->cost, p->m * sizeof(double));
    }
    for (size_t e = 0; ok && e < p->m && work < budget; e++) {
        while (allynet__ffrustrated(p, side, e) && b.res[e] > b.eps && work < budget &&
               b.stamp < UINT32_MAX - 4) {
            bool found = bipath(&b, e);
            work += b.scanned;
            if (!found) {
                break;
            }
            total += take_path(&b, e);
        }
    }
    free(b.res), free(b.mark), free(b.via), free(b.queue[0]), free(b.queue[1]), free(b.path);
    return ok ? total : -1;
}
