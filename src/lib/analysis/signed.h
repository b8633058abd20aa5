/* signed.h — the undirected signed view of a snapshot that balance, frustration and alignment
 * share (library-internal): one edge per unordered pair, its sign and strength, and the pairs
 * that were left out and why. */
#ifndef ALLYNET_SIGNED_H
#define ALLYNET_SIGNED_H

#include "core/internal.h"

/* One undirected signed edge, u < v. w is the signed sum of the pair's directed weights, never
 * 0; sign is +1 or -1. */
typedef struct allynet__sedge {
    size_t u, v;
    double w;
    int sign;
} allynet__sedge;

/* The undirected signed graph. The treatment of a directed snapshot: the weights of both
 * directions of a pair are summed and the edge takes the sign of the sum. A pair whose sum is 0
 * is left out: `ambivalent` when it held ties of both signs, `zero` when its ties all weigh 0. */
typedef struct allynet__signed {
    size_t n, m;
    allynet__sedge *edges; /* m edges, sorted by (u, v) */
    size_t *off;           /* n + 1 offsets into adj */
    size_t *adj;           /* 2m edge indices, each vertex's sorted by neighbour */
    size_t pairs;          /* unordered pairs holding at least one tie */
    size_t reciprocal;     /* pairs tied in both directions (directed snapshots) */
    size_t mixed;          /* reciprocal pairs whose two directions differ in sign */
    size_t ambivalent;     /* mixed pairs whose sum is 0: left out */
    size_t zero;           /* pairs whose ties all weigh 0: left out */
    double scale;          /* edge weights are the ties' times this (1 unless past 2^200) */
} allynet__signed;

/* Builds the view of g into out (overwritten). Free with allynet__signed_destroy.
 * Errors: NOMEM; on error out holds nothing to free. */
allynet_status allynet__signed_build(const allynet_graph *g, allynet__signed *out,
                                     allynet_error *err);
/* Frees what out holds. Accepts a zeroed record. */
void allynet__signed_destroy(allynet__signed *s);
/* The other end of edge e seen from vertex x. */
size_t allynet__signed_other(const allynet__signed *s, size_t e, size_t x);
/* The edge index between u and v, or -1 (binary search, O(log degree)). */
long allynet__signed_find(const allynet__signed *s, size_t u, size_t v);
/* A copy of s with vertex v renumbered rank[v] (a permutation of 0..n-1), into out (free with
 * allynet__signed_destroy). Errors: NOMEM. */
allynet_status allynet__signed_permute(const allynet__signed *s, const size_t *rank,
                                       allynet__signed *out, allynet_error *err);
/* comp[v] = the smallest vertex of v's connected component in s (a new array; free with
 * free()), or NULL when out of memory. */
size_t *allynet__signed_components(const allynet__signed *s);
/* A new array of the actor indices of g in id order (free with free()), or NULL when out of
 * memory. */
size_t *allynet__actor_order(const allynet_graph *g);
/* The treatment text written to JSON and help: how signs were derived. */
extern const char allynet__signed_treatment[];

#endif
