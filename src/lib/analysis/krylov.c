/* krylov.c — tr(exp(B - shift)) of a large sparse symmetric matrix B without forming it: stochastic
 * Lanczos quadrature (Ubaru, Chen & Saad 2017) with deflation of the top of the spectrum.
 *
 * tr f(B) = sum_i v_i' f(B) v_i + tr(P f(B) P) for any orthonormal v_1..v_r and P = I - V V'.
 * The v_i are the top Ritz vectors of a Lanczos run with full reorthogonalisation (the
 * eigenvalues exp weighs most: on a network the largest one alone often carries most of the
 * trace); each v_i' f(B) v_i is a Gauss quadrature of a Lanczos run started at v_i. The rest is
 * Hutchinson's estimator: the mean of z' P f(B) P z over Rademacher vectors z, each again by
 * Lanczos quadrature. Every term is computed to about 1e-13, so the error is the probes'
 * sampling error, reported as a standard error. Lanczos runs stop when two quadratures ten
 * steps apart agree to 1e-13 (or the Krylov space is invariant). */
#include "krylov.h"

#include <igraph/igraph_lapack.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DEFLATE_STEPS 128 /* Lanczos steps of the deflation run */
#define DEFLATED 48       /* Ritz vectors deflated */
#define MAX_STEPS 400     /* Lanczos steps of one quadrature at most */

static void apply(const allynet__symop *b, const double *x, double *y) {
    for (size_t i = 0; i < b->n; i++) {
        double s = 0;
        for (size_t k = b->off[i]; k < b->off[i + 1]; k++) {
            s += b->val[k] * x[b->col[k]];
        }
        y[i] = s;
    }
}

static double dot(const double *x, const double *y, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        s += x[i] * y[i];
    }
    return s;
}

static void axpy(double a, const double *x, double *y, size_t n) {
    for (size_t i = 0; i < n; i++) {
        y[i] += a * x[i];
    }
}

/* Eigenvalues of the k x k tridiagonal (alpha, beta) into theta, eigenvectors into vec (columns).
 */
static igraph_error_t tridiag_eig(const double *alpha, const double *beta, size_t k,
                                  igraph_vector_t *theta, igraph_matrix_t *vec) {
    igraph_matrix_t t;
    igraph_error_t rc = igraph_matrix_init(&t, (igraph_integer_t)k, (igraph_integer_t)k);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    for (size_t i = 0; i < k; i++) {
        MATRIX(t, i, i) = alpha[i];
        if (i + 1 < k) {
            MATRIX(t, i, i + 1) = MATRIX(t, i + 1, i) = beta[i];
        }
    }
    rc = igraph_lapack_dsyevr(&t, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, 0, theta, vec, NULL);
    igraph_matrix_destroy(&t);
    return rc;
}

/* e1' exp(T - shift) e1 of the leading k x k tridiagonal; NaN when LAPACK fails. */
static double gauss(const double *alpha, const double *beta, size_t k, double shift) {
    igraph_vector_t theta;
    igraph_matrix_t vec;
    double q = NAN;
    if (igraph_vector_init(&theta, 0) != IGRAPH_SUCCESS) {
        return NAN;
    }
    if (igraph_matrix_init(&vec, 0, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&theta);
        return NAN;
    }
    if (tridiag_eig(alpha, beta, k, &theta, &vec) == IGRAPH_SUCCESS) {
        q = 0;
        for (size_t j = 0; j < k; j++) {
            q += MATRIX(vec, 0, j) * MATRIX(vec, 0, j) * exp(VECTOR(theta)[j] - shift);
        }
    }
    igraph_vector_destroy(&theta);
    igraph_matrix_destroy(&vec);
    return q;
}

typedef struct {
    double *q0, *q1, *w; /* three Lanczos vectors */
    double *alpha, *beta;
    size_t steps; /* the most steps a quadrature took */
} scratch;

/* One Lanczos step from q1 (q0 the previous vector, beta_prev its coefficient): alpha and beta
 * of this step; q0 <- q1, q1 <- the next vector. Returns beta. */
static double step(const allynet__symop *b, scratch *s, double beta_prev, double *alpha) {
    size_t n = b->n;
    apply(b, s->q1, s->w);
    axpy(-beta_prev, s->q0, s->w, n);
    *alpha = dot(s->w, s->q1, n);
    axpy(-*alpha, s->q1, s->w, n);
    double beta = sqrt(dot(s->w, s->w, n));
    double *t = s->q0;
    s->q0 = s->q1;
    s->q1 = t;
    for (size_t i = 0; beta > 0 && i < n; i++) {
        s->q1[i] = s->w[i] / beta;
    }
    return beta;
}

/* v' exp(B - shift) v by Lanczos quadrature. */
static double quadrature(const allynet__symop *b, const double *v, double shift, scratch *s) {
    size_t n = b->n, max = n < MAX_STEPS ? n : MAX_STEPS;
    double norm2 = dot(v, v, n), last = NAN, q = NAN, beta = 0;
    if (norm2 == 0) {
        return 0;
    }
    memset(s->q0, 0, n * sizeof *s->q0);
    for (size_t i = 0; i < n; i++) {
        s->q1[i] = v[i] / sqrt(norm2);
    }
    for (size_t k = 0; k < max; k++) {
        beta = step(b, s, beta, &s->alpha[k]);
        s->beta[k] = beta;
        bool invariant = beta <= 1e-12 * (fabs(s->alpha[k]) + 1), check = (k + 1) % 10 == 0;
        if (invariant || check || k + 1 == max) {
            q = gauss(s->alpha, s->beta, k + 1, shift);
            bool settled = fabs(q - last) <= 1e-13 * fabs(q);
            s->steps = k + 1 > s->steps ? k + 1 : s->steps;
            if (invariant || settled || !isfinite(q)) {
                break;
            }
            last = q;
        }
    }
    return norm2 * q;
}

/* ---- deflation: the top Ritz vectors of a Lanczos run with full reorthogonalisation */

static void orthogonalise(double *w, const double *basis, size_t k, size_t n) {
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < k; j++) {
            axpy(-dot(w, basis + j * n, n), basis + j * n, w, n);
        }
    }
}

/* Lanczos basis (p x n, rows) from a fixed start; returns its length (<= p). */
static size_t basis_run(const allynet__symop *b, double *basis, size_t p, double *alpha,
                        double *beta, double *w) {
    size_t n = b->n, k = 0;
    for (size_t i = 0; i < n; i++) { /* a fixed start with weight everywhere */
        basis[i] = 1.0 + 0.5 * sin(1.0 + (double)i);
    }
    double norm = sqrt(dot(basis, basis, n));
    for (size_t i = 0; i < n; i++) {
        basis[i] /= norm;
    }
    for (k = 0; k < p; k++) {
        double *q = basis + k * n;
        apply(b, q, w);
        alpha[k] = dot(w, q, n);
        orthogonalise(w, basis, k + 1, n);
        beta[k] = sqrt(dot(w, w, n));
        if (k + 1 == p || beta[k] <= 1e-10 * (fabs(alpha[k]) + 1)) {
            return k + 1;
        }
        for (size_t i = 0; i < n; i++) {
            q[n + i] = w[i] / beta[k];
        }
    }
    return k;
}

/* The top r Ritz vectors (rows of v, r x n) and *top, the largest Ritz value. */
static igraph_error_t deflate(const allynet__symop *b, double *v, size_t *r, double *top,
                              scratch *s) {
    size_t n = b->n, p = n < DEFLATE_STEPS ? n : DEFLATE_STEPS;
    double *basis = malloc((p + 1) * n * sizeof *basis);
    igraph_vector_t theta;
    igraph_matrix_t vec;
    if (basis == NULL) {
        return IGRAPH_ENOMEM;
    }
    igraph_error_t rc = igraph_vector_init(&theta, 0);
    if (rc == IGRAPH_SUCCESS && (rc = igraph_matrix_init(&vec, 0, 0)) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&theta);
    }
    if (rc != IGRAPH_SUCCESS) {
        free(basis);
        return rc;
    }
    size_t k = basis_run(b, basis, p, s->alpha, s->beta, s->w);
    rc = tridiag_eig(s->alpha, s->beta, k, &theta, &vec);
    *r = rc == IGRAPH_SUCCESS ? (k < DEFLATED ? k : DEFLATED) : 0;
    *top = rc == IGRAPH_SUCCESS ? VECTOR(theta)[k - 1] : 0;
    for (size_t i = 0; i < *r; i++) { /* eigenvalues ascend: the top ones are last */
        double *vi = v + i * n;
        memset(vi, 0, n * sizeof *vi);
        for (size_t j = 0; j < k; j++) {
            axpy(MATRIX(vec, j, k - 1 - i), basis + j * n, vi, n);
        }
    }
    igraph_vector_destroy(&theta);
    igraph_matrix_destroy(&vec);
    free(basis);
    return rc;
}

/* ---- the estimate */

static uint64_t next_rand(uint64_t *s) { /* splitmix64 */
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A Rademacher vector with the deflated directions projected out. */
static void probe(double *z, const double *v, size_t r, size_t n, uint64_t *rng) {
    for (size_t i = 0; i < n; i += 64) {
        uint64_t bits = next_rand(rng);
        for (size_t j = i; j < n && j < i + 64; j++) {
            z[j] = (bits >> (j - i)) & 1 ? 1.0 : -1.0;
        }
    }
    for (size_t i = 0; i < r; i++) {
        axpy(-dot(z, v + i * n, n), v + i * n, z, n);
    }
}

static bool scratch_init(scratch *s, size_t n) {
    size_t m = (n < MAX_STEPS ? n : MAX_STEPS) + DEFLATE_STEPS + 1;
    *s = (scratch){malloc((n + 1) * sizeof(double)), malloc((n + 1) * sizeof(double)),
                   malloc((n + 1) * sizeof(double)), malloc(m * sizeof(double)),
                   malloc(m * sizeof(double)),       0};
    return s->q0 && s->q1 && s->w && s->alpha && s->beta;
}

static void scratch_free(scratch *s) {
    free(s->q0), free(s->q1), free(s->w), free(s->alpha), free(s->beta);
}

/* The Hutchinson part: probes' quadratures into out->value (mean) and out->se. */
static bool hutchinson(const allynet__symop *b, double shift, const double *v, size_t r,
                       const allynet__krylov_opts *o, scratch *s, allynet__trace *out) {
    size_t n = b->n;
    double *z = malloc((n + 1) * sizeof *z), sum = 0, sum2 = 0;
    uint64_t rng = (uint64_t)o->seed * 0x2545f4914f6cdd1dULL + o->stream;
    size_t probes = o->probes > 2 ? o->probes : 2; /* two at least, for a standard error */
    for (size_t p = 0; z && p < probes; p++) {
        probe(z, v, r, n, &rng);
        double q = quadrature(b, z, shift, s);
        sum += q;
        sum2 += q * q;
        allynet__progress_tell(o->task, (double)(o->done + p), (double)o->total);
    }
    double k = (double)probes, mean = sum / k;
    out->value += mean;
    out->se = k > 1 ? sqrt(fmax(0, (sum2 - sum * mean) / (k - 1)) / k) : NAN;
    free(z);
    return z != NULL;
}

allynet_status allynet__krylov_trace_exp(const allynet__symop *b, double shift,
                                         const allynet__krylov_opts *o, allynet__trace *out,
                                         allynet_error *err) {
    size_t n = b->n, r = 0;
    double top = 0, *v = malloc((DEFLATED + 1) * (n + 1) * sizeof *v);
    scratch s;
    memset(out, 0, sizeof *out);
    if (v == NULL || !scratch_init(&s, n)) {
        free(v);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    igraph_error_t rc = deflate(b, v, &r, &top, &s);
    out->shift = fmax(shift, top); /* exp(B - shift) stays below about 1 */
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < r; i++) {
        out->value += quadrature(b, v + i * n, out->shift, &s);
    }
    bool ok = rc == IGRAPH_SUCCESS && hutchinson(b, out->shift, v, r, o, &s, out);
    out->deflated = r;
    out->probes = o->probes > 2 ? o->probes : 2;
    out->steps = s.steps;
    scratch_free(&s);
    free(v);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "Lanczos", err);
    }
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}
