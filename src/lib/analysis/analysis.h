/* analysis.h — private helpers shared by the analysis files (metrics, communities): weighted
 * igraph views of a snapshot that say which ties they kept and how weights were read. */
#ifndef ALLYNET_ANALYSIS_H
#define ALLYNET_ANALYSIS_H

#include "igraph_glue.h"

/* A weighted igraph view of a snapshot: one vertex per actor (vertex i = actor i), one edge per
 * kept tie, or per kept dyad when undirected (a directed graph's reciprocal pair is merged and
 * its magnitudes summed). `strength` holds each edge's magnitude |w| (summed when merged),
 * `length` its reciprocal 1/|w|. Ties with weight 0 are never kept (they have no magnitude
 * and no finite length) and are counted in `excluded_zero`; ties of the other sign are counted
 * in `excluded_sign`. */
typedef struct allynet__view {
    igraph_t graph;
    igraph_vector_t strength;
    igraph_vector_t length;
    bool directed;
    size_t used;          /* ties kept (before merging pairs) */
    size_t excluded_sign; /* ties left out because of their sign */
    size_t excluded_zero; /* ties left out because their weight is 0 */
    double scale;         /* strengths are |w| * scale (1, or 1/max|w| for extreme weights) */
} allynet__view;

/* Builds a view of `g` keeping the ties `sel` names (POSITIVE: w > 0; NEGATIVE: w < 0, read as
 * |w|; ABS: every w != 0, read as |w|). `directed` is honoured only when g is directed.
 * On error nothing is left to free. Destroy with allynet__view_destroy. */
allynet_status allynet__view_init(allynet__view *v, const allynet_graph *g, allynet_tie_select sel,
                                  bool directed, allynet_error *err);
void allynet__view_destroy(allynet__view *v);

/* The name of a tie selection: "positive", "negative", "abs". */
const char *allynet__tie_select_name(allynet_tie_select sel);

/* The treatment record of a metric that reads view v (`reads`: "length" or "strength"). */
json_t *allynet__view_treatment(const allynet__view *v, allynet_tie_select sel, const char *reads);

/* Weighted PageRank on v's strengths into out (n values, summing to 1). False when out of
 * memory. */
bool allynet__pagerank(const allynet__view *v, double damping, double *out);

/* Renumbers a partition canonically: groups numbered 0, 1, ... in the order of their smallest
 * actor id. `raw` and `out` hold n entries (may be the same array); returns the group count. */
size_t allynet__canonical(const allynet_graph *g, const size_t *raw, size_t *out);

/* The Doreian-Mrvar relocation search (blocs.c): `starts` seeded random starts, single moves and
 * (up to 400 actors) pair swaps; best (n entries) receives the best partition found and *optima
 * the number of distinct partitions with that criterion (at most 64 are told apart). */
allynet_status allynet__blocs_search(const allynet_graph *g, size_t k, double alpha, size_t starts,
                                     unsigned long seed, size_t *best, size_t *optima,
                                     allynet_error *err);

/* Betweenness, "out" closeness and harmonic centrality of every vertex of v in one pass
 * (paths.c), into out[0..n), out[n..2n), out[2n..3n); `workers` 2 splits the sources over two
 * processes. False when out of memory. */
bool allynet__paths(const allynet__view *v, int workers, double *out);

/* The igraph-backed parts of allynet_metrics_compute (metrics_igraph.c): betweenness, closeness
 * and harmonic; eigenvector, PageRank, hub and authority; Barrat clustering. Each fills its
 * fields of m->actors and its entries of m->treatment. */
allynet_status allynet__metrics_paths(const allynet_graph *g, const allynet_metrics_options *o,
                                      allynet_metrics *m, allynet_error *err);
allynet_status allynet__metrics_spectral(const allynet_graph *g, const allynet_metrics_options *o,
                                         allynet_metrics *m, allynet_error *err);
allynet_status allynet__metrics_clustering(const allynet_graph *g, const allynet_metrics_options *o,
                                           allynet_metrics *m, allynet_error *err);

#endif
