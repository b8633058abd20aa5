/* graph_int.h — the graph's representation, shared by the files that implement the model
 * (graph.c: building and lookups; graph_order.c: canonical order and bulk loading;
 * subgraph.c: induced subgraphs). */
#ifndef ALLYNET_GRAPH_INT_H
#define ALLYNET_GRAPH_INT_H

#include "internal.h"

struct allynet_graph {
    bool directed;
    json_t *meta;
    allynet_actor *actors;
    size_t n_actors, cap_actors;
    allynet_tie *ties;
    size_t n_ties, cap_ties;
    allynet__strmap actor_index;
    allynet__dyadmap tie_index;
    allynet__strmap pool_index; /* interned strings (relations) */
    char **pool;
    size_t n_pool, cap_pool;
    allynet__strpool ids;     /* actor ids, packed apart so lookups touch few cache lines */
    allynet__strpool strings; /* actor names and kinds */
    bool bulk;                /* ties are appended unindexed until allynet__graph_bulk_end */
};

/* The dyad's hash key: (source, target), or (lower, higher) index when undirected. */
static inline uint64_t allynet__dyad_key(const allynet_graph *g, size_t s, size_t t) {
    if (!g->directed && s > t) {
        size_t x = s;
        s = t;
        t = x;
    }
    return ((uint64_t)s << 32) | (uint64_t)t;
}

/* Appends evidence (an array or NULL, stolen) to the tie's. */
allynet_status allynet__tie_append_evidence(allynet_tie *t, json_t *evidence, allynet_error *err);
/* Turns evidence kept as text (allynet_tie.evidence_text) into the tie's jansson array. */
allynet_status allynet__tie_evidence_json(allynet_tie *t, allynet_error *err);

/* Adds src's tie i into dst, its ends mapped by map (graph.c): weight, relation, events and a
 * copy of its evidence and attributes, summed into an existing tie as allynet_graph_merge
 * does. */
allynet_status allynet__graph_copy_tie(allynet_graph *dst, const allynet_graph *src, size_t i,
                                       const size_t *map, allynet_error *err);

#endif
