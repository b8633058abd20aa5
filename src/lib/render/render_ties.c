/* render_ties.c — how ties are drawn: colour and dash by sign, width by |weight| on a bounded
 * scale, arrowheads for one-way ties, one line with two heads for a reciprocal pair of the same
 * sign, and the layout length that lets cooperation pull and conflict push. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One drawn line: one tie, or a reciprocal pair merged. */
typedef struct {
    size_t tie, pair; /* tie indices; pair == tie when single */
    double weight;    /* drawn |weight|: the pair's sum when merged */
} drawn;

static const allynet__render_ctx *sort_ctx; /* qsort has no context argument */

static int cmp_tie(const void *a, const void *b) {
    const allynet_tie *x = allynet_graph_tie(sort_ctx->g, *(const size_t *)a);
    const allynet_tie *y = allynet_graph_tie(sort_ctx->g, *(const size_t *)b);
    size_t xs = sort_ctx->rank[x->source], ys = sort_ctx->rank[y->source];
    size_t xt = sort_ctx->rank[x->target], yt = sort_ctx->rank[y->target];
    if (xs != ys) {
        return xs < ys ? -1 : 1;
    }
    return xt < yt ? -1 : xt > yt;
}

static allynet_tie_style style_of(const allynet__render_ctx *c, size_t tie) {
    return c->o->tie_styles ? c->o->tie_styles[tie] : ALLYNET_TIE_NORMAL;
}

/* Pairs up the ties into drawn lines, in canonical order; returns the count. */
static size_t pair_up(const allynet__render_ctx *c, const size_t *order, drawn *out) {
    bool *used = calloc(c->m + 1, sizeof *used);
    size_t k = 0;
    for (size_t i = 0; used && i < c->m; i++) {
        size_t t = order[i];
        if (used[t]) {
            continue;
        }
        const allynet_tie *a = allynet_graph_tie(c->g, t);
        out[k] = (drawn){t, t, fabs(a->weight)};
        long r =
            allynet_graph_directed(c->g) ? allynet_graph_find_tie(c->g, a->target, a->source) : -1;
        if (r >= 0 && !used[r]) {
            const allynet_tie *b = allynet_graph_tie(c->g, (size_t)r);
            if (allynet__render_sign(a->weight) == allynet__render_sign(b->weight) &&
                style_of(c, t) == style_of(c, (size_t)r)) {
                out[k].pair = (size_t)r;
                out[k].weight += fabs(b->weight);
                used[r] = true;
            }
        }
        used[t] = true;
        k++;
    }
    free(used);
    return used ? k : 0;
}

static const char *sign_color(int sign) {
    return sign > 0 ? ALLYNET__COLOR_POS : sign < 0 ? ALLYNET__COLOR_NEG : ALLYNET__COLOR_ZERO;
}

enum { TOOLTIP_SPANS = 3 };

/* The tie's top evidence spans as tooltip lines, "· “cue” CAMEO 051 +3.4, doc1: note"; false
 * when out of memory. */
static bool evidence_lines(FILE *f, const allynet_tie *t) {
    json_t *owned = NULL;
    const json_t *top[TOOLTIP_SPANS], *ev = allynet__tie_evidence_view(t, &owned);
    size_t n = allynet__evidence_top(ev, top, TOOLTIP_SPANS);
    for (size_t i = 0; i < n; i++) {
        const char *cue = json_string_value(json_object_get(top[i], "cue"));
        const char *cameo = json_string_value(json_object_get(top[i], "cameo"));
        const char *doc = json_string_value(json_object_get(top[i], "doc"));
        const char *note = json_string_value(json_object_get(top[i], "note"));
        const json_t *w = json_object_get(top[i], "weight"),
                     *p = json_object_get(top[i], "confidence");
        fprintf(f, "\n  · %s%.80s%s", cue ? "“" : "", cue ? cue : "", cue ? "” " : "");
        fprintf(f, "%s%s", cameo ? "CAMEO " : "", cameo ? cameo : "");
        if (json_is_number(w)) {
            fprintf(f, " %+.3g", json_number_value(w));
        }
        if (json_is_number(p)) {
            fprintf(f, " (confidence %.2f)", json_number_value(p));
        }
        fprintf(f, "%s%.60s%s%.160s", doc ? ", " : "", doc ? doc : "", note ? ": " : "",
                note ? note : "");
    }
    if (json_array_size(ev) > n) {
        fprintf(f, "\n  · and %zu more span%s", json_array_size(ev) - n,
                json_array_size(ev) - n == 1 ? "" : "s");
    }
    json_decref(owned);
    return n > 0 || json_array_size(ev) == 0;
}

/* A tie's tooltip text (lines joined by Graphviz's \\n), "USA → VEN: -24 (sanction, 4 events)" then
 * its top evidence spans, escaped; NULL when out of memory. */
static char *tooltip_line(const allynet__render_ctx *c, size_t tie) {
    const allynet_tie *t = allynet_graph_tie(c->g, tie);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL) {
        return NULL;
    }
    fprintf(f, "%s %s %s: %+.4g (%s, %ld event%s)", allynet_graph_actor(c->g, t->source)->id,
            allynet_graph_directed(c->g) ? "→" : "—", allynet_graph_actor(c->g, t->target)->id,
            t->weight, t->relation ? t->relation : "no relation", t->events,
            t->events == 1 ? "" : "s");
    bool ok = evidence_lines(f, t);
    if (fclose(f) != 0 || !ok) {
        free(text);
        return NULL;
    }
    char *esc = allynet__esc_string(text), *out = esc ? malloc(2 * strlen(esc) + 1) : NULL,
         *q = out;
    for (const char *p = esc; out && *p; p++) { /* line breaks as Graphviz's \n */
        if (*p == '\n' || *p == '\r') {
            *q++ = '\\';
            *q++ = 'n';
        } else {
            *q++ = *p;
        }
    }
    if (out) {
        *q = '\0';
    }
    free(esc);
    free(text);
    return out;
}

static void set_tooltip(const allynet__render_ctx *c, allynet__drawing *d, allynet__attrs *a,
                        const drawn *e) {
    bool pair = e->pair != e->tie;
    char *first = tooltip_line(c, e->tie);
    char *second = pair ? tooltip_line(c, e->pair) : NULL;
    if (first == NULL || (pair && second == NULL)) {
        d->nomem = true;
    } else if (pair) {
        allynet__draw_set(d, a, "tooltip", "%s\\n%s", first, second);
    } else {
        allynet__draw_set(d, a, "tooltip", "%s", first);
    }
    free(first);
    free(second);
}

/* The ideal distance between the ends' centres (inches) in neato and fdp: the room the two
 * labels take plus a gap, short for strong cooperation and long for strong conflict. */
static double tie_len(const allynet__render_ctx *c, const allynet_tie *t, double s) {
    int sign = allynet__render_sign(t->weight);
    double gap = sign > 0 ? 1.0 - 0.4 * s : sign < 0 ? 1.8 + 0.6 * s : 1.2;
    return gap + allynet__render_radius(c, t->source) + allynet__render_radius(c, t->target);
}

static void style_line(allynet__render_ctx *c, allynet__drawing *d, allynet__attrs *a,
                       const drawn *e) {
    const allynet_tie *t = allynet_graph_tie(c->g, e->tie);
    int sign = allynet__render_sign(t->weight);
    allynet_tie_style st = style_of(c, e->tie);
    double s = c->max_weight > 0 ? e->weight / c->max_weight : 0;
    double pen = ALLYNET__PEN_MIN + (c->pen_max - ALLYNET__PEN_MIN) * s;
    char col[16];
    /* In a dense drawing ties are see-through, so that crossings and bundles stay legible. */
    snprintf(col, sizeof col, "%s%s", sign_color(sign), c->pen_max < ALLYNET__PEN_MAX ? "B0" : "");
    if (st == ALLYNET_TIE_REMOVED) {
        allynet__draw_set(d, a, "color", "%s", ALLYNET__COLOR_REMOVED);
        pen = ALLYNET__PEN_MIN;
    } else if (st == ALLYNET_TIE_ADDED) {
        allynet__draw_set(d, a, "color", "%s:invis:%s", col, col);
    } else if (st == ALLYNET_TIE_FLIPPED) {
        allynet__draw_set(d, a, "color", "%s:%s", col, sign_color(-sign));
    } else {
        allynet__draw_set(d, a, "color", "%s", col);
    }
    const char *dash = sign > 0 ? "solid" : sign < 0 ? "dashed" : "dotted";
    allynet__draw_set(d, a, "style", "%s", st == ALLYNET_TIE_REMOVED ? "dotted" : dash);
    allynet__draw_set(d, a, "penwidth", "%.2f", pen);
    if (c->layout == ALLYNET_LAYOUT_NEATO || c->layout == ALLYNET_LAYOUT_FDP) {
        allynet__draw_set(d, a, "len", "%.2f", tie_len(c, t, s));
    }
    if (c->layout == ALLYNET_LAYOUT_DOT && sign < 0) {
        allynet__draw_set(d, a, "constraint", "false"); /* ranks follow cooperation */
    }
    c->sign_seen[sign + 1] = true;
    c->style_seen[st] = true;
}

static void describe_line(allynet__render_ctx *c, allynet__drawing *d, allynet__attrs *a,
                          const drawn *e) {
    static const char *style_class[] = {"", " added", " removed", " flipped"};
    const allynet_tie *t = allynet_graph_tie(c->g, e->tie);
    int sign = allynet__render_sign(t->weight);
    const char *sc = sign > 0 ? "positive" : sign < 0 ? "negative" : "neutral";
    const char *dc = !allynet_graph_directed(c->g) ? "undirected"
                     : e->pair != e->tie           ? "reciprocal"
                                                   : "one_way";
    if (allynet_graph_directed(c->g)) {
        allynet__draw_set(d, a, "dir", "%s", e->pair != e->tie ? "both" : "forward");
        c->both_ways = c->both_ways || e->pair != e->tie;
        c->one_way = c->one_way || e->pair == e->tie;
    }
    char *ids = allynet__esc_string(allynet_graph_actor(c->g, t->source)->id);
    char *idt = allynet__esc_string(allynet_graph_actor(c->g, t->target)->id);
    if (ids && idt) {
        allynet__draw_set(d, a, "id", "tie_%s_%s", ids, idt);
    } else {
        d->nomem = true;
    }
    free(ids);
    free(idt);
    allynet__draw_set(d, a, "class", "tie %s %s%s", sc, dc, style_class[style_of(c, e->tie)]);
    set_tooltip(c, d, a, e);
}

/* An invisible edge u - v of the layout (Graphviz draws nothing for it), unless they are tied. */
static void hold(const allynet__render_ctx *c, allynet__drawing *d, size_t u, size_t v) {
    if (allynet_graph_find_tie(c->g, u, v) >= 0 || allynet_graph_find_tie(c->g, v, u) >= 0) {
        return;
    }
    allynet__attrs *a = allynet__draw_edge(d, c->rank[u], c->rank[v]);
    allynet__draw_set(d, a, "style", "invis");
    allynet__draw_set(d, a, "dir", "none");
    allynet__draw_set(d, a, "len", "%.2f",
                      1.6 + allynet__render_radius(c, u) + allynet__render_radius(c, v));
}

/* Holds each group together in the force-directed layouts. Without this, two actors hostile to
 * the same third are far apart (their distance runs through two long hostile ties) and a bloc
 * scatters around its opponent. Members of a small group are held pairwise, those of a large
 * one each to the next HOLD_SPAN members in id order. */
#define HOLD_ALL 40
#define HOLD_SPAN 8
static void cohesion(const allynet__render_ctx *c, allynet__drawing *d) {
    if (c->layout == ALLYNET_LAYOUT_DOT || c->layout == ALLYNET_LAYOUT_CIRCO || c->n_groups < 2) {
        return; /* with one group there is nothing to keep apart */
    }
    size_t *members = malloc((c->n + 1) * sizeof *members);
    if (members == NULL) {
        d->nomem = true;
        return;
    }
    for (size_t grp = 0; grp < c->n_groups; grp++) {
        size_t k = 0;
        for (size_t i = 0; i < c->n; i++) {
            if (c->group[c->order[i]] == (long)grp) {
                members[k++] = c->order[i];
            }
        }
        for (size_t i = 0; i < k; i++) {
            size_t span = k <= HOLD_ALL ? k - 1 - i : HOLD_SPAN;
            for (size_t j = 1; j <= span; j++) {
                hold(c, d, members[i], members[(i + j) % k]);
            }
        }
    }
    free(members);
}

void allynet__render_ties(allynet__render_ctx *c, allynet__drawing *d) {
    size_t *order = malloc((c->m + 1) * sizeof *order);
    drawn *lines = malloc((c->m + 1) * sizeof *lines);
    if (order == NULL || lines == NULL) {
        d->nomem = true;
        goto out;
    }
    for (size_t i = 0; i < c->m; i++) {
        order[i] = i;
    }
    sort_ctx = c;
    qsort(order, c->m, sizeof *order, cmp_tie);
    size_t k = pair_up(c, order, lines);
    if (k == 0 && c->m > 0) {
        d->nomem = true;
        goto out;
    }
    c->max_weight = 0;
    c->min_weight = k > 0 ? lines[0].weight : 0;
    for (size_t i = 0; i < k; i++) {
        c->max_weight = fmax(c->max_weight, lines[i].weight);
        c->min_weight = fmin(c->min_weight, lines[i].weight);
    }
    /* The widest line: 5 pt up to 150 lines, thinner in denser drawings (2 pt at 1,000). */
    c->pen_max =
        fmax(2.0, fmin(ALLYNET__PEN_MAX, ALLYNET__PEN_MAX * sqrt(150.0 / (double)(k + 1))));
    for (size_t i = 0; i < k; i++) {
        const allynet_tie *t = allynet_graph_tie(c->g, lines[i].tie);
        allynet__attrs *a = allynet__draw_edge(d, c->rank[t->source], c->rank[t->target]);
        if (a == NULL) {
            break;
        }
        style_line(c, d, a, &lines[i]);
        describe_line(c, d, a, &lines[i]);
    }
    cohesion(c, d);
out:
    free(order);
    free(lines);
}
