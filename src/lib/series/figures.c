/* figures.c — one snapshot's figures for compare and timeline, each from one small provider
 * function over an analysis module (see figures.h):
 * - metrics: allynet_metrics_compute with its defaults (positive ties for the path and spectral
 *   metrics); above CENTRALITY_LIMIT actors only degree and strengths (computed here), since
 *   PN and the signed eigenvector are dense O(n^3) computations (3 783 actors: 33 s);
 * - blocs: allynet_communities_compute with the method asked for; when the method cannot run
 *   on the snapshot (no positive tie for a modularity method, no actor), each actor is a bloc
 *   of its own and the modularity is undefined;
 * - balance and frustration: allynet_balance_compute (triangle ratio, line index), without the
 *   walk index, which compare and timeline do not show (its eigen-decomposition took 157 of
 *   159 s on a 3 783-actor snapshot);
 * - alignment and polarization: allynet_align_compute toward the two blocs of the frustration
 *   partition; when there are no such poles the alignment is left out.
 * A snapshot without negative ties is balanced by definition: its triangle ratio is 1 (when it
 * has a triangle), its frustration 0, and it has no opposing camps to align with, so no
 * alignment or polarization. Those figures are then set here without running the balance
 * search, which dominated the time of alliance-table timelines (197 COW years: 10 s -> 0.5 s). */
#include "figures.h"

#include "analysis/igraph_glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const allynet__metric_names[ALLYNET__M_COUNT] = {
    "degree",    "strength_pos", "strength_neg", "betweenness",
    "closeness", "eigenvector",  "pagerank",     "pn"};
const char *const allynet__figure_names[ALLYNET__F_COUNT] = {
    "actors",        "ties",        "ties_pos",   "ties_neg",     "density",
    "balance_ratio", "frustration", "modularity", "polarization", "blocs"};

json_t *allynet__figure_json(int figure, double v) {
    bool count = figure == ALLYNET__F_ACTORS || figure == ALLYNET__F_TIES ||
                 figure == ALLYNET__F_TIES_POS || figure == ALLYNET__F_TIES_NEG ||
                 figure == ALLYNET__F_BLOCS;
    if (!isfinite(v)) {
        return json_null();
    }
    return count && fabs(v) < 9e15 ? json_integer((json_int_t)v) : json_real(v);
}

json_t *allynet__metric_json(int metric, double v) {
    if (!isfinite(v)) {
        return json_null();
    }
    return metric == ALLYNET__M_DEGREE ? json_integer((json_int_t)v) : json_real(v);
}

double allynet__orientation(const double *a, const double *b, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        s += a[i] * b[i];
    }
    return s < 0 ? -1.0 : 1.0;
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

enum { CENTRALITY_LIMIT = 2000 };

/* Degree and signed strengths straight from the ties (O(actors + ties)); the centralities are
 * left undefined. */
static allynet_status basic_metrics(const allynet_graph *g, allynet__figures *f,
                                    allynet_error *err) {
    for (int k = 0; k < ALLYNET__M_COUNT; k++) {
        f->metric[k] = malloc((f->actors ? f->actors : 1) * sizeof(double));
        if (f->metric[k] == NULL) {
            return nomem(err);
        }
        for (size_t i = 0; i < f->actors; i++) {
            f->metric[k][i] = k <= ALLYNET__M_STRENGTH_NEG ? 0.0 : NAN;
        }
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t ends[2] = {t->source, t->target};
        for (int e = 0; e < 2; e++) {
            f->metric[ALLYNET__M_DEGREE][ends[e]] += 1;
            if (t->weight != 0) {
                f->metric[t->weight > 0 ? ALLYNET__M_STRENGTH_POS : ALLYNET__M_STRENGTH_NEG]
                         [ends[e]] += t->weight;
            }
        }
    }
    return ALLYNET_OK;
}

/* Provider: per-actor metrics (metrics module). */
static allynet_status metrics(const allynet_graph *g, allynet__figures *f, allynet_error *err) {
    if (f->actors > CENTRALITY_LIMIT) {
        return basic_metrics(g, f, err);
    }
    allynet_metrics_options o;
    allynet_metrics_options_init(&o);
    allynet_metrics *m = NULL;
    allynet_status st = allynet_metrics_compute(g, &o, &m, err);
    for (int k = 0; st == ALLYNET_OK && k < ALLYNET__M_COUNT; k++) {
        f->metric[k] = malloc((f->actors ? f->actors : 1) * sizeof(double));
        if (f->metric[k] == NULL) {
            st = nomem(err);
        }
        for (size_t i = 0; st == ALLYNET_OK && i < f->actors; i++) {
            if (!allynet_metrics_value(&m->actors[i], allynet__metric_names[k], &f->metric[k][i])) {
                f->metric[k][i] = NAN;
            }
        }
    }
    allynet_metrics_free(m);
    return st;
}

/* Provider: blocs and their modularity (communities module). */
static allynet_status blocs(const allynet_graph *g, unsigned long seed, allynet_comm_method method,
                            allynet__figures *f, allynet_error *err) {
    allynet_communities_options o;
    allynet_communities_options_init(&o);
    o.method = method;
    o.seed = seed;
    allynet_communities *c = NULL;
    allynet_error why = {0};
    allynet_status st = allynet_communities_compute(g, &o, &c, &why);
    f->bloc_method = allynet_comm_method_name(method);
    f->bloc = malloc((f->actors ? f->actors : 1) * sizeof *f->bloc);
    if (f->bloc == NULL) {
        allynet_communities_free(c);
        return nomem(err);
    }
    if (st == ALLYNET_E_INPUT) { /* the method does not fit this snapshot: actors alone */
        for (size_t i = 0; i < f->actors; i++) {
            f->bloc[i] = (long)i;
        }
        f->blocs = f->actors;
        f->figure[ALLYNET__F_MODULARITY] = NAN;
    } else if (st != ALLYNET_OK) {
        *err = why;
        return st;
    } else {
        for (size_t i = 0; i < f->actors; i++) {
            f->bloc[i] = (long)c->membership[i];
        }
        f->blocs = c->count;
        f->figure[ALLYNET__F_MODULARITY] = c->modularity;
    }
    f->figure[ALLYNET__F_BLOCS] = (double)f->blocs;
    allynet_communities_free(c);
    return ALLYNET_OK;
}

static double number_at(const json_t *j, const char *a, const char *b) {
    const json_t *v = json_object_get(json_object_get(j, a), b);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static bool has_negative_tie(const allynet_graph *g) {
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        if (allynet_graph_tie(g, i)->weight < 0) {
            return true;
        }
    }
    return false;
}

/* Whether the actors with ties of any sign close at least one triangle. */
static allynet_status any_triangle(const allynet_graph *g, bool *out, allynet_error *err) {
    igraph_t ig;
    igraph_vector_int_t tri;
    allynet_status st = allynet__to_igraph(g, ALLYNET_TIES_ALL, false, true, &ig, NULL, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_error_t rc = igraph_vector_int_init(&tri, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_list_triangles(&ig, &tri);
        *out = igraph_vector_int_size(&tri) > 0;
        igraph_vector_int_destroy(&tri);
    }
    igraph_destroy(&ig);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "listing triangles", err);
}

/* Provider: triangle balance and frustration (balance module). */
static allynet_status balance(const allynet_graph *g, allynet__figures *f, allynet_error *err) {
    if (!has_negative_tie(g)) {
        bool tri = false;
        allynet_status st = any_triangle(g, &tri, err);
        f->figure[ALLYNET__F_BALANCE] = tri ? 1.0 : NAN;
        f->figure[ALLYNET__F_FRUSTRATION] = 0.0;
        return st;
    }
    allynet_balance_options o;
    allynet_balance_options_init(&o);
    o.walk_limit = 0;
    json_t *j = NULL;
    allynet_status st = allynet_balance_compute(g, &o, &j, err);
    if (st == ALLYNET_OK) {
        f->figure[ALLYNET__F_BALANCE] = number_at(j, "triangles", "ratio");
        f->figure[ALLYNET__F_FRUSTRATION] = number_at(j, "frustration", "value");
    }
    json_decref(j);
    return st;
}

/* Provider: alignment toward the two blocs of the frustration partition, and polarization
 * (align module). A snapshot without such poles has neither. */
static allynet_status align(const allynet_graph *g, allynet__figures *f, allynet_error *err) {
    if (!has_negative_tie(g)) {
        return ALLYNET_OK;
    }
    allynet_align_options o;
    allynet_align_options_init(&o);
    o.balance.walk_limit = 0;
    o.top = 0; /* alignment and polarization only: no similar pairs */
    json_t *j = NULL;
    allynet_error why = {0};
    allynet_status st = allynet_align_compute(g, &o, &j, &why);
    if (st == ALLYNET_E_INPUT || st == ALLYNET_E_USAGE) {
        return ALLYNET_OK;
    }
    if (st != ALLYNET_OK) {
        *err = why;
        return st;
    }
    const json_t *arr = json_object_get(j, "actors");
    f->alignment = malloc((f->actors ? f->actors : 1) * sizeof *f->alignment);
    for (size_t i = 0; f->alignment && i < f->actors; i++) {
        f->alignment[i] = NAN;
    }
    for (size_t k = 0; f->alignment && k < json_array_size(arr); k++) {
        const json_t *a = json_array_get(arr, k), *v = json_object_get(a, "alignment");
        long i = allynet_graph_find_actor(g, json_string_value(json_object_get(a, "id")));
        if (i >= 0 && json_is_number(v)) {
            f->alignment[i] = json_number_value(v);
        }
    }
    f->figure[ALLYNET__F_POLARIZATION] = number_at(j, "polarization", "index");
    json_decref(j);
    return f->alignment ? ALLYNET_OK : nomem(err);
}

/* Provider: network-level counts from the summary. */
static allynet_status network(const allynet_graph *g, allynet__figures *f, allynet_error *err) {
    allynet_info info;
    allynet_status st = allynet_info_compute(g, &info, err);
    if (st == ALLYNET_OK) {
        f->figure[ALLYNET__F_ACTORS] = (double)info.actors;
        f->figure[ALLYNET__F_TIES] = (double)info.ties;
        f->figure[ALLYNET__F_TIES_POS] = (double)info.ties_pos;
        f->figure[ALLYNET__F_TIES_NEG] = (double)info.ties_neg;
        f->figure[ALLYNET__F_DENSITY] = info.density;
    }
    return st;
}

allynet_status allynet__figures_compute(const allynet_graph *g, unsigned long seed,
                                        allynet_comm_method method, allynet__figures *out,
                                        allynet_error *err) {
    memset(out, 0, sizeof *out);
    for (int k = 0; k < ALLYNET__F_COUNT; k++) {
        out->figure[k] = NAN;
    }
    out->actors = allynet_graph_actor_count(g);
    allynet_status st = network(g, out, err);
    if (st == ALLYNET_OK) {
        st = metrics(g, out, err);
    }
    if (st == ALLYNET_OK) {
        st = blocs(g, seed, method, out, err);
    }
    if (st == ALLYNET_OK) {
        st = balance(g, out, err);
    }
    if (st == ALLYNET_OK) {
        st = align(g, out, err);
    }
    if (st != ALLYNET_OK) {
        allynet__figures_destroy(out);
    }
    return st;
}

void allynet__figures_destroy(allynet__figures *f) {
    if (f == NULL) {
        return;
    }
    for (int k = 0; k < ALLYNET__M_COUNT; k++) {
        free(f->metric[k]);
        f->metric[k] = NULL;
    }
    free(f->alignment);
    free(f->bloc);
    f->alignment = NULL;
    f->bloc = NULL;
}
