/* page.c — writes report.html: one self-contained page (styles, script and data inline, no
 * network) with the findings, an at-a-glance table, a snapshot viewer with a time slider (the
 * diagram, hover boxes with evidence and actor figures, sortable tables) and a glossary. Each
 * snapshot's data is its own <script type="application/json"> element that the page parses only
 * when the snapshot is shown, so a long series stays quick to open. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

extern const char allynet__report_css[], allynet__report_js[], allynet__report_glossary[];

static const json_t *at(const json_t *j, const char *a, const char *b) {
    return json_object_get(json_object_get(j, a), b);
}

static void text(FILE *f, const json_t *s) {
    allynet__html_text(f, json_string_value(s));
}

/* A number with `decimals` decimals (%g when negative), or a dash. */
static void number(FILE *f, const json_t *v, int decimals) {
    if (json_is_number(v) && decimals < 0) {
        fprintf(f, "%g", json_number_value(v));
    } else if (json_is_number(v)) {
        fprintf(f, "%.*f", decimals, json_number_value(v));
    } else {
        fputs("\xe2\x80\x93", f);
    }
}

/* The split in a few words: "bloc of X (19) vs bloc of Y (11)" or "16 communities". */
static void split_cell(FILE *f, const json_t *split) {
    const char *mode = json_string_value(json_object_get(split, "mode"));
    const json_t *groups = json_object_get(split, "groups");
    if (mode != NULL && strcmp(mode, "blocs") == 0) {
        for (size_t k = 0; k < 2; k++) {
            const json_t *g = json_array_get(groups, k);
            fprintf(f, "%s<span class=\"sw c%lld\"></span>", k ? " vs " : "",
                    json_integer_value(json_object_get(g, "colour")));
            text(f, json_object_get(g, "label"));
            fprintf(f, " (%zu)", json_array_size(json_object_get(g, "members")));
        }
    } else if (mode != NULL && strcmp(mode, "communities") == 0) {
        fprintf(f, "no opposing blocs; %zu communities", json_array_size(groups));
    } else {
        fputs("no ties", f);
    }
}

static void glance_row(FILE *f, const json_t *snap, size_t i) {
    const json_t *info = json_object_get(snap, "info");
    fprintf(f, "<tr data-snap=\"%zu\"><td><a href=\"#s=", i);
    text(f, json_object_get(snap, "stem"));
    fputs("\">", f);
    text(f, json_object_get(info, "name") ? json_object_get(info, "name")
                                          : json_object_get(snap, "stem"));
    fputs("</a></td><td>", f);
    text(f, json_object_get(snap, "date"));
    fprintf(f, "</td><td>%lld</td><td>%lld</td><td>%lld</td><td>",
            json_integer_value(json_object_get(info, "actors")),
            json_integer_value(at(info, "ties", "positive")),
            json_integer_value(at(info, "ties", "negative")));
    split_cell(f, json_object_get(snap, "split"));
    fputs("</td><td>", f);
    number(f, at(json_object_get(snap, "balance"), "frustration", "value"), -1);
    fputs("</td><td>", f);
    const char *mode = json_string_value(at(snap, "split", "mode"));
    bool blocs = mode != NULL && strcmp(mode, "blocs") == 0; /* else no poles to measure */
    number(f, blocs ? at(json_object_get(snap, "align"), "polarization", "index") : NULL, 2);
    fputs("</td><td>", f);
    number(f, at(snap, "split", "modularity"), 3);
    fputs("</td></tr>\n", f);
}

static void findings_list(FILE *f, const json_t *list, const char *id) {
    const json_t *s;
    size_t i;
    fprintf(f, "<ul class=\"findings\" id=\"%s\">\n", id);
    json_array_foreach(list, i, s) {
        fputs("<li>", f);
        text(f, json_object_get(s, "text"));
        fputs(" <a href=\"#t-", f);
        text(f, json_object_get(s, "table"));
        fputs("\">table</a></li>\n", f);
    }
    fputs("</ul>\n", f);
}

static void changes_table(FILE *f, const json_t *root) {
    const json_t *c;
    size_t i;
    fputs("<h3>Changes between consecutive snapshots</h3>\n<table class=\"sortable\" "
          "id=\"t-changes\"><thead><tr><th>from</th><th>to</th><th>ties added</th><th>removed"
          "</th><th>changed sign</th><th>actors entered</th><th>left</th><th>NMI</th></tr>"
          "</thead><tbody>\n",
          f);
    json_array_foreach(json_object_get(root, "compare"), i, c) {
        const json_t *s = json_object_get(c, "summary");
        fputs("<tr><td>", f);
        text(f, json_object_get(c, "from"));
        fputs("</td><td>", f);
        text(f, json_object_get(c, "to"));
        fprintf(f, "</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>",
                json_integer_value(json_object_get(s, "added")),
                json_integer_value(json_object_get(s, "removed")),
                json_integer_value(json_object_get(s, "sign_flipped")),
                json_integer_value(json_object_get(s, "actors_entered")),
                json_integer_value(json_object_get(s, "actors_left")));
        number(f, at(c, "communities", "nmi"), 3);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

static void glance(FILE *f, const json_t *root) {
    const json_t *snaps = json_object_get(root, "snapshots"), *s;
    size_t i;
    fputs("<section id=\"glance\"><h2>At a glance</h2>\n", f);
    findings_list(f, json_object_get(root, "findings"), "series-findings");
    fputs("<table class=\"sortable\" id=\"t-glance\"><thead><tr><th>snapshot</th><th>date</th>"
          "<th>actors</th><th>ties +</th><th>ties \xe2\x88\x92</th><th>split (one per snapshot)"
          "</th><th>frustration</th><th>polarization</th><th>signed modularity of the split</th>"
          "</tr></thead><tbody>\n",
          f);
    json_array_foreach(snaps, i, s) {
        glance_row(f, s, i);
    }
    fputs("</tbody></table>\n", f);
    if (json_array_size(json_object_get(root, "compare")) > 0) {
        changes_table(f, root);
    }
    fputs("</section>\n", f);
}

static const char viewer[] =
    "<section id=\"snapshot\"><h2>Snapshot</h2>\n"
    "<div class=\"slider\"><button id=\"prev\" type=\"button\" title=\"previous\">\xe2\x97\x80"
    "</button><button id=\"play\" type=\"button\">play</button><button id=\"next\" "
    "type=\"button\" title=\"next\">\xe2\x96\xb6</button><input id=\"slider\" type=\"range\" "
    "min=\"0\" value=\"0\" aria-label=\"snapshot\"><output id=\"snap-label\"></output></div>\n"
    "<div class=\"view\"><svg id=\"diagram\" role=\"img\" aria-label=\"network diagram\"></svg>"
    "<div id=\"legend\"></div></div>\n"
    "<h3 id=\"t-findings\">Findings</h3><ul class=\"findings\" id=\"snap-findings\"></ul>\n"
    "<h3>Groups</h3><p id=\"split-note\"></p><table id=\"t-groups\" class=\"sortable\"></table>\n"
    "<h3>Figures</h3><table id=\"t-figures\"></table>\n"
    "<h3>Actors</h3><table id=\"t-actors\" class=\"sortable\"></table>\n"
    "<h3>Ties and their evidence</h3><table id=\"t-ties\" class=\"sortable\"></table>\n"
    "</section>\n";

/* The page's metadata: actors with their places, the snapshots, the row layouts. */
static json_t *meta(const allynet_report_item *items, size_t n, const json_t *layout) {
    json_t *names = json_array(), *snaps = json_array();
    const json_t *id;
    size_t i;
    json_array_foreach(json_object_get(layout, "ids"), i, id) {
        const char *name = NULL;
        for (size_t k = n; name == NULL && k-- > 0;) {
            long v = allynet_graph_find_actor(items[k].graph, json_string_value(id));
            name = v >= 0 ? allynet_graph_actor(items[k].graph, (size_t)v)->name : NULL;
        }
        json_array_append_new(names, name ? json_string(name) : json_null());
    }
    for (size_t k = 0; k < n; k++) {
        json_array_append_new(snaps, json_pack("{s:s, s:s?, s:s?, s:b}", "stem", items[k].stem,
                                               "name", allynet_graph_name(items[k].graph), "date",
                                               allynet_graph_date(items[k].graph), "directed",
                                               allynet_graph_directed(items[k].graph)));
    }
    return json_pack("{s:s, s:O, s:o, s:O, s:O, s:o, s:o}", "generator", "allynet " ALLYNET_VERSION,
                     "ids", json_object_get(layout, "ids"), "names", names, "x",
                     json_object_get(layout, "x"), "y", json_object_get(layout, "y"), "snapshots",
                     snaps, "fields", allynet__view_fields());
}

/* One <script type="application/json"> element; false on error. */
static bool data_element(FILE *f, const char *id, size_t i, json_t *j) {
    bool ok = j != NULL;
    fprintf(f, "<script type=\"application/json\" id=\"%s%zu\">", id, i);
    ok = ok && allynet__html_json(f, j);
    fputs("</script>\n", f);
    json_decref(j);
    return ok;
}

typedef struct {
    const allynet_report_item *items;
    size_t n;
    const json_t *root, *layout;
    allynet__texts *texts;
    allynet__strmap index;
} page;

static allynet_status write_page(FILE *f, void *ctx, allynet_error *err) {
    page *p = ctx;
    const json_t *snaps = json_object_get(p->root, "snapshots");
    fprintf(f,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta "
            "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>allynet "
            "report</title>\n<style>%s</style></head><body>\n<header><h1>allynet report</h1>"
            "<p>%zu snapshot%s. <a href=\"#glance\">At a glance</a> \xc2\xb7 <a "
            "href=\"#snapshot\">Snapshot</a> \xc2\xb7 <a href=\"#glossary\">Glossary</a> "
            "\xc2\xb7 <a href=\"report.md\">report.md</a></p></header>\n",
            allynet__report_css, p->n, p->n == 1 ? "" : "s");
    glance(f, p->root);
    fputs(viewer, f);
    fputs(allynet__report_glossary, f);
    fputs("<div id=\"tip\" role=\"tooltip\" hidden></div>\n", f);
    bool ok = data_element(f, "meta", 0, meta(p->items, p->n, p->layout));
    for (size_t i = 0; ok && i < p->n; i++) {
        ok = data_element(
            f, "snap-", i,
            allynet__view_snapshot(&p->items[i], json_array_get(snaps, i), &p->index, p->texts));
    }
    fprintf(f, "<script>%s</script>\n</body></html>\n", allynet__report_js);
    if (!ok) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ferror(f) ? allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error") : ALLYNET_OK;
}

allynet_status allynet__html_write(const allynet_report_item *items, size_t n, const char *dir,
                                   const json_t *root, const json_t *layout, allynet_error *err) {
    page p = {items, n, root, layout, allynet__texts_new(), {0}};
    allynet__strmap_init(&p.index);
    const json_t *id;
    size_t i;
    bool ok = p.texts != NULL;
    json_array_foreach(json_object_get(layout, "ids"), i, id) {
        ok = ok && allynet__strmap_put(&p.index, json_string_value(id), i);
    }
    size_t len = strlen(dir) + sizeof "/report.html";
    char *path = malloc(len);
    allynet_status st = ok && path
                            ? ALLYNET_OK
                            : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    if (st == ALLYNET_OK) {
        snprintf(path, len, "%s/report.html", dir);
        st = allynet_write_atomic(path, write_page, &p, err);
    }
    free(path);
    allynet__strmap_destroy(&p.index);
    allynet__texts_free(p.texts);
    return st;
}
