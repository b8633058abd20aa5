/* balance.c — structural balance of a snapshot: signed triangles (counted and weighted), the
 * walk-based index of Estrada and Benzi (walk.c), the frustration index with its bipartition,
 * and the signed triad census on directed ties; all as one JSON object. */
#include "frustration.h"
#include "igraph_glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void allynet_balance_options_init(allynet_balance_options *o) {
    o->exact_limit = 40;
    o->seed = 1;
    o->walk_limit = 2000;
    o->budget = 2e7;
    o->exact = false;
    o->probes = 32;
    o->search_limit = 20000;
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Solves on a copy of s whose vertices are numbered in id order, so that the result does not
 * depend on the order actors had in the input file. */
static allynet_status solve_in_id_order(const allynet__signed *s, const size_t *order,
                                        const allynet__fopts *fo, allynet__frustration *out,
                                        allynet_error *err) {
    size_t *rank = malloc((s->n + 1) * sizeof *rank);
    unsigned char *side = malloc(s->n + 1);
    if (!rank || !side) {
        free(rank), free(side);
        return nomem(err);
    }
    for (size_t k = 0; k < s->n; k++) {
        rank[order[k]] = k;
    }
    allynet__signed t;
    allynet_status st = allynet__signed_permute(s, rank, &t, err);
    if (st == ALLYNET_OK) {
        st = allynet__frustration_solve(&t, fo, out, err);
        allynet__signed_destroy(&t);
    }
    if (st == ALLYNET_OK) {
        for (size_t v = 0; v < s->n; v++) {
            side[v] = out->side[rank[v]];
        }
        memcpy(out->side, side, s->n);
    }
    free(rank), free(side);
    return st;
}

allynet_status allynet__frustration_blocs(const allynet_graph *g, const allynet__signed *s,
                                          const allynet_balance_options *o, bool weighted,
                                          allynet__frustration *out, allynet_error *err) {
    allynet__fopts fo = {o->exact_limit, o->seed, weighted, o->budget,
                         o->exact ? 0 : o->search_limit};
    size_t *comp = allynet__signed_components(s), *order = allynet__actor_order(g);
    unsigned char *flip = calloc(s->n + 1, 2), *seen = flip ? flip + s->n + 1 : NULL;
    allynet_status st =
        comp && order && flip ? solve_in_id_order(s, order, &fo, out, err) : nomem(err);
    if (st == ALLYNET_OK) {
        for (size_t k = 0; k < s->n; k++) { /* the first actor by id of each component decides */
            size_t v = order[k], c = comp[v];
            if (!seen[c]) {
                seen[c] = 1;
                flip[c] = out->side[v];
            }
        }
        for (size_t v = 0; v < s->n; v++) {
            out->side[v] ^= flip[comp[v]];
        }
    }
    free(comp), free(order), free(flip);
    return st;
}

/* ---------------------------------------------------------------- triangles */

typedef struct {
    size_t count[4];  /* by number of negative edges: +++, ++-, +--, --- */
    double weight[4]; /* the same, summed triangle weights (geometric mean of |w|) */
} triangles;

static void count_triangles(const allynet__signed *s, triangles *t) {
    memset(t, 0, sizeof *t);
    for (size_t e = 0; e < s->m; e++) {
        size_t u = s->edges[e].u, v = s->edges[e].v;
        size_t i = s->off[u], j = s->off[v];
        while (i < s->off[u + 1] && j < s->off[v + 1]) { /* common neighbours above v */
            size_t a = allynet__signed_other(s, s->adj[i], u);
            size_t b = allynet__signed_other(s, s->adj[j], v);
            if (a <= v || a < b) {
                i++;
            } else if (b < a) {
                j++;
            } else {
                const allynet__sedge *x = &s->edges[e], *y = &s->edges[s->adj[i]],
                                     *z = &s->edges[s->adj[j]];
                int neg = (x->sign < 0) + (y->sign < 0) + (z->sign < 0);
                t->count[neg]++;
                t->weight[neg] += cbrt(fabs(x->w) * fabs(y->w) * fabs(z->w));
                i++, j++;
            }
        }
    }
}

static json_t *ratio(double part, double whole) {
    return whole > 0 ? json_real(part / whole) : json_null();
}

static json_t *triangles_json(const allynet__signed *s) {
    triangles t;
    count_triangles(s, &t);
    size_t total = t.count[0] + t.count[1] + t.count[2] + t.count[3];
    size_t bal = t.count[0] + t.count[2];
    double wtotal = t.weight[0] + t.weight[1] + t.weight[2] + t.weight[3];
    double wbal = t.weight[0] + t.weight[2];
    return json_pack(
        "{s:I, s:I, s:o, s:I, s:{s:I, s:I, s:I, s:I}, s:{s:s, s:f, s:f, s:o}}", "total",
        (json_int_t)total, "balanced", (json_int_t)bal, "ratio", ratio((double)bal, (double)total),
        "unbalanced", (json_int_t)(total - bal), "by_type", "+++", (json_int_t)t.count[0], "++-",
        (json_int_t)t.count[1], "+--", (json_int_t)t.count[2], "---", (json_int_t)t.count[3],
        "weighted", "definition",
        "each triangle weighs the geometric mean of its three |w|; ratio = balanced weight / "
        "total weight",
        "total", wtotal, "balanced", wbal, "ratio", ratio(wbal, wtotal));
}

/* ---------------------------------------------------------------- triad census */

static const char *const triad_names[16] = {"003",  "012",  "102",  "021D", "021U", "021C",
                                            "111D", "111U", "030T", "030C", "201",  "120D",
                                            "120U", "120C", "210",  "300"};

/* The 16 MAN triad types counted over the directed ties of one sign. */
static allynet_status census(const allynet_graph *g, allynet_tie_filter which, json_t **out,
                             allynet_error *err) {
    igraph_t ig;
    igraph_vector_t res;
    allynet_status st = allynet__to_igraph(g, which, true, false, &ig, NULL, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_error_t rc = igraph_vector_init(&res, 16);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_triad_census(&ig, &res);
        *out = json_object();
        for (int i = 0; rc == IGRAPH_SUCCESS && *out && i < 16; i++) {
            json_object_set_new(*out, triad_names[i], json_integer((json_int_t)VECTOR(res)[i]));
        }
        igraph_vector_destroy(&res);
    }
    igraph_destroy(&ig);
    allynet__igraph_take_warning();
    if (rc != IGRAPH_SUCCESS) {
        json_decref(*out);
        *out = NULL;
        return allynet__igraph_fail(rc, "triad census", err);
    }
    return *out ? ALLYNET_OK : nomem(err);
}

static allynet_status census_json(const allynet_graph *g, json_t **out, allynet_error *err) {
    if (!allynet_graph_directed(g) || allynet_graph_actor_count(g) < 3) {
        *out = json_pack("{s:s}", "note",
                         allynet_graph_directed(g) ? "fewer than 3 actors"
                                                   : "undirected snapshot: no directed census");
        return *out ? ALLYNET_OK : nomem(err);
    }
    json_t *pos = NULL, *neg = NULL;
    allynet_status st = census(g, ALLYNET_TIES_POSITIVE, &pos, err);
    if (st == ALLYNET_OK) {
        st = census(g, ALLYNET_TIES_NEGATIVE, &neg, err);
    }
    if (st != ALLYNET_OK) {
        json_decref(pos);
        return st;
    }
    *out = json_pack("{s:s, s:o, s:o}", "definition",
                     "the 16 MAN triad types (Holland-Leinhardt, igraph order) counted once over "
                     "the directed ties with weight > 0 and once over those with weight < 0",
                     "positive", pos, "negative", neg);
    return *out ? ALLYNET_OK : nomem(err);
}

/* ---------------------------------------------------------------- frustration */

static json_t *partition_json(const allynet_graph *g, const size_t *order,
                              const unsigned char *side) {
    json_t *j = json_object();
    for (size_t k = 0; j && k < allynet_graph_actor_count(g); k++) {
        if (json_object_set_new(j, allynet_graph_actor(g, order[k])->id,
                                json_integer(side[order[k]])) != 0) {
            json_decref(j);
            return NULL;
        }
    }
    return j;
}

typedef struct {
    size_t a, b; /* ranks in id order, a < b */
    size_t e;
} ranked;

static int by_rank(const void *x, const void *y) {
    const ranked *p = x, *q = y;
    if (p->a != q->a) {
        return p->a < q->a ? -1 : 1;
    }
    return p->b < q->b ? -1 : p->b > q->b;
}

/* The ties the bipartition frustrates, in id order of their ends. */
static json_t *frustrated_ties(const allynet_graph *g, const allynet__signed *s,
                               const size_t *order, const unsigned char *side) {
    size_t *rank = malloc((s->n + 1) * sizeof *rank), k = 0;
    ranked *list = malloc((s->m + 1) * sizeof *list);
    json_t *j = json_array();
    if (!rank || !list || !j) {
        free(rank), free(list), json_decref(j);
        return NULL;
    }
    for (size_t i = 0; i < s->n; i++) {
        rank[order[i]] = i;
    }
    for (size_t e = 0; e < s->m; e++) {
        const allynet__sedge *x = &s->edges[e];
        bool same = side[x->u] == side[x->v];
        if (x->sign > 0 ? !same : same) {
            size_t ru = rank[x->u], rv = rank[x->v];
            list[k++] = (ranked){ru < rv ? ru : rv, ru < rv ? rv : ru, e};
        }
    }
    qsort(list, k, sizeof *list, by_rank);
    for (size_t i = 0; i < k; i++) {
        json_array_append_new(j, json_pack("{s:s, s:s, s:f}", "source",
                                           allynet_graph_actor(g, order[list[i].a])->id, "target",
                                           allynet_graph_actor(g, order[list[i].b])->id, "weight",
                                           s->edges[list[i].e].w));
    }
    free(rank), free(list);
    return j;
}

static json_t *frustration_json(const allynet_graph *g, const allynet__signed *s,
                                const allynet__frustration *f, bool weighted) {
    size_t *order = allynet__actor_order(g);
    if (order == NULL) {
        return NULL;
    }
    double lb = weighted ? f->lower_bound : ceil(f->lower_bound - 1e-9), scale = 0;
    for (size_t e = 0; e < s->m; e++) {
        scale += weighted ? fabs(s->edges[e].w) : 1;
    }
    json_t *blocs = json_pack("[[],[]]");
    for (size_t k = 0; blocs && k < s->n; k++) {
        json_array_append_new(json_array_get(blocs, f->side[order[k]]),
                              json_string(allynet_graph_actor(g, order[k])->id));
    }
    json_t *j = json_pack(
        "{s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:I}", "value",
        weighted ? json_real(f->value) : json_integer((json_int_t)llround(f->value)), "exact",
        f->exact, "lower_bound", weighted ? json_real(lb) : json_integer((json_int_t)lb), "gap",
        weighted ? json_real(f->value - lb) : json_integer((json_int_t)(llround(f->value) - lb)),
        "normalised", scale > 0 ? json_real(f->value / scale) : json_null(), "partition",
        partition_json(g, order, f->side), "blocs", blocs, "frustrated_ties",
        frustrated_ties(g, s, order, f->side), "blocks", (json_int_t)f->blocks, "largest_block",
        (json_int_t)f->largest, "blocks_heuristic", (json_int_t)f->blocks_heuristic);
    free(order);
    return j;
}

static json_t *treatment_json(const allynet_graph *g, const allynet__signed *s) {
    size_t pos = 0;
    for (size_t e = 0; e < s->m; e++) {
        pos += s->edges[e].sign > 0;
    }
    return json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "signs",
                     allynet__signed_treatment, "directed", allynet_graph_directed(g), "pairs",
                     (json_int_t)s->pairs, "edges", (json_int_t)s->m, "positive", (json_int_t)pos,
                     "negative", (json_int_t)(s->m - pos), "reciprocal", (json_int_t)s->reciprocal,
                     "mixed", (json_int_t)s->mixed, "ambivalent", (json_int_t)s->ambivalent, "zero",
                     (json_int_t)s->zero);
}

/* The budgeted frustration search, when a block had more ties than the search limit. */
json_t *allynet__frustration_approx(const allynet__frustration *f, const allynet_balance_options *o,
                                    const char *applies_to) {
    return json_pack(
        "{s:s, s:I, s:I, s:I, s:f, s:f, s:I, s:s, s:s}", "method",
        "multi-start local search cut to a fixed number of rounds, then one cycle packing "
        "for the lower bound with paths searched from both ends, a cap per path and a "
        "budget in all; \"value\" is the best bipartition found, \"lower_bound\" proven, "
        "\"gap\" their difference",
        "blocks", (json_int_t)f->blocks_budgeted, "search_limit", (json_int_t)o->search_limit,
        "rounds", (json_int_t)ALLYNET__LARGE_ROUNDS, "pack_budget", ALLYNET__PACK_BUDGET,
        "pack_cap", ALLYNET__PACK_CAP, "seed", (json_int_t)o->seed, "applies_to", applies_to,
        "exact_with",
        "--exact (the full search: hours on 50,000 actors), or a larger --search-limit");
}

/* Adds "approximations" to j when any figure was estimated (the walk index has put its
 * record in approx already). */
static void declare(json_t *j, json_t *approx, const allynet__frustration *f,
                    const allynet__frustration *fw, const allynet_balance_options *o) {
    if (f->blocks_budgeted > 0 || fw->blocks_budgeted > 0) {
        json_object_set_new(approx, "frustration",
                            allynet__frustration_approx(f, o, "frustration and its weighted"));
    }
    if (json_object_size(approx) > 0) {
        json_object_set(j, "approximations", approx);
    }
}

allynet_status allynet_balance_compute(const allynet_graph *g, const allynet_balance_options *o,
                                       json_t **out, allynet_error *err) {
    *out = NULL;
    allynet__signed s;
    allynet__frustration f = {0}, fw = {0};
    allynet_status st = allynet__signed_build(g, &s, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *j = json_pack("{s:o, s:o}", "treatment", treatment_json(g, &s), "triangles",
                          triangles_json(&s));
    json_t *approx = json_object();
    st = j && approx ? allynet__walk_json(&s, o, j, approx, err) : nomem(err);
    if (st == ALLYNET_OK) {
        st = allynet__frustration_blocs(g, &s, o, false, &f, err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__frustration_blocs(g, &s, o, true, &fw, err);
    }
    if (st == ALLYNET_OK) {
        json_t *fj = frustration_json(g, &s, &f, false);
        json_object_set_new(fj, "weighted", frustration_json(g, &s, &fw, true));
        json_object_set_new(fj, "exact_limit", json_integer((json_int_t)o->exact_limit));
        json_object_set_new(fj, "seed", json_integer((json_int_t)o->seed));
        json_object_set_new(j, "frustration", fj);
        json_t *c = NULL;
        st = census_json(g, &c, err);
        json_object_set_new(j, "triad_census", c);
    }
    if (st == ALLYNET_OK) {
        declare(j, approx, &f, &fw, o);
    }
    json_decref(approx);
    allynet__frustration_destroy(&f);
    allynet__frustration_destroy(&fw);
    allynet__signed_destroy(&s);
    if (st != ALLYNET_OK) {
        json_decref(j);
        return st;
    }
    *out = j;
    return ALLYNET_OK;
}
