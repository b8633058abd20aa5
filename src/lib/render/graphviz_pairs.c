/* graphviz_pairs.c — the second line of a pair of nodes (a reciprocal pair of ties drawn apart:
 * opposite signs, or different change styles). Graphviz 2.42 routes two edges on one pair of
 * nodes with makeMultiSpline, which writes past a heap block on some layouts (see
 * graphviz_draw.c). So the layout runs without the second edge; the first is routed as a single
 * edge, and the second is then added to the laid-out graph with the first's spline, reversed
 * where it runs the other way, and both are moved apart, one to each side. Written here because
 * Graphviz has no public way to draw an edge along a given path inside one layout; the spline
 * structures used are those of the public header types.h, freed by gvFreeLayout as its own. */
#include "graphviz_pairs.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { ARROW_NORMAL = 1 }; /* Graphviz's ARR_TYPE_NORM, the only arrowhead allynet draws */

static int cmp_triple(const void *a, const void *b) {
    const size_t *x = a, *y = b;
    if (x[0] != y[0]) {
        return x[0] < y[0] ? -1 : 1;
    }
    if (x[1] != y[1]) {
        return x[1] < y[1] ? -1 : 1;
    }
    return (x[2] > y[2]) - (x[2] < y[2]);
}

/* Arrows only at the head, or none: dir forward, none, or unset. */
static bool head_only(const allynet__attrs *a) {
    const char *dir = allynet__attrs_get(a, "dir");
    return dir == NULL || strcmp(dir, "forward") == 0 || strcmp(dir, "none") == 0;
}

allynet__gv_edges allynet__gv_pairs_plan(const allynet__drawing *d, bool *skip, size_t *partner) {
    size_t *t = malloc((3 * d->n_edges + 1) * sizeof *t);
    if (t == NULL) {
        return ALLYNET__GV_MULTI;
    }
    allynet__gv_edges kind = ALLYNET__GV_SINGLE;
    for (size_t i = 0; i < d->n_edges; i++) {
        const allynet__dedge *e = &d->edges[i];
        if (allynet__attrs_get(&e->attrs, "tailport") ||
            allynet__attrs_get(&e->attrs, "headport")) {
            kind = ALLYNET__GV_MULTI; /* a port on the boundary takes the multi-edge router too */
        }
        t[3 * i] = e->tail < e->head ? e->tail : e->head;
        t[3 * i + 1] = e->tail < e->head ? e->head : e->tail;
        t[3 * i + 2] = i;
    }
    qsort(t, d->n_edges, 3 * sizeof *t, cmp_triple);
    for (size_t i = 1; kind != ALLYNET__GV_MULTI && i < d->n_edges; i++) {
        if (t[3 * i] != t[3 * i - 3] || t[3 * i + 1] != t[3 * i - 2] || t[3 * i] == t[3 * i + 1]) {
            continue; /* a new pair, or a loop */
        }
        size_t first = t[3 * i - 1], second = t[3 * i + 2];
        bool drawable = !skip[first] && head_only(&d->edges[first].attrs) &&
                        head_only(&d->edges[second].attrs); /* at most two edges per pair */
        kind = drawable ? ALLYNET__GV_PAIRS : ALLYNET__GV_MULTI;
        skip[second] = true;
        partner[second] = first;
    }
    free(t);
    return kind;
}

static double number(void *obj, char *key, double fallback) {
    char *v = agget(obj, key);
    double x = v && *v ? atof(v) : fallback;
    return x > 0 && x < 1e6 ? x : fallback;
}

static bool has_head_arrow(Agraph_t *g, Agedge_t *e) {
    char *dir = agget(e, "dir");
    if (dir == NULL || *dir == '\0') {
        return agisdirected(g);
    }
    return strcmp(dir, "forward") == 0;
}

/* Moves the last point of pts (n) back along the curve's end by len: room for an arrowhead. */
static void shorten_end(pointf *pts, int n, double len) {
    pointf p = pts[n - 1], q = pts[n - 2];
    double dx = q.x - p.x, dy = q.y - p.y, l = hypot(dx, dy);
    bool chord = l < len && n >= 4;
    if (chord) { /* a short control leg: go along the segment's chord instead */
        dx = pts[n - 4].x - p.x;
        dy = pts[n - 4].y - p.y;
        l = hypot(dx, dy);
    }
    if (l > 1e-9) {
        double f = fmin(len, 0.5 * l) / l;
        pts[n - 1].x += dx * f;
        pts[n - 1].y += dy * f;
    }
    if (chord) { /* the last control point on the chord, short of the new end */
        pts[n - 2].x = pts[n - 1].x + (pts[n - 4].x - pts[n - 1].x) / 3;
        pts[n - 2].y = pts[n - 1].y + (pts[n - 4].y - pts[n - 1].y) / 3;
    }
}

static void shift(bezier *b, double dx, double dy) {
    for (int k = 0; k < b->size; k++) {
        b->list[k].x += dx;
        b->list[k].y += dy;
    }
    b->sp.x += dx;
    b->sp.y += dy;
    b->ep.x += dx;
    b->ep.y += dy;
}

static void grow(boxf *bb, pointf p) {
    bb->LL.x = fmin(bb->LL.x, p.x);
    bb->LL.y = fmin(bb->LL.y, p.y);
    bb->UR.x = fmax(bb->UR.x, p.x);
    bb->UR.y = fmax(bb->UR.y, p.y);
}

/* The box the renderer clips against: every point, and the arrow tips. */
static void bound(splines *s) {
    const bezier *b = &s->list[0];
    s->bb = (boxf){b->list[0], b->list[0]};
    for (int k = 1; k < b->size; k++) {
        grow(&s->bb, b->list[k]);
    }
    if (b->sflag) {
        grow(&s->bb, b->sp);
    }
    if (b->eflag) {
        grow(&s->bb, b->ep);
    }
}

/* A spline for e2 along e1's (one bezier, whose ends are on the two nodes' borders or at the
 * tips of e1's arrows). NULL when out of memory. */
static splines *follow(Agraph_t *g, Agedge_t *e1, Agedge_t *e2) {
    const bezier *b1 = &ED_spl(e1)->list[0];
    int n = b1->size;
    pointf at_tail = b1->sflag ? b1->sp : b1->list[0],
           at_head = b1->eflag ? b1->ep : b1->list[n - 1];
    bool reversed = agtail(e2) != agtail(e1);
    splines *s = calloc(1, sizeof *s);
    bezier *b = s ? calloc(1, sizeof *b) : NULL;
    pointf *pts = b ? malloc((size_t)n * sizeof *pts) : NULL;
    if (pts == NULL) {
        free(b);
        free(s);
        return NULL;
    }
    for (int k = 0; k < n; k++) {
        pts[k] = b1->list[reversed ? n - 1 - k : k];
    }
    pts[0] = reversed ? at_head : at_tail; /* from e2's tail border */
    pts[n - 1] = reversed ? at_tail : at_head;
    *b = (bezier){pts, n, 0, 0, {0, 0}, {0, 0}};
    if (has_head_arrow(g, e2)) {
        b->eflag = ARROW_NORMAL;
        b->ep = pts[n - 1];
        shorten_end(pts, n, 10.0 * number(e2, "arrowsize", 1.0)); /* 2.42's arrow length */
    }
    s->list = b;
    s->size = 1;
    return s;
}

bool allynet__gv_pairs_add(Agraph_t *g, const allynet__drawing *d, Agnode_t **nodes,
                           Agedge_t **edges, const bool *skip, const size_t *partner,
                           bool (*set_attrs)(Agraph_t *, void *, const allynet__attrs *)) {
    for (size_t i = 0; i < d->n_edges; i++) {
        if (!skip[i]) {
            continue;
        }
        Agedge_t *e1 = edges[partner[i]];
        if (e1 == NULL || ED_spl(e1) == NULL || ED_spl(e1)->size != 1 ||
            ED_spl(e1)->list[0].size < 4) {
            return false;
        }
        Agedge_t *e2 = agedge(g, nodes[d->edges[i].tail], nodes[d->edges[i].head], NULL, 1);
        if (e2 != NULL && agbindrec(e2, "Agedgeinfo_t", sizeof(Agedgeinfo_t), 1) == NULL) {
            agdelete(g, e2); /* gvFreeLayout expects the record on every edge */
            return false;
        }
        if (e2 == NULL || !set_attrs(g, e2, &d->edges[i].attrs) ||
            (ED_spl(e2) = follow(g, e1, e2)) == NULL) {
            return false;
        }
        /* apart by the two pens and a gap, across the line between the nodes' centres */
        pointf a = ND_coord(agtail(e1)), c = ND_coord(aghead(e1));
        double dx = c.x - a.x, dy = c.y - a.y, l = hypot(dx, dy);
        double gap = 2.0 + 0.5 * (number(e1, "penwidth", 1.0) + number(e2, "penwidth", 1.0));
        if (l > 1e-9) {
            shift(&ED_spl(e1)->list[0], -dy / l * gap / 2, dx / l * gap / 2);
            shift(&ED_spl(e2)->list[0], dy / l * gap / 2, -dx / l * gap / 2);
        }
        bound(ED_spl(e1));
        bound(ED_spl(e2));
        edges[i] = e2;
    }
    return true;
}
