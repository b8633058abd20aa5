/* graphviz_draw.c — render's one Graphviz file: lays out and draws a diagram description
 * (drawing.h) through gvc. DOT files are io/graphviz.c, which also owns Graphviz's global error
 * setup (allynet__gv_quiet). */
#include "drawing.h"
#include "graphviz_pairs.h"

#include "io/io_int.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* One Graphviz context for the process. Graphviz 2.43's pango plugin keeps a pointer into a
 * context's font table after gvFreeContext, so a second context would read freed memory:
 * allynet makes one on first use and frees it at exit. */
static GVC_t *gv_context;

static void gv_context_free(void) {
    if (gv_context) {
        gvFreeContext(gv_context);
        gv_context = NULL;
    }
}

static GVC_t *gv_context_get(void) {
    if (gv_context == NULL && (gv_context = gvContext()) != NULL) {
        atexit(gv_context_free);
    }
    return gv_context;
}

/* Graphviz's last error message (errors are queued, not printed, under agseterr(AGMAX)). */
static void gv_last_error(char *buf, size_t size) {
    char *msg = aglasterr();
    snprintf(buf, size, "%s", msg && *msg ? msg : "no reason given");
    free(msg);
    char *nl = strchr(buf, '\n');
    if (nl) {
        *nl = '\0';
    }
}

/* Graphviz reads "&name;" and "&#N;" in names, labels, ids and tooltips as HTML entities, and
 * writes an unknown one into SVG as it is, which breaks the XML: every '&' of such a value is
 * given as "&amp;", which Graphviz shows as '&'. Its DOT scanner drops U+FEFF (a byte-order
 * mark), so an unquoted value of one reads back as nothing ("label=,"): it is given as the
 * entity "&#65279;", which Graphviz shows as the character. A new string; NULL when out of
 * memory. */
static char *amp(const char *v) {
    size_t n = 0;
    for (const char *p = v; *p; p++) {
        n += *p == '&' || (unsigned char)*p == 0xEF;
    }
    char *out = malloc(strlen(v) + 8 * n + 1), *q = out;
    for (const char *p = v; out && *p; p++) {
        if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF) {
            memcpy(q, "&#65279;", 8);
            q += 8;
            p += 2;
        } else if (*p == '&') {
            memcpy(q, "&amp;", 5);
            q += 5;
        } else {
            *q++ = *p;
        }
    }
    if (out) {
        *q = '\0';
    }
    return out;
}

/* Sets one attribute; `html_label`, written <...>, becomes an HTML-like label, as in DOT. */
static bool draw_attr(Agraph_t *root, void *obj, const char *k, const char *v) {
    size_t n = strlen(v);
    if (strcmp(k, "html_label") != 0) {
        char *text = amp(v);
        bool ok = text && agsafeset(obj, (char *)k, text, "") == 0;
        free(text);
        return ok;
    }
    if (n < 2 || v[0] != '<' || v[n - 1] != '>') {
        return false;
    }
    char *inner = strndup(v + 1, n - 2);
    char *html = inner ? agstrdup_html(root, inner) : NULL;
    bool ok = html && agsafeset(obj, "label", html, "") == 0;
    if (html) {
        agstrfree(root, html);
    }
    free(inner);
    return ok;
}

static bool draw_attrs(Agraph_t *root, void *obj, const allynet__attrs *a) {
    bool ok = true;
    for (size_t i = 0; i < a->len; i++) {
        ok = draw_attr(root, obj, a->kv[2 * i], a->kv[2 * i + 1]) && ok;
    }
    return ok;
}

/* Why some drawings get straight lines ("line"): Graphviz 2.42 has two faulty edge routines.
 * - makeMultiSpline routes the edges that join one pair of nodes (and edges with a port on the
 *   node's boundary) in every engine but dot when splines are routed (true, polyline). It writes
 *   past the end of a heap block on some layouts (mkPoly sizes its polygon from the triangles on
 *   the path, then stores one point per side step): found by fuzz_write_svg, shown by valgrind as
 *   an invalid write in makeMultiSpline; the corrupted heap crashed later in libcdt, HarfBuzz or
 *   malloc, thousands of drawings on.
 * - splines=curved bends each edge toward the centre of the shortest cycle through it, found by
 *   listing every cycle of the graph for every edge (exponential time); under fdp it also crashed
 *   once, reading a near-NULL address in makeStraightEdges after about a thousand drawings in one
 *   process (fuzz_write_svg; not reproducible alone).
 * Straight lines run neither: Graphviz draws the edges of one pair as a fan of arcs. A drawing
 * whose pairs graphviz_pairs.c can draw (two lines each, arrows at heads) keeps routed lines:
 * it is laid out with one line per pair. Whether d asks for routed lines. */
static bool routed(const allynet__drawing *d) {
    const char *splines = allynet__attrs_get(&d->graph, "splines");
    return splines && strcmp(splines, "line") != 0 && strcmp(splines, "false") != 0 &&
           strcmp(splines, "none") != 0 && strcmp(splines, "") != 0 &&
           strcmp(splines, "curved") != 0 && strcmp(d->engine, "dot") != 0;
}

/* Builds the cgraph graph of d without the edges marked in skip (may be NULL), with straight
 * lines when `straight` (and for splines=curved); nodes[i] receives node i, edges[i] edge i.
 * NULL when out of memory. */
static Agraph_t *draw_graph(const allynet__drawing *d, const bool *skip, bool straight,
                            Agnode_t **nodes, Agedge_t **edges) {
    Agraph_t *g = agopen("allynet", d->directed ? Agdirected : Agundirected, NULL);
    if (g == NULL) {
        return NULL;
    }
    bool ok = draw_attrs(g, g, &d->graph);
    const char *splines = allynet__attrs_get(&d->graph, "splines");
    if (ok && (straight || (splines && strcmp(splines, "curved") == 0))) {
        ok = agsafeset(g, "splines", "line", "") == 0;
    }
    for (size_t i = 0; i < d->node_defaults.len; i++) {
        ok = agattr(g, AGNODE, d->node_defaults.kv[2 * i], d->node_defaults.kv[2 * i + 1]) && ok;
    }
    for (size_t i = 0; i < d->edge_defaults.len; i++) {
        ok = agattr(g, AGEDGE, d->edge_defaults.kv[2 * i], d->edge_defaults.kv[2 * i + 1]) && ok;
    }
    Agraph_t **subs = calloc(d->n_clusters + 1, sizeof *subs);
    char name[40];
    for (size_t i = 0; ok && subs && i < d->n_clusters; i++) {
        snprintf(name, sizeof name, "cluster_%zu", i);
        subs[i] = agsubg(g, name, 1);
        ok = subs[i] && draw_attrs(g, subs[i], &d->clusters[i]);
    }
    for (size_t i = 0; ok && subs && i < d->n_nodes; i++) {
        const allynet__dnode *dn = &d->nodes[i];
        Agraph_t *home = dn->cluster >= 0 ? subs[dn->cluster] : g;
        char *gvname = allynet__dot_name(dn->name); /* a leading '%' is cgraph's own */
        char *text = gvname ? amp(gvname) : NULL;
        nodes[i] = text ? agnode(home, text, 1) : NULL;
        free(gvname);
        free(text);
        ok = nodes[i] && draw_attrs(g, nodes[i], &dn->attrs);
    }
    for (size_t i = 0; ok && subs && i < d->n_edges; i++) {
        if (skip && skip[i]) {
            continue; /* added after the layout (graphviz_pairs.c) */
        }
        /* Anonymous: a non-strict graph then makes a new edge even beside an existing one. */
        edges[i] = agedge(g, nodes[d->edges[i].tail], nodes[d->edges[i].head], NULL, 1);
        ok = edges[i] && draw_attrs(g, edges[i], &d->edges[i].attrs);
    }
    if (!ok || subs == NULL) {
        agclose(g);
        g = NULL;
    }
    free(subs);
    return g;
}

/* Copies Graphviz's rendering of the laid-out graph into a malloc'd buffer. */
static allynet_status draw_output(GVC_t *gvc, Agraph_t *g, const char *format, char **out,
                                  size_t *out_len, allynet_error *err) {
    char *data = NULL;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, format, &data, &len) != 0) {
        char why[256];
        gv_last_error(why, sizeof why);
        gvFreeRenderData(data);
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "Graphviz cannot write %s here: %s", format, why);
    }
    *out = malloc((size_t)len + 1);
    if (*out == NULL) {
        gvFreeRenderData(data);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    memcpy(*out, data, len);
    (*out)[len] = '\0';
    *out_len = len;
    gvFreeRenderData(data);
    return ALLYNET_OK;
}

/* Lays out and draws d once; a pair of lines on one pair of nodes (skip, partner) is laid out
 * with its first line alone and its second added after (graphviz_pairs.c). *retry: that failed,
 * draw again without. */
static allynet_status draw_once(GVC_t *gvc, const allynet__drawing *d, const bool *skip,
                                const size_t *partner, bool straight, Agnode_t **nodes,
                                Agedge_t **edges, char **out, size_t *out_len, double *x, double *y,
                                bool *retry, allynet_error *err) {
    Agraph_t *g = draw_graph(d, skip, straight, nodes, edges);
    if (g == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (gvLayout(gvc, g, d->engine) != 0) {
        char why[256];
        gv_last_error(why, sizeof why);
        agclose(g);
        return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0,
                                 "Graphviz layout %s failed: %s", d->engine, why);
    }
    allynet_status st = ALLYNET_OK;
    if (skip && !allynet__gv_pairs_add(g, d, nodes, edges, skip, partner, draw_attrs)) {
        *retry = true;
    } else {
        for (size_t i = 0; i < d->n_nodes && x && y; i++) {
            x[i] = ND_coord(nodes[i]).x;
            y[i] = ND_coord(nodes[i]).y;
        }
        st = draw_output(gvc, g, d->format, out, out_len, err);
    }
    gvFreeLayout(gvc, g);
    agclose(g); /* after gvFreeLayout; the context is freed at exit */
    return st;
}

allynet_status allynet__drawing_render(const allynet__drawing *d, char **out, size_t *out_len,
                                       double *x, double *y, allynet_error *err) {
    *out = NULL;
    *out_len = 0;
    if (d->nomem) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet__gv_quiet();
    Agnode_t **nodes = calloc(d->n_nodes + 1, sizeof *nodes);
    Agedge_t **edges = calloc(d->n_edges + 1, sizeof *edges);
    bool *skip = calloc(d->n_edges + 1, sizeof *skip);
    size_t *partner = calloc(d->n_edges + 1, sizeof *partner);
    GVC_t *gvc = nodes && edges && skip && partner ? gv_context_get() : NULL;
    allynet_status st;
    if (gvc == NULL) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    } else {
        allynet__gv_edges kind =
            routed(d) ? allynet__gv_pairs_plan(d, skip, partner) : ALLYNET__GV_SINGLE;
        bool pairs = kind == ALLYNET__GV_PAIRS, retry = false;
        st = draw_once(gvc, d, pairs ? skip : NULL, partner, kind == ALLYNET__GV_MULTI, nodes,
                       edges, out, out_len, x, y, &retry, err);
        if (retry) { /* the pairs could not follow their routes: straight lines, all in layout */
            memset(edges, 0, (d->n_edges + 1) * sizeof *edges);
            st = draw_once(gvc, d, NULL, partner, true, nodes, edges, out, out_len, x, y, &retry,
                           err);
        }
    }
    free(nodes);
    free(edges);
    free(skip);
    free(partner);
    return st;
}
