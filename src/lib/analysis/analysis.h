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

/* Eigenvector centrality of v's strengths (max 1) into out (n values) by power iteration on
 * A + cI (eigen_power.c), the fallback when ARPACK does not converge. Returns 0 when converged
 * (changes below 1e-14), 1 when the step budget ran out (out holds the last iterate), -1 when out
 * of memory; sets *iterations and *last_change (the largest change of the last step). */
int allynet__eigenvector_power(const allynet__view *v, double *out, size_t *iterations,
                               double *last_change);

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
 * processes. Exact work that takes long sends a cost estimate first. False when out of memory. */
bool allynet__paths(const allynet__view *v, int workers, double *out);

/* A pass of single-source shortest paths over some sources of a view (paths.c). */
typedef struct allynet__paths_job {
    const allynet__view *v;
    const size_t *sources; /* the sources, or NULL for every vertex */
    size_t count;          /* how many sources (when `sources` is set) */
    bool sampled;          /* sums over pivots (5n values) instead of exact values (3n) */
    int reach;   /* sampled: closeness reads distances from the pivot (0), to it (1), either (2) */
    int workers; /* 1, or 2 processes */
    const char *task; /* its name in progress reports */
    /* Called once by the reporting process after its first few sources, with the mean
     * seconds one took (may be NULL). */
    void (*first)(const struct allynet__paths_job *job, double seconds);
} allynet__paths_job;

/* Runs the job. Exact: out[0..3n) as allynet__paths, over the job's sources. Sampled: per
 * vertex v, sums over the pivots p of Brandes' dependency delta_p(v) (out[0..n), halved when
 * undirected, as betweenness is), of its square (out[n..2n)), and over the pivots v reaches
 * (job->reach) other than v itself of the distance (out[2n..3n)), a count (out[3n..4n)) and
 * 1/distance (out[4n..5n)). False when out of memory. */
bool allynet__paths_run(const allynet__paths_job *job, double *out);

/* Large graphs (paths_sampled.c): the number of pivots to sample the path metrics of v with,
 * or 0 for exact work (o->exact, a small graph, or pivots that would cover every actor). */
size_t allynet__paths_pivots(const allynet__view *v, const allynet_metrics_options *o);
/* Betweenness, closeness (o->mode) and harmonic of every actor estimated from k sampled pivots
 * into m->actors, their methods into m->approximations. Errors: NOMEM. */
allynet_status allynet__paths_sampled(const allynet__view *v, const allynet_metrics_options *o,
                                      size_t k, allynet_metrics *m, allynet_error *err);
/* The `first` hook of an exact job: a note with the cost of the whole job when it is long. */
void allynet__paths_exact_note(const allynet__paths_job *job, double seconds);

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
