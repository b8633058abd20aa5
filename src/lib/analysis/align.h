/* align.h — tie profiles and their similarity, shared by the alignment (align.c) and the search
 * for the most and least similar pairs of large snapshots (align_pairs.c); library-internal. */
#ifndef ALLYNET_ALIGN_H
#define ALLYNET_ALIGN_H

#include "frustration.h"

/* The tie profiles of a signed view: x_ik = w_ik / scale (the sign alone when scale is 0),
 * x_ii = 1. */
typedef struct allynet__profiles {
    const allynet__signed *s;
    double scale; /* W, or 0 for signs */
} allynet__profiles;

/* The profile value of edge e. */
static inline double allynet__profile_value(const allynet__profiles *p, size_t e) {
    return p->scale > 0 ? p->s->edges[e].w / p->scale : p->s->edges[e].sign;
}

/* Similarity of two actors' profiles. */
typedef struct allynet__similarity {
    double s, kappa, pi; /* kappa and pi are NAN when chance agreement is 1 */
} allynet__similarity;

/* S-score, kappa and pi of actors i and j, in O(degree of i + degree of j). */
allynet__similarity allynet__profile_compare(const allynet__profiles *p, size_t i, size_t j);

/* A pair and its S-score; lists of the best pairs at either end. */
typedef struct allynet__ranked_pair {
    double s;
    size_t i, j;
} allynet__ranked_pair;

/* Keeps the `top` best pairs in list (sign +1: highest S first; -1: lowest first); a pair equal
 * to the last kept one does not enter. */
void allynet__keep_top(allynet__ranked_pair *list, size_t *len, size_t top, allynet__ranked_pair x,
                       int sign);

/* The `top` most similar (hi, *nh) and least similar (lo, *nl) pairs without comparing every
 * pair (align_pairs.c): the same S values as the full scan; among pairs of equal S another may
 * be listed. `rank` gives each actor's place in id order. *hubs receives the number of partners
 * above which a shared partner was not enough to compare a pair (0: none skipped; then the
 * values are exact). False when out of memory. */
bool allynet__top_pairs(const allynet__profiles *p, const size_t *rank, size_t top,
                        allynet__ranked_pair *hi, size_t *nh, allynet__ranked_pair *lo, size_t *nl,
                        size_t *hubs);

#endif
