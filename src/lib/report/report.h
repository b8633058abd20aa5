/* report.h — the report's plug-in points: per-snapshot and series sections (library-internal). */
#ifndef ALLYNET_REPORT_H
#define ALLYNET_REPORT_H

#include "core/internal.h"

/* A per-snapshot section: adds its figures under its own key of `out` (the snapshot's JSON
 * object) and its Markdown to `md`; may write files into it->dir. */
typedef struct allynet_report_section {
    const char *key;
    const char *title;
    allynet_status (*run)(const allynet_report_item *it, json_t *out, FILE *md, allynet_error *err);
} allynet_report_section;

/* A section over the whole series (in date order): comparisons, timeline. */
typedef struct allynet_report_series {
    const char *key;
    const char *title;
    allynet_status (*run)(const allynet_report_item *items, size_t n, const char *dir, json_t *root,
                          FILE *md, allynet_error *err);
} allynet_report_series;

/* Writes `text` or `j` to dir/name atomically. */
allynet_status allynet_report_write_file(const char *dir, const char *name, const char *text,
                                         allynet_error *err);
allynet_status allynet_report_write_json(const char *dir, const char *name, const json_t *j,
                                         allynet_error *err);

/* The metrics and communities sections (report_metrics.c). */
allynet_status allynet__report_metrics(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err);
allynet_status allynet__report_communities(const allynet_report_item *it, json_t *out, FILE *md,
                                           allynet_error *err);

/* The balance and align sections (report_balance.c). */
allynet_status allynet__report_balance(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err);
allynet_status allynet__report_align(const allynet_report_item *it, json_t *out, FILE *md,
                                     allynet_error *err);
/* Series sections (report_series.c): consecutive comparisons and the timeline. */
allynet_status allynet__report_compare(const allynet_report_item *items, size_t n, const char *dir,
                                       json_t *root, FILE *md, allynet_error *err);
allynet_status allynet__report_timeline(const allynet_report_item *items, size_t n, const char *dir,
                                        json_t *root, FILE *md, allynet_error *err);
/* The snapshot's diagram (report_diagram.c): diagram.svg and diagram.png in it->dir. */
allynet_status allynet__report_diagram(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err);

/* Writes the whole report into the folder dir (report.c) with the options (NULL: the
 * defaults); allynet_report_run_with calls it on a temporary folder. */
allynet_status allynet__report_build(allynet_report_item *items, size_t n, const char *dir,
                                     const allynet_report_options *opt, allynet_error *err);

/* The report's folder (report_folder.c): safe, unique folder names for the snapshots' stems
 * (NULL when out of memory; free with _stems_free), and a temporary folder beside `dir` that
 * _commit moves into place (replacing the entries it has, keeping the others) or _abort
 * removes. Both take and free tmp. */
char **allynet__report_stems(const allynet_report_item *items, size_t n);
void allynet__report_stems_free(char **names, size_t n);
allynet_status allynet__report_folder_begin(const char *dir, char **tmp, allynet_error *err);
allynet_status allynet__report_folder_commit(char *tmp, const char *dir, allynet_error *err);
void allynet__report_folder_abort(char *tmp);

/* The report's opening "At a glance" (report_overview.c), read from the finished report.json. */
void allynet__report_overview(const json_t *root, FILE *md);

#endif
