/* render_legend.c — the diagram's title block: title, date and counts, and the legend (tie
 * colours and dashes, directions, the width scale, changes, node fills and the size metric).
 * It is the root graph's HTML-like label, which Graphviz places outside the drawing, so it never
 * covers a node. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* A value as text of the label. Graphviz refuses a label with an element that holds no text
 * (a title "" made <B></B>) and draws its own default instead of the whole block: an empty
 * value is written as a no-break space. */
static void esc_text(FILE *f, const char *s, bool *nomem) {
    char *e = allynet__esc_html(s);
    if (e == NULL) {
        *nomem = true;
        return;
    }
    fputs(*e ? e : "&#160;", f);
    free(e);
}

/* Legend rows are single text cells (Graphviz stretches nested tables to the widest row);
 * keys are coloured glyphs, then a caption, separated by wide spaces. */
#define GAP "&#160;&#160;&#160;&#160;"

static void key(FILE *f, const char *color, const char *glyphs, const char *caption) {
    fprintf(f, "<FONT COLOR=\"%s\">%s</FONT>&#160;%s" GAP, color, glyphs, caption);
}

static void row_start(FILE *f) {
    fprintf(f, "<TR><TD><FONT POINT-SIZE=\"12\">");
}

static void row_end(FILE *f) {
    fprintf(f, "</FONT></TD></TR>");
}

static void title_rows(const allynet__render_ctx *c, FILE *f, bool *nomem) {
    const char *title = c->o->title ? c->o->title : allynet_graph_name(c->g);
    fprintf(f, "<TR><TD><FONT POINT-SIZE=\"20\"><B>");
    esc_text(f, title ? title : "allynet", nomem);
    fprintf(f, "</B></FONT></TD></TR><TR><TD><FONT POINT-SIZE=\"12\" COLOR=\"#555555\">");
    if (c->o->subtitle) {
        esc_text(f, c->o->subtitle, nomem);
    } else {
        size_t pos = 0, neg = 0;
        for (size_t i = 0; i < c->m; i++) {
            int s = allynet__render_sign(allynet_graph_tie(c->g, i)->weight);
            pos += s > 0;
            neg += s < 0;
        }
        const char *date = allynet_graph_date(c->g);
        if (date) {
            esc_text(f, date, nomem);
            fprintf(f, " · ");
        }
        if (c->o->selected_from > c->n) { /* a selection (allynet_render_top) */
            fprintf(f, "the %zu strongest of %zu actors (by sum of |weight|)", c->n,
                    c->o->selected_from);
        } else {
            fprintf(f, "%zu actor%s", c->n, c->n == 1 ? "" : "s");
        }
        fprintf(f, " · %zu tie%s (%zu cooperative, %zu hostile)", c->m, c->m == 1 ? "" : "s", pos,
                neg);
    }
    fprintf(f, "</FONT></TD></TR>");
}

static void tie_row(const allynet__render_ctx *c, FILE *f) {
    if (c->m == 0) { /* an empty cell would be malformed HTML to Graphviz */
        return;
    }
    row_start(f);
    if (c->sign_seen[2]) {
        key(f, ALLYNET__COLOR_POS, "━━━", "cooperation");
    }
    if (c->sign_seen[0]) {
        key(f, ALLYNET__COLOR_NEG, "╍╍╍", "conflict");
    }
    if (c->sign_seen[1]) {
        key(f, ALLYNET__COLOR_ZERO, "┈┈┈", "zero weight");
    }
    if (c->one_way) {
        key(f, "#333333", "──▶", "one way");
    }
    if (c->both_ways) {
        key(f, "#333333", "◀─▶", "both ways");
    }
    if (c->m > 0 && c->min_weight == c->max_weight) {
        fprintf(f, "every line weighs %.3g", c->max_weight);
    } else if (c->m > 0) {
        fprintf(f, "width ∝ |weight| (widest %.3g%s)", c->max_weight,
                c->both_ways ? "; a pair: its sum" : "");
    }
    row_end(f);
}

static void change_row(const allynet__render_ctx *c, FILE *f) {
    if (!c->style_seen[ALLYNET_TIE_ADDED] && !c->style_seen[ALLYNET_TIE_REMOVED] &&
        !c->style_seen[ALLYNET_TIE_FLIPPED]) {
        return;
    }
    row_start(f);
    if (c->style_seen[ALLYNET_TIE_ADDED]) {
        key(f, "#333333", "═══", "new tie");
    }
    if (c->style_seen[ALLYNET_TIE_REMOVED]) {
        key(f, ALLYNET__COLOR_REMOVED, "┈┈┈", "tie gone");
    }
    if (c->style_seen[ALLYNET_TIE_FLIPPED]) {
        fprintf(f, "<FONT COLOR=\"%s\">━━</FONT><FONT COLOR=\"%s\">━</FONT>&#160;sign flipped",
                ALLYNET__COLOR_POS, ALLYNET__COLOR_NEG);
    }
    row_end(f);
}

static void group_key(const allynet__render_ctx *c, FILE *f, long group, const char *caption,
                      bool *nomem) {
    if (group < 0) { /* the near-white fill shows as an outline */
        fprintf(f, "<FONT COLOR=\"#444444\" POINT-SIZE=\"16\">□</FONT>&#160;");
    } else {
        fprintf(f, "<FONT COLOR=\"%s\" POINT-SIZE=\"16\">■</FONT>&#160;",
                allynet__render_group_color(group));
    }
    esc_text(f, caption, nomem);
    fprintf(f, GAP);
}

static void node_row(const allynet__render_ctx *c, FILE *f, bool *nomem) {
    static const char *metric[] = {"strength (sum of |weight|)", "degree (partners)", "betweenness",
                                   "PageRank of cooperation", NULL};
    if (c->n == 0 || (c->n_groups == 0 && metric[c->o->size_by] == NULL)) {
        return; /* nothing to show, and an empty cell would be malformed */
    }
    row_start(f);
    char name[300], caption[340];
    bool ungrouped = false;
    for (size_t k = 0; k < c->n_groups && k < ALLYNET__GROUP_COLORS; k++) {
        allynet__render_group_name(c, (long)k, name, sizeof name);
        snprintf(caption, sizeof caption, "%s (%zu)", name, c->group_count[k]);
        group_key(c, f, (long)k, caption, nomem);
    }
    if (c->n_groups > ALLYNET__GROUP_COLORS) {
        snprintf(caption, sizeof caption, "%zu smaller groups",
                 c->n_groups - ALLYNET__GROUP_COLORS);
        group_key(c, f, ALLYNET__GROUP_COLORS, caption, nomem);
    }
    for (size_t v = 0; v < c->n; v++) {
        ungrouped = ungrouped || c->group[v] < 0;
    }
    if (ungrouped && c->n_groups > 0) {
        allynet__render_group_name(c, -1, name, sizeof name);
        group_key(c, f, -1, name, nomem);
    }
    if (metric[c->o->size_by] && c->n > 0) {
        fprintf(f, "label size ∝ %s", metric[c->o->size_by]);
    }
    row_end(f);
}

void allynet__render_legend(const allynet__render_ctx *c, allynet__drawing *d) {
    char *html = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&html, &len);
    if (f == NULL) {
        d->nomem = true;
        return;
    }
    bool nomem = false;
    fprintf(f, "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\" "
               "ID=\"legend\" HREF=\"#legend\" TOOLTIP=\"title and legend\">");
    title_rows(c, f, &nomem);
    if (c->o->legend) {
        tie_row(c, f);
        change_row(c, f);
        node_row(c, f, &nomem);
    }
    fprintf(f, "</TABLE>>");
    if (fclose(f) != 0 || html == NULL || nomem) {
        d->nomem = true;
    } else {
        allynet__draw_set(d, &d->graph, "html_label", "%s", html);
    }
    free(html);
}
