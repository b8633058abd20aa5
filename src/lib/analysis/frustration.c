/* frustration.c — the frustration index of a whole signed graph. The index adds up over the
 * graph's biconnected blocks (every cycle lies in one block, and a block's bipartition can be
 * mirrored to agree with its neighbour at their shared cut vertex), so each block with a cycle
 * is solved on its own (frustration_search.c) and the bipartitions are joined along the
 * block-cut tree. */
#include "frustration.h"
#include "igraph_glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BUDGET 2e7

double allynet__frustration_cost(const allynet__signed *s, const unsigned char *side,
                                 bool weighted) {
    double c = 0;
    for (size_t e = 0; e < s->m; e++) {
        const allynet__sedge *x = &s->edges[e];
        bool same = side[x->u] == side[x->v];
        if (x->sign > 0 ? !same : same) {
            c += weighted ? fabs(x->w) : 1;
        }
    }
    return c;
}

void allynet__frustration_destroy(allynet__frustration *f) {
    free(f->side);
    memset(f, 0, sizeof *f);
}

static void fprob_free(allynet__fprob *p) {
    free(p->eu), free(p->ev), free(p->sign), free(p->cost), free(p->off), free(p->adj);
    memset(p, 0, sizeof *p);
}

/* The block's piece: local vertex i is verts[i]; `local` maps global vertices (scratch, n). */
static bool fprob_make(const allynet__signed *s, const igraph_vector_int_t *verts,
                       const igraph_vector_int_t *edges, bool weighted, size_t *local,
                       allynet__fprob *p) {
    memset(p, 0, sizeof *p);
    p->n = (size_t)igraph_vector_int_size(verts);
    p->m = (size_t)igraph_vector_int_size(edges);
    p->eu = malloc((p->m + 1) * sizeof(size_t));
    p->ev = malloc((p->m + 1) * sizeof(size_t));
    p->sign = malloc((p->m + 1) * sizeof(int));
    p->cost = malloc((p->m + 1) * sizeof(double));
    p->off = calloc(p->n + 2, sizeof(size_t));
    p->adj = malloc((2 * p->m + 1) * sizeof(size_t));
    if (!p->eu || !p->ev || !p->sign || !p->cost || !p->off || !p->adj) {
        fprob_free(p);
        return false;
    }
    for (size_t i = 0; i < p->n; i++) {
        local[VECTOR(*verts)[i]] = i;
    }
    for (size_t e = 0; e < p->m; e++) {
        const allynet__sedge *x = &s->edges[VECTOR(*edges)[e]];
        p->eu[e] = local[x->u];
        p->ev[e] = local[x->v];
        p->sign[e] = x->sign;
        p->cost[e] = weighted ? fabs(x->w) : 1;
        p->off[p->eu[e] + 2]++;
        p->off[p->ev[e] + 2]++;
    }
    for (size_t i = 0; i < p->n; i++) {
        p->off[i + 2] += p->off[i + 1];
    }
    for (size_t e = 0; e < p->m; e++) { /* off[i + 1] is the fill cursor of vertex i */
        p->adj[p->off[p->eu[e] + 1]++] = e;
        p->adj[p->off[p->ev[e] + 1]++] = e;
    }
    return true;
}

/* Solves one block; its local sides go to bside (p->n entries). */
/* The note before searching a large block: the full search costs about 2.1e-7 s per
 * frustrated tie (about a third of them in a random graph) times the block's size, for each of
 * the counted and the weighted index (measured: 5,000 actors and 50,000 ties, 6.4 min). */
static void cost_note(const allynet__fprob *p, bool budgeted, size_t limit) {
    double seconds = 2 * 2.1e-7 * ((double)p->m / 3) * (double)(p->n + p->m);
    char text[32];
    allynet__duration(seconds, text, sizeof text);
    if (budgeted) {
        allynet__note("frustration index of a block of %zu actors / %zu ties (search limit %zu): "
                      "the full search about %s; a budgeted one instead (%d rounds, one bounded "
                      "cycle packing; --exact to insist)",
                      p->n, p->m, limit, text, ALLYNET__LARGE_ROUNDS);
    } else if (seconds >= 10) {
        allynet__note("frustration index of a block of %zu actors / %zu ties: the full search "
                      "about %s",
                      p->n, p->m, text);
    }
}

static allynet_status solve_block(const allynet__fprob *p, const allynet__fopts *o, size_t b,
                                  unsigned char *bside, allynet__frustration *out,
                                  allynet_error *err) {
    allynet__fsol sol = {bside, 0, 0, false};
    allynet__feffort e = {ALLYNET__LARGE_ROUNDS,
                          ALLYNET__PACK_BUDGET,
                          ALLYNET__PACK_CAP,
                          o->weighted ? "weighted frustration search" : "frustration search",
                          0,
                          ALLYNET__LARGE_ROUNDS};
    bool large = o->search_limit > 0 && p->m > o->search_limit;
    out->blocks_budgeted += large;
    if (!o->weighted && p->n > o->exact_limit) { /* once for both indexes */
        cost_note(p, large, o->search_limit);
    }
    allynet_status st =
        allynet__fprob_heuristic(p, o->seed + 7919 * b, large ? &e : NULL, &sol, err);
    if (st == ALLYNET_OK && !sol.exact && p->n <= o->exact_limit) {
        st = allynet__fprob_exact(p, o->budget > 0 ? o->budget : DEFAULT_BUDGET, &sol, err);
    }
    if (st != ALLYNET_OK) {
        return st;
    }
    out->lower_bound += sol.lower_bound;
    out->exact = out->exact && sol.exact;
    out->blocks++;
    out->largest = p->n > out->largest ? p->n : out->largest;
    out->blocks_heuristic += !sol.exact;
    return ALLYNET_OK;
}

typedef struct {
    igraph_vector_int_list_t verts, edges;
    igraph_integer_t count;
    unsigned char *bside; /* every block's local sides, concatenated */
    size_t *start;        /* where each block's sides begin in bside */
} blocks;

static void blocks_destroy(blocks *k) {
    igraph_vector_int_list_destroy(&k->verts);
    igraph_vector_int_list_destroy(&k->edges);
    free(k->bside);
    free(k->start);
}

static allynet_status find_blocks(const allynet__signed *s, blocks *k, allynet_error *err) {
    igraph_vector_int_t el;
    igraph_t ig;
    igraph_error_t rc = igraph_vector_int_init(&el, (igraph_integer_t)(2 * s->m));
    for (size_t e = 0; rc == IGRAPH_SUCCESS && e < s->m; e++) {
        VECTOR(el)[2 * e] = (igraph_integer_t)s->edges[e].u;
        VECTOR(el)[2 * e + 1] = (igraph_integer_t)s->edges[e].v;
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_create(&ig, &el, (igraph_integer_t)s->n, IGRAPH_UNDIRECTED);
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_biconnected_components(&ig, &k->count, NULL, &k->edges, &k->verts, NULL);
            igraph_destroy(&ig);
        }
        igraph_vector_int_destroy(&el);
    }
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "biconnected blocks", err);
}

/* Joins the blocks' sides along the block-cut tree, breadth first from each component. */
static allynet_status join_blocks(const allynet__signed *s, blocks *k, unsigned char *side,
                                  allynet_error *err) {
    size_t n = s->n, nb = (size_t)k->count, total = 0;
    size_t *boff = calloc(n + 2, sizeof *boff), *blist = NULL,
           *queue = malloc((n + 1) * sizeof(size_t));
    unsigned char *done = calloc(nb + n + 1, 1), *seen = done + nb;
    for (size_t b = 0; b < nb; b++) {
        total += (size_t)igraph_vector_int_size(
            igraph_vector_int_list_get_ptr(&k->verts, (igraph_integer_t)b));
    }
    blist = malloc((total + 1) * sizeof *blist);
    if (!boff || !blist || !queue || !done) {
        free(boff), free(blist), free(queue), free(done);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t pass = 0; pass < 2; pass++) { /* count, then fill the blocks of each vertex */
        for (size_t b = 0; b < nb; b++) {
            igraph_vector_int_t *vs =
                igraph_vector_int_list_get_ptr(&k->verts, (igraph_integer_t)b);
            for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++) {
                size_t v = (size_t)VECTOR(*vs)[i];
                if (pass == 0) {
                    boff[v + 2]++;
                } else {
                    blist[boff[v + 1]++] = b;
                }
            }
        }
        for (size_t v = 0; pass == 0 && v < n; v++) {
            boff[v + 2] += boff[v + 1];
        }
    }
    for (size_t r = 0; r < n; r++) {
        if (seen[r]) {
            continue;
        }
        size_t head = 0, tail = 0;
        seen[r] = 1;
        side[r] = 0;
        queue[tail++] = r;
        while (head < tail) {
            size_t v = queue[head++];
            for (size_t j = boff[v]; j < boff[v + 1]; j++) {
                size_t b = blist[j];
                if (done[b]) {
                    continue;
                }
                done[b] = 1;
                igraph_vector_int_t *vs =
                    igraph_vector_int_list_get_ptr(&k->verts, (igraph_integer_t)b);
                const unsigned char *bs = k->bside + k->start[b];
                unsigned char flipv = 0;
                for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++) {
                    flipv = (size_t)VECTOR(*vs)[i] == v ? bs[i] ^ side[v] : flipv;
                }
                for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++) {
                    size_t u = (size_t)VECTOR(*vs)[i];
                    if (!seen[u]) {
                        seen[u] = 1;
                        side[u] = bs[i] ^ flipv;
                        queue[tail++] = u;
                    }
                }
            }
        }
    }
    free(boff), free(blist), free(queue), free(done);
    return ALLYNET_OK;
}

static allynet_status solve_blocks(const allynet__signed *s, const allynet__fopts *o, blocks *k,
                                   allynet__frustration *out, allynet_error *err) {
    size_t nb = (size_t)k->count, total = 0;
    k->start = malloc((nb + 1) * sizeof *k->start);
    size_t *local = malloc((s->n + 1) * sizeof *local);
    for (size_t b = 0; k->start && b < nb; b++) {
        k->start[b] = total;
        total += (size_t)igraph_vector_int_size(
            igraph_vector_int_list_get_ptr(&k->verts, (igraph_integer_t)b));
    }
    k->bside = calloc(total + 1, 1);
    if (!k->start || !local || !k->bside) {
        free(local);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = ALLYNET_OK;
    for (size_t b = 0; b < nb && st == ALLYNET_OK; b++) {
        allynet__fprob p;
        if (!fprob_make(s, igraph_vector_int_list_get_ptr(&k->verts, (igraph_integer_t)b),
                        igraph_vector_int_list_get_ptr(&k->edges, (igraph_integer_t)b), o->weighted,
                        local, &p)) {
            st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        } else if (p.m >= p.n) { /* a block with a cycle */
            st = solve_block(&p, o, b, k->bside + k->start[b], out, err);
        } else { /* a bridge: one edge, always satisfiable */
            k->bside[k->start[b] + 1] = p.sign[0] > 0 ? 0 : 1;
        }
        fprob_free(&p);
    }
    free(local);
    return st;
}

allynet_status allynet__frustration_solve(const allynet__signed *s, const allynet__fopts *o,
                                          allynet__frustration *out, allynet_error *err) {
    memset(out, 0, sizeof *out);
    out->exact = true;
    out->side = calloc(s->n + 1, 1);
    if (out->side == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (s->m == 0) {
        return ALLYNET_OK;
    }
    blocks k = {.bside = NULL, .start = NULL};
    if (igraph_vector_int_list_init(&k.verts, 0) != IGRAPH_SUCCESS) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (igraph_vector_int_list_init(&k.edges, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_list_destroy(&k.verts);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = find_blocks(s, &k, err);
    if (st == ALLYNET_OK) {
        st = solve_blocks(s, o, &k, out, err);
    }
    if (st == ALLYNET_OK) {
        st = join_blocks(s, &k, out->side, err);
    }
    blocks_destroy(&k);
    if (st != ALLYNET_OK) {
        allynet__frustration_destroy(out);
        return st;
    }
    out->value = allynet__frustration_cost(s, out->side, o->weighted);
    out->lower_bound = fmin(out->lower_bound, out->value);
    return ALLYNET_OK;
}
