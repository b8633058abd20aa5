/* parts.c — naming a whole after its parts: a merged snapshot after the snapshots summed (their
 * names joined, their dates spanned), an extracted one after its documents. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

char *allynet__parts_name(const char *const *names, size_t n) {
    size_t len = 1, shown = 0, distinct = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = names[i] == NULL;
        for (size_t j = 0; j < i && !seen; j++) {
            seen = names[j] && strcmp(names[i], names[j]) == 0;
        }
        if (!seen) {
            distinct++;
            len += strlen(names[i]) + 3;
        }
    }
    if (distinct == 0) {
        return NULL;
    }
    char *out = malloc(len + 32), *p = out;
    for (size_t i = 0; out && i < n; i++) {
        bool seen = names[i] == NULL;
        for (size_t j = 0; j < i && !seen; j++) {
            seen = names[j] && strcmp(names[i], names[j]) == 0;
        }
        if (!seen && shown < 3) {
            p += sprintf(p, "%s%s", shown ? " + " : "", names[i]);
            shown++;
        }
    }
    if (out && distinct > shown) {
        sprintf(p, " and %zu more", distinct - shown);
    }
    return out;
}

/* A part's first and last day: its period's start and end, else its date for both. */
static void part_span(const allynet_graph *g, const char **first, const char **last) {
    const json_t *period = json_object_get(allynet_graph_meta_const(g), "period");
    const char *s = json_string_value(json_object_get(period, "start"));
    const char *e = json_string_value(json_object_get(period, "end"));
    const char *d = allynet_graph_date(g);
    *first = s ? s : d;
    *last = e ? e : d;
}

/* Whether part g sorts before a part named `name` dated `date` (no date sorts last). */
static bool part_before(const allynet_graph *g, const char *name, const char *date) {
    const char *d = allynet_graph_date(g), *nm = allynet_graph_name(g);
    int c = !d || !date ? (d != NULL) - (date != NULL) : strcmp(date, d);
    if (c == 0) {
        c = !nm || !name ? (nm != NULL) - (name != NULL) : strcmp(name, nm);
    }
    return c > 0;
}

allynet_status allynet_graph_name_after_parts(allynet_graph *g, const allynet_graph *const *parts,
                                              size_t n, allynet_error *err) {
    const char **names = calloc(n ? n : 1, sizeof *names);
    const char **dates = calloc(n ? n : 1, sizeof *dates);
    const char *first = NULL, *last = NULL, *date = NULL;
    bool ok = names != NULL && dates != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const char *a, *b, *d = allynet_graph_date(parts[i]);
        /* names in date order (then by name), so the sum's name does not depend on the order
         * of the parts */
        size_t k = i;
        for (; k > 0 && part_before(parts[i], names[k - 1], dates[k - 1]); k--) {
            names[k] = names[k - 1];
            dates[k] = dates[k - 1];
        }
        names[k] = allynet_graph_name(parts[i]);
        dates[k] = d;
        part_span(parts[i], &a, &b);
        first = a && (!first || strcmp(a, first) < 0) ? a : first;
        last = b && (!last || strcmp(b, last) > 0) ? b : last;
        date = d && (!date || strcmp(d, date) > 0) ? d : date;
    }
    char *name = ok && n > 1 ? allynet__parts_name(names, n) : NULL;
    json_t *meta = allynet_graph_meta(g);
    /* every value is copied before the one it may point into is replaced */
    json_t *span = n > 1 && first && last && strcmp(first, last) != 0
                       ? json_pack("{s:s,s:s}", "start", first, "end", last)
                       : NULL;
    json_t *jdate = n > 1 && date ? json_string(date) : NULL;
    if (ok && name) {
        ok = json_object_set_new(meta, "name", json_string(name)) == 0;
    }
    if (jdate) {
        ok = json_object_set_new(meta, "date", jdate) == 0 && ok;
    }
    if (span) {
        ok = json_object_set_new(meta, "period", span) == 0 && ok;
    }
    free(name);
    free(names);
    free(dates);
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}
