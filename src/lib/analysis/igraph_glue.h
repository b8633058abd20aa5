/* igraph_glue.h — the private bridge from the allynet model to igraph, for the analysis files
 * only (nothing else includes igraph). */
#ifndef ALLYNET_IGRAPH_GLUE_H
#define ALLYNET_IGRAPH_GLUE_H

#include "core/internal.h"

#include <igraph/igraph.h>

/* Which ties an igraph view keeps. */
typedef enum {
    ALLYNET_TIES_ALL = 0,
    ALLYNET_TIES_POSITIVE, /* weight > 0 */
    ALLYNET_TIES_NEGATIVE, /* weight < 0 */
} allynet_tie_filter;

/* Builds `out` (uninitialised on entry; destroy with igraph_destroy on OK) with one vertex per
 * actor (vertex i = actor i) and one edge per kept tie. When `directed` is false a directed
 * graph's ties become undirected edges (a reciprocal pair stays two parallel edges unless
 * `collapse` merges it, summing weights). `weights` (initialised by the caller, may be NULL)
 * receives the signed weight of each edge, in tie order. */
allynet_status allynet__to_igraph(const allynet_graph *g, allynet_tie_filter which, bool directed,
                                  bool collapse, igraph_t *out, igraph_vector_t *weights,
                                  allynet_error *err);

/* Turns the igraph error recorded by allynet's handler into an allynet error (RUNTIME), naming
 * the operation that failed. Always returns ALLYNET_E_RUNTIME (or NOMEM). */
allynet_status allynet__igraph_fail(igraph_error_t code, const char *what, allynet_error *err);

/* The last warning igraph emitted since the previous call ("" when none); clears it. */
const char *allynet__igraph_take_warning(void);

#endif
