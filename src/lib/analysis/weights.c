/* weights.c — weighted igraph views for the analysis: which ties a metric reads (positive,
 * negative, all), as strengths |w| or as lengths 1/|w|, directed or with pairs merged. */
#include "analysis.h"

#include <math.h>

const char *allynet__tie_select_name(allynet_tie_select sel) {
    switch (sel) {
    case ALLYNET_SELECT_NEGATIVE:
        return "negative";
    case ALLYNET_SELECT_ABS:
        return "abs";
    default:
        return "positive";
    }
}

static bool selected(double w, allynet_tie_select sel) {
    switch (sel) {
    case ALLYNET_SELECT_NEGATIVE:
        return w < 0;
    case ALLYNET_SELECT_ABS:
        return w != 0;
    default:
        return w > 0;
    }
}

/* Appends one edge; returns igraph's status. */
static igraph_error_t push(igraph_vector_int_t *edges, igraph_vector_t *strength, size_t s,
                           size_t t, double w) {
    igraph_error_t rc = igraph_vector_int_push_back(edges, (igraph_integer_t)s);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_int_push_back(edges, (igraph_integer_t)t);
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_push_back(strength, w);
    }
    return rc;
}

/* Fills edges and strengths; merges a kept reverse tie into the first of the pair when merging. */
static igraph_error_t collect(allynet__view *v, const allynet_graph *g, allynet_tie_select sel,
                              bool merge, igraph_vector_int_t *edges) {
    size_t m = allynet_graph_tie_count(g);
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (size_t i = 0; i < m && rc == IGRAPH_SUCCESS; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        if (t->weight == 0) {
            v->excluded_zero++;
            continue;
        }
        if (!selected(t->weight, sel)) {
            v->excluded_sign++;
            continue;
        }
        v->used++;
        double w = fabs(t->weight) * v->scale;
        if (merge) {
            long r = allynet_graph_find_tie(g, t->target, t->source);
            if (r >= 0 && (size_t)r != i &&
                selected(allynet_graph_tie(g, (size_t)r)->weight, sel)) {
                if ((size_t)r < i) {
                    continue; /* already merged into the earlier tie of the pair */
                }
                w += fabs(allynet_graph_tie(g, (size_t)r)->weight) * v->scale;
            }
        }
        rc = push(edges, &v->strength, t->source, t->target, w);
    }
    return rc;
}

/* Weights beyond 2^±200 overflow the products and squares of the eigenvector solvers (1e160
 * squared is past the largest double) and the lengths 1/w: such views read |w| / max|w|, which
 * leaves every scale-free figure as it was (eigenvector, PageRank, hubs, betweenness, blocs) and
 * is recorded in the treatment. A range no scaling can hold (a weight that becomes 0) is
 * refused. */
static allynet_status choose_scale(allynet__view *v, const allynet_graph *g, allynet_tie_select sel,
                                   allynet_error *err) {
    double lo = INFINITY, hi = 0;
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        double w = allynet_graph_tie(g, i)->weight;
        if (w != 0 && selected(w, sel)) {
            lo = fmin(lo, fabs(w));
            hi = fmax(hi, fabs(w));
        }
    }
    v->scale = 1.0;
    if (hi > 0x1p200 || lo < 0x1p-200) {
        v->scale = 1.0 / hi;
        if (lo * v->scale < 0x1p-900 || !isfinite(v->scale)) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "tie weights from %g to %g: too far apart to analyse "
                                     "together (more than 270 orders of magnitude)",
                                     lo, hi);
        }
    }
    return ALLYNET_OK;
}

allynet_status allynet__view_init(allynet__view *v, const allynet_graph *g, allynet_tie_select sel,
                                  bool directed, allynet_error *err) {
    v->directed = directed && allynet_graph_directed(g);
    v->used = v->excluded_sign = v->excluded_zero = 0;
    allynet_status st = choose_scale(v, g, sel, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(IGRAPH_ENOMEM, "building a weighted view", err);
    }
    if (igraph_vector_init(&v->strength, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&edges);
        return allynet__igraph_fail(IGRAPH_ENOMEM, "building a weighted view", err);
    }
    bool merge = allynet_graph_directed(g) && !v->directed;
    igraph_error_t rc = collect(v, g, sel, merge, &edges);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_vector_init(&v->length, igraph_vector_size(&v->strength));
        if (rc == IGRAPH_SUCCESS) {
            for (igraph_integer_t e = 0; e < igraph_vector_size(&v->strength); e++) {
                VECTOR(v->length)[e] = 1.0 / VECTOR(v->strength)[e];
            }
            rc = igraph_create(&v->graph, &edges, (igraph_integer_t)allynet_graph_actor_count(g),
                               v->directed);
            if (rc != IGRAPH_SUCCESS) {
                igraph_vector_destroy(&v->length);
            }
        }
    }
    igraph_vector_int_destroy(&edges);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&v->strength);
        return allynet__igraph_fail(rc, "building a weighted view", err);
    }
    return ALLYNET_OK;
}

void allynet__view_destroy(allynet__view *v) {
    igraph_destroy(&v->graph);
    igraph_vector_destroy(&v->strength);
    igraph_vector_destroy(&v->length);
}
