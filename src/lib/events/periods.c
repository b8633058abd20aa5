/* periods.c — dates, the period a date falls in (year, month, ISO week, day, N-year window),
 * and the aggregator that buckets ties into one snapshot graph per period. */
#include "events_internal.h"

#include <stdlib.h>
#include <string.h>

static bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads exactly n digits; -1 when they are not all digits. */
static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool allynet__date_parse(const char *s, allynet__date *out) {
    size_t n = strlen(s);
    int y = -1, m = 1, d = 1;
    if (n >= 10 && s[4] == '-' && s[7] == '-' && (n == 10 || s[10] == 'T' || s[10] == ' ')) {
        y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    } else if (n == 7 && s[4] == '-') {
        y = digits(s, 4), m = digits(s + 5, 2);
    } else if (n == 8) {
        y = digits(s, 4), m = digits(s + 4, 2), d = digits(s + 6, 2);
    } else if (n == 6) {
        y = digits(s, 4), m = digits(s + 4, 2);
    } else if (n == 4) {
        y = digits(s, 4);
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
        return false;
    }
    out->y = y, out->m = m, out->d = d;
    return true;
}

/* Howard Hinnant's days_from_civil. */
long allynet__date_days(allynet__date dt) {
    long y = dt.y - (dt.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

allynet__date allynet__date_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    allynet__date d;
    d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.y = (int)(yoe + era * 400 + (d.m <= 2));
    return d;
}

void allynet__date_format(allynet__date d, char *buf) {
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u,
             (unsigned)d.d % 100u);
}

/* ISO 8601 week: Monday start; the week belongs to the year of its Thursday. */
static void iso_week(allynet__date d, allynet__period *p) {
    long days = allynet__date_days(d);
    long wd = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: Monday = 0 */
    long monday = days - wd;
    allynet__date thu = allynet__date_from_days(monday + 3);
    allynet__date jan1 = {thu.y, 1, 1};
    long week = (monday + 3 - allynet__date_days(jan1)) / 7 + 1;
    p->start = allynet__date_from_days(monday);
    p->end = allynet__date_from_days(monday + 6);
    snprintf(p->key, sizeof p->key, "%04d-W%02ld", thu.y % 10000, week % 100);
}

void allynet__period_of(allynet__date d, allynet_period_kind period, int window, int origin,
                        allynet__period *p) {
    memset(p, 0, sizeof *p);
    if (window > 0) {
        int off = ((d.y - origin) % window + window) % window;
        p->start = (allynet__date){d.y - off, 1, 1};
        p->end = (allynet__date){d.y - off + window - 1, 12, 31};
        snprintf(p->key, sizeof p->key, "%04d-%04d", p->start.y, p->end.y);
        return;
    }
    switch (period) {
    case ALLYNET_PERIOD_YEAR:
        p->start = (allynet__date){d.y, 1, 1};
        p->end = (allynet__date){d.y, 12, 31};
        snprintf(p->key, sizeof p->key, "%04d", d.y % 10000);
        break;
    case ALLYNET_PERIOD_MONTH:
        p->start = (allynet__date){d.y, d.m, 1};
        p->end = (allynet__date){d.y, d.m, month_days(d.y, d.m)};
        snprintf(p->key, sizeof p->key, "%04d-%02d", d.y % 10000, d.m % 100);
        break;
    case ALLYNET_PERIOD_WEEK:
        iso_week(d, p);
        break;
    case ALLYNET_PERIOD_DAY:
        p->start = p->end = d;
        allynet__date_format(d, p->key);
        break;
    }
}

/* ---------------------------------------------------------------- the aggregator */

void allynet__agg_init(allynet__agg *a, bool directed, size_t nextra, bool max_weight) {
    memset(a, 0, sizeof *a);
    a->directed = directed;
    a->nextra = nextra;
    a->max_weight = max_weight;
    allynet__strmap_init(&a->actor_ids);
    allynet__dyadmap_init(&a->bucket_keys);
}

void allynet__agg_destroy(allynet__agg *a) {
    for (size_t i = 0; i < a->n_actors; i++) {
        free(a->actors[i].id);
        free(a->actors[i].name);
        free(a->actors[i].kind);
        json_decref(a->actors[i].attrs);
    }
    for (size_t i = 0; i < a->n_buckets; i++) {
        allynet_graph_free(a->buckets[i].g);
        free(a->buckets[i].slot_actor);
        free(a->buckets[i].extra);
    }
    free(a->actors);
    free(a->buckets);
    allynet__strmap_destroy(&a->actor_ids);
    allynet__dyadmap_destroy(&a->bucket_keys);
    memset(a, 0, sizeof *a);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

allynet_status allynet__agg_actor(allynet__agg *a, const char *id, const char *name,
                                  const char *kind, json_t *attrs, size_t *slot,
                                  allynet_error *err) {
    if (allynet__strmap_get(&a->actor_ids, id, slot)) {
        json_decref(attrs);
        return ALLYNET_OK;
    }
    if (a->n_actors == a->cap_actors) {
        size_t cap = a->cap_actors ? a->cap_actors * 2 : 64;
        allynet__agg_entry *p = realloc(a->actors, cap * sizeof *p);
        if (p == NULL) {
            json_decref(attrs);
            return nomem(err);
        }
        a->actors = p;
        a->cap_actors = cap;
    }
    bool ok = true;
    allynet__agg_entry x = {allynet__strdup(id, &ok), allynet__strdup(name, &ok),
                            allynet__strdup(kind, &ok), attrs};
    if (!ok || !allynet__strmap_put(&a->actor_ids, x.id, a->n_actors)) {
        free(x.id);
        free(x.name);
        free(x.kind);
        json_decref(attrs);
        return nomem(err);
    }
    a->actors[a->n_actors] = x;
    *slot = a->n_actors++;
    return ALLYNET_OK;
}

static uint64_t period_key(const allynet__period *p) {
    uint64_t s = (uint64_t)(allynet__date_days(p->start) + 1000000000L);
    uint64_t e = (uint64_t)(allynet__date_days(p->end) + 1000000000L);
    return (s << 32) | (e & 0xffffffffu);
}

allynet_status allynet__agg_bucket(allynet__agg *a, const allynet__period *p, size_t *out,
                                   allynet_error *err) {
    uint64_t key = period_key(p);
    if (allynet__dyadmap_get(&a->bucket_keys, key, out)) {
        return ALLYNET_OK;
    }
    if (a->n_buckets == a->cap_buckets) {
        size_t cap = a->cap_buckets ? a->cap_buckets * 2 : 16;
        allynet__bucket *b = realloc(a->buckets, cap * sizeof *b);
        if (b == NULL) {
            return nomem(err);
        }
        a->buckets = b;
        a->cap_buckets = cap;
    }
    allynet__bucket b = {.period = *p, .g = allynet_graph_new(a->directed)};
    if (b.g == NULL || !allynet__dyadmap_put(&a->bucket_keys, key, a->n_buckets)) {
        allynet_graph_free(b.g);
        return nomem(err);
    }
    a->buckets[a->n_buckets] = b;
    *out = a->n_buckets++;
    return ALLYNET_OK;
}

/* The actor index of slot s in bucket b, adding the actor to the bucket's graph when new. */
static allynet_status bucket_actor(allynet__agg *a, allynet__bucket *b, size_t s, size_t *out,
                                   allynet_error *err) {
    if (s >= b->n_slot) {
        size_t n = a->n_actors > s ? a->n_actors : s + 1;
        size_t *p = realloc(b->slot_actor, n * sizeof *p);
        if (p == NULL) {
            return nomem(err);
        }
        memset(p + b->n_slot, 0, (n - b->n_slot) * sizeof *p);
        b->slot_actor = p;
        b->n_slot = n;
    }
    if (b->slot_actor[s] == 0) {
        const allynet__agg_entry *x = &a->actors[s];
        json_t *attrs = x->attrs ? json_deep_copy(x->attrs) : NULL;
        allynet_status st =
            allynet__graph_add_actor_attrs(b->g, x->id, x->name, x->kind, attrs, out, err);
        if (st != ALLYNET_OK) {
            return st;
        }
        b->slot_actor[s] = *out + 1;
    }
    *out = b->slot_actor[s] - 1;
    return ALLYNET_OK;
}

static allynet_status grow_extra(allynet__agg *a, allynet__bucket *b, size_t tie,
                                 allynet_error *err) {
    if (tie < b->cap_extra) {
        return ALLYNET_OK;
    }
    size_t cap = b->cap_extra ? b->cap_extra * 2 : 64;
    while (cap <= tie) {
        cap *= 2;
    }
    double *e = realloc(b->extra, cap * a->nextra * sizeof *e);
    if (e == NULL) {
        return nomem(err);
    }
    memset(e + b->cap_extra * a->nextra, 0, (cap - b->cap_extra) * a->nextra * sizeof *e);
    b->extra = e;
    b->cap_extra = cap;
    return ALLYNET_OK;
}

allynet_status allynet__agg_add(allynet__agg *a, size_t bi, size_t s, size_t t, double w,
                                long events, const double *extra, allynet_error *err) {
    allynet__bucket *b = &a->buckets[bi];
    size_t u, v, tie;
    allynet_status st = bucket_actor(a, b, s, &u, err);
    if (st == ALLYNET_OK) {
        st = bucket_actor(a, b, t, &v, err);
    }
    if (st != ALLYNET_OK) {
        return st;
    }
    long found = a->max_weight ? allynet_graph_find_tie(b->g, u, v) : -1;
    if (found >= 0) {
        allynet_tie *x = allynet_graph_tie_mut(b->g, (size_t)found);
        if ((st = allynet__tie_sum(b->g, x, 0.0, events, err)) != ALLYNET_OK) {
            return st;
        }
        x->weight = w > x->weight ? w : x->weight;
        tie = (size_t)found;
    } else if ((st = allynet_graph_add_tie(b->g, u, v, w, NULL, events, NULL, &tie, err)) !=
               ALLYNET_OK) {
        return st;
    }
    b->rows++;
    if (a->nextra > 0 && extra != NULL) {
        if ((st = grow_extra(a, b, tie, err)) != ALLYNET_OK) {
            return st;
        }
        double *e = b->extra + tie * a->nextra;
        for (size_t k = 0; k < a->nextra; k++) {
            e[k] += extra[k];
        }
    }
    return ALLYNET_OK;
}

static int cmp_bucket(const void *x, const void *y) {
    const allynet__bucket *a = x, *b = y;
    long d = allynet__date_days(a->period.start) - allynet__date_days(b->period.start);
    if (d == 0) {
        d = allynet__date_days(a->period.end) - allynet__date_days(b->period.end);
    }
    return d < 0 ? -1 : d > 0;
}

void allynet__agg_sort(allynet__agg *a) {
    if (a->n_buckets > 1) {
        qsort(a->buckets, a->n_buckets, sizeof *a->buckets, cmp_bucket);
    }
    allynet__dyadmap_clear(&a->bucket_keys); /* indexes moved: no more lookups after sorting */
}
