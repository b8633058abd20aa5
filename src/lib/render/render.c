/* render.c — network diagrams: turns a snapshot and the render options into a neutral drawing
 * description (drawing.h) — nodes filled by group and sized by a metric, ties styled by sign
 * and weight, the title block — and hands it to graphviz_draw.c for layout and output. */
#include "render.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Beyond this many actors an engine takes too long (or too much memory): sfdp takes over. */
#define LARGE_GRAPH 1000
#define CIRCO_TIES 200
#define ROUTED_EDGES 300

static const char *format_names[] = {"svg", "png", "pdf", "dot", NULL};
static const char *layout_names[] = {"neato", "fdp", "sfdp", "circo", "dot", NULL};
static const char *color_names[] = {"bloc", "community", "none", NULL};
static const char *size_names[] = {"strength", "degree", "betweenness", "pagerank", "none", NULL};
static const char *label_names[] = {"name", "id", NULL};

static bool lookup(const char *const *names, const char *s, int *out) {
    for (int i = 0; s && names[i]; i++) {
        if (strcmp(names[i], s) == 0) {
            *out = i;
            return true;
        }
    }
    return false;
}

#define PARSER(fn, type, names)                                                                    \
    bool fn(const char *s, type *out) {                                                            \
        int i;                                                                                     \
        if (!lookup(names, s, &i)) {                                                               \
            return false;                                                                          \
        }                                                                                          \
        *out = (type)i;                                                                            \
        return true;                                                                               \
    }
PARSER(allynet_render_format_parse, allynet_render_format, format_names)
PARSER(allynet_layout_parse, allynet_layout, layout_names)
PARSER(allynet_color_by_parse, allynet_color_by, color_names)
PARSER(allynet_size_by_parse, allynet_size_by, size_names)
PARSER(allynet_label_by_parse, allynet_label_by, label_names)

const char *allynet_layout_name(allynet_layout l) {
    return (unsigned)l <= ALLYNET_LAYOUT_DOT ? layout_names[l] : "?";
}

bool allynet_render_format_from_path(const char *path, allynet_render_format *out) {
    const char *dot = strrchr(path, '.');
    if (dot == NULL || strchr(dot, '/') != NULL) {
        return false;
    }
    for (int i = 0; format_names[i]; i++) {
        if (strcasecmp(dot + 1, format_names[i]) == 0) {
            *out = (allynet_render_format)i;
            return true;
        }
    }
    if (strcasecmp(dot, ".gv") == 0) {
        *out = ALLYNET_RENDER_DOT;
        return true;
    }
    return false;
}

void allynet_render_options_init(allynet_render_options *o) {
    memset(o, 0, sizeof *o);
    o->legend = true;
    o->switch_large = true;
    o->seed = 42;
}

void allynet_render_result_destroy(allynet_render_result *r) {
    if (r == NULL) {
        return;
    }
    free(r->data);
    free(r->x);
    free(r->y);
    memset(r, 0, sizeof *r);
}

/* ---------------------------------------------------------------- helpers */

int allynet__render_sign(double w) {
    return w > 0 ? 1 : w < 0 ? -1 : 0;
}

void allynet__render_warn(allynet__render_ctx *c, const char *fmt, ...) {
    size_t len = strlen(c->warning);
    if (len > 0 && len + 2 < sizeof c->warning) {
        memcpy(c->warning + len, "; ", 3);
        len += 2;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->warning + len, sizeof c->warning - len, fmt, ap);
    va_end(ap);
}

/* A byte that has no place in a label or in SVG (XML 1.0 forbids most control characters, even
 * as references): shown as a space. */
static bool control(char c) {
    return (unsigned char)c < 0x20 || c == 0x7f;
}

/* The last byte of U+FFFE or U+FFFF (EF BF BE, EF BF BF), which XML forbids even as references:
 * the character is shown as U+FFFD (EF BF BD) instead. */
static bool nonchar_end(const char *s, const char *p) {
    return p - s >= 2 && (unsigned char)p[-2] == 0xEF && (unsigned char)p[-1] == 0xBF &&
           ((unsigned char)p[0] == 0xBE || (unsigned char)p[0] == 0xBF);
}

char *allynet__esc_string(const char *s) {
    size_t extra = 0;
    for (const char *p = s; *p; p++) {
        extra += *p == '\\';
    }
    char *out = malloc(strlen(s) + extra + 1), *q = out;
    for (const char *p = s; out && *p; p++) {
        if (*p == '\\') {
            *q++ = '\\';
        }
        *q++ = control(*p) ? ' ' : nonchar_end(s, p) ? (char)0xBD : *p;
    }
    if (out) {
        *q = '\0';
    }
    return out;
}

void allynet__html_text(FILE *f, const char *s) {
    for (const char *start = s; s != NULL && *s != '\0'; s++) {
        unsigned char c = nonchar_end(start, s) ? 0xBD : (unsigned char)*s;
        const char *entity = c == '&'    ? "&amp;"
                             : c == '<'  ? "&lt;"
                             : c == '>'  ? "&gt;"
                             : c == '"'  ? "&quot;"
                             : c == '\'' ? "&#39;"
                                         : NULL;
        if (entity != NULL) {
            fputs(entity, f);
        } else {
            fputc(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c, f);
        }
    }
}

char *allynet__esc_html(const char *s) {
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (f == NULL) {
        return NULL;
    }
    allynet__html_text(f, s);
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    /* Graphviz reads a label's backslashes as escapes after the HTML (backslash-G is the graph's
     * name, two backslashes are one): each is doubled, so a title ending in two backslashes keeps
     * them, and one naming "\\G" shows it as written (found by fuzz_write_svg). */
    size_t n = 0;
    for (const char *p = out; *p; p++) {
        n += *p == '\\';
    }
    char *twice = malloc(strlen(out) + n + 1), *q = twice;
    for (const char *p = out; twice && *p; p++) {
        *q++ = *p == '\t' || *p == '\n' ? ' ' : *p; /* Graphviz drops them, joining the words */
        if (*p == '\\') {
            *q++ = '\\';
        }
    }
    if (twice) {
        *q = '\0';
    }
    free(out);
    return twice;
}

/* ---------------------------------------------------------------- the context */

static const allynet__render_ctx *order_ctx; /* qsort has no context argument */

static int cmp_actor(const void *a, const void *b) {
    return strcmp(allynet_graph_actor(order_ctx->g, *(const size_t *)a)->id,
                  allynet_graph_actor(order_ctx->g, *(const size_t *)b)->id);
}

static void ctx_destroy(allynet__render_ctx *c) {
    free(c->order);
    free(c->rank);
    free(c->strength);
    free(c->size);
    free(c->group);
    free(c->group_head);
    free(c->group_count);
    free(c->px);
    free(c->py);
    free(c->pinned);
}

static bool ctx_alloc(allynet__render_ctx *c) {
    size_t n = c->n + 1;
    c->order = malloc(n * sizeof *c->order);
    c->rank = malloc(n * sizeof *c->rank);
    c->strength = calloc(n, sizeof *c->strength);
    c->size = calloc(n, sizeof *c->size);
    c->group = malloc(n * sizeof *c->group);
    c->group_head = malloc(n * sizeof *c->group_head);
    c->group_count = calloc(n, sizeof *c->group_count);
    c->px = calloc(n, sizeof *c->px);
    c->py = calloc(n, sizeof *c->py);
    c->pinned = calloc(n, sizeof *c->pinned);
    return c->order && c->rank && c->strength && c->size && c->group && c->group_head &&
           c->group_count && c->px && c->py && c->pinned;
}

/* Degree: the number of distinct partners, whatever the direction. */
static void degrees(const allynet__render_ctx *c, double *out) {
    for (size_t i = 0; i < c->m; i++) {
        const allynet_tie *t = allynet_graph_tie(c->g, i);
        long r =
            allynet_graph_directed(c->g) ? allynet_graph_find_tie(c->g, t->target, t->source) : -1;
        if (r < 0 || (size_t)r > i) {
            out[t->source] += 1;
            out[t->target] += 1;
        }
    }
}

static allynet_status sizes(allynet__render_ctx *c, allynet_error *err) {
    for (size_t i = 0; i < c->m; i++) {
        const allynet_tie *t = allynet_graph_tie(c->g, i);
        c->strength[t->source] += fabs(t->weight);
        c->strength[t->target] += fabs(t->weight);
    }
    allynet_size_by by = c->o->size_by;
    if (by == ALLYNET_SIZE_STRENGTH) {
        memcpy(c->size, c->strength, c->n * sizeof *c->size);
    } else if (by == ALLYNET_SIZE_DEGREE) {
        degrees(c, c->size);
    } else if ((by == ALLYNET_SIZE_BETWEENNESS || by == ALLYNET_SIZE_PAGERANK) && c->n > 0) {
        allynet_status st = allynet__render_centrality(c->g, by, c->size, err);
        if (st != ALLYNET_OK) {
            return st;
        }
    }
    double max = 0;
    for (size_t v = 0; v < c->n; v++) {
        max = fmax(max, c->size[v]);
    }
    for (size_t v = 0; v < c->n; v++) {
        c->size[v] = max > 0 ? c->size[v] / max : 0;
    }
    return ALLYNET_OK;
}

/* Reads a position from an actor's attributes: "x" and "y" numbers, or "pos" as "x,y" or
 * [x, y]. Returns false when it has none. */
static bool actor_position(const allynet_actor *a, double *x, double *y) {
    json_t *jx = json_object_get(a->attrs, "x"), *jy = json_object_get(a->attrs, "y");
    json_t *pos = json_object_get(a->attrs, "pos");
    if (json_is_number(jx) && json_is_number(jy)) {
        *x = json_number_value(jx);
        *y = json_number_value(jy);
    } else if (json_is_array(pos) && json_array_size(pos) == 2 &&
               json_is_number(json_array_get(pos, 0)) && json_is_number(json_array_get(pos, 1))) {
        *x = json_number_value(json_array_get(pos, 0));
        *y = json_number_value(json_array_get(pos, 1));
    } else if (json_is_string(pos)) {
        char tail = '\0';
        if (sscanf(json_string_value(pos), "%lf,%lf%c", x, y, &tail) < 2 ||
            (tail != '\0' && tail != '!')) {
            return false;
        }
    } else {
        return false;
    }
    return isfinite(*x) && isfinite(*y);
}

static allynet_status positions(allynet__render_ctx *c, allynet_error *err) {
    const allynet_graph *p = c->o->positions;
    if (p == NULL) {
        return ALLYNET_OK;
    }
    if (c->layout != ALLYNET_LAYOUT_NEATO && c->layout != ALLYNET_LAYOUT_FDP) {
        allynet__render_warn(c, "positions are kept by neato and fdp only; %s ignores them",
                             allynet_layout_name(c->layout));
        return ALLYNET_OK;
    }
    for (size_t v = 0; v < c->n; v++) {
        long k = allynet_graph_find_actor(p, allynet_graph_actor(c->g, v)->id);
        if (k >= 0 && actor_position(allynet_graph_actor(p, (size_t)k), &c->px[v], &c->py[v])) {
            c->pinned[v] = true;
            c->n_pinned++;
        }
    }
    if (c->n_pinned == 0 && c->n > 0) {
        allynet__render_warn(c, "no actor of this graph has a position in the positions file");
    }
    (void)err;
    return ALLYNET_OK;
}

/* Whether the graph is too large for the chosen engine: more than LARGE_GRAPH actors outside
 * sfdp, or more than CIRCO_TIES ties for circo and dot (circo took 14 s for 360 ties, both
 * took minutes for 1,200). */
static bool too_large(const allynet__render_ctx *c, allynet_layout l, char *why, size_t size) {
    if (c->n > LARGE_GRAPH && l != ALLYNET_LAYOUT_SFDP) {
        snprintf(why, size, "%zu actors are too many for %s (at most %d)", c->n,
                 allynet_layout_name(l), LARGE_GRAPH);
        return true;
    }
    if (c->m > CIRCO_TIES && (l == ALLYNET_LAYOUT_CIRCO || l == ALLYNET_LAYOUT_DOT)) {
        snprintf(why, size, "%zu ties are too many for %s (at most %d)", c->m,
                 allynet_layout_name(l), CIRCO_TIES);
        return true;
    }
    return false;
}

static void choose_layout(allynet__render_ctx *c) {
    char why[160];
    c->layout = c->o->layout;
    if (too_large(c, c->layout, why, sizeof why)) {
        allynet__render_warn(c, "%s; drawing with sfdp instead", why);
        c->layout = ALLYNET_LAYOUT_SFDP;
    }
}

static allynet_status ctx_init(allynet__render_ctx *c, const allynet_graph *g,
                               const allynet_render_options *o, allynet_error *err) {
    memset(c, 0, sizeof *c);
    c->g = g;
    c->o = o;
    c->n = allynet_graph_actor_count(g);
    c->m = allynet_graph_tie_count(g);
    if (!ctx_alloc(c)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t v = 0; v < c->n; v++) {
        c->order[v] = v;
    }
    order_ctx = c;
    qsort(c->order, c->n, sizeof *c->order, cmp_actor);
    for (size_t k = 0; k < c->n; k++) {
        c->rank[c->order[k]] = k;
    }
    if (c->n > ALLYNET_RENDER_MAX_ACTORS || c->m > ALLYNET_RENDER_MAX_TIES) {
        return allynet_error_set(
            err, ALLYNET_E_INPUT, NULL, 0, 0,
            "%zu actors and %zu ties are too many to draw (at most %d actors and %d ties: the "
            "layout would take hours and gigabytes, and no one could read it); draw the "
            "strongest actors instead (allynet render --top 300), or open the graph in Gephi "
            "(allynet convert G OUT.gexf)",
            c->n, c->m, ALLYNET_RENDER_MAX_ACTORS, ALLYNET_RENDER_MAX_TIES);
    }
    char why[160];
    if (!o->switch_large && too_large(c, o->layout, why, sizeof why)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0, "%s; use --layout sfdp", why);
    }
    choose_layout(c);
    allynet_status st = sizes(c, err);
    if (st == ALLYNET_OK) {
        st = allynet__render_groups(c, err);
    }
    return st == ALLYNET_OK ? positions(c, err) : st;
}

/* ---------------------------------------------------------------- the drawing */

static bool clusters_drawn(const allynet__render_ctx *c) {
    return c->o->clusters && (c->layout == ALLYNET_LAYOUT_FDP || c->layout == ALLYNET_LAYOUT_DOT);
}

static void graph_attrs(allynet__render_ctx *c, allynet__drawing *d) {
    static const char *font = "Helvetica,Arial,sans-serif";
    allynet__attrs *g = &d->graph;
    /* neato and the others skip the graph label of a graph without nodes; dot draws it. */
    snprintf(d->engine, sizeof d->engine, "%s",
             allynet_layout_name(c->n == 0 ? ALLYNET_LAYOUT_DOT : c->layout));
    snprintf(d->format, sizeof d->format, "%s", format_names[c->o->format]);
    allynet__draw_set(d, g, "fontname", "%s", font);
    allynet__draw_set(d, g, "labelloc", "t");
    allynet__draw_set(d, g, "bgcolor", "white");
    allynet__draw_set(d, g, "pad", "0.3");
    allynet__draw_set(d, g, "outputorder", "edgesfirst");
    if (c->n_pinned > 0) { /* every overlap removal moves pinned nodes too */
        allynet__draw_set(d, g, "overlap", "true");
    } else if (c->layout != ALLYNET_LAYOUT_DOT && c->layout != ALLYNET_LAYOUT_CIRCO) {
        allynet__draw_set(d, g, "overlap", "prism");
        allynet__draw_set(d, g, "overlap_scaling", "0"); /* lengths already leave room */
    }
    if (c->layout != ALLYNET_LAYOUT_DOT && c->layout != ALLYNET_LAYOUT_CIRCO) {
        allynet__draw_set(d, g, "sep", "+8");
        allynet__draw_set(d, g, "esep", "+4");
    }
    if (c->layout == ALLYNET_LAYOUT_NEATO || c->layout == ALLYNET_LAYOUT_FDP) {
        allynet__draw_set(d, g, "start", "%lu", c->o->seed);
    }
    if (c->o->format == ALLYNET_RENDER_PNG) {
        allynet__draw_set(d, g, "size", "40,40"); /* cairo refuses larger bitmaps */
    }
    if (c->n_pinned > 0) {
        allynet__draw_set(d, g, "inputscale", "72"); /* positions are in points */
        allynet__draw_set(d, g, "notranslate", "true");
    }
    if (c->layout == ALLYNET_LAYOUT_DOT) {
        allynet__draw_set(d, g, "ranksep", "0.8");
    }
    allynet__draw_set(d, &d->node_defaults, "fontname", "%s", font);
    allynet__draw_set(d, &d->node_defaults, "style", "filled");
    allynet__draw_set(d, &d->node_defaults, "color", "#444444");
    allynet__draw_set(d, &d->node_defaults, "penwidth", "0.8");
    allynet__draw_set(d, &d->edge_defaults, "arrowsize", "0.6");
    if (c->o->clusters && !clusters_drawn(c)) {
        allynet__render_warn(c, "clusters are drawn by fdp and dot only, not by %s",
                             allynet_layout_name(c->layout));
    }
}

static void add_clusters(const allynet__render_ctx *c, allynet__drawing *d) {
    char name[300];
    for (size_t k = 0; clusters_drawn(c) && k < c->n_groups; k++) {
        allynet__attrs *a = allynet__draw_cluster(d);
        allynet__render_group_name(c, (long)k, name, sizeof name);
        char *esc = allynet__esc_string(name);
        allynet__draw_set(d, a, "label", "%s", esc ? esc : "");
        d->nomem = d->nomem || esc == NULL;
        free(esc);
        allynet__draw_set(d, a, "style", "rounded,dashed");
        allynet__draw_set(d, a, "color", "#999999");
        allynet__draw_set(d, a, "fontcolor", "#555555");
        allynet__draw_set(d, a, "fontsize", "11");
    }
}

double allynet__render_fontsize(const allynet__render_ctx *c, size_t v) {
    return c->o->size_by == ALLYNET_SIZE_NONE ? 11 : 9 + 9 * sqrt(c->size[v]);
}

const char *allynet__render_label(const allynet__render_ctx *c, size_t v) {
    const allynet_actor *a = allynet_graph_actor(c->g, v);
    return c->o->label_by == ALLYNET_LABEL_NAME && a->name ? a->name : a->id;
}

double allynet__render_radius(const allynet__render_ctx *c, size_t v) {
    size_t chars = 0;
    for (const char *p = allynet__render_label(c, v); *p; p++) {
        chars += ((unsigned char)*p & 0xC0) != 0x80; /* UTF-8 code points */
    }
    /* Graphviz's ellipse around a label is about 0.85 pt wide per character and point of font
     * size, at least 0.75 in, and 0.5 in high. */
    double w = fmax(0.75, 0.85 * (double)chars * allynet__render_fontsize(c, v) / 72);
    return 0.42 * w + 0.1; /* nearly the half-width: ties leave sideways as often as not */
}

static void node_tooltip(const allynet__render_ctx *c, allynet__drawing *d, allynet__attrs *a,
                         size_t v) {
    const allynet_actor *act = allynet_graph_actor(c->g, v);
    char grp[300], *first = NULL, *second = NULL;
    allynet__render_group_name(c, c->group[v], grp, sizeof grp);
    if (asprintf(&first, "%s (%s)", act->name ? act->name : act->id, act->id) < 0) {
        first = NULL;
    }
    if (asprintf(&second, "%s · %s · strength %.4g", act->kind ? act->kind : "actor", grp,
                 c->strength[v]) < 0) {
        second = NULL;
    }
    /* Each line escaped on its own: a line break inside a name is a space, not a new line. */
    char *e1 = first ? allynet__esc_string(first) : NULL;
    char *e2 = second ? allynet__esc_string(second) : NULL;
    if (e1 && e2) {
        allynet__draw_set(d, a, "tooltip", "%s\\n%s", e1, e2);
    }
    d->nomem = d->nomem || e1 == NULL || e2 == NULL;
    free(e1);
    free(e2);
    free(first);
    free(second);
}

static void add_nodes(const allynet__render_ctx *c, allynet__drawing *d) {
    for (size_t k = 0; k < c->n; k++) {
        size_t v = c->order[k];
        const allynet_actor *act = allynet_graph_actor(c->g, v);
        long cl = clusters_drawn(c) ? c->group[v] : -1;
        allynet__attrs *a = allynet__draw_node(d, act->id, cl);
        char *esc = allynet__esc_string(allynet__render_label(c, v)),
             *id = allynet__esc_string(act->id);
        if (a == NULL || esc == NULL || id == NULL) {
            d->nomem = true;
            free(esc);
            free(id);
            return;
        }
        allynet__draw_set(d, a, "label", "%s", esc);
        allynet__draw_set(d, a, "id", "actor_%s", id);
        free(esc);
        free(id);
        allynet__draw_set(d, a, "fontsize", "%.1f", allynet__render_fontsize(c, v));
        allynet__draw_set(d, a, "fillcolor", "%s", allynet__render_group_color(c->group[v]));
        if (c->group[v] >= 0) {
            allynet__draw_set(d, a, "class", "actor group_%ld", c->group[v]);
        } else {
            allynet__draw_set(d, a, "class", "actor no_group");
        }
        if (c->pinned[v]) {
            allynet__draw_set(d, a, "pos", "%.2f,%.2f!", c->px[v], c->py[v]);
        }
        node_tooltip(c, d, a, v);
    }
}

static allynet_status check(const allynet_graph *g, const allynet_render_options *o,
                            allynet_error *err) {
    if ((unsigned)o->format > ALLYNET_RENDER_DOT || (unsigned)o->layout > ALLYNET_LAYOUT_DOT ||
        (unsigned)o->color_by > ALLYNET_COLOR_NONE || (unsigned)o->size_by > ALLYNET_SIZE_NONE ||
        (unsigned)o->label_by > ALLYNET_LABEL_ID) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown render option value");
    }
    for (size_t i = 0; o->tie_styles && i < allynet_graph_tie_count(g); i++) {
        if ((unsigned)o->tie_styles[i] > ALLYNET_TIE_FLIPPED) {
            return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown tie style");
        }
    }
    return ALLYNET_OK;
}

/* neato moves a layout with pinned nodes as a whole (it centres it); the shift that brings the
 * pinned nodes back keeps saved positions in one frame across a sequence of snapshots. x and y
 * are in drawing order. */
static void shift(const allynet__render_ctx *c, const double *x, const double *y, double *dx,
                  double *dy) {
    for (size_t k = 0; c->n_pinned > 0 && k < c->n; k++) {
        size_t v = c->order[k];
        if (c->pinned[v]) {
            *dx += (c->px[v] - x[k]) / (double)c->n_pinned;
            *dy += (c->py[v] - y[k]) / (double)c->n_pinned;
        }
    }
}

allynet_status allynet_render(const allynet_graph *g, const allynet_render_options *o,
                              allynet_render_result *out, allynet_error *err) {
    memset(out, 0, sizeof *out);
    allynet_render_options defaults;
    if (o == NULL) {
        allynet_render_options_init(&defaults);
        o = &defaults;
    }
    allynet__render_ctx c;
    allynet__drawing d;
    allynet__drawing_init(&d, allynet_graph_directed(g));
    double *x = NULL, *y = NULL;
    allynet_status st = check(g, o, err);
    if (st == ALLYNET_OK) {
        st = ctx_init(&c, g, o, err);
    } else {
        memset(&c, 0, sizeof c);
    }
    if (st == ALLYNET_OK) {
        graph_attrs(&c, &d);
        add_clusters(&c, &d);
        add_nodes(&c, &d);
        allynet__render_ties(&c, &d);
        allynet__render_legend(&c, &d);
        /* Routing lines around nodes costs Graphviz about a minute for 1,000 edges (the
         * invisible ones count): straight lines beyond ROUTED_EDGES. */
        allynet__draw_set(&d, &d.graph, "splines", "%s",
                          d.n_edges + c.n > 2 * ROUTED_EDGES ? "line" : "true");
        x = calloc(c.n + 1, sizeof *x);
        y = calloc(c.n + 1, sizeof *y);
        d.nomem = d.nomem || x == NULL || y == NULL;
        st = allynet__drawing_render(&d, &out->data, &out->len, x, y, err);
    }
    if (st == ALLYNET_OK) {
        out->x = malloc((c.n + 1) * sizeof *out->x);
        out->y = malloc((c.n + 1) * sizeof *out->y);
        if (out->x == NULL || out->y == NULL) {
            st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        double dx = 0, dy = 0;
        shift(&c, x, y, &dx, &dy);
        for (size_t k = 0; st == ALLYNET_OK && k < c.n; k++) { /* drawing order -> actor order */
            out->x[c.order[k]] = x[k] + dx;
            out->y[c.order[k]] = y[k] + dy;
        }
        out->n = c.n;
        snprintf(out->layout, sizeof out->layout, "%s", allynet_layout_name(c.layout));
        snprintf(out->warning, sizeof out->warning, "%s", c.warning);
    }
    free(x);
    free(y);
    allynet__drawing_destroy(&d);
    ctx_destroy(&c);
    return st;
}

static allynet_status write_data(FILE *f, void *ctx, allynet_error *err) {
    const allynet_render_result *r = ctx;
    if (fwrite(r->data, 1, r->len, f) != r->len) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}

allynet_status allynet_render_file(const allynet_graph *g, const allynet_render_options *o,
                                   const char *path, allynet_render_result *out,
                                   allynet_error *err) {
    allynet_render_result local;
    allynet_render_result *r = out ? out : &local;
    allynet_status st = allynet_render(g, o, r, err);
    if (st == ALLYNET_OK) {
        st = allynet_write_atomic(path, write_data, r, err);
    }
    if (r == &local) {
        allynet_render_result_destroy(&local);
    }
    return st;
}

allynet_status allynet_render_store_positions(allynet_graph *g, const allynet_render_result *r,
                                              allynet_error *err) {
    if (r->n != allynet_graph_actor_count(g) || (r->n > 0 && (!r->x || !r->y))) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "the positions come from another graph");
    }
    for (size_t v = 0; v < r->n; v++) {
        allynet_actor *a = allynet_graph_actor_mut(g, v);
        if (a->attrs == NULL && (a->attrs = json_object()) == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        /* Two decimals of a point are finer than any screen; rounding keeps files stable. */
        if (json_object_set_new(a->attrs, "x", json_real(round(r->x[v] * 100) / 100)) != 0 ||
            json_object_set_new(a->attrs, "y", json_real(round(r->y[v] * 100) / 100)) != 0) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        json_object_del(a->attrs, "pos");
    }
    return ALLYNET_OK;
}
