/* report_series.c — the report's sections over the whole series: "compare" (each consecutive
 * pair of snapshots: the main changes and a change diagram) and "timeline" (the figures per
 * snapshot, the leading actors' positive strength, and a chart timeline.svg drawn with gnuplot). */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* The change diagram of a pair, changes-<A>--<B>.svg, linked from the Markdown; a failure costs
 * the drawing, not the report (the reason is written instead). */
static void diagram(const allynet_report_item *it, const char *dir, json_t *doc, FILE *md) {
    size_t len = strlen(dir) + strlen(it[0].stem) + strlen(it[1].stem) + 32;
    char *path = malloc(len);
    allynet_error e = {0};
    if (path == NULL) {
        return;
    }
    int off = snprintf(path, len, "%s/", dir);
    snprintf(path + off, len - (size_t)off, "changes-%s--%s.svg", it[0].stem, it[1].stem);
    if (allynet_compare_diagram(it[0].graph, it[1].graph, doc, path, &e) == ALLYNET_OK) {
        fprintf(md, "![changes](%s)\n\n", allynet__md_url(path + off));
        json_object_set_new(doc, "diagram", json_string(path + off));
    } else {
        fprintf(md, "(The change diagram was not drawn: %s.)\n\n", allynet__md(e.text));
    }
    free(path);
}

allynet_status allynet__report_compare(const allynet_report_item *items, size_t n, const char *dir,
                                       json_t *root, FILE *md, allynet_error *err) {
    (void)dir;
    json_t *pairs = json_array();
    if (pairs == NULL || json_object_set_new(root, "compare", pairs) != 0) {
        return nomem(err);
    }
    if (n < 2) {
        fprintf(md, "One snapshot: nothing to compare.\n\n");
        return ALLYNET_OK;
    }
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i + 1 < n && st == ALLYNET_OK; i++) {
        json_t *doc = NULL;
        st = allynet_compare_run(items[i].graph, items[i + 1].graph, NULL, &doc, err);
        if (st != ALLYNET_OK) {
            break;
        }
        json_object_set_new(doc, "from", json_string(items[i].stem));
        json_object_set_new(doc, "to", json_string(items[i + 1].stem));
        fprintf(md, "### %s → %s\n\n", allynet__md(items[i].stem), allynet__md(items[i + 1].stem));
        diagram(&items[i], dir, doc, md);
        st = allynet_compare_write_text(doc, md, true, 10, err);
        if (json_array_append_new(pairs, doc) != 0 && st == ALLYNET_OK) {
            st = nomem(err);
        }
    }
    return st;
}

allynet_status allynet__report_timeline(const allynet_report_item *items, size_t n, const char *dir,
                                        json_t *root, FILE *md, allynet_error *err) {
    const allynet_graph **graphs = calloc(n + 1, sizeof *graphs);
    const char **labels = calloc(n + 1, sizeof *labels);
    json_t *tl = NULL;
    allynet_status st = graphs && labels ? ALLYNET_OK : nomem(err);
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        graphs[i] = items[i].graph;
        labels[i] = items[i].stem;
    }
    if (st == ALLYNET_OK) {
        st = allynet_timeline_run(graphs, labels, n, 42, ALLYNET_COMM_LEIDEN, &tl, err);
    }
    if (st == ALLYNET_OK && n > 0) {
        /* A missing gnuplot costs the chart, not the report: the reason is written instead. */
        size_t len = strlen(dir) + sizeof "/timeline.svg";
        char *path = malloc(len);
        allynet_error perr = {0};
        if (path == NULL) {
            st = nomem(err);
        } else {
            snprintf(path, len, "%s/timeline.svg", dir);
            if (allynet_timeline_plot(tl, NULL, path, &perr) == ALLYNET_OK) {
                fprintf(md, "![figures over time](timeline.svg)\n\n");
                json_object_set_new(tl, "plot", json_string("timeline.svg"));
            } else {
                fprintf(md, "(The chart was not drawn: %s.)\n\n", allynet__md(perr.text));
                json_object_set_new(tl, "plot", json_null());
                json_object_set_new(tl, "plot_error", json_string(perr.text));
            }
            free(path);
        }
    }
    if (st == ALLYNET_OK) {
        st = allynet_timeline_write_text(tl, NULL, true, md, err);
        fputc('\n', md);
    }
    if (st == ALLYNET_OK && json_object_set(root, "timeline", tl) != 0) {
        st = nomem(err);
    }
    json_decref(tl);
    free(graphs);
    free(labels);
    return st;
}
