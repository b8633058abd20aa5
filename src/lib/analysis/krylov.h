/* krylov.h — traces of matrix exponentials of large sparse symmetric matrices by stochastic
 * Lanczos quadrature (krylov.c), for the walk-based balance of large components
 * (library-internal). */
#ifndef ALLYNET_KRYLOV_H
#define ALLYNET_KRYLOV_H

#include "igraph_glue.h"

/* A symmetric n x n matrix in compressed rows: row i holds val[k] at column col[k] for k in
 * off[i] .. off[i+1]-1 (borrowed arrays). */
typedef struct allynet__symop {
    size_t n;
    const size_t *off, *col;
    const double *val;
} allynet__symop;

typedef struct allynet__krylov_opts {
    size_t probes;      /* Hutchinson probes (>= 2 for a standard error) */
    unsigned long seed; /* draws the probes */
    uint64_t stream;    /* a second matrix with the same seed draws other probes */
    const char *task;   /* progress: its name, and `done` of `total` before this estimate */
    size_t done, total;
} allynet__krylov_opts;

/* An estimate of tr(exp(B - shift)). */
typedef struct allynet__trace {
    double value;    /* the estimate */
    double se;       /* its standard error (the probes' sampling error) */
    double shift;    /* the shift used: the one asked for, or B's top Ritz value when larger */
    size_t probes;   /* Hutchinson probes */
    size_t deflated; /* top Ritz vectors taken exactly */
    size_t steps;    /* the most Lanczos steps one quadrature took */
} allynet__trace;

/* Estimates tr(exp(B - shift')) with shift' = max(shift, top Ritz value of B), reported in
 * out->shift. Errors: NOMEM, RUNTIME (LAPACK). */
allynet_status allynet__krylov_trace_exp(const allynet__symop *b, double shift,
                                         const allynet__krylov_opts *o, allynet__trace *out,
                                         allynet_error *err);

#endif
