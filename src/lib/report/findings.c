/* findings.c — the report's findings in sentences, written from the figures the sections
 * computed (so they cannot disagree with the tables): per snapshot the strongest cooperation
 * and conflict, the split into blocs or communities, the most central actor, the actor in most
 * conflict and the polarization; per pair of snapshots the main changes. Each sentence names
 * the page table that holds its figures. */
#include "html.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *name_of(const allynet_graph *g, size_t v) {
    const allynet_actor *a = allynet_graph_actor(g, v);
    return a->name ? a->name : a->id;
}

static const char *name_by_id(const allynet_graph *g, const char *id) {
    long v = id ? allynet_graph_find_actor(g, id) : -1;
    return v >= 0 ? name_of(g, (size_t)v) : id ? id : "?";
}

/* Appends one sentence (printf-style) with its table to `list`. */
static bool say(json_t *list, const char *table, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool say(json_t *list, const char *table, const char *fmt, ...) {
    char text[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return json_array_append_new(list, json_pack("{s:s, s:s}", "text", text, "table", table)) == 0;
}

/* The tie with the largest (sign +1) or most negative (sign -1) weight, or -1. */
static long extreme_tie(const allynet_graph *g, int sign) {
    long best = -1;
    for (size_t e = 0; e < allynet_graph_tie_count(g); e++) {
        double w = sign * allynet_graph_tie(g, e)->weight;
        if (w > 0 && (best < 0 || w > sign * allynet_graph_tie(g, (size_t)best)->weight)) {
            best = (long)e;
        }
    }
    return best;
}

static bool tie_sentence(json_t *list, const allynet_graph *g, int sign) {
    long e = extreme_tie(g, sign);
    if (e < 0) {
        return sign > 0 ? say(list, "ties", "No tie is cooperative.")
                        : say(list, "ties",
                              "No tie is negative: every relation recorded is "
                              "cooperation.");
    }
    const allynet_tie *t = allynet_graph_tie(g, (size_t)e);
    size_t same = 0;
    for (size_t k = 0; k < allynet_graph_tie_count(g); k++) {
        same += allynet_graph_tie(g, k)->weight == t->weight;
    }
    if (same > 1) {
        return say(
            list, "ties", "%zu ties share the largest %s weight (%+.3g), %s %s %s among them.",
            same, sign > 0 ? "cooperative" : "conflict", t->weight, name_of(g, t->source),
            allynet_graph_directed(g) ? "\xe2\x86\x92" : "\xe2\x80\x93", name_of(g, t->target));
    }
    return say(list, "ties", "The strongest %s is %s %s %s (%s%s%+.3g, %ld event%s).",
               sign > 0 ? "cooperation" : "conflict", name_of(g, t->source),
               allynet_graph_directed(g) ? "\xe2\x86\x92" : "\xe2\x80\x93", name_of(g, t->target),
               t->relation ? t->relation : "", t->relation ? ", " : "", t->weight, t->events,
               t->events == 1 ? "" : "s");
}

static bool split_sentence(json_t *list, const allynet_graph *g, const json_t *snap) {
    const json_t *split = json_object_get(snap, "split"),
                 *groups = json_object_get(split, "groups");
    const char *mode = json_string_value(json_object_get(split, "mode"));
    const json_t *a = json_array_get(groups, 0), *b = json_array_get(groups, 1);
    const json_t *f = json_object_get(json_object_get(snap, "balance"), "frustration");
    bool ok = true;
    if (mode != NULL && strcmp(mode, "blocs") == 0) {
        long frus = (long)json_number_value(json_object_get(f, "value"));
        ok = say(list, "groups",
                 "Conflict divides the actors into two opposing blocs: %zu around %s and %zu "
                 "around %s; %ld tie%s contradict%s this split (frustration index).",
                 json_array_size(json_object_get(a, "members")),
                 name_by_id(g, json_string_value(json_object_get(a, "lead"))),
                 json_array_size(json_object_get(b, "members")),
                 name_by_id(g, json_string_value(json_object_get(b, "lead"))), frus,
                 frus == 1 ? "" : "s", frus == 1 ? "s" : "");
    } else if (mode != NULL && strcmp(mode, "communities") == 0) {
        ok = say(list, "groups",
                 "No opposing blocs (%s): the colours show %zu communities of cooperation, the "
                 "first around %s.",
                 json_string_value(json_object_get(split, "reason")), json_array_size(groups),
                 name_by_id(g, json_string_value(json_object_get(a, "lead"))));
    }
    size_t out = json_array_size(json_object_get(split, "outside"));
    if (ok && out > 0 && mode != NULL && strcmp(mode, "blocs") == 0) {
        ok = say(
            list, "groups",
            "%zu actor%s (%s%s) %s in neither bloc: no chain of ties links %s to the "
            "conflict.",
            out, out == 1 ? "" : "s",
            name_by_id(g, json_string_value(json_array_get(json_object_get(split, "outside"), 0))),
            out > 1 ? ", ..." : "", out == 1 ? "is" : "are", out == 1 ? "it" : "them");
    }
    return ok;
}

/* The actor with the largest sign * metric, or NULL. */
static const json_t *top_actor(const json_t *snap, const char *metric, int sign) {
    const json_t *best = NULL, *a;
    size_t i;
    json_array_foreach(json_object_get(json_object_get(snap, "metrics"), "actors"), i, a) {
        const json_t *v = json_object_get(a, metric);
        if (json_is_number(v) && sign * json_number_value(v) > 0 &&
            (best == NULL || sign * json_number_value(v) >
                                 sign * json_number_value(json_object_get(best, metric)))) {
            best = a;
        }
    }
    return best;
}

static bool actor_sentences(json_t *list, const allynet_graph *g, const json_t *snap) {
    const json_t *c = top_actor(snap, "pagerank", 1), *x = top_actor(snap, "strength_neg", -1);
    bool ok = true;
    if (c != NULL) {
        ok = say(list, "actors", "%s is the most central actor in cooperation (PageRank %.3f).",
                 name_by_id(g, json_string_value(json_object_get(c, "id"))),
                 json_number_value(json_object_get(c, "pagerank")));
    }
    if (ok && x != NULL) {
        ok = say(list, "actors", "%s is in the most conflict (negative strength %.3g).",
                 name_by_id(g, json_string_value(json_object_get(x, "id"))),
                 json_number_value(json_object_get(x, "strength_neg")));
    }
    const json_t *pol =
        json_object_get(json_object_get(json_object_get(snap, "align"), "polarization"), "index");
    const char *mode = json_string_value(json_object_get(json_object_get(snap, "split"), "mode"));
    if (ok && json_is_number(pol) && mode != NULL && strcmp(mode, "blocs") == 0) {
        double p = json_number_value(pol);
        ok = say(list, "figures",
                 "Polarization is %.2f: actors' tie profiles sit %s (0: midway between the two "
                 "blocs, 1: on one bloc's profile).",
                 p,
                 p >= 0.6   ? "close to one bloc or the other"
                 : p >= 0.3 ? "between the middle and the blocs"
                            : "near the middle");
    }
    return ok;
}

allynet_status allynet__findings_snapshot(const allynet_graph *g, json_t *snap,
                                          allynet_error *err) {
    json_t *list = json_array();
    bool ok = list != NULL && tie_sentence(list, g, 1) && tie_sentence(list, g, -1) &&
              split_sentence(list, g, snap) && actor_sentences(list, g, snap);
    if (!ok || json_object_set_new(snap, "findings", list) != 0) {
        if (!ok) {
            json_decref(list);
        }
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

/* The sign flip with the largest change, as "A → B (−24 → +8.2)", or NULL. */
static const json_t *largest_flip(const json_t *cmp) {
    const json_t *best = NULL, *e;
    size_t i;
    json_array_foreach(json_object_get(json_object_get(cmp, "edges"), "sign_flipped"), i, e) {
        double d = fabs(json_number_value(json_object_get(e, "delta")));
        if (best == NULL || d > fabs(json_number_value(json_object_get(best, "delta")))) {
            best = e;
        }
    }
    return best;
}

static bool change_sentence(json_t *list, const json_t *cmp) {
    const json_t *s = json_object_get(cmp, "summary"), *flip = largest_flip(cmp);
    char turn[300] = "";
    if (flip != NULL) {
        snprintf(turn, sizeof turn, "; the largest turn: %.40s \xe2\x86\x92 %.40s (%+.3g to %+.3g)",
                 json_string_value(json_object_get(flip, "source")),
                 json_string_value(json_object_get(flip, "target")),
                 json_number_value(json_object_get(flip, "weight_a")),
                 json_number_value(json_object_get(flip, "weight_b")));
    }
    return say(list, "changes",
               "From %.100s to %.100s: %lld ties appeared, %lld disappeared and %lld "
               "changed sign%s.",
               json_string_value(json_object_get(cmp, "from")),
               json_string_value(json_object_get(cmp, "to")),
               json_integer_value(json_object_get(s, "added")),
               json_integer_value(json_object_get(s, "removed")),
               json_integer_value(json_object_get(s, "sign_flipped")), turn);
}

allynet_status allynet__findings_series(json_t *root, allynet_error *err) {
    json_t *list = json_array(), *cmp;
    size_t i;
    bool ok = list != NULL;
    json_array_foreach(json_object_get(root, "compare"), i, cmp) {
        ok = ok && change_sentence(list, cmp);
    }
    if (!ok || json_object_set_new(root, "findings", list) != 0) {
        if (!ok) {
            json_decref(list);
        }
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}
