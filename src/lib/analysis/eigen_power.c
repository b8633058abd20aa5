/* eigen_power.c — eigenvector centrality by power iteration on the shifted matrix A + cI: the
 * fallback when igraph's ARPACK gives up. ARPACK's Arnoldi iteration stops at its iteration limit
 * on small directed graphs whose leading eigenvalues share a modulus (a cycle's eigenvalues lie on
 * a circle); the shift moves the Perron root away from the others, so the iteration converges to
 * the same eigenvector (NetworkX's eigenvector_centrality iterates A + I for the same reason). */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>

/* One step next = (A + cI)^T x along the view's ties (scores flow along ties: an actor gains
 * from the actors tied to it), scaled to max 1; returns the largest change of an entry. */
static double step(const allynet__view *v, double c, const double *x, double *next, size_t n) {
    for (size_t i = 0; i < n; i++) {
        next[i] = c * x[i];
    }
    igraph_integer_t m = igraph_ecount(&v->graph);
    for (igraph_integer_t e = 0; e < m; e++) {
        size_t a = (size_t)IGRAPH_FROM(&v->graph, e), b = (size_t)IGRAPH_TO(&v->graph, e);
        double w = VECTOR(v->strength)[e];
        next[b] += x[a] * w;
        if (!v->directed) {
            next[a] += x[b] * w;
        }
    }
    double top = 0, change = 0;
    for (size_t i = 0; i < n; i++) {
        top = fmax(top, next[i]);
    }
    for (size_t i = 0; i < n; i++) {
        next[i] = top > 0 ? next[i] / top : 0;
        change = fmax(change, fabs(next[i] - x[i]));
    }
    return change;
}

int allynet__eigenvector_power(const allynet__view *v, double *out, size_t *iterations,
                               double *last_change) {
    size_t n = (size_t)igraph_vcount(&v->graph);
    igraph_integer_t m = igraph_ecount(&v->graph);
    double *in = calloc(n + 1, sizeof *in), *next = malloc((n + 1) * sizeof *next);
    if (in == NULL || next == NULL) {
        free(in);
        free(next);
        return -1;
    }
    /* The shift c is the largest weighted in-degree, an upper bound of the spectral radius r:
     * an eigenvalue r·e^{iθ} becomes r·e^{iθ} + c, and with c near r the ratio to r + c that
     * governs convergence stays well below 1 for every θ away from 0. */
    for (igraph_integer_t e = 0; e < m; e++) {
        in[IGRAPH_TO(&v->graph, e)] += VECTOR(v->strength)[e];
        if (!v->directed) {
            in[IGRAPH_FROM(&v->graph, e)] += VECTOR(v->strength)[e];
        }
    }
    double c = 0;
    for (size_t i = 0; i < n; i++) {
        c = fmax(c, in[i]);
        out[i] = 1;
    }
    free(in);
    /* A budget of 2e8 edge visits (a fraction of a second) and of a million steps, and at least
     * 1,000 steps. Where the leading eigenvalue is not simple (two strongly connected parts of
     * equal weight, one feeding the other), the iteration converges only like 1/steps: it stops
     * at the budget and the caller declares it. */
    size_t limit = (size_t)fmax(1000, fmin(1e6, 2e8 / ((double)m + (double)n + 1)));
    size_t it = 0;
    int rc = 1;
    double change = 0;
    while (it < limit) {
        change = step(v, c > 0 ? c : 1, out, next, n);
        it++;
        for (size_t i = 0; i < n; i++) {
            out[i] = next[i];
        }
        if (change < 1e-14) {
            rc = 0;
            break;
        }
    }
    free(next);
    *iterations = it;
    *last_change = change;
    return rc;
}
