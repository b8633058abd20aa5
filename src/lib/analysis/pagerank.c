/* pagerank.c — weighted PageRank by power iteration on a weighted view. igraph's PRPACK is built
 * with OpenMP in Debian and its last digits change from run to run; this iteration is
 * deterministic and converges to the same fixed point (dangling actors jump uniformly, as in
 * igraph and NetworkX). */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>

/* One step: next = (1-d)/n + d * (flow along ties + dangling mass / n). */
static double step(const allynet__view *v, const double *out_w, double d, const double *x,
                   double *next, size_t n) {
    double dangling = 0;
    for (size_t i = 0; i < n; i++) {
        next[i] = 0;
        if (out_w[i] == 0) {
            dangling += x[i];
        }
    }
    igraph_integer_t m = igraph_ecount(&v->graph);
    for (igraph_integer_t e = 0; e < m; e++) {
        size_t a = (size_t)IGRAPH_FROM(&v->graph, e), b = (size_t)IGRAPH_TO(&v->graph, e);
        double w = VECTOR(v->strength)[e];
        next[b] += x[a] * w / out_w[a];
        if (!v->directed) {
            next[a] += x[b] * w / out_w[b];
        }
    }
    double change = 0, base = (1 - d) / (double)n + d * dangling / (double)n;
    for (size_t i = 0; i < n; i++) {
        next[i] = base + d * next[i];
        change += fabs(next[i] - x[i]);
    }
    return change;
}

bool allynet__pagerank(const allynet__view *v, double damping, double *out) {
    size_t n = (size_t)igraph_vcount(&v->graph);
    double *out_w = calloc(n + 1, sizeof *out_w), *next = malloc((n + 1) * sizeof *next);
    if (out_w == NULL || next == NULL) {
        free(out_w);
        free(next);
        return false;
    }
    igraph_integer_t m = igraph_ecount(&v->graph);
    for (igraph_integer_t e = 0; e < m; e++) {
        out_w[IGRAPH_FROM(&v->graph, e)] += VECTOR(v->strength)[e];
        if (!v->directed) {
            out_w[IGRAPH_TO(&v->graph, e)] += VECTOR(v->strength)[e];
        }
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = 1.0 / (double)n;
    }
    for (int it = 0; it < 10000; it++) {
        double change = step(v, out_w, damping, out, next, n);
        for (size_t i = 0; i < n; i++) {
            out[i] = next[i];
        }
        if (change < 1e-15) {
            break;
        }
    }
    free(out_w);
    free(next);
    return true;
}
