/* render.h — what the diagram builder's files share (library-internal): the rendering context
 * and the steps that fill a drawing (drawing.h) from a snapshot. No Graphviz here. */
#ifndef ALLYNET_RENDER_H
#define ALLYNET_RENDER_H

#include "drawing.h"

/* Colours: a colour-blind-safe pair for the signs (Okabe and Ito's blue and vermillion) and
 * grey for zero-weight ties. */
#define ALLYNET__COLOR_POS "#0072B2"
#define ALLYNET__COLOR_NEG "#D55E00"
#define ALLYNET__COLOR_ZERO "#888888"
#define ALLYNET__COLOR_REMOVED "#AAAAAA"
/* Node fills for the first groups (the rest of Okabe and Ito's palette), then the others. */
#define ALLYNET__GROUP_COLORS 5
#define ALLYNET__COLOR_OTHER_GROUP "#BBBBBB"
#define ALLYNET__COLOR_NO_GROUP "#F2F2F2"
/* Drawn tie widths in points, scaled linearly to the largest |weight| drawn. */
#define ALLYNET__PEN_MIN 0.8
#define ALLYNET__PEN_MAX 5.0

typedef struct allynet__render_ctx {
    const allynet_graph *g;
    const allynet_render_options *o;
    size_t n, m;
    size_t *order;    /* actors sorted by id: order[k] is an actor index */
    size_t *rank;     /* rank[actor] = its position in order */
    double *strength; /* sum of |weight| of each actor's ties */
    double *size;     /* the size metric, scaled to 0..1 */
    long *group;      /* each actor's group: 0, 1, ... by decreasing size; -1 for none */
    size_t n_groups;
    size_t *group_head;  /* each group's member with the largest strength */
    size_t *group_count; /* each group's number of members */
    double *px, *py;     /* known positions (points), when pinned */
    bool *pinned;
    size_t n_pinned;
    allynet_layout layout; /* the engine in use (may differ from the option) */
    /* What the drawing shows, for the legend. */
    bool sign_seen[3]; /* negative, zero, positive */
    bool one_way, both_ways;
    bool style_seen[4]; /* by allynet_tie_style */
    double max_weight;  /* the largest drawn |weight| */
    double min_weight;  /* the smallest */
    double pen_max;     /* the width of the line of max_weight (points) */
    char warning[256];
} allynet__render_ctx;

/* Adds one line to the context's warning (joined by "; "). */
void allynet__render_warn(allynet__render_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The sign class of a weight: -1, 0 or 1. */
int allynet__render_sign(double w);

/* A node's label, its font size (points) and the estimated half-extent of its ellipse
 * (inches), which tie lengths add so that labels do not collide. */
const char *allynet__render_label(const allynet__render_ctx *c, size_t v);
double allynet__render_fontsize(const allynet__render_ctx *c, size_t v);
double allynet__render_radius(const allynet__render_ctx *c, size_t v);

/* Fills c->group, n_groups, group_head and group_count (render_groups.c). */
allynet_status allynet__render_groups(allynet__render_ctx *c, allynet_error *err);
/* A group's fill colour and its name in the legend ("bloc of Venezuela"); name is written to
 * buf. */
const char *allynet__render_group_color(long group);
void allynet__render_group_name(const allynet__render_ctx *c, long group, char *buf, size_t size);

/* Betweenness (undirected, all ties, unweighted) or PageRank (cooperative ties, weighted) of
 * every actor into out[n] (render_metrics.c, through igraph). */
allynet_status allynet__render_centrality(const allynet_graph *g, allynet_size_by which,
                                          double *out, allynet_error *err);

/* Adds the drawn ties (render_ties.c): merges reciprocal pairs, styles by sign, weight and
 * tie style, fills the legend flags. */
void allynet__render_ties(allynet__render_ctx *c, allynet__drawing *d);

/* Sets the graph label: title, subtitle and legend as an HTML-like table (render_legend.c). */
void allynet__render_legend(const allynet__render_ctx *c, allynet__drawing *d);

/* Text escaping for Graphviz values: escString (backslashes doubled, control bytes as spaces)
 * and HTML-like labels (as allynet__html_text, with tab and line feed as spaces too). Both show
 * U+FFFE and U+FFFF, which XML forbids, as U+FFFD. Return new strings (free()), NULL when out
 * of memory. */
char *allynet__esc_string(const char *s);
char *allynet__esc_html(const char *s);
/* Writes s as HTML text or attribute value (the one HTML escaper: Graphviz labels and
 * report.html): & < > " ' become entities; control bytes but tab and newline become spaces;
 * U+FFFE and U+FFFF become U+FFFD. NULL writes nothing. */
void allynet__html_text(FILE *f, const char *s);

#endif
