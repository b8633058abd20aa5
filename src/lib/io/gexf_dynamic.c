/* gexf_dynamic.c — a series of snapshots as one dynamic GEXF 1.3, so Gephi's timeline plays it:
 * the union of the snapshots (their exact sum, as `merge` gives) carries every actor and tie
 * once; each gets spells for the periods it is present in, and each tie its weight and sign
 * per period as dynamic attributes. Snapshot i lasts from its date to the day before snapshot
 * i+1's; the last one for its own year, month or day (as precise as its date). */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, char out[32]) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 32, "%04ld-%02u-%02u", y + (m <= 2), m, d);
}

/* The first and last day of a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; false when it is none. */
static bool date_span(const char *s, long *first, long *last) {
    int y = 0, m = 1, d = 1, n = 0;
    size_t len = s ? strlen(s) : 0;
    if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
        *first = days_from_civil(y, 1, 1);
        *last = days_from_civil(y + 1, 1, 1) - 1;
    } else if (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && m >= 1 && m <= 12) {
        *first = days_from_civil(y, (unsigned)m, 1);
        *last = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : (unsigned)m + 1, 1) - 1;
    } else if (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && m >= 1 &&
               m <= 12 && d >= 1 && d <= 31) {
        *first = *last = days_from_civil(y, (unsigned)m, (unsigned)d);
        char back[32];
        civil_from_days(*first, back);
        return strcmp(back, s) == 0; /* refuses 2023-02-30 */
    } else {
        return false;
    }
    return true;
}

typedef struct {
    long *first, *last; /* each snapshot's days */
    size_t n;
    const allynet_graph *const *graphs;
    const allynet_graph *u; /* the union */
} series;

/* Each snapshot's period; INPUT for a missing or malformed date or dates out of order. */
static allynet_status periods(series *s, allynet_error *err) {
    for (size_t i = 0; i < s->n; i++) {
        const char *date = allynet_graph_date(s->graphs[i]);
        const char *name = allynet_graph_name(s->graphs[i]);
        if (!date_span(date, &s->first[i], &s->last[i])) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "snapshot %zu (%.200s) has %s; a dynamic GEXF needs a date "
                                     "(YYYY, YYYY-MM or YYYY-MM-DD) on every snapshot",
                                     i + 1, name ? name : "no name",
                                     date ? "a date that is not one" : "no date");
        }
        if (i > 0 && s->first[i] <= s->first[i - 1]) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "snapshot %zu (%s) is not later than the one before it", i + 1,
                                     date);
        }
        if (i > 0) {
            s->last[i - 1] = s->first[i] - 1;
        }
    }
    return ALLYNET_OK;
}

/* One <spell> or dynamic <attvalue> bound to days [a, b]. */
static int bounds(xmlTextWriter *w, long a, long b) {
    char d1[32], d2[32];
    civil_from_days(a, d1);
    civil_from_days(b, d2);
    int rc = xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST d1);
    return rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "end", BAD_CAST d2);
}

/* Index in snapshot k of union actor i (tie i when `tie`), or -1. */
static long find_in(const series *s, size_t k, bool tie, size_t i) {
    const allynet_graph *g = s->graphs[k];
    if (!tie) {
        return allynet_graph_find_actor(g, allynet_graph_actor(s->u, i)->id);
    }
    const allynet_tie *t = allynet_graph_tie(s->u, i);
    long a = allynet_graph_find_actor(g, allynet_graph_actor(s->u, t->source)->id);
    long b = allynet_graph_find_actor(g, allynet_graph_actor(s->u, t->target)->id);
    return a < 0 || b < 0 ? -1 : allynet_graph_find_tie(g, (size_t)a, (size_t)b);
}

/* The tie's weight and sign in each snapshot it is in. */
static int dynamic_values(const series *s, xmlTextWriter *w, size_t i) {
    int rc = 0;
    for (size_t k = 0; k < s->n && rc >= 0; k++) {
        long j = find_in(s, k, true, i);
        if (j < 0) {
            continue;
        }
        double x = allynet_graph_tie(s->graphs[k], (size_t)j)->weight;
        for (int v = 0; v < 2 && rc >= 0; v++) {
            rc = xmlTextWriterStartElement(w, BAD_CAST "attvalue");
            rc = rc < 0 ? rc
                        : xmlTextWriterWriteAttribute(w, BAD_CAST "for",
                                                      BAD_CAST(v ? "dsign" : "dweight"));
            rc = rc < 0 ? rc
                 : v    ? xmlTextWriterWriteFormatAttribute(w, BAD_CAST "value", "%d",
                                                         x > 0   ? 1
                                                            : x < 0 ? -1
                                                                    : 0)
                        : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "value", "%.17g", x);
            rc = rc < 0 ? rc : bounds(w, s->first[k], s->last[k]);
            rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
        }
    }
    return rc;
}

/* The spells of an actor or tie: one per run of consecutive snapshots it is in. */
static int spells(const series *s, xmlTextWriter *w, bool tie, size_t i) {
    int rc = xmlTextWriterStartElement(w, BAD_CAST "spells");
    for (size_t k = 0; k < s->n && rc >= 0; k++) {
        if (find_in(s, k, tie, i) < 0) {
            continue;
        }
        size_t end = k;
        while (end + 1 < s->n && find_in(s, end + 1, tie, i) >= 0) {
            end++;
        }
        rc = xmlTextWriterStartElement(w, BAD_CAST "spell");
        rc = rc < 0 ? rc : bounds(w, s->first[k], s->last[end]);
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
        k = end;
    }
    return rc < 0 ? rc : xmlTextWriterEndElement(w);
}

static int item_hook(xmlTextWriter *w, bool tie, size_t i, int phase, void *ctx) {
    const series *s = ctx;
    if (phase == 0) {
        return tie ? dynamic_values(s, w, i) : 0;
    }
    return spells(s, w, tie, i);
}

static int graph_hook(xmlTextWriter *w, void *ctx) {
    const series *s = ctx;
    int rc = xmlTextWriterWriteAttribute(w, BAD_CAST "timeformat", BAD_CAST "date");
    rc = rc < 0 ? rc : bounds(w, s->first[0], s->last[s->n - 1]);
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, BAD_CAST "attributes");
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "edge");
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "dynamic");
    static const char *const decl[2][3] = {{"dweight", "weight", "double"},
                                           {"dsign", "sign", "long"}};
    for (int v = 0; v < 2 && rc >= 0; v++) {
        rc = xmlTextWriterStartElement(w, BAD_CAST "attribute");
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST decl[v][0]);
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST decl[v][1]);
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST decl[v][2]);
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    return rc < 0 ? rc : xmlTextWriterEndElement(w);
}

allynet_status allynet_gexf_write_dynamic(const allynet_graph *const *graphs, size_t n, FILE *f,
                                          allynet_error *err) {
    if (n == 0) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "a dynamic GEXF needs at least one snapshot");
    }
    series s = {.first = calloc(n, sizeof(long)),
                .last = calloc(n, sizeof(long)),
                .n = n,
                .graphs = graphs};
    allynet_graph *u = allynet_graph_new(allynet_graph_directed(graphs[0]));
    allynet_status st = s.first && s.last && u
                            ? periods(&s, err)
                            : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        st = allynet_graph_merge(u, graphs[i], err);
    }
    if (st == ALLYNET_OK) {
        st = allynet_graph_sort(u, err);
    }
    if (st == ALLYNET_OK) {
        json_t *meta = allynet_graph_meta(u);
        json_object_del(meta, "date"); /* the union spans the series: no single date */
        s.u = u;
        allynet__gexf_hook hook = {graph_hook, item_hook, &s};
        st = allynet__gexf_write(u, &hook, f, err);
    }
    allynet_graph_free(u);
    free(s.first);
    free(s.last);
    return st;
}

typedef struct {
    const allynet_graph *const *graphs;
    size_t n;
} dyn_ctx;

static allynet_status dyn_writer(FILE *f, void *ctx, allynet_error *err) {
    dyn_ctx *c = ctx;
    return allynet_gexf_write_dynamic(c->graphs, c->n, f, err);
}

allynet_status allynet_gexf_save_dynamic(const allynet_graph *const *graphs, size_t n,
                                         const char *path, allynet_error *err) {
    dyn_ctx c = {graphs, n};
    return allynet_write_atomic(path, dyn_writer, &c, err);
}
