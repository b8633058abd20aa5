/* graphviz_pairs.h — the second line of a pair of nodes, drawn beside the routed first so that
 * Graphviz's multi-edge router never runs (graphviz_pairs.c; library-internal). */
#ifndef ALLYNET_GRAPHVIZ_PAIRS_H
#define ALLYNET_GRAPHVIZ_PAIRS_H

#include "drawing.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* Marks in skip (d->n_edges, zeroed by the caller) every edge of d that joins the same two
 * nodes as an earlier edge, and gives in partner[i] that earlier edge. Returns whether any was
 * marked and every pair can be drawn this way: two edges, one each way or both the same way,
 * arrows only at heads (dir forward or none), no ports; false means the caller must draw d
 * another way. */
bool allynet__gv_pairs_plan(const allynet__drawing *d, bool *skip, size_t *partner);

/* After layout of g without the skipped edges: adds each skipped edge i between nodes[tail] and
 * nodes[head] with its attributes set by set_attrs, and gives it the partner's routed spline,
 * reversed where it runs the other way; both are then moved apart to either side. edges[i]
 * holds the partner's cgraph edge for every edge i that was laid out. False when out of memory or
 * when a partner has no spline (the caller then fails the drawing). */
bool allynet__gv_pairs_add(Agraph_t *g, const allynet__drawing *d, Agnode_t **nodes,
                           Agedge_t **edges, const bool *skip, const size_t *partner,
                           bool (*set_attrs)(Agraph_t *, void *, const allynet__attrs *));

#endif
