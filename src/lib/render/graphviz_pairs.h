/* graphviz_pairs.h — the second line of a pair of nodes, drawn beside the routed first so that
 * Graphviz's multi-edge router never runs (graphviz_pairs.c; library-internal). */
#ifndef ALLYNET_GRAPHVIZ_PAIRS_H
#define ALLYNET_GRAPHVIZ_PAIRS_H

#include "drawing.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* What Graphviz 2.42 would do with d's edges when splines are routed. */
typedef enum {
    ALLYNET__GV_SINGLE, /* one edge per pair of nodes, no port: routed as they are */
    ALLYNET__GV_PAIRS,  /* pairs of two, arrows at heads: drawn with allynet__gv_pairs_add */
    ALLYNET__GV_MULTI   /* anything else on one pair, or a port: only straight lines are safe */
} allynet__gv_edges;

/* Classifies d's edges; for ALLYNET__GV_PAIRS marks in skip (d->n_edges, zeroed by the caller)
 * every edge that joins the same two nodes as an earlier one, with that edge in partner[i].
 * Out of memory gives ALLYNET__GV_MULTI (the safe answer). Loops do not count: Graphviz has
 * their own router. */
allynet__gv_edges allynet__gv_pairs_plan(const allynet__drawing *d, bool *skip, size_t *partner);

/* After layout of g without the skipped edges: adds each skipped edge i between nodes[tail] and
 * nodes[head] with its attributes set by set_attrs, and gives it the partner's routed spline,
 * reversed where it runs the other way; both are then moved apart to either side. edges[i]
 * holds the partner's cgraph edge for every edge i that was laid out. False when out of memory or
 * when a partner has no spline (the caller then fails the drawing). */
bool allynet__gv_pairs_add(Agraph_t *g, const allynet__drawing *d, Agnode_t **nodes,
                           Agedge_t **edges, const bool *skip, const size_t *partner,
                           bool (*set_attrs)(Agraph_t *, void *, const allynet__attrs *));

#endif
