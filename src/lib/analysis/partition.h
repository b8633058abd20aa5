/* partition.h — comparing two partitions of the same actors (partition.c), for the series
 * stage's compare and timeline (library-internal). */
#ifndef ALLYNET_PARTITION_H
#define ALLYNET_PARTITION_H

#include "core/internal.h"

/* The comparison of two partitions of the same items (igraph_compare_communities). */
typedef struct allynet__partition_cmp {
    double nmi;           /* normalised mutual information, 1 = identical */
    double vi;            /* variation of information (nats), 0 = identical */
    double rand;          /* Rand index */
    double adjusted_rand; /* adjusted Rand index; NaN when undefined (one item) */
    long split_join;      /* split-join distance = ab + ba */
    long split_join_ab, split_join_ba;
} allynet__partition_cmp;

/* Compares two partitions of n >= 1 items (labels >= 0). Errors: NOMEM, RUNTIME. */
allynet_status allynet__partition_compare(const long *a, const long *b, size_t n,
                                          allynet__partition_cmp *out, allynet_error *err);

/* Matches the blocs of two partitions of the same `n` items (labels 0..ka-1 and 0..kb-1) by
 * maximum overlap (the Hungarian method, igraph_solve_lsap; O(k^3), k = max(ka, kb), or by
 * pieces of blocs that share actors when k is large).
 * `map` (caller array of kb entries) receives for each bloc of b the label of its match in a, or
 * ka, ka+1, ... for blocs of b left unmatched (a pairing that shares no item is no match). Errors:
 * NOMEM, RUNTIME. */
allynet_status allynet__bloc_match(const long *a, size_t ka, const long *b, size_t kb, size_t n,
                                   long *map, allynet_error *err);

/* Up to this many blocs a side, blocs are matched by one dense assignment; beyond, by pieces of
 * blocs that share actors (match_sparse.c). */
#define ALLYNET__DENSE_BLOCS 1000
/* The matching of allynet__bloc_match by pieces: map[j] = the matched bloc of a, or -1.
 * Errors: NOMEM, RUNTIME. */
allynet_status allynet__bloc_match_sparse(const long *a, size_t ka, const long *b, size_t kb,
                                          size_t n, long *map, allynet_error *err);

#endif
