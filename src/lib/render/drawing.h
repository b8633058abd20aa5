/* drawing.h — a neutral description of a diagram: nodes, edges and clusters with Graphviz-style
 * attributes (key=value strings). render.c builds one from a snapshot without any Graphviz
 * include; graphviz_draw.c lays it out and draws it (library-internal).
 *
 * Values are plain strings as in DOT. A `label` is always an escString (an actor id that looks
 * like `<...>` stays text); the key `html_label`, written `<...>` as in DOT, sets the label as an
 * HTML-like label. */
#ifndef ALLYNET_DRAWING_H
#define ALLYNET_DRAWING_H

#include "core/internal.h"

/* An owned list of key/value pairs: kv[2i] the key, kv[2i+1] the value. */
typedef struct allynet__attrs {
    char **kv;
    size_t len; /* number of pairs */
    size_t cap;
} allynet__attrs;

typedef struct allynet__dnode {
    char *name;   /* owned: the Graphviz node name (the actor id) */
    long cluster; /* index into clusters, or -1 for the root graph */
    allynet__attrs attrs;
} allynet__dnode;

typedef struct allynet__dedge {
    size_t tail, head; /* node indices */
    allynet__attrs attrs;
} allynet__dedge;

typedef struct allynet__drawing {
    bool directed;
    char engine[16]; /* neato, fdp, sfdp, circo, dot */
    char format[8];  /* svg, png, pdf, dot */
    allynet__attrs graph, node_defaults, edge_defaults;
    allynet__dnode *nodes;
    size_t n_nodes, cap_nodes;
    allynet__dedge *edges;
    size_t n_edges, cap_edges;
    allynet__attrs *clusters; /* cluster i is drawn as subgraph "cluster_i" */
    size_t n_clusters, cap_clusters;
    bool nomem; /* set by any builder call that ran out of memory; check once at the end */
} allynet__drawing;

/* Empties d. destroy frees everything it owns (accepts a zeroed drawing). */
void allynet__drawing_init(allynet__drawing *d, bool directed);
void allynet__drawing_destroy(allynet__drawing *d);

/* Sets key to the printf-formatted value on a list of d (replacing an earlier value). On
 * allocation failure sets d->nomem and changes nothing. */
void allynet__draw_set(allynet__drawing *d, allynet__attrs *a, const char *key, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));
/* The value of key on a, or NULL. */
const char *allynet__attrs_get(const allynet__attrs *a, const char *key);

/* Adds a node / an edge / a cluster and returns a pointer to its attributes (NULL and d->nomem
 * when out of memory). Pointers stay valid until the next add of the same kind. */
allynet__attrs *allynet__draw_node(allynet__drawing *d, const char *name, long cluster);
allynet__attrs *allynet__draw_edge(allynet__drawing *d, size_t tail, size_t head);
allynet__attrs *allynet__draw_cluster(allynet__drawing *d);

/* Lays out and draws d (graphviz_draw.c). *out receives a new buffer of *out_len bytes in d->format
 * (free with free()). x and y (may be NULL; d->n_nodes each) receive every node's final position
 * in points. Errors: USAGE for an engine or format Graphviz lacks, RUNTIME when layout or
 * rendering fails, NOMEM. On error *out is NULL. */
allynet_status allynet__drawing_render(const allynet__drawing *d, char **out, size_t *out_len,
                                       double *x, double *y, allynet_error *err);

#endif
