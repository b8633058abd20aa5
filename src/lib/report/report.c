/* report.c — the main job: every capability's figures for a set of snapshots, as one report.
 *
 * A report is a list of sections. A per-snapshot section adds its figures for one snapshot to
 * that snapshot's JSON object and its Markdown; a series section works across all snapshots
 * (comparisons, timeline). A new capability plugs in by adding one row to a table below. */
#include "report.h"
#include "html.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static allynet_status section_info(const allynet_report_item *it, json_t *out, FILE *md,
                                   allynet_error *err) {
    allynet_info info;
    allynet_status st = allynet_info_compute(it->graph, &info, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *j = allynet_info_to_json(it->graph, &info);
    if (j == NULL || json_object_set_new(out, "info", j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    fprintf(md,
            "| actors | ties (+ / −) | density | weak / strong components | isolates | events |\n");
    fprintf(md, "|---:|---:|---:|---:|---:|---:|\n");
    fprintf(md, "| %zu | %zu (%zu / %zu) | %.3f | %zu / %zu | %zu | %ld |\n\n", info.actors,
            info.ties, info.ties_pos, info.ties_neg, info.density, info.weak_components,
            info.strong_components, info.isolates, info.events);
    return ALLYNET_OK;
}

/* Per-snapshot sections, in report order. */
static const allynet_report_section snapshot_sections[] = {
    {"info", "Summary", section_info},
    {"metrics", "Centrality", allynet__report_metrics},
    {"communities", "Blocs and communities", allynet__report_communities},
    {"diagram", "Diagram", allynet__report_diagram},
    {"balance", "Structural balance", allynet__report_balance},
    {"align", "Alignment", allynet__report_align},
};

/* Sections over the whole series, in report order. */
static const allynet_report_series series_sections[] = {
    {"compare", "Changes between consecutive snapshots", allynet__report_compare},
    {"timeline", "Timeline", allynet__report_timeline},
    {NULL, NULL, NULL},
};

static allynet_status write_text(FILE *f, void *ctx, allynet_error *err) {
    const char *s = ctx;
    if (fputs(s, f) < 0) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}

static allynet_status write_json(FILE *f, void *ctx, allynet_error *err) {
    if (json_dumpf(ctx, f, JSON_INDENT(2) | ALLYNET__JSON_FLAGS) != 0 || fputc('\n', f) == EOF) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}

/* Writes dir/name atomically through `write`. */
static allynet_status write_in(const char *dir, const char *name, allynet_writer write, void *ctx,
                               allynet_error *err) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (path == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    snprintf(path, n, "%s/%s", dir, name);
    allynet_status st = allynet_write_atomic(path, write, ctx, err);
    free(path);
    return st;
}

allynet_status allynet_report_write_file(const char *dir, const char *name, const char *text,
                                         allynet_error *err) {
    return write_in(dir, name, write_text, (void *)text, err);
}

allynet_status allynet_report_write_json(const char *dir, const char *name, const json_t *j,
                                         allynet_error *err) {
    return write_in(dir, name, write_json, (void *)j, err);
}

static allynet_status one_snapshot(const allynet_report_item *it, json_t *snaps, FILE *md,
                                   allynet_error *err) {
    json_t *j = json_pack("{s:s, s:s*, s:s*}", "stem", it->stem, "path", it->path, "date",
                          allynet_graph_date(it->graph));
    if (j == NULL || json_array_append_new(snaps, j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    const char *name = allynet_graph_name(it->graph);
    fprintf(md, "## %s\n\n", allynet__md(name ? name : it->stem));
    fprintf(md, "Date: %s · file: %s\n\n",
            allynet_graph_date(it->graph) ? allynet__md(allynet_graph_date(it->graph)) : "unknown",
            allynet__md(it->path ? it->path : it->stem));
    for (size_t s = 0; s < sizeof snapshot_sections / sizeof *snapshot_sections; s++) {
        fprintf(md, "### %s\n\n", snapshot_sections[s].title);
        allynet_status st = snapshot_sections[s].run(it, j, md, err);
        if (st != ALLYNET_OK) {
            return st;
        }
    }
    /* The one split every section of report.html shows, and the findings read from it. */
    allynet_status st = allynet__split_build(it->graph, j, err);
    if (st == ALLYNET_OK) {
        st = allynet__findings_snapshot(it->graph, j, err);
    }
    return st == ALLYNET_OK ? allynet_report_write_json(it->dir, "summary.json", j, err) : st;
}

void allynet_report_options_init(allynet_report_options *o) {
    memset(o, 0, sizeof *o);
}

static void progress(const allynet_report_options *o, size_t done, size_t total,
                     const char *stage) {
    if (o->progress != NULL) {
        o->progress(o->progress_ctx, done, total, stage);
    }
}

/* The per-snapshot folder and sections of items[i]. */
static allynet_status snapshot_at(allynet_report_item *it, const char *dir, json_t *root, FILE *md,
                                  allynet_error *err) {
    size_t len = strlen(dir) + strlen(it->stem) + 2;
    it->dir = malloc(len);
    if (it->dir == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    snprintf(it->dir, len, "%s/%s", dir, it->stem);
    if (mkdir(it->dir, 0755) != 0 && errno != EEXIST) {
        return allynet_error_set(err, ALLYNET_E_IO, it->dir, 0, 0, "cannot create the folder: %s",
                                 strerror(errno));
    }
    return one_snapshot(it, json_object_get(root, "snapshots"), md, err);
}

/* report.html: colours along the series, the series findings, one layout, the page. */
static allynet_status html(const allynet_report_item *items, size_t n, const char *dir,
                           json_t *root, const allynet_report_options *o, allynet_error *err) {
    json_t *layout = NULL;
    allynet_status st = allynet__colours_assign(json_object_get(root, "snapshots"), err);
    if (st == ALLYNET_OK) {
        st = allynet__findings_series(root, err);
    }
    if (st == ALLYNET_OK) {
        progress(o, 0, 1, "layout");
        st = allynet__layout_series(items, n, o->positions, &layout, err);
    }
    if (st == ALLYNET_OK) {
        progress(o, 0, 1, "report.html");
        st = allynet__html_write(items, n, dir, root, layout, err);
    }
    json_decref(layout);
    return st;
}

allynet_status allynet__report_build(allynet_report_item *items, size_t n, const char *dir,
                                     const allynet_report_options *opt, allynet_error *err) {
    allynet_report_options defaults;
    allynet_report_options_init(&defaults);
    const allynet_report_options *o = opt ? opt : &defaults;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        return allynet_error_set(err, ALLYNET_E_IO, dir, 0, 0, "cannot create the folder: %s",
                                 strerror(errno));
    }
    char *text = NULL;
    size_t text_len = 0;
    FILE *md = open_memstream(&text, &text_len);
    json_t *root = json_pack("{s:s, s:[]}", "generator", "allynet " ALLYNET_VERSION, "snapshots");
    if (md == NULL || root == NULL) {
        if (md) {
            fclose(md);
        }
        free(text);
        json_decref(root);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        progress(o, i, n, "snapshots");
        st = snapshot_at(&items[i], dir, root, md, err);
    }
    for (size_t s = 0; st == ALLYNET_OK && series_sections[s].run != NULL; s++) {
        progress(o, 0, 1, series_sections[s].key);
        fprintf(md, "## %s\n\n", series_sections[s].title);
        st = series_sections[s].run(items, n, dir, root, md, err);
    }
    if (st == ALLYNET_OK) {
        st = html(items, n, dir, root, o, err);
    }
    fclose(md);
    /* The opening goes first but reads what the sections computed, so it is written last. */
    char *full = NULL;
    size_t full_len = 0;
    FILE *head = st == ALLYNET_OK ? open_memstream(&full, &full_len) : NULL;
    if (st == ALLYNET_OK && head == NULL) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (head != NULL) {
        fprintf(head, "# allynet report\n\n%zu snapshot%s.\n\n", n, n == 1 ? "" : "s");
        allynet__report_overview(root, head);
        fputs(text, head);
        fclose(head);
        st = allynet_report_write_file(dir, "report.md", full, err);
    }
    free(full);
    if (st == ALLYNET_OK) {
        st = allynet_report_write_json(dir, "report.json", root, err);
    }
    free(text);
    json_decref(root);
    return st;
}
