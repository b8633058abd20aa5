/* timeline_text.c — a timeline document (see timeline.c) as a long CSV table for scripts and
 * as tables for people (plain or Markdown), and the choice of which actors a view shows. */
#include "figures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static double value_at(const json_t *series, size_t t) {
    const json_t *v = json_array_get(series, t);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static bool has_metric(const json_t *tl, const char *metric) {
    const json_t *names = json_object_get(tl, "metrics");
    for (size_t i = 0; i < json_array_size(names); i++) {
        if (strcmp(json_string_value(json_array_get(names, i)), metric) == 0) {
            return true;
        }
    }
    return false;
}

typedef struct {
    double key;
    size_t i;
} scored;

static int by_score(const void *x, const void *y) {
    const scored *p = x, *q = y;
    return p->key > q->key ? -1 : p->key < q->key ? 1 : (p->i > q->i) - (p->i < q->i);
}

/* The `top` actors by mean magnitude of the metric over the snapshots where they appear,
 * then back in id order. */
static size_t pick_top(const json_t *actors, const char *metric, size_t top, size_t *idx,
                       scored *buf) {
    size_t n = json_array_size(actors);
    for (size_t i = 0; i < n; i++) {
        const json_t *ser =
            json_object_get(json_object_get(json_array_get(actors, i), "series"), metric);
        double sum = 0;
        size_t k = 0;
        for (size_t t = 0; t < json_array_size(ser); t++) {
            double v = value_at(ser, t);
            if (!isnan(v)) {
                sum += fabs(v);
                k++;
            }
        }
        buf[i] = (scored){k ? sum / (double)k : 0, i};
    }
    qsort(buf, n, sizeof *buf, by_score);
    size_t m = n < top ? n : top;
    for (size_t i = 0; i < m; i++) {
        idx[i] = buf[i].i;
    }
    for (size_t i = 1; i < m; i++) { /* insertion sort back to id order */
        for (size_t j = i; j > 0 && idx[j - 1] > idx[j]; j--) {
            size_t x = idx[j];
            idx[j] = idx[j - 1];
            idx[j - 1] = x;
        }
    }
    return m;
}

static long find_actor(const json_t *actors, const char *id) {
    for (size_t i = 0; i < json_array_size(actors); i++) {
        if (strcmp(json_string_value(json_object_get(json_array_get(actors, i), "id")), id) == 0) {
            return (long)i;
        }
    }
    return -1;
}

allynet_status allynet__timeline_pick(const json_t *tl, const allynet_timeline_view *view,
                                      const char **metric, size_t **idx, size_t *n,
                                      allynet_error *err) {
    const json_t *actors = json_object_get(tl, "actors");
    *metric = view && view->metric ? view->metric : "strength_pos";
    *idx = NULL;
    *n = 0;
    if (!has_metric(tl, *metric)) {
        char names[512] = "";
        const json_t *arr = json_object_get(tl, "metrics");
        for (size_t i = 0; i < json_array_size(arr); i++) {
            size_t len = strlen(names);
            snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "",
                     json_string_value(json_array_get(arr, i)));
        }
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown metric '%s' (%s)",
                                 *metric, names);
    }
    size_t na = json_array_size(actors);
    *idx = malloc((na + 1) * sizeof **idx);
    scored *buf = malloc((na + 1) * sizeof *buf);
    allynet_status st = *idx && buf ? ALLYNET_OK : nomem(err);
    if (st == ALLYNET_OK && view && view->actors) {
        for (size_t i = 0; st == ALLYNET_OK && i < view->n_actors; i++) {
            long k = find_actor(actors, view->actors[i]);
            if (k < 0) {
                st = allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                       "actor '%s' is in none of the snapshots", view->actors[i]);
            } else {
                (*idx)[(*n)++] = (size_t)k;
            }
        }
    } else if (st == ALLYNET_OK) {
        *n = pick_top(actors, *metric, view && view->top ? view->top : 8, *idx, buf);
    }
    free(buf);
    if (st != ALLYNET_OK) {
        free(*idx);
        *idx = NULL;
        *n = 0;
    }
    return st;
}

/* A CSV field, quoted when it needs to be. */
static void csv_field(FILE *f, const char *s) {
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') {
            fputc('"', f);
        }
        fputc(*s, f);
    }
    fputc('"', f);
}

static void csv_row(FILE *f, const json_t *snap, const char *actor, const char *metric, double v) {
    csv_field(f, json_string_value(json_object_get(snap, "label")));
    fputc(',', f);
    const char *date = json_string_value(json_object_get(snap, "date"));
    csv_field(f, date ? date : "");
    fputc(',', f);
    csv_field(f, actor);
    fprintf(f, ",%s,%.12g\n", metric, v);
}

static void csv_actor(FILE *f, const json_t *snaps, const json_t *a, size_t t) {
    const char *id = json_string_value(json_object_get(a, "id"));
    const char *key;
    const json_t *ser;
    json_object_foreach((json_t *)json_object_get(a, "series"), key, ser) {
        double v = value_at(ser, t);
        if (!isnan(v)) {
            csv_row(f, json_array_get(snaps, t), id, key, v);
        }
    }
}

allynet_status allynet_timeline_write_csv(const json_t *tl, const allynet_timeline_view *view,
                                          FILE *f, allynet_error *err) {
    const json_t *snaps = json_object_get(tl, "snapshots"), *actors = json_object_get(tl, "actors");
    const char *metric;
    size_t *idx = NULL, n = 0;
    allynet_timeline_view all = {.metric = NULL, .top = json_array_size(actors) + 1};
    if (view && view->actors) {
        all.actors = view->actors;
        all.n_actors = view->n_actors;
    }
    allynet_status st = allynet__timeline_pick(tl, &all, &metric, &idx, &n, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    fprintf(f, "snapshot,date,actor,metric,value\n");
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        const json_t *snap = json_array_get(snaps, t), *v;
        const char *key;
        json_object_foreach((json_t *)json_object_get(snap, "figures"), key, v) {
            if (json_is_number(v)) {
                csv_row(f, snap, "", key, json_number_value(v));
            }
        }
        for (size_t i = 0; i < n; i++) {
            csv_actor(f, snaps, json_array_get(actors, idx[i]), t);
        }
    }
    free(idx);
    return ferror(f) ? allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error") : ALLYNET_OK;
}

/* One table cell: Markdown "| x" style or a right-aligned column of `width`. */
static void cell(FILE *f, bool md, const char *text, int width) {
    if (md) {
        fprintf(f, " %s |", allynet__md(text));
    } else {
        fprintf(f, " %*.*s", width, width, text);
    }
}

static void number_cell(FILE *f, bool md, double v, int width) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.4g", v);
    cell(f, md, isnan(v) ? (md ? "–" : "-") : buf, width);
}

static void first_cells(FILE *f, bool md, const char *label, const char *date) {
    if (md) {
        fprintf(f, "| %s |", allynet__md(label));
    } else {
        fprintf(f, "%-24s", label);
    }
    if (date) {
        cell(f, md, date, 10);
    }
}

/* The figures table: one row per snapshot, one column per figure available somewhere. */
static int width(const char *key) {
    return strlen(key) > 10 ? (int)strlen(key) : 10;
}

static void figures_table(FILE *f, const json_t *snaps, bool md) {
    static const char *const keys[] = {"actors",       "ties",          "ties_pos",    "ties_neg",
                                       "density",      "balance_ratio", "frustration", "modularity",
                                       "polarization", "blocs"};
    bool show[sizeof keys / sizeof *keys] = {false};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        for (size_t t = 0; t < json_array_size(snaps); t++) {
            show[k] =
                show[k] || json_is_number(json_object_get(
                               json_object_get(json_array_get(snaps, t), "figures"), keys[k]));
        }
    }
    first_cells(f, md, "snapshot", "date");
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        if (show[k]) {
            cell(f, md, keys[k], width(keys[k]));
        }
    }
    if (md) {
        fprintf(f, "\n|---|---|");
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            fputs(show[k] ? "---:|" : "", f);
        }
    }
    fputc('\n', f);
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        const json_t *s = json_array_get(snaps, t), *fig = json_object_get(s, "figures");
        const char *date = json_string_value(json_object_get(s, "date"));
        first_cells(f, md, json_string_value(json_object_get(s, "label")), date ? date : "-");
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            const json_t *v = json_object_get(fig, keys[k]);
            if (show[k]) {
                number_cell(f, md, json_is_number(v) ? json_number_value(v) : NAN, width(keys[k]));
            }
        }
        fputc('\n', f);
    }
    if (md) {
        fputs("\nmodularity: ordinary modularity of the Leiden communities of cooperative ties "
              "(report.md's per-snapshot sections also give their signed modularity); "
              "polarization: mean |profile alignment|.\n",
              f);
    }
}

static void actors_table(FILE *f, const json_t *tl, const char *metric, const size_t *idx, size_t n,
                         bool md) {
    const json_t *snaps = json_object_get(tl, "snapshots"), *actors = json_object_get(tl, "actors");
    fprintf(f, md ? "\n%s by snapshot:\n\n" : "\n%s by snapshot\n", metric);
    first_cells(f, md, "snapshot", NULL);
    for (size_t i = 0; i < n; i++) {
        cell(f, md, json_string_value(json_object_get(json_array_get(actors, idx[i]), "id")), 9);
    }
    if (md) {
        fprintf(f, "\n|---|");
        for (size_t i = 0; i < n; i++) {
            fputs("---:|", f);
        }
    }
    fputc('\n', f);
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        first_cells(f, md, json_string_value(json_object_get(json_array_get(snaps, t), "label")),
                    NULL);
        for (size_t i = 0; i < n; i++) {
            const json_t *a = json_array_get(actors, idx[i]);
            number_cell(f, md, value_at(json_object_get(json_object_get(a, "series"), metric), t),
                        9);
        }
        fputc('\n', f);
    }
}

allynet_status allynet_timeline_write_text(const json_t *tl, const allynet_timeline_view *view,
                                           bool md, FILE *f, allynet_error *err) {
    const char *metric;
    size_t *idx = NULL, n = 0;
    allynet_status st = allynet__timeline_pick(tl, view, &metric, &idx, &n, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    figures_table(f, json_object_get(tl, "snapshots"), md);
    if (n > 0) {
        actors_table(f, tl, metric, idx, n, md);
    }
    free(idx);
    return ferror(f) ? allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error") : ALLYNET_OK;
}
