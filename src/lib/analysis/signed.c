/* signed.c — the undirected signed view of a snapshot: reciprocal and mixed pairs folded into
 * one signed edge per pair, with an adjacency index for the balance and alignment analyses. */
#include "signed.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char allynet__signed_treatment[] =
    "one undirected edge per pair of actors; its weight is the sum of the weights of both "
    "directions and its sign the sign of that sum; a pair whose sum is 0 is left out (ambivalent "
    "when it held ties of both signs, zero when every tie weighs 0)";

typedef struct {
    size_t u, v;
    double w;
} half;

static int by_pair(const void *a, const void *b) {
    const half *x = a, *y = b;
    if (x->u != y->u) {
        return x->u < y->u ? -1 : 1;
    }
    return x->v < y->v ? -1 : x->v > y->v;
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Folds the sorted halves into edges and counts the pairs left out. */
static void fold(allynet__signed *s, const half *h, size_t nh) {
    for (size_t i = 0; i < nh;) {
        size_t j = i;
        double sum = 0;
        bool pos = false, neg = false;
        while (j < nh && h[j].u == h[i].u && h[j].v == h[i].v) {
            sum += h[j].w;
            pos = pos || h[j].w > 0;
            neg = neg || h[j].w < 0;
            j++;
        }
        s->pairs++;
        s->reciprocal += j - i > 1;
        s->mixed += pos && neg;
        if (sum == 0) {
            s->ambivalent += pos || neg;
            s->zero += !pos && !neg;
        } else {
            s->edges[s->m++] = (allynet__sedge){h[i].u, h[i].v, sum, sum > 0 ? 1 : -1};
        }
        i = j;
    }
}

static bool index_edges(allynet__signed *s) {
    s->off = calloc(s->n + 1, sizeof *s->off);
    s->adj = malloc((2 * s->m + 1) * sizeof *s->adj);
    size_t *fill = calloc(s->n + 1, sizeof *fill);
    if (s->off == NULL || s->adj == NULL || fill == NULL) {
        free(fill);
        return false;
    }
    for (size_t e = 0; e < s->m; e++) {
        s->off[s->edges[e].u + 1]++;
        s->off[s->edges[e].v + 1]++;
    }
    for (size_t i = 0; i < s->n; i++) {
        s->off[i + 1] += s->off[i];
    }
    /* Edges are sorted by (u, v). A vertex x meets its smaller neighbours as the v of edges in
     * ascending u, and its larger ones as the u of edges in ascending v: two passes keep every
     * list sorted by neighbour. */
    for (size_t e = 0; e < s->m; e++) { /* neighbours smaller than the vertex, ascending */
        size_t v = s->edges[e].v;
        s->adj[s->off[v] + fill[v]++] = e;
    }
    for (size_t e = 0; e < s->m; e++) { /* then the larger ones, ascending */
        size_t u = s->edges[e].u;
        s->adj[s->off[u] + fill[u]++] = e;
    }
    free(fill);
    return true;
}

allynet_status allynet__signed_build(const allynet_graph *g, allynet__signed *out,
                                     allynet_error *err) {
    memset(out, 0, sizeof *out);
    size_t nt = allynet_graph_tie_count(g);
    half *h = malloc((nt + 1) * sizeof *h);
    out->n = allynet_graph_actor_count(g);
    out->edges = malloc((nt + 1) * sizeof *out->edges);
    if (h == NULL || out->edges == NULL) {
        free(h);
        allynet__signed_destroy(out);
        return nomem(err);
    }
    /* Weights past 2^200 would overflow the sums of a pair and of a bloc: read them divided by
     * the largest (signs and ratios unchanged; out->scale records it). */
    double hi = 0;
    for (size_t i = 0; i < nt; i++) {
        hi = fmax(hi, fabs(allynet_graph_tie(g, i)->weight));
    }
    out->scale = hi > 0x1p200 ? 1.0 / hi : 1.0;
    for (size_t i = 0; i < nt; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t a = t->source < t->target ? t->source : t->target;
        size_t b = t->source < t->target ? t->target : t->source;
        h[i] = (half){a, b, t->weight * out->scale};
    }
    qsort(h, nt, sizeof *h, by_pair);
    fold(out, h, nt);
    free(h);
    if (!index_edges(out)) {
        allynet__signed_destroy(out);
        return nomem(err);
    }
    return ALLYNET_OK;
}

void allynet__signed_destroy(allynet__signed *s) {
    free(s->edges);
    free(s->off);
    free(s->adj);
    memset(s, 0, sizeof *s);
}

size_t allynet__signed_other(const allynet__signed *s, size_t e, size_t x) {
    return s->edges[e].u == x ? s->edges[e].v : s->edges[e].u;
}

long allynet__signed_find(const allynet__signed *s, size_t u, size_t v) {
    size_t lo = s->off[u], hi = s->off[u + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t w = allynet__signed_other(s, s->adj[mid], u);
        if (w == v) {
            return (long)s->adj[mid];
        }
        if (w < v) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

static int by_id(const void *a, const void *b, void *g) {
    return strcmp(allynet_graph_actor(g, *(const size_t *)a)->id,
                  allynet_graph_actor(g, *(const size_t *)b)->id);
}

size_t *allynet__actor_order(const allynet_graph *g) {
    size_t n = allynet_graph_actor_count(g);
    size_t *order = malloc((n + 1) * sizeof *order);
    if (order == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    qsort_r(order, n, sizeof *order, by_id, (void *)g);
    return order;
}

static int by_edge(const void *a, const void *b) {
    const allynet__sedge *x = a, *y = b;
    if (x->u != y->u) {
        return x->u < y->u ? -1 : 1;
    }
    return x->v < y->v ? -1 : x->v > y->v;
}

allynet_status allynet__signed_permute(const allynet__signed *s, const size_t *rank,
                                       allynet__signed *out, allynet_error *err) {
    *out = *s;
    out->off = out->adj = NULL;
    out->edges = malloc((s->m + 1) * sizeof *out->edges);
    if (out->edges == NULL) {
        memset(out, 0, sizeof *out);
        return nomem(err);
    }
    for (size_t e = 0; e < s->m; e++) {
        size_t a = rank[s->edges[e].u], b = rank[s->edges[e].v];
        out->edges[e] =
            (allynet__sedge){a < b ? a : b, a < b ? b : a, s->edges[e].w, s->edges[e].sign};
    }
    qsort(out->edges, s->m, sizeof *out->edges, by_edge);
    if (!index_edges(out)) {
        allynet__signed_destroy(out);
        return nomem(err);
    }
    return ALLYNET_OK;
}

static size_t find_root(size_t *up, size_t x) {
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

size_t *allynet__signed_components(const allynet__signed *s) {
    size_t *up = malloc((s->n + 1) * sizeof *up);
    if (up == NULL) {
        return NULL;
    }
    for (size_t v = 0; v < s->n; v++) {
        up[v] = v;
    }
    for (size_t e = 0; e < s->m; e++) {
        size_t a = find_root(up, s->edges[e].u), b = find_root(up, s->edges[e].v);
        up[a > b ? a : b] = a < b ? a : b;
    }
    for (size_t v = 0; v < s->n; v++) {
        up[v] = find_root(up, v);
    }
    return up;
}
