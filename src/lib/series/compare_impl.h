/* compare_impl.h — the working state of one comparison, shared by compare.c (computation) and
 * compare_json.c (the result document). Library-internal. */
#ifndef ALLYNET_COMPARE_IMPL_H
#define ALLYNET_COMPARE_IMPL_H

#include "figures.h"

/* One dyad of the union: actors u <= v (union indices; u < v when undirected), the summed
 * weight on each side (0 when absent) and whether it is present on each side. */
typedef struct allynet__dyad {
    size_t u, v;
    double w[2];
    bool in[2];
} allynet__dyad;

enum {
    ALLYNET__ADDED = 0,
    ALLYNET__REMOVED,
    ALLYNET__FLIPPED,
    ALLYNET__STRENGTHENED,
    ALLYNET__WEAKENED,
    ALLYNET__UNCHANGED,
};

typedef struct allynet__distances {
    double jaccard_pos, jaccard_neg;               /* 1 - |A∩B| / |A∪B| of the tie sets */
    double wjaccard_pos, wjaccard_neg, wjaccard;   /* 1 - Σmin / Σmax of the magnitudes */
    double l1, l1_norm, frobenius, frobenius_norm; /* of the signed adjacency matrices */
} allynet__distances;

typedef struct allynet__cmp {
    const allynet_graph *a, *b;
    allynet_compare_options opt;
    bool directed;
    const char **ids; /* union of actor ids, sorted; borrowed from the graphs */
    size_t n;
    long *ia, *ib;        /* union index -> index in A / B, or -1 */
    size_t *ua, *ub;      /* index in A / B -> union index */
    allynet__dyad *dyads; /* sorted by (u, v) */
    size_t nd;
    allynet__figures fa, fb;
    size_t common;             /* actors in both */
    long *map;                 /* B's bloc -> matched label (A's label, or new ones after them) */
    allynet__partition_cmp pc; /* valid when common > 0 */
    allynet__distances dist;
    double orient; /* +1 or -1: multiplies B's alignment to orient it like A's */
    bool *pole;    /* union index -> leads its bloc (most tie weight) in A or in B */
} allynet__cmp;

/* The change class of a dyad (ALLYNET__ADDED .. ALLYNET__UNCHANGED). */
int allynet__change_of(const allynet__cmp *c, const allynet__dyad *d);
/* The result document of a finished comparison; NULL when out of memory. */
json_t *allynet__compare_json(const allynet__cmp *c);

#endif
