/* signed_centrality.c — centralities that read the sign of ties: PN centrality (Everett &
 * Borgatti 2014) and the eigenvector of the signed adjacency for its dominant |eigenvalue|.
 *
 * Both read the symmetric matrices P (positive magnitudes) and N (negative magnitudes) of the
 * snapshot: a directed pair's two ties are added (P_ij = positive weight of i->j plus of j->i),
 * so a mixed pair keeps both its positive and its negative part instead of netting them. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The signed pairs of a snapshot: each unordered pair once, with its P and N magnitudes. */
typedef struct {
    size_t n, m;
    size_t *a, *b;
    double *p, *q; /* q: the N magnitude */
} pairs;

static void pairs_free(pairs *s) {
    free(s->a);
    free(s->b);
    free(s->p);
    free(s->q);
}

static bool pairs_build(const allynet_graph *g, pairs *s) {
    size_t m = allynet_graph_tie_count(g);
    memset(s, 0, sizeof *s);
    s->n = allynet_graph_actor_count(g);
    s->a = malloc((m + 1) * sizeof *s->a);
    s->b = malloc((m + 1) * sizeof *s->b);
    s->p = malloc((m + 1) * sizeof *s->p);
    s->q = malloc((m + 1) * sizeof *s->q);
    if (!s->a || !s->b || !s->p || !s->q) {
        pairs_free(s);
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        long r = allynet_graph_directed(g) ? allynet_graph_find_tie(g, t->target, t->source) : -1;
        if (r >= 0 && (size_t)r < i) {
            continue; /* added with the earlier tie of the pair */
        }
        double p = t->weight > 0 ? t->weight : 0, q = t->weight < 0 ? -t->weight : 0;
        if (r >= 0) {
            double w = allynet_graph_tie(g, (size_t)r)->weight;
            p += w > 0 ? w : 0;
            q += w < 0 ? -w : 0;
        }
        if (p == 0 && q == 0) {
            continue;
        }
        s->a[s->m] = t->source;
        s->b[s->m] = t->target;
        s->p[s->m] = p;
        s->q[s->m] = q;
        s->m++;
    }
    return true;
}

/* y = A x with A_ij = c_p P_ij - c_q N_ij. */
static void mul(const pairs *s, double cp, double cq, const double *x, double *y) {
    memset(y, 0, s->n * sizeof *y);
    for (size_t e = 0; e < s->m; e++) {
        double a = cp * s->p[e] - cq * s->q[e];
        y[s->a[e]] += a * x[s->b[e]];
        y[s->b[e]] += a * x[s->a[e]];
    }
}

/* Solves x = 1 + B x by fixed-point iteration, which converges when the spectral radius of
 * B = A / (2n-2) is below 1 (guaranteed when its largest absolute row sum is). Returns OK, NOMEM,
 * or INPUT when it did not converge. */
static allynet_status pn_iterate(const pairs *s, double scale, double *x) {
    double *y = malloc(s->n * sizeof *y);
    if (y == NULL) {
        return ALLYNET_E_NOMEM;
    }
    allynet_status st = ALLYNET_E_INPUT;
    for (size_t i = 0; i < s->n; i++) {
        x[i] = 1.0;
    }
    for (int it = 0; it < 100000 && st != ALLYNET_OK; it++) {
        mul(s, scale, 2 * scale, x, y);
        double change = 0;
        for (size_t i = 0; i < s->n; i++) {
            double v = 1.0 + y[i];
            change = fmax(change, fabs(v - x[i]) / fmax(1.0, fabs(v)));
            x[i] = v;
        }
        if (change < 1e-15) {
            st = ALLYNET_OK;
        }
    }
    free(y);
    return st;
}

/* Solves (I - B) x = 1 by LU with partial pivoting (LAPACK through igraph). */
static allynet_status pn_dense(const pairs *s, double scale, double *x, allynet_error *err) {
    igraph_matrix_t a, b;
    igraph_vector_int_t piv;
    igraph_integer_t n = (igraph_integer_t)s->n;
    int info = 0;
    if (igraph_matrix_init(&a, n, n) != IGRAPH_SUCCESS) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    igraph_error_t rc = igraph_matrix_init(&b, n, 1);
    if (rc == IGRAPH_SUCCESS && (rc = igraph_vector_int_init(&piv, n)) != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&b);
    }
    if (rc != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&a);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (igraph_integer_t i = 0; i < n; i++) {
        MATRIX(a, i, i) = 1.0;
        MATRIX(b, i, 0) = 1.0;
    }
    for (size_t e = 0; e < s->m; e++) {
        double v = -(scale * s->p[e] - 2 * scale * s->q[e]);
        MATRIX(a, s->a[e], s->b[e]) += v;
        MATRIX(a, s->b[e], s->a[e]) += v;
    }
    rc = igraph_lapack_dgesv(&a, &piv, &b, &info);
    allynet_status st = ALLYNET_OK;
    if (rc != IGRAPH_SUCCESS) {
        st = allynet__igraph_fail(rc, "PN centrality", err);
    } else if (info > 0) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                               "PN centrality is undefined here: I - A/(2n-2) is singular "
                               "(two actors joined only by a negative tie)");
    } else {
        for (igraph_integer_t i = 0; i < n; i++) {
            x[i] = MATRIX(b, i, 0);
        }
    }
    igraph_matrix_destroy(&a);
    igraph_matrix_destroy(&b);
    igraph_vector_int_destroy(&piv);
    return st;
}

allynet_status allynet_pn_centrality(const allynet_graph *g, double *out, allynet_error *err) {
    pairs s;
    if (!pairs_build(g, &s)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    double top = 0;
    for (size_t e = 0; e < s.m; e++) {
        top = fmax(top, fmax(s.p[e], s.q[e]));
    }
    allynet_status st = ALLYNET_OK;
    if (s.m == 0) {
        for (size_t i = 0; i < s.n; i++) {
            out[i] = 1.0; /* A = 0: the formula gives 1 for every actor */
        }
        pairs_free(&s);
        return ALLYNET_OK;
    }
    double scale = 1.0 / (top * (2.0 * (double)s.n - 2.0));
    /* Gershgorin: the spectral radius of B is at most its largest absolute row sum. */
    double *row = calloc(s.n, sizeof *row);
    if (row == NULL) {
        pairs_free(&s);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    double rho = 0;
    for (size_t e = 0; e < s.m; e++) {
        double a = fabs(scale * s.p[e] - 2 * scale * s.q[e]);
        row[s.a[e]] += a;
        row[s.b[e]] += a;
    }
    for (size_t i = 0; i < s.n; i++) {
        rho = fmax(rho, row[i]);
    }
    free(row);
    /* Iterate when it surely converges fast (error <= 9 x the last change) or when a dense
     * n x n system would be too large; solve exactly otherwise. */
    if (rho < 0.9 || s.n > 3000) {
        st = pn_iterate(&s, scale, out);
        if (st == ALLYNET_E_NOMEM) {
            st = allynet_error_set(err, st, NULL, 0, 0, "out of memory");
        } else if (st != ALLYNET_OK) {
            st = allynet_error_set(err, st, NULL, 0, 0,
                                   "PN centrality did not converge: A/(2n-2) has spectral "
                                   "radius 1 or more");
        }
    } else {
        st = pn_dense(&s, scale, out, err);
    }
    pairs_free(&s);
    return st;
}

/* ---- the signed eigenvector */

static igraph_error_t arpack_mul(igraph_real_t *to, const igraph_real_t *from, int n, void *extra) {
    (void)n;
    mul(extra, 1.0, 1.0, from, to);
    return IGRAPH_SUCCESS;
}

/* Every eigenvalue and eigenvector of S (small graphs). */
static igraph_error_t eig_dense(const pairs *s, igraph_vector_t *values, igraph_matrix_t *vectors) {
    igraph_matrix_t a;
    igraph_integer_t n = (igraph_integer_t)s->n;
    igraph_error_t rc = igraph_matrix_init(&a, n, n);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    for (size_t e = 0; e < s->m; e++) {
        double v = s->p[e] - s->q[e];
        MATRIX(a, s->a[e], s->b[e]) += v;
        MATRIX(a, s->b[e], s->a[e]) += v;
    }
    rc = igraph_lapack_dsyevr(&a, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, 1e-14, values, vectors,
                              NULL);
    igraph_matrix_destroy(&a);
    return rc;
}

/* The two eigenpairs of largest magnitude (large graphs), by ARPACK. */
static igraph_error_t eig_arpack(pairs *s, igraph_vector_t *values, igraph_matrix_t *vectors) {
    igraph_arpack_options_t o;
    igraph_arpack_options_init(&o);
    o.n = (int)s->n;
    o.nev = 2;
    o.ncv = s->n < 40 ? (int)s->n : 40;
    o.which[0] = 'L';
    o.which[1] = 'M';
    o.mxiter = 10000;
    return igraph_arpack_rssolve(arpack_mul, s, &o, NULL, values, vectors);
}

/* Picks the column of largest |value|; false when another value has the same magnitude. */
static bool dominant(const igraph_vector_t *values, igraph_integer_t *col) {
    igraph_integer_t best = 0;
    for (igraph_integer_t i = 1; i < igraph_vector_size(values); i++) {
        if (fabs(VECTOR(*values)[i]) > fabs(VECTOR(*values)[best])) {
            best = i;
        }
    }
    double top = fabs(VECTOR(*values)[best]);
    for (igraph_integer_t i = 0; i < igraph_vector_size(values); i++) {
        if (i != best && top - fabs(VECTOR(*values)[i]) <= 1e-9 * fmax(1.0, top)) {
            return false;
        }
    }
    *col = best;
    return top > 0;
}

static void normalise(const igraph_matrix_t *vectors, igraph_integer_t col, size_t n, double *out) {
    size_t big = 0;
    for (size_t i = 0; i < n; i++) {
        if (fabs(MATRIX(*vectors, i, col)) > fabs(MATRIX(*vectors, big, col)) + 1e-12) {
            big = i;
        }
    }
    double c = MATRIX(*vectors, big, col);
    for (size_t i = 0; i < n; i++) {
        out[i] = MATRIX(*vectors, i, col) / c;
        out[i] = fabs(out[i]) < 1e-13 ? 0.0 : out[i]; /* rounding noise around an exact 0 */
    }
}

allynet_status allynet_signed_eigenvector(const allynet_graph *g, double *out, double *lambda,
                                          allynet_error *err) {
    pairs s;
    if (!pairs_build(g, &s)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (s.m == 0) {
        pairs_free(&s);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "the signed eigenvector is undefined: no non-zero ties");
    }
    igraph_vector_t values;
    igraph_matrix_t vectors;
    igraph_vector_init(&values, 0);
    igraph_matrix_init(&vectors, 0, 0);
    igraph_error_t rc =
        s.n <= 400 ? eig_dense(&s, &values, &vectors) : eig_arpack(&s, &values, &vectors);
    allynet_status st = ALLYNET_OK;
    igraph_integer_t col = 0;
    if (rc != IGRAPH_SUCCESS) {
        st = allynet__igraph_fail(rc, "the signed eigenvector", err);
    } else if (!dominant(&values, &col)) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                               "the signed eigenvector is undefined: no unique dominant "
                               "eigenvalue (two eigenvalues share the largest magnitude)");
    } else {
        *lambda = VECTOR(values)[col];
        normalise(&vectors, col, s.n, out);
    }
    igraph_vector_destroy(&values);
    igraph_matrix_destroy(&vectors);
    pairs_free(&s);
    return st;
}
