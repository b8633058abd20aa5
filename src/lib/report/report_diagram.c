/* report_diagram.c — the report's per-snapshot "diagram" section: the snapshot drawn by
 * allynet_render as <snapshot dir>/diagram.svg (with tooltips) and diagram.png, shown in the
 * Markdown. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static allynet_status draw(const allynet_report_item *it, allynet_render_format format,
                           const char *name, allynet_render_result *r, allynet_error *err) {
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.format = format;
    if (allynet_graph_name(it->graph) == NULL) {
        o.title = it->stem;
    }
    size_t n = strlen(it->dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (path == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    snprintf(path, n, "%s/%s", it->dir, name);
    allynet_status st = allynet_render_file(it->graph, &o, path, r, err);
    free(path);
    return st;
}

allynet_status allynet__report_diagram(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err) {
    allynet_render_result r;
    allynet_status st = draw(it, ALLYNET_RENDER_SVG, "diagram.svg", &r, err);
    allynet_render_result_destroy(&r);
    if (st == ALLYNET_OK) {
        st = draw(it, ALLYNET_RENDER_PNG, "diagram.png", &r, err);
    }
    if (st != ALLYNET_OK) {
        allynet_render_result_destroy(&r);
        return st;
    }
    char svg[600], png[600];
    snprintf(svg, sizeof svg, "%s/diagram.svg", it->stem);
    snprintf(png, sizeof png, "%s/diagram.png", it->stem);
    json_t *j = json_pack("{s:s, s:s, s:s, s:s*}", "svg", svg, "png", png, "layout", r.layout,
                          "warning", r.warning[0] ? r.warning : NULL);
    allynet_render_result_destroy(&r);
    if (j == NULL || json_object_set_new(out, "diagram", j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    const char *name = allynet_graph_name(it->graph);
    fprintf(md, "![Diagram of %s](%s)\n\n", allynet__md(name ? name : it->stem),
            allynet__md_url(png));
    fprintf(md,
            "Blue lines are cooperation and dashed vermillion lines conflict, as wide as their "
            "|weight|; nodes are filled by signed bloc. [SVG with tooltips](%s) (weight, "
            "relation and events of each tie).\n\n",
            allynet__md_url(svg));
    return ALLYNET_OK;
}
