/* frustration_search.c — the search for a minimum-frustration bipartition of one connected
 * piece: a multi-start local search (greedy starts, single flips, Kernighan-Lin passes,
 * perturbation), a lower bound from packing unbalanced cycles, and an exact branch and bound
 * over 2-colourings for small pieces. No external solver. */
#include "frustration.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- shared helpers */

static uint64_t next_rand(uint64_t *s) { /* splitmix64: small, seeded, reproducible */
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double cost_of(const allynet__fprob *p, const unsigned char *side) {
    double c = 0;
    for (size_t e = 0; e < p->m; e++) {
        c += allynet__ffrustrated(p, side, e) ? p->cost[e] : 0;
    }
    return c;
}

double allynet__ftolerance(const allynet__fprob *p) {
    double total = 0;
    for (size_t e = 0; e < p->m; e++) {
        total += p->cost[e];
    }
    return 1e-9 * (total > 1 ? total : 1);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* ---------------------------------------------------------------- local search */

/* An indexed max-heap of vertices keyed by gain (ties: the smaller vertex first). */
typedef struct {
    size_t *heap, *pos, len;
    const double *key;
} vheap;

static bool above(const vheap *h, size_t a, size_t b) {
    return h->key[a] > h->key[b] || (h->key[a] == h->key[b] && a < b);
}

static void heap_swap(vheap *h, size_t i, size_t j) {
    size_t t = h->heap[i];
    h->heap[i] = h->heap[j];
    h->heap[j] = t;
    h->pos[h->heap[i]] = i;
    h->pos[h->heap[j]] = j;
}

static void heap_fix(vheap *h, size_t i) {
    while (i > 0 && above(h, h->heap[i], h->heap[(i - 1) / 2])) {
        heap_swap(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, top = i;
        top = l < h->len && above(h, h->heap[l], h->heap[top]) ? l : top;
        top = r < h->len && above(h, h->heap[r], h->heap[top]) ? r : top;
        if (top == i) {
            return;
        }
        heap_swap(h, i, top);
        i = top;
    }
}

static size_t heap_pop(vheap *h) {
    size_t v = h->heap[0];
    heap_swap(h, 0, --h->len);
    h->pos[v] = SIZE_MAX;
    if (h->len > 0) {
        heap_fix(h, 0);
    }
    return v;
}

typedef struct {
    const allynet__fprob *p;
    unsigned char *side;
    double *gain; /* the drop in frustrated cost when the vertex changes side */
    size_t *moves, *queue;
    vheap h;
    uint64_t rng;
    double eps;
} search;

static void set_gains(search *s) {
    const allynet__fprob *p = s->p;
    memset(s->gain, 0, p->n * sizeof *s->gain);
    for (size_t e = 0; e < p->m; e++) {
        double g = allynet__ffrustrated(p, s->side, e) ? p->cost[e] : -p->cost[e];
        s->gain[p->eu[e]] += g;
        s->gain[p->ev[e]] += g;
    }
}

/* Moves v to the other side, updating gains (and the heap where a neighbour is in it). */
static void flip(search *s, size_t v, bool heap) {
    const allynet__fprob *p = s->p;
    for (size_t k = p->off[v]; k < p->off[v + 1]; k++) {
        size_t e = p->adj[k], u = allynet__fother(p, e, v);
        s->gain[u] += allynet__ffrustrated(p, s->side, e) ? -2 * p->cost[e] : 2 * p->cost[e];
        if (heap && s->h.pos[u] != SIZE_MAX) {
            heap_fix(&s->h, s->h.pos[u]);
        }
    }
    s->side[v] ^= 1;
    s->gain[v] = -s->gain[v];
}

static void descend(search *s) {
    for (bool moved = true; moved;) {
        moved = false;
        for (size_t v = 0; v < s->p->n; v++) {
            if (s->gain[v] > s->eps) {
                flip(s, v, false);
                moved = true;
            }
        }
    }
}

/* One Kernighan-Lin pass: move every vertex once, best gain first, then keep the best prefix.
 * Returns the improvement. */
static double kl_pass(search *s) {
    size_t n = s->p->n, done = 0, best_k = 0, patience = 50 + n / 10;
    s->h.len = n;
    for (size_t v = 0; v < n; v++) {
        s->h.heap[v] = v;
        s->h.pos[v] = v;
    }
    for (size_t i = n / 2; i-- > 0;) {
        heap_fix(&s->h, i);
    }
    double sum = 0, best = 0;
    while (s->h.len > 0 && done - best_k <= patience) {
        size_t v = heap_pop(&s->h);
        sum += s->gain[v];
        flip(s, v, true);
        s->moves[done++] = v;
        if (sum > best + s->eps) {
            best = sum;
            best_k = done;
        }
    }
    while (done > best_k) {
        flip(s, s->moves[--done], false);
    }
    return best;
}

/* A greedy start: vertices in breadth-first order from a random root, each placed on the side
 * that frustrates the fewest ties to those already placed. */
static void greedy_start(search *s) {
    const allynet__fprob *p = s->p;
    size_t n = p->n, head = 0, tail = 0;
    /* 0 unseen, 1 queued, 2 placed; n bytes of scratch borrowed from moves */
    unsigned char *placed = (unsigned char *)s->moves;
    memset(placed, 0, n);
    for (size_t root0 = next_rand(&s->rng) % n, r = 0; r < n; r++) {
        size_t root = (root0 + r) % n;
        if (placed[root]) {
            continue;
        }
        placed[root] = 1;
        s->queue[tail++] = root;
        s->side[root] = next_rand(&s->rng) & 1;
        while (head < tail) {
            size_t v = s->queue[head++];
            double c[2] = {0, 0};
            for (size_t k = p->off[v]; k < p->off[v + 1]; k++) {
                size_t e = p->adj[k], u = allynet__fother(p, e, v);
                if (placed[u] == 2) { /* decided: count what each side would frustrate */
                    c[p->sign[e] > 0 ? !s->side[u] : s->side[u]] += p->cost[e];
                } else if (!placed[u]) {
                    placed[u] = 1;
                    s->queue[tail++] = u;
                }
            }
            if (v != root) {
                s->side[v] = c[0] < c[1] ? 0 : c[1] < c[0] ? 1 : (next_rand(&s->rng) & 1);
            }
            placed[v] = 2;
        }
    }
}

/* Flips a random breadth-first ball of vertices of the current solution. */
static void perturb(search *s) {
    const allynet__fprob *p = s->p;
    size_t n = p->n, size = 2 + next_rand(&s->rng) % (n / 8 + 1), head = 0, tail = 0;
    unsigned char *seen = (unsigned char *)s->moves;
    memset(seen, 0, n);
    size_t root = next_rand(&s->rng) % n;
    seen[root] = 1;
    s->queue[tail++] = root;
    while (head < tail && head < size) {
        size_t v = s->queue[head++];
        s->side[v] ^= 1;
        for (size_t k = p->off[v]; k < p->off[v + 1] && tail < n; k++) {
            size_t u = allynet__fother(p, p->adj[k], v);
            if (!seen[u]) {
                seen[u] = 1;
                s->queue[tail++] = u;
            }
        }
    }
}

static void improve(search *s) {
    set_gains(s);
    do {
        descend(s);
    } while (kl_pass(s) > s->eps);
}

static bool search_init(search *s, const allynet__fprob *p, unsigned long seed) {
    size_t n = p->n;
    *s = (search){
        .p = p, .rng = (uint64_t)seed * 0x2545f4914f6cdd1dULL + n, .eps = allynet__ftolerance(p)};
    s->side = malloc(n + 1);
    s->gain = malloc((n + 1) * sizeof *s->gain);
    s->moves = malloc((n + 1) * sizeof *s->moves);
    s->queue = malloc((n + 1) * sizeof *s->queue);
    s->h = (vheap){malloc((n + 1) * sizeof(size_t)), malloc((n + 1) * sizeof(size_t)), 0, s->gain};
    return s->side && s->gain && s->moves && s->queue && s->h.heap && s->h.pos;
}

static void search_free(search *s) {
    free(s->side), free(s->gain), free(s->moves), free(s->queue), free(s->h.heap), free(s->h.pos);
}

/* A lower bound from the packing the effort asks for; -1 when out of memory. */
static double bound(const allynet__fprob *p, const unsigned char *side, const allynet__feffort *e) {
    return e && e->pack_budget > 0
               ? allynet__fprob_pack_budget(p, side, e->pack_budget, e->pack_cap)
               : allynet__fprob_pack(p, side, NULL);
}

/* One round: a fresh greedy start (even rounds) or a perturbed best, improved; keeps the best. */
static void round_once(search *s, size_t r, allynet__fsol *sol) {
    const allynet__fprob *p = s->p;
    if (r % 2 == 0 || sol->value == INFINITY) {
        greedy_start(s);
    } else {
        memcpy(s->side, sol->side, p->n);
        perturb(s);
    }
    improve(s);
    double c = cost_of(p, s->side);
    if (c < sol->value - s->eps) {
        sol->value = c;
        memcpy(sol->side, s->side, p->n);
    }
}

allynet_status allynet__fprob_heuristic(const allynet__fprob *p, unsigned long seed,
                                        const allynet__feffort *e, allynet__fsol *sol,
                                        allynet_error *err) {
    search s;
    if (!search_init(&s, p, seed)) {
        search_free(&s);
        return nomem(err);
    }
    double work = (double)(p->m + p->n + 1);
    bool budgeted = e && e->rounds > 0;
    size_t rounds = budgeted ? e->rounds : (size_t)fmin(400, fmax(32, 4e6 / work));
    sol->value = INFINITY;
    sol->lower_bound = 0;
    /* Every bound is valid whatever partition it starts from: try several local optima, and
     * stop as soon as a bound meets the best value (then it is optimal). A budgeted search
     * packs once, under the best partition. */
    size_t every = budgeted ? rounds : rounds / 8 > 0 ? rounds / 8 : 1;
    bool ok = true;
    for (size_t r = 0; r < rounds && ok && sol->lower_bound < sol->value - s.eps; r++) {
        round_once(&s, r, sol);
        if ((r % every == 0 && !budgeted) || r + 1 == rounds) {
            double lb = bound(p, r + 1 == rounds ? sol->side : s.side, e);
            ok = lb >= 0;
            sol->lower_bound = fmax(sol->lower_bound, lb);
        }
        if (budgeted) {
            allynet__progress_tell(e->task, (double)(e->done + r + 1), (double)e->total);
        }
    }
    search_free(&s);
    if (!ok) {
        return nomem(err);
    }
    sol->lower_bound = fmin(sol->lower_bound, sol->value);
    sol->exact = sol->lower_bound >= sol->value - allynet__ftolerance(p);
    return ALLYNET_OK;
}

/* ---------------------------------------------------------------- branch and bound */

typedef struct {
    const allynet__fprob *p;
    size_t n;
    size_t *order, *pos; /* the branching order and each vertex's depth in it */
    double *a0, *a1;     /* per depth: what each later vertex pays on side 0 / 1 so far */
    double *fut;         /* fut[k]: lower bound for edges among order[k..] */
    unsigned char *side, *best_side;
    double best, eps, nodes, budget;
    bool aborted;
} bnb;

/* Orders vertices so that each one has as many ties as possible to those before it. */
static void bnb_order(bnb *b) {
    const allynet__fprob *p = b->p;
    double *link = b->a0; /* scratch: weight of ties to vertices already ordered */
    memset(link, 0, b->n * sizeof *link);
    for (size_t v = 0; v < b->n; v++) {
        b->pos[v] = SIZE_MAX;
    }
    for (size_t k = 0; k < b->n; k++) {
        size_t pick = SIZE_MAX;
        for (size_t v = 0; v < b->n; v++) {
            size_t dv = p->off[v + 1] - p->off[v];
            if (b->pos[v] == SIZE_MAX &&
                (pick == SIZE_MAX || link[v] > link[pick] ||
                 (link[v] == link[pick] && dv > p->off[pick + 1] - p->off[pick]))) {
                pick = v;
            }
        }
        b->order[k] = pick;
        b->pos[pick] = k;
        for (size_t j = p->off[pick]; j < p->off[pick + 1]; j++) {
            link[allynet__fother(p, p->adj[j], pick)] += p->cost[p->adj[j]];
        }
    }
}

static void bnb_visit(bnb *b, size_t k, double cost, double lb) {
    if (b->aborted || ++b->nodes > b->budget) {
        b->aborted = true;
        return;
    }
    if (k == b->n) {
        if (cost < b->best - b->eps) {
            b->best = cost;
            memcpy(b->best_side, b->side, b->n);
        }
        return;
    }
    const allynet__fprob *p = b->p;
    size_t n = b->n, v = b->order[k];
    double *A0 = b->a0 + k * n, *A1 = b->a1 + k * n, *N0 = A0 + n, *N1 = A1 + n;
    int first = A0[v] <= A1[v] ? 0 : 1;
    for (int t = 0; t < (k == 0 ? 1 : 2); t++) { /* the first vertex stays on side 0 */
        int s = t == 0 ? first : !first;
        s = k == 0 ? 0 : s;
        double c = cost + (s ? A1[v] : A0[v]), nlb = lb - fmin(A0[v], A1[v]);
        memcpy(N0, A0, n * sizeof *N0);
        memcpy(N1, A1, n * sizeof *N1);
        for (size_t j = p->off[v]; j < p->off[v + 1]; j++) {
            size_t e = p->adj[j], u = allynet__fother(p, e, v);
            if (b->pos[u] <= k) {
                continue;
            }
            double before = fmin(N0[u], N1[u]);
            /* u pays for a positive tie on the other side, a negative one on the same side */
            bool pays_on_0 = p->sign[e] > 0 ? s == 1 : s == 0;
            (pays_on_0 ? N0 : N1)[u] += p->cost[e];
            nlb += fmin(N0[u], N1[u]) - before;
        }
        if (c + nlb + b->fut[k + 1] < b->best - b->eps) {
            b->side[v] = (unsigned char)s;
            bnb_visit(b, k + 1, c, nlb);
        }
    }
}

/* fut[k] for every depth: packings over the later vertices, under the incumbent's sides. */
static bool bnb_future(bnb *b) {
    unsigned char *keep = calloc(b->n + 1, 1);
    if (keep == NULL) {
        return false;
    }
    b->fut[b->n] = 0;
    for (size_t k = b->n; k-- > 0;) {
        keep[b->order[k]] = 1;
        b->fut[k] = allynet__fprob_pack(b->p, b->best_side, keep);
        if (b->fut[k] < 0) {
            free(keep);
            return false;
        }
    }
    free(keep);
    return true;
}

allynet_status allynet__fprob_exact(const allynet__fprob *p, double budget, allynet__fsol *sol,
                                    allynet_error *err) {
    size_t n = p->n;
    bnb b = {.p = p, .n = n, .best = sol->value, .eps = allynet__ftolerance(p), .budget = budget};
    b.order = malloc((n + 1) * sizeof(size_t));
    b.pos = malloc((n + 1) * sizeof(size_t));
    b.a0 = calloc((n + 1) * (n + 1), sizeof(double));
    b.a1 = calloc((n + 1) * (n + 1), sizeof(double));
    b.fut = malloc((n + 1) * sizeof(double));
    b.side = calloc(n + 1, 1);
    b.best_side = sol->side;
    allynet_status st = ALLYNET_OK;
    if (!b.order || !b.pos || !b.a0 || !b.a1 || !b.fut || !b.side) {
        st = nomem(err);
    } else {
        bnb_order(&b);
        memset(b.a0, 0, (n + 1) * (n + 1) * sizeof(double));
        if (!bnb_future(&b)) {
            st = nomem(err);
        } else if (n > 0) {
            bnb_visit(&b, 0, 0, 0);
            sol->value = cost_of(p, sol->side);
            sol->exact = !b.aborted;
            sol->lower_bound = b.aborted ? fmax(sol->lower_bound, b.fut[0]) : sol->value;
        }
    }
    free(b.order), free(b.pos), free(b.a0), free(b.a1), free(b.fut), free(b.side);
    return st;
}
