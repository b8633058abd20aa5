/* figures.h — the per-snapshot figures that `compare` and `timeline` work from (library-internal).
 *
 * compare and timeline never call an analysis directly: they ask figures.c, which gathers one
 * snapshot's per-actor metrics (metrics module), blocs (communities module), balance and
 * frustration (balance module), alignment and polarization (align module). A figure that is
 * not defined is NaN (per network) or a NULL vector (per actor); outputs print null or leave it
 * out. */
#ifndef ALLYNET_FIGURES_H
#define ALLYNET_FIGURES_H

#include "analysis/partition.h"

/* Per-actor metrics, in output order (names as in `allynet metrics`). */
typedef enum {
    ALLYNET__M_DEGREE = 0,   /* ties incident to the actor (in + out) */
    ALLYNET__M_STRENGTH_POS, /* sum of positive incident weights */
    ALLYNET__M_STRENGTH_NEG, /* sum of negative incident weights (<= 0) */
    ALLYNET__M_BETWEENNESS,
    ALLYNET__M_CLOSENESS,
    ALLYNET__M_EIGENVECTOR,
    ALLYNET__M_PAGERANK,
    ALLYNET__M_PN,
    ALLYNET__M_COUNT
} allynet__metric;

/* Network-level figures, in output order. */
typedef enum {
    ALLYNET__F_ACTORS = 0,
    ALLYNET__F_TIES,
    ALLYNET__F_TIES_POS,
    ALLYNET__F_TIES_NEG,
    ALLYNET__F_DENSITY,
    ALLYNET__F_BALANCE,      /* share of balanced triangles (NaN without triangles) */
    ALLYNET__F_FRUSTRATION,  /* frustration (line) index: ties to flip for balance */
    ALLYNET__F_MODULARITY,   /* modularity of the blocs on the positive ties */
    ALLYNET__F_POLARIZATION, /* mean |profile alignment| (align module) */
    ALLYNET__F_BLOCS,        /* number of blocs */
    ALLYNET__F_COUNT
} allynet__figure;

/* The JSON/CSV names of the metrics and figures. */
extern const char *const allynet__metric_names[ALLYNET__M_COUNT];
extern const char *const allynet__figure_names[ALLYNET__F_COUNT];

/* A figure or metric value as JSON: null for NaN, an integer for counts, a real otherwise. */
json_t *allynet__figure_json(int figure, double v);
json_t *allynet__metric_json(int metric, double v);

typedef struct allynet__figures {
    size_t actors;                    /* = actor count of the graph; vectors are in actor order */
    double *metric[ALLYNET__M_COUNT]; /* owned; NULL when that metric is unavailable */
    double *alignment;                /* owned; NULL when the align module found no poles */
    long *bloc;                       /* owned; bloc of each actor, 0 .. blocs-1 */
    size_t blocs;
    const char *bloc_method; /* static string naming how the blocs were found */
    double figure[ALLYNET__F_COUNT];
} allynet__figures;

/* Computes every figure of g, with blocs by `method` seeded with `seed` (reproducible). `out` is
 * filled on OK (free with allynet__figures_destroy; on error nothing needs freeing). */
allynet_status allynet__figures_compute(const allynet_graph *g, unsigned long seed,
                                        allynet_comm_method method, allynet__figures *out,
                                        allynet_error *err);
/* +1 or -1: the sign that orients alignment b like alignment a (poles are numbered per
 * snapshot, so a snapshot's alignment may come mirrored): the sign of the sum of a[i] * b[i]
 * over the n pairs given (+1 when it is 0). */
double allynet__orientation(const double *a, const double *b, size_t n);
/* Frees what out owns. Accepts a zeroed record. */
void allynet__figures_destroy(allynet__figures *f);

/* Resolves a timeline view (timeline_text.c): *metric receives the metric name (checked
 * against the document), *idx (free with free) the indices into tl["actors"] to show, *n their
 * count. Errors: USAGE for an unknown metric or actor; NOMEM. */
allynet_status allynet__timeline_pick(const json_t *tl, const allynet_timeline_view *view,
                                      const char **metric, size_t **idx, size_t *n,
                                      allynet_error *err);

/* The gnuplot script and data file of allynet_timeline_plot for a gnuplot `terminal`
 * (timeline_plot.c), as new strings in *script and *data (free both with free). Input from the
 * document (actor ids, snapshot labels) is only ever in the data, never in the script. Errors:
 * those of allynet__timeline_pick; NOMEM. On error both are NULL. */
allynet_status allynet__timeline_plot_text(const json_t *tl, const allynet_timeline_view *view,
                                           const char *terminal, char **script, char **data,
                                           allynet_error *err);

#endif
