/* view.c — what report.html draws for one snapshot, as compact JSON: actors (index into the
 * series layout, group, figures), ties with their top evidence, the groups of the split, the
 * snapshot's figures and its findings. Field orders are listed once in the page's metadata
 * (allynet__view_fields), so rows can be arrays. */
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { TOP_EVIDENCE = 5 };

static const char *const node_fields[] = {
    "actor",       "group",    "degree", "strength_pos", "strength_neg",      "pagerank",
    "betweenness", "harmonic", "pn",     "alignment",    "profile_alignment", NULL};
static const char *const tie_fields[] = {"source",         "target",   "weight",
                                         "relation",       "events",   "confidence",
                                         "evidence_count", "evidence", NULL};
static const char *const evidence_fields[] = {"doc",  "cue",  "cameo",      "weight", "date",
                                              "text", "note", "confidence", NULL};

static json_t *names(const char *const *k) {
    json_t *a = json_array();
    for (; a && *k; k++) {
        json_array_append_new(a, json_string(*k));
    }
    return a;
}

json_t *allynet__view_fields(void) {
    return json_pack("{s:o, s:o, s:o}", "node", names(node_fields), "tie", names(tie_fields),
                     "evidence", names(evidence_fields));
}

static json_t *copy_or_null(const json_t *v) {
    return v ? json_deep_copy(v) : json_null();
}

static json_t *span_row(const allynet_report_item *it, const json_t *s, allynet__texts *texts) {
    json_t *text = allynet__evidence_text(texts, it->graph, it->path, s);
    return json_pack("[O?, O?, O?, O?, O?, o?, O?, O?]", json_object_get(s, "doc"),
                     json_object_get(s, "cue"), json_object_get(s, "cameo"),
                     json_object_get(s, "weight"), json_object_get(s, "date"), text,
                     json_object_get(s, "note"), json_object_get(s, "confidence"));
}

/* The top TOP_EVIDENCE spans of an evidence array, as rows. */
static json_t *evidence_rows(const allynet_report_item *it, const json_t *ev,
                             allynet__texts *texts) {
    const json_t *top[TOP_EVIDENCE];
    size_t n = allynet__evidence_top(ev, top, TOP_EVIDENCE);
    json_t *rows = json_array();
    for (size_t i = 0; rows && i < n; i++) {
        if (json_array_append_new(rows, span_row(it, top[i], texts)) != 0) {
            json_decref(rows);
            rows = NULL;
        }
    }
    return rows;
}

static json_t *tie_row(const allynet_report_item *it, const allynet_tie *t,
                       const allynet__strmap *index, allynet__texts *texts) {
    size_t s = 0, d = 0;
    const allynet_graph *g = it->graph;
    json_t *parsed = NULL;
    const json_t *ev = allynet__tie_evidence_view(t, &parsed);
    allynet__strmap_get(index, allynet_graph_actor(g, t->source)->id, &s);
    allynet__strmap_get(index, allynet_graph_actor(g, t->target)->id, &d);
    json_t *row =
        json_pack("[I, I, f, s?, I, O?, I, o]", (json_int_t)s, (json_int_t)d, t->weight,
                  t->relation, (json_int_t)t->events, json_object_get(t->attrs, "confidence"),
                  (json_int_t)json_array_size(ev), evidence_rows(it, ev, texts));
    json_decref(parsed);
    return row;
}

/* id -> group index of the split. */
static json_t *membership(const json_t *split) {
    json_t *m = json_object(), *grp, *id;
    size_t k, i;
    json_array_foreach(json_object_get(split, "groups"), k, grp) {
        json_array_foreach(json_object_get(grp, "members"), i, id) {
            json_object_set_new(m, json_string_value(id), json_integer((json_int_t)k));
        }
    }
    return m;
}

static json_t *node_row(const json_t *a, const json_t *mem, const json_t *align,
                        const allynet__strmap *index) {
    const char *id = json_string_value(json_object_get(a, "id"));
    const json_t *al = json_object_get(align, id ? id : "");
    const json_t *g = json_object_get(mem, id ? id : "");
    size_t at = 0;
    allynet__strmap_get(index, id ? id : "", &at);
    json_t *row = json_pack("[I, I]", (json_int_t)at, g ? json_integer_value(g) : -1);
    for (size_t k = 2; row && node_fields[k]; k++) {
        const json_t *src = k >= 9 ? al : a;
        json_array_append_new(row, copy_or_null(json_object_get(src, node_fields[k])));
    }
    return row;
}

static json_t *nodes(const json_t *snap, const allynet__strmap *index) {
    json_t *rows = json_array(), *mem = membership(json_object_get(snap, "split"));
    json_t *align = json_object(), *a;
    size_t i;
    json_array_foreach(json_object_get(json_object_get(snap, "align"), "actors"), i, a) {
        json_object_set(align, json_string_value(json_object_get(a, "id")), a);
    }
    json_array_foreach(json_object_get(json_object_get(snap, "metrics"), "actors"), i, a) {
        if (rows == NULL || json_array_append_new(rows, node_row(a, mem, align, index)) != 0) {
            json_decref(rows);
            rows = NULL;
        }
    }
    json_decref(mem);
    json_decref(align);
    return rows;
}

/* The snapshot's figures the page names in its glossary. */
static json_t *figures(const json_t *snap) {
    const json_t *b = json_object_get(snap, "balance"), *f = json_object_get(b, "frustration");
    const json_t *pol = json_object_get(json_object_get(snap, "align"), "polarization");
    const json_t *leiden = json_object_get(snap, "communities_leiden");
    const json_t *info = json_object_get(snap, "info");
    return json_pack(
        "{s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?}", "density",
        json_object_get(info, "density"), "frustration", json_object_get(f, "value"),
        "frustration_exact", json_object_get(f, "exact"), "balanced_triangles",
        json_object_get(json_object_get(b, "triangles"), "ratio"), "triangles",
        json_object_get(json_object_get(b, "triangles"), "total"), "walk_balance",
        json_object_get(b, "walk_balance"), "polarization", json_object_get(pol, "index"),
        "bloc_fit", json_object_get(pol, "bloc_fit"), "split_modularity",
        json_object_get(json_object_get(snap, "split"), "modularity"), "leiden_modularity",
        json_object_get(leiden, "modularity"), "leiden_signed_modularity",
        json_object_get(leiden, "signed_modularity"));
}

static json_t *groups(const json_t *split) {
    json_t *out = json_array(), *grp;
    size_t k;
    json_array_foreach(json_object_get(split, "groups"), k, grp) {
        json_array_append_new(
            out, json_pack("{s:O, s:O, s:O, s:I}", "label", json_object_get(grp, "label"), "lead",
                           json_object_get(grp, "lead"), "colour", json_object_get(grp, "colour"),
                           "n", (json_int_t)json_array_size(json_object_get(grp, "members"))));
    }
    return out;
}

json_t *allynet__view_snapshot(const allynet_report_item *it, const json_t *snap,
                               const allynet__strmap *index, allynet__texts *texts) {
    const json_t *split = json_object_get(snap, "split");
    json_t *ties = json_array();
    for (size_t e = 0; ties && e < allynet_graph_tie_count(it->graph); e++) {
        json_t *row = tie_row(it, allynet_graph_tie(it->graph, e), index, texts);
        if (row == NULL || json_array_append_new(ties, row) != 0) {
            json_decref(ties);
            ties = NULL;
        }
    }
    return json_pack("{s:s, s:s?, s:s?, s:O, s:O?, s:o, s:o, s:o, s:o, s:O?}", "stem", it->stem,
                     "name", allynet_graph_name(it->graph), "date", allynet_graph_date(it->graph),
                     "mode", json_object_get(split, "mode"), "reason",
                     json_object_get(split, "reason"), "groups", groups(split), "nodes",
                     nodes(snap, index), "ties", ties, "figures", figures(snap), "findings",
                     json_object_get(snap, "findings"));
}
