/* walk.c — the walk-based balance index of Estrada & Benzi: K = tr(exp(A)) / tr(exp(|A|)), A the
 * undirected signed adjacency with entries +1/-1. Both traces add up over connected components.
 * A component of at most `walk_limit` actors is solved exactly by eigen-decomposition (O(k^3));
 * the larger ones together by stochastic Lanczos quadrature (krylov.c), which reports a
 * standard error; with `exact` the index is skipped instead when a component is too large. */
#include "frustration.h"
#include "krylov.h"

#include <igraph/igraph_lapack.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Appends the eigenvalues of one component's adjacency (entries the edge signs, or 1 when
 * `absolute`) to vals. `verts` lists the component's k vertices; local maps them to 0..k-1. */
static igraph_error_t component_eigen(const allynet__signed *s, const size_t *verts, size_t k,
                                      const size_t *local, bool absolute, igraph_vector_t *vals) {
    if (k == 1) {
        return igraph_vector_push_back(vals, 0);
    }
    igraph_matrix_t a;
    igraph_vector_t ev;
    igraph_error_t rc = igraph_matrix_init(&a, (igraph_integer_t)k, (igraph_integer_t)k);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = igraph_vector_init(&ev, 0);
    for (size_t i = 0; i < k && rc == IGRAPH_SUCCESS; i++) {
        size_t v = verts[i];
        for (size_t j = s->off[v]; j < s->off[v + 1]; j++) {
            const allynet__sedge *x = &s->edges[s->adj[j]];
            size_t u = local[allynet__signed_other(s, s->adj[j], v)];
            MATRIX(a, (igraph_integer_t)i, (igraph_integer_t)u) = absolute ? 1 : x->sign;
        }
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_lapack_dsyevr(&a, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, 0, &ev, NULL, NULL);
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_append(vals, &ev);
    }
    igraph_vector_destroy(&ev);
    igraph_matrix_destroy(&a);
    return rc;
}

/* The vertices grouped by component: verts[start[c] .. start[c+1]) are component c's, ascending;
 * components are numbered in the order of their smallest vertex. */
typedef struct {
    size_t count;
    size_t *start, *verts, *local;
    size_t largest;
} groups;

static void groups_free(groups *g) {
    free(g->start), free(g->verts), free(g->local);
}

static bool group(const allynet__signed *s, groups *g) {
    size_t n = s->n, *comp = allynet__signed_components(s);
    *g = (groups){0, calloc(n + 2, sizeof(size_t)), malloc((n + 1) * sizeof(size_t)),
                  malloc((n + 1) * sizeof(size_t)), 0};
    size_t *id = g->local; /* scratch: a representative's component number */
    if (!comp || !g->start || !g->verts || !g->local) {
        free(comp), groups_free(g);
        return false;
    }
    for (size_t v = 0; v < n; v++) { /* the representative is the component's smallest vertex */
        if (comp[v] == v) {
            id[v] = g->count++;
        }
        g->start[id[comp[v]] + 2]++;
    }
    for (size_t c = 0; c < g->count; c++) {
        g->largest = g->start[c + 2] > g->largest ? g->start[c + 2] : g->largest;
        g->start[c + 2] += g->start[c + 1];
    }
    for (size_t v = 0; v < n; v++) {
        g->verts[g->start[id[comp[v]] + 1]++] = v;
    }
    free(comp);
    return true;
}

/* The exact eigenvalues of the components of at most `limit` vertices into sv (signed) and av
 * (absolute). */
static igraph_error_t small_parts(const allynet__signed *s, groups *g, size_t limit,
                                  igraph_vector_t *sv, igraph_vector_t *av) {
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (size_t c = 0; c < g->count && rc == IGRAPH_SUCCESS; c++) {
        const size_t *verts = g->verts + g->start[c];
        size_t k = g->start[c + 1] - g->start[c];
        for (size_t i = 0; k <= limit && i < k; i++) {
            g->local[verts[i]] = i;
        }
        if (k <= limit) {
            rc = component_eigen(s, verts, k, g->local, false, sv);
        }
        if (k <= limit && rc == IGRAPH_SUCCESS) {
            rc = component_eigen(s, verts, k, g->local, true, av);
        }
    }
    return rc;
}

/* The components larger than `limit` as one sparse matrix: CSR with signed and unit values. */
typedef struct {
    size_t n, *off, *col;
    double *sign, *one;
} large_part;

static void large_free(large_part *l) {
    free(l->off), free(l->col), free(l->sign), free(l->one);
}

static bool large_build(const allynet__signed *s, groups *g, size_t limit, large_part *l) {
    size_t nnz = 0, k = 0;
    *l = (large_part){0};
    for (size_t c = 0; c < g->count; c++) {
        for (size_t i = g->start[c]; g->start[c + 1] - g->start[c] > limit && i < g->start[c + 1];
             i++) {
            g->local[g->verts[i]] = l->n++;
            nnz += s->off[g->verts[i] + 1] - s->off[g->verts[i]];
        }
    }
    l->off = malloc((l->n + 1) * sizeof *l->off);
    l->col = malloc((nnz + 1) * sizeof *l->col);
    l->sign = malloc((nnz + 1) * sizeof *l->sign);
    l->one = malloc((nnz + 1) * sizeof *l->one);
    if (!l->off || !l->col || !l->sign || !l->one) {
        return false;
    }
    for (size_t c = 0; c < g->count; c++) {
        for (size_t i = g->start[c]; g->start[c + 1] - g->start[c] > limit && i < g->start[c + 1];
             i++) {
            size_t v = g->verts[i];
            l->off[g->local[v]] = k;
            for (size_t j = s->off[v]; j < s->off[v + 1]; j++, k++) {
                l->col[k] = g->local[allynet__signed_other(s, s->adj[j], v)];
                l->sign[k] = s->edges[s->adj[j]].sign;
                l->one[k] = 1;
            }
        }
    }
    l->off[l->n] = k;
    return true;
}

/* What the walk index came to. */
typedef struct {
    double k, se;               /* the index and its standard error (0 when exact) */
    allynet__trace tabs, tsign; /* the estimates of the large part (when estimated) */
    size_t actors, components;  /* in the large part */
} walk_result;

/* tr(exp(|A|)) and tr(exp(A)) of the large part, estimated. */
static allynet_status estimate(const large_part *l, const allynet_balance_options *o, double shift,
                               walk_result *w, allynet_error *err) {
    allynet__symop abs_op = {l->n, l->off, l->col, l->one};
    allynet__symop sign_op = {l->n, l->off, l->col, l->sign};
    allynet__krylov_opts ko = {o->probes, o->seed, 0, "walk balance", 0, 2 * o->probes};
    allynet_status st = allynet__krylov_trace_exp(&abs_op, shift, &ko, &w->tabs, err);
    ko.stream = 1;
    ko.done = o->probes;
    if (st == ALLYNET_OK) {
        st = allynet__krylov_trace_exp(&sign_op, w->tabs.shift, &ko, &w->tsign, err);
    }
    allynet__progress_tell("walk balance", 1, 1);
    return st;
}

/* K from the exact eigenvalues and, when `l` has vertices, the large part's estimates. */
static allynet_status combine(const igraph_vector_t *sv, const igraph_vector_t *av,
                              const large_part *l, const allynet_balance_options *o, walk_result *w,
                              allynet_error *err) {
    /* Perron: the largest eigenvalue of |A| bounds every other, |A|'s and A's alike. */
    double shift = igraph_vector_size(av) > 0 ? igraph_vector_max(av) : -INFINITY, num = 0, den = 0;
    allynet_status st = l->n > 0 ? estimate(l, o, fmax(shift, 0), w, err) : ALLYNET_OK;
    if (st != ALLYNET_OK) {
        return st;
    }
    shift = l->n > 0 ? fmax(shift, fmax(w->tabs.shift, w->tsign.shift)) : shift;
    for (igraph_integer_t i = 0; i < igraph_vector_size(sv); i++) {
        num += exp(VECTOR(*sv)[i] - shift);
        den += exp(VECTOR(*av)[i] - shift);
    }
    double fs = l->n > 0 ? exp(w->tsign.shift - shift) : 0, fa = exp(w->tabs.shift - shift);
    double se_num = w->tsign.se * fs, se_den = l->n > 0 ? w->tabs.se * fa : 0;
    num += l->n > 0 ? w->tsign.value * fs : 0;
    den += l->n > 0 ? w->tabs.value * fa : 0;
    w->k = num / den;
    w->se = l->n > 0 ? w->k * sqrt(pow(se_num / num, 2) + pow(se_den / den, 2)) : 0;
    return ALLYNET_OK;
}

/* The note before estimating: what exact eigen-decompositions of the large components would
 * cost (LAPACK's dsyevr on two k x k matrices: about 2.2e-9 k^3 s each with Debian's reference
 * BLAS, measured on 3,800 actors, and 8 k^2 bytes). */
static void cost_note(const groups *g, size_t limit, size_t probes) {
    double seconds = 0, bytes = 0;
    size_t count = 0, largest = 0;
    for (size_t c = 0; c < g->count; c++) {
        double k = (double)(g->start[c + 1] - g->start[c]);
        if (k > (double)limit) {
            seconds += 2 * 2.2e-9 * k * k * k;
            bytes = fmax(bytes, 8 * k * k);
            count++;
            largest = (size_t)k > largest ? (size_t)k : largest;
        }
    }
    char text[32];
    allynet__note("walk balance: %zu component%s of up to %zu actors past --walk-limit %zu: exact "
                  "eigen-decomposition about %s and %.1f GB; estimating by stochastic Lanczos "
                  "quadrature instead (%zu probes; --exact skips it)",
                  count, count == 1 ? "" : "s", largest, limit,
                  allynet__duration(seconds, text, sizeof text), bytes / 1e9, probes);
}

/* K over the whole graph, exact up to `limit` actors per component, estimated above. */
static allynet_status walk_index(const allynet__signed *s, groups *g,
                                 const allynet_balance_options *o, walk_result *w,
                                 allynet_error *err) {
    igraph_vector_t sv, av;
    large_part l = {0};
    igraph_error_t rc = igraph_vector_init(&sv, 0);
    if (rc == IGRAPH_SUCCESS && (rc = igraph_vector_init(&av, 0)) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&sv);
    }
    if (rc != IGRAPH_SUCCESS) {
        return nomem(err);
    }
    rc = small_parts(s, g, o->walk_limit, &sv, &av);
    allynet_status st =
        rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "eigenvalues", err);
    if (st == ALLYNET_OK && !large_build(s, g, o->walk_limit, &l)) {
        st = nomem(err);
    }
    for (size_t c = 0; c < g->count; c++) {
        w->components += g->start[c + 1] - g->start[c] > o->walk_limit;
    }
    w->actors = l.n;
    if (st == ALLYNET_OK && l.n > 0) {
        cost_note(g, o->walk_limit, o->probes);
    }
    if (st == ALLYNET_OK) {
        st = combine(&sv, &av, &l, o, w, err);
    }
    large_free(&l);
    igraph_vector_destroy(&sv), igraph_vector_destroy(&av);
    return st;
}

static json_t *approximation(const walk_result *w, const allynet_balance_options *o) {
    const allynet__trace *t = &w->tabs;
    return json_pack(
        "{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:f, s:s}", "method",
        "stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017) of tr(exp(A)) and "
        "tr(exp(|A|)) over the components larger than the walk limit: the top Ritz vectors "
        "deflated exactly, Hutchinson's estimator with Rademacher probes for the rest",
        "components", (json_int_t)w->components, "actors", (json_int_t)w->actors, "limit",
        (json_int_t)o->walk_limit, "probes", (json_int_t)t->probes, "deflated",
        (json_int_t)t->deflated, "lanczos_steps",
        (json_int_t)(t->steps > w->tsign.steps ? t->steps : w->tsign.steps), "seed",
        (json_int_t)o->seed, "standard_error", w->se, "exact_with",
        "--exact skips the index instead; a larger --walk-limit solves more exactly");
}

static const char walk_definition[] =
    "Estrada-Benzi K = tr(exp(A)) / tr(exp(|A|)), A the undirected signed adjacency "
    "with entries +1/-1 (signs only, weights not used); 1 when balanced";

allynet_status allynet__walk_json(const allynet__signed *s, const allynet_balance_options *o,
                                  json_t *out, json_t *approx, allynet_error *err) {
    groups g;
    if (!group(s, &g)) {
        return nomem(err);
    }
    bool too_large = g.largest > o->walk_limit,
         skip = s->n == 0 || o->walk_limit == 0 || (too_large && o->exact);
    walk_result w = {0};
    allynet_status st = skip ? ALLYNET_OK : walk_index(s, &g, o, &w, err);
    groups_free(&g);
    json_t *value = skip || st != ALLYNET_OK ? json_null() : json_real(w.k);
    json_object_set_new(out, "walk_balance", value);
    json_t *walk = json_pack("{s:s, s:s*}", "definition", walk_definition, "skipped",
                             s->n == 0 ? "no actors"
                             : skip    ? "a component is larger than --walk-limit (O(n^3) cost)"
                                       : NULL);
    if (!skip && too_large && st == ALLYNET_OK) {
        json_t *a = approximation(&w, o);
        json_object_set_new(walk, "standard_error", json_real(w.se));
        json_object_set_new(walk, "method", json_string("estimated (see approximations)"));
        json_object_set_new(approx, "walk_balance", a);
    }
    json_object_set_new(out, "walk", walk);
    return st;
}
