/* partition.c — comparing two partitions of the same actors: bloc matching by maximum overlap
 * (the Hungarian method through igraph_solve_lsap) and the community comparison measures
 * (NMI, VI, Rand, adjusted Rand, split-join distance through igraph_compare_communities). */
#include "partition.h"

#include "igraph_glue.h"

#include <math.h>
#include <stdlib.h>

/* The labels as igraph wants them: numbered 0, 1, ... in order of first appearance (igraph
 * refuses labels >= n, which a partition of some of a snapshot's actors may hold; the measures
 * do not depend on the names of the groups). */
static allynet_status to_vector(const long *x, size_t n, igraph_vector_int_t *v,
                                allynet_error *err) {
    long top = 0;
    for (size_t i = 0; i < n; i++) {
        top = x[i] > top ? x[i] : top;
    }
    long *name = malloc(((size_t)top + 1) * sizeof *name), next = 0;
    if (name == NULL || igraph_vector_int_init(v, (igraph_integer_t)n) != IGRAPH_SUCCESS) {
        free(name);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (long g = 0; g <= top; g++) {
        name[g] = -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (name[x[i]] < 0) {
            name[x[i]] = next++;
        }
        VECTOR(*v)[i] = name[x[i]];
    }
    free(name);
    return ALLYNET_OK;
}

static igraph_error_t measures(const igraph_vector_int_t *a, const igraph_vector_int_t *b, size_t n,
                               allynet__partition_cmp *out) {
    igraph_integer_t ab = 0, ba = 0;
    igraph_error_t rc = igraph_compare_communities(a, b, &out->nmi, IGRAPH_COMMCMP_NMI);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_compare_communities(a, b, &out->vi, IGRAPH_COMMCMP_VI);
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_split_join_distance(a, b, &ab, &ba);
    }
    out->split_join_ab = (long)ab;
    out->split_join_ba = (long)ba;
    out->split_join = (long)(ab + ba);
    out->rand = out->adjusted_rand = NAN; /* Rand indices need two items */
    if (rc == IGRAPH_SUCCESS && n >= 2) {
        rc = igraph_compare_communities(a, b, &out->rand, IGRAPH_COMMCMP_RAND);
        if (rc == IGRAPH_SUCCESS) {
            rc =
                igraph_compare_communities(a, b, &out->adjusted_rand, IGRAPH_COMMCMP_ADJUSTED_RAND);
        }
    }
    return rc;
}

allynet_status allynet__partition_compare(const long *a, const long *b, size_t n,
                                          allynet__partition_cmp *out, allynet_error *err) {
    igraph_vector_int_t va, vb;
    if (n == 0) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0, "no actors to compare");
    }
    allynet_status st = to_vector(a, n, &va, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    st = to_vector(b, n, &vb, err);
    if (st != ALLYNET_OK) {
        igraph_vector_int_destroy(&va);
        return st;
    }
    igraph_error_t rc = measures(&va, &vb, n, out);
    igraph_vector_int_destroy(&va);
    igraph_vector_int_destroy(&vb);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "comparing blocs", err);
}

/* Cost of pairing bloc i of a with bloc j of b: the actors they do NOT share, so that the
 * minimum-cost assignment is the maximum-overlap matching. Padding rows/columns cost nothing
 * extra (they share no actors). */
static igraph_error_t overlap_costs(const long *a, const long *b, size_t n, size_t k,
                                    igraph_matrix_t *c) {
    igraph_error_t rc = igraph_matrix_init(c, (igraph_integer_t)k, (igraph_integer_t)k);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        MATRIX(*c, a[i], b[i]) -= 1.0;
    }
    igraph_matrix_add_constant(c, (igraph_real_t)n);
    return IGRAPH_SUCCESS;
}

/* The Hungarian method over all k x k pairings; map[j] = -1 for a bloc of b left unmatched. */
static allynet_status match_dense(const long *a, size_t ka, const long *b, size_t kb, size_t n,
                                  long *map, allynet_error *err) {
    size_t k = ka > kb ? ka : kb;
    igraph_matrix_t c;
    igraph_vector_int_t p;
    igraph_error_t rc = overlap_costs(a, b, n, k, &c);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "matching blocs", err);
    }
    rc = igraph_vector_int_init(&p, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_solve_lsap(&c, (igraph_integer_t)k, &p);
        /* p[i] is the bloc of b given to row i (a bloc of a when i < ka). */
        for (size_t j = 0; rc == IGRAPH_SUCCESS && j < kb; j++) {
            map[j] = -1;
        }
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < k; i++) {
            size_t j = (size_t)VECTOR(p)[i];
            if (j < kb && i < ka && MATRIX(c, i, j) < (igraph_real_t)n) {
                map[j] = (long)i; /* paired and sharing at least one actor */
            }
        }
        igraph_vector_int_destroy(&p);
    }
    igraph_matrix_destroy(&c);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "matching blocs", err);
}

allynet_status allynet__bloc_match(const long *a, size_t ka, const long *b, size_t kb, size_t n,
                                   long *map, allynet_error *err) {
    size_t k = ka > kb ? ka : kb;
    if (k == 0) {
        return ALLYNET_OK;
    }
    for (size_t i = 0; i < n; i++) {
        if (a[i] < 0 || (size_t)a[i] >= ka || b[i] < 0 || (size_t)b[i] >= kb) {
            return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0, "bloc label out of range");
        }
    }
    /* k x k costs fit easily up to DENSE_BLOCS; beyond, only the blocs that share actors are
     * paired, piece by piece (match_sparse.c). */
    allynet_status st = k <= ALLYNET__DENSE_BLOCS
                            ? match_dense(a, ka, b, kb, n, map, err)
                            : allynet__bloc_match_sparse(a, ka, b, kb, n, map, err);
    long next = (long)ka;
    for (size_t j = 0; st == ALLYNET_OK && j < kb; j++) {
        if (map[j] < 0) {
            map[j] = next++;
        }
    }
    return st;
}
