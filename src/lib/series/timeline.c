/* timeline.c — figures over a series of snapshots: per-snapshot network figures and per-actor
 * series (metrics and bloc), from figures.c. Bloc labels are kept stable over time: each
 * snapshot's blocs are matched to the previous snapshot's by largest overlap (Hungarian method),
 * and a bloc with no match gets a label never used before.
 *
 * The result is a JSON document: {"snapshots": [{"label", "date", "name", "figures": {...}}],
 * "metrics": [names], "actors": [{"id", "series": {metric: [value or null per snapshot]}}]}. */
#include "figures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Per-actor series besides the metrics. */
#define SERIES_ALIGN ALLYNET__M_COUNT
#define SERIES_BLOC (ALLYNET__M_COUNT + 1)
#define SERIES_COUNT (ALLYNET__M_COUNT + 2)

static const char *series_name(int k) {
    return k < ALLYNET__M_COUNT ? allynet__metric_names[k]
           : k == SERIES_ALIGN  ? "alignment"
                                : "bloc";
}

typedef struct {
    const allynet_graph *const *graphs;
    size_t n;
    const char **ids; /* union of actor ids, sorted, borrowed */
    size_t nids;
    allynet__strmap index;
    json_t **series; /* nids x SERIES_COUNT arrays (borrowed from the document) */
    long *prev_bloc; /* stable bloc label of each union actor in the previous snapshot, or -1 */
    long next_label;
    double *last_align; /* last oriented alignment of each union actor, or NaN */
    unsigned long seed;
    allynet_comm_method method;
} state;

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static int cmp_ids(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static allynet_status collect_ids(state *s, allynet_error *err) {
    size_t total = 0;
    for (size_t t = 0; t < s->n; t++) {
        total += allynet_graph_actor_count(s->graphs[t]);
    }
    s->ids = malloc((total + 1) * sizeof *s->ids);
    if (s->ids == NULL) {
        return nomem(err);
    }
    for (size_t t = 0; t < s->n; t++) {
        for (size_t i = 0; i < allynet_graph_actor_count(s->graphs[t]); i++) {
            s->ids[s->nids++] = allynet_graph_actor(s->graphs[t], i)->id;
        }
    }
    qsort(s->ids, s->nids, sizeof *s->ids, cmp_ids);
    size_t k = 0;
    for (size_t i = 0; i < s->nids; i++) {
        if (k == 0 || strcmp(s->ids[k - 1], s->ids[i]) != 0) {
            s->ids[k++] = s->ids[i];
        }
    }
    s->nids = k;
    for (size_t i = 0; i < k; i++) {
        if (!allynet__strmap_put(&s->index, s->ids[i], i)) {
            return nomem(err);
        }
    }
    return ALLYNET_OK;
}

/* The actor entries with every series full of nulls. */
static json_t *actor_entries(state *s) {
    json_t *arr = json_array();
    s->series = malloc((s->nids * SERIES_COUNT + 1) * sizeof *s->series);
    s->prev_bloc = malloc((s->nids + 1) * sizeof *s->prev_bloc);
    s->last_align = malloc((s->nids + 1) * sizeof *s->last_align);
    if (arr == NULL || s->series == NULL || s->prev_bloc == NULL || s->last_align == NULL) {
        json_decref(arr);
        return NULL;
    }
    for (size_t i = 0; i < s->nids; i++) {
        json_t *ser = json_object();
        s->prev_bloc[i] = -1;
        s->last_align[i] = NAN;
        for (int k = 0; ser && k < SERIES_COUNT; k++) {
            json_t *vals = json_array();
            for (size_t t = 0; vals && t < s->n; t++) {
                json_array_append_new(vals, json_null());
            }
            json_object_set_new(ser, series_name(k), vals);
            s->series[i * SERIES_COUNT + k] = vals;
        }
        if (json_array_append_new(arr, json_pack("{s:s, s:o}", "id", s->ids[i], "series", ser))) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

/* Matches this snapshot's blocs to the previous stable labels; fills stable[i] per actor. */
static allynet_status stable_blocs(state *s, const allynet__figures *f, const size_t *uidx,
                                   long *stable, allynet_error *err) {
    size_t n = f->actors, common = 0;
    long ka = 0;
    long *la = malloc((n + 1) * sizeof *la), *lb = malloc((n + 1) * sizeof *lb);
    long *map = malloc((f->blocs + 1) * sizeof *map);
    allynet_status st = la && lb && map ? ALLYNET_OK : nomem(err);
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        long p = s->prev_bloc[uidx[i]];
        if (p >= 0) {
            la[common] = p;
            lb[common++] = f->bloc[i];
            ka = p + 1 > ka ? p + 1 : ka;
        }
    }
    if (st == ALLYNET_OK) {
        st = allynet__bloc_match(la, (size_t)ka, lb, f->blocs, common, map, err);
    }
    for (size_t j = 0; st == ALLYNET_OK && j < f->blocs; j++) {
        if (map[j] >= ka) {
            map[j] = s->next_label++; /* a new bloc */
        }
    }
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        stable[i] = map[f->bloc[i]];
    }
    free(la);
    free(lb);
    free(map);
    return st;
}

/* Orients this snapshot's alignment like the last known values of the same actors, stores it
 * as their last known values, and returns the sign used. */
static double orient(state *s, const allynet__figures *f, const size_t *uidx, double *x,
                     double *y) {
    size_t k = 0;
    for (size_t i = 0; i < f->actors; i++) {
        double prev = s->last_align[uidx[i]];
        if (isfinite(prev) && isfinite(f->alignment[i])) {
            x[k] = prev;
            y[k++] = f->alignment[i];
        }
    }
    double sign = allynet__orientation(x, y, k);
    for (size_t i = 0; i < f->actors; i++) {
        if (isfinite(f->alignment[i])) {
            s->last_align[uidx[i]] = sign * f->alignment[i];
        }
    }
    return sign;
}

static void set_series(state *s, size_t t, const allynet__figures *f, const size_t *uidx,
                       const long *stable, double sign) {
    for (size_t i = 0; i < f->actors; i++) {
        json_t **ser = &s->series[uidx[i] * SERIES_COUNT];
        for (int k = 0; k < ALLYNET__M_COUNT; k++) {
            json_array_set_new(
                ser[k], t, f->metric[k] ? allynet__metric_json(k, f->metric[k][i]) : json_null());
        }
        double a = f->alignment ? sign * f->alignment[i] : NAN;
        json_array_set_new(ser[SERIES_ALIGN], t, isfinite(a) ? json_real(a) : json_null());
        json_array_set_new(ser[SERIES_BLOC], t, json_integer(stable[i]));
        s->prev_bloc[uidx[i]] = stable[i];
    }
}

static allynet_status one_snapshot(state *s, size_t t, json_t *fig, allynet_error *err) {
    const allynet_graph *g = s->graphs[t];
    allynet__figures f;
    allynet_status st = allynet__figures_compute(g, s->seed, s->method, &f, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    size_t n = f.actors, *uidx = malloc((n + 1) * sizeof *uidx);
    long *stable = malloc((n + 1) * sizeof *stable);
    double *x = malloc((n + 1) * sizeof *x), *y = malloc((n + 1) * sizeof *y), sign = 1.0;
    st = uidx && stable && x && y ? ALLYNET_OK : nomem(err);
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        allynet__strmap_get(&s->index, allynet_graph_actor(g, i)->id, &uidx[i]);
    }
    if (st == ALLYNET_OK) {
        st = stable_blocs(s, &f, uidx, stable, err);
    }
    for (size_t u = 0; st == ALLYNET_OK && u < s->nids; u++) {
        s->prev_bloc[u] = -1;
    }
    if (st == ALLYNET_OK && f.alignment) {
        sign = orient(s, &f, uidx, x, y);
    }
    if (st == ALLYNET_OK) {
        set_series(s, t, &f, uidx, stable, sign);
    }
    for (int k = 0; st == ALLYNET_OK && k < ALLYNET__F_COUNT; k++) {
        json_object_set_new(fig, allynet__figure_names[k], allynet__figure_json(k, f.figure[k]));
    }
    free(uidx);
    free(stable);
    free(x);
    free(y);
    allynet__figures_destroy(&f);
    return st;
}

static json_t *snapshot_entry(const allynet_graph *g, const char *label) {
    return json_pack("{s:s, s:s*, s:s*, s:{}}", "label", label, "date", allynet_graph_date(g),
                     "name", allynet_graph_name(g), "figures");
}

allynet_status allynet_timeline_run(const allynet_graph *const *graphs, const char *const *labels,
                                    size_t n, unsigned long seed, allynet_comm_method blocs,
                                    json_t **out, allynet_error *err) {
    *out = NULL;
    state s = {.graphs = graphs, .n = n, .seed = seed, .method = blocs};
    allynet__strmap_init(&s.index);
    json_t *doc = NULL, *snaps = json_array(), *names = json_array(), *actors = NULL;
    allynet_status st = snaps && names ? collect_ids(&s, err) : nomem(err);
    if (st == ALLYNET_OK) {
        actors = actor_entries(&s);
        st = actors ? ALLYNET_OK : nomem(err);
    }
    for (int k = 0; st == ALLYNET_OK && k < SERIES_COUNT; k++) {
        json_array_append_new(names, json_string(series_name(k)));
    }
    for (size_t t = 0; st == ALLYNET_OK && t < n; t++) {
        json_t *e = snapshot_entry(graphs[t], labels[t]);
        if (e == NULL || json_array_append_new(snaps, e) != 0) {
            st = nomem(err);
            break;
        }
        st = one_snapshot(&s, t, json_object_get(e, "figures"), err);
    }
    if (st == ALLYNET_OK) {
        doc = json_pack("{s:s, s:O, s:O, s:O}", "blocs_method", allynet_comm_method_name(blocs),
                        "snapshots", snaps, "metrics", names, "actors", actors);
        st = doc ? ALLYNET_OK : nomem(err);
    }
    json_decref(snaps);
    json_decref(names);
    json_decref(actors);
    free(s.ids);
    free(s.series);
    free(s.prev_bloc);
    free(s.last_align);
    allynet__strmap_destroy(&s.index);
    *out = doc;
    return st;
}
