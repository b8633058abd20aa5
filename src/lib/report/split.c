/* split.c — the one split of a snapshot that every part of report.html shows: two opposing
 * blocs where conflict divides the actors, communities of cooperation where it does not.
 *
 * The blocs are those of the frustration bipartition (the balance section's, which the alignment
 * section also measures against). An actor belongs to a bloc only when its component (actors
 * joined by ties of any sign) holds a negative tie: a pair of friends that never meets the
 * conflict is in neither bloc. Opposing blocs need a negative tie between them and two actors
 * or more on each side; otherwise the split is the Leiden communities of cooperative ties. */
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const allynet_graph *g;
    size_t n;
    size_t *root;     /* union-find over all ties */
    bool *negative;   /* per root: the component holds a negative tie */
    double *strength; /* sum of |w| per actor */
    long *side;       /* the group per actor, -1 for none */
} work;

static size_t find(size_t *root, size_t v) {
    while (root[v] != v) {
        root[v] = root[root[v]];
        v = root[v];
    }
    return v;
}

static bool work_init(work *w, const allynet_graph *g) {
    w->g = g;
    w->n = allynet_graph_actor_count(g);
    w->root = malloc((w->n + 1) * sizeof *w->root);
    w->negative = calloc(w->n + 1, sizeof *w->negative);
    w->strength = calloc(w->n + 1, sizeof *w->strength);
    w->side = malloc((w->n + 1) * sizeof *w->side);
    if (!w->root || !w->negative || !w->strength || !w->side) {
        return false;
    }
    for (size_t v = 0; v < w->n; v++) {
        w->root[v] = v;
        w->side[v] = -1;
    }
    for (size_t e = 0; e < allynet_graph_tie_count(g); e++) {
        const allynet_tie *t = allynet_graph_tie(g, e);
        w->root[find(w->root, t->source)] = find(w->root, t->target);
        w->strength[t->source] += fabs(t->weight);
        w->strength[t->target] += fabs(t->weight);
    }
    for (size_t e = 0; e < allynet_graph_tie_count(g); e++) {
        const allynet_tie *t = allynet_graph_tie(g, e);
        if (t->weight < 0) {
            w->negative[find(w->root, t->source)] = true;
        }
    }
    return true;
}

static void work_destroy(work *w) {
    free(w->root), free(w->negative), free(w->strength), free(w->side);
}

static long actor_index(const allynet_graph *g, const char *id) {
    for (size_t v = 0; id != NULL && v < allynet_graph_actor_count(g); v++) {
        if (strcmp(allynet_graph_actor(g, v)->id, id) == 0) {
            return (long)v;
        }
    }
    return -1;
}

/* Marks the members of `groups` (arrays of ids) as sides 0, 1, ...; with `engaged`, only actors
 * whose component holds a negative tie. Returns the smallest side's size. */
static size_t mark(work *w, const json_t *groups, bool engaged, const char *key) {
    size_t smallest = (size_t)-1, k;
    const json_t *grp;
    json_array_foreach(groups, k, grp) {
        const json_t *ids = key ? json_object_get(grp, key) : grp, *id;
        size_t i, count = 0;
        json_array_foreach(ids, i, id) {
            long v = actor_index(w->g, json_string_value(id));
            if (v >= 0 && (!engaged || w->negative[find(w->root, (size_t)v)])) {
                w->side[v] = (long)k;
                count++;
            }
        }
        smallest = count < smallest ? count : smallest;
    }
    return json_array_size(groups) ? smallest : 0;
}

/* The opposing blocs, or NULL with *reason set when conflict does not divide the actors. */
static const char *blocs(work *w, const json_t *snap) {
    const json_t *b =
        json_object_get(json_object_get(json_object_get(snap, "balance"), "frustration"), "blocs");
    size_t neg = 0;
    for (size_t e = 0; e < allynet_graph_tie_count(w->g); e++) {
        neg += allynet_graph_tie(w->g, e)->weight < 0;
    }
    if (neg == 0) {
        return "no tie is negative";
    }
    if (json_array_size(b) != 2 || mark(w, b, true, NULL) < 2) {
        return "conflict sets fewer than two actors against the others";
    }
    for (size_t e = 0; e < allynet_graph_tie_count(w->g); e++) {
        const allynet_tie *t = allynet_graph_tie(w->g, e);
        if (t->weight < 0 && w->side[t->source] >= 0 && w->side[t->target] >= 0 &&
            w->side[t->source] != w->side[t->target]) {
            return NULL;
        }
    }
    return "no negative tie runs between the two sides";
}

/* One group object: its members (ids), its lead (largest sum of |w|) and label. */
static json_t *group_json(const work *w, long k, const char *noun) {
    json_t *members = json_array();
    long lead = -1;
    for (size_t v = 0; members && v < w->n; v++) {
        if (w->side[v] == k) {
            json_array_append_new(members, json_string(allynet_graph_actor(w->g, v)->id));
            lead = lead < 0 || w->strength[v] > w->strength[lead] ? (long)v : lead;
        }
    }
    if (members == NULL || lead < 0) {
        json_decref(members);
        return NULL;
    }
    const allynet_actor *a = allynet_graph_actor(w->g, (size_t)lead);
    char label[300];
    snprintf(label, sizeof label, "%s of %.200s", noun, a->name ? a->name : a->id);
    return json_pack("{s:s, s:s, s:o}", "label", label, "lead", a->id, "members", members);
}

/* The signed modularity of the groups (actors outside each alone), or null. */
static json_t *modularity(const work *w) {
    size_t *m = malloc((w->n + 1) * sizeof *m), next = 0;
    double q = NAN, pos;
    long top = -1;
    for (size_t v = 0; m && v < w->n; v++) {
        top = w->side[v] > top ? w->side[v] : top;
    }
    for (size_t v = 0; m && v < w->n; v++) {
        m[v] = w->side[v] >= 0 ? (size_t)w->side[v] : (size_t)(top + 1) + next++;
    }
    allynet_error e = {0};
    if (m == NULL || w->n == 0 || allynet_signed_modularity(w->g, m, &q, &pos, &e) != ALLYNET_OK) {
        q = NAN;
    }
    free(m);
    return isfinite(q) ? json_real(q) : json_null();
}

static json_t *split_json(work *w, const json_t *snap) {
    const char *reason = blocs(w, snap);
    bool opposing = reason == NULL;
    if (!opposing) {
        for (size_t v = 0; v < w->n; v++) {
            w->side[v] = -1;
        }
        mark(w, json_object_get(json_object_get(snap, "communities_leiden"), "groups"), false,
             "members");
    }
    json_t *groups = json_array(), *outside = json_array();
    for (long k = 0; groups && k < (long)w->n; k++) {
        json_t *grp = group_json(w, k, opposing ? "bloc" : "community");
        if (grp != NULL) {
            json_array_append_new(groups, grp);
        }
    }
    for (size_t v = 0; outside && v < w->n; v++) {
        if (w->side[v] < 0) {
            json_array_append_new(outside, json_string(allynet_graph_actor(w->g, v)->id));
        }
    }
    const char *mode = w->n == 0 || allynet_graph_tie_count(w->g) == 0 ? "none"
                       : opposing                                      ? "blocs"
                                                                       : "communities";
    return json_pack("{s:s, s:s*, s:o*, s:o*, s:o}", "mode", mode, "reason", reason, "groups",
                     groups, "outside", outside, "modularity", modularity(w));
}

allynet_status allynet__split_build(const allynet_graph *g, json_t *snap, allynet_error *err) {
    work w = {0};
    json_t *j = work_init(&w, g) ? split_json(&w, snap) : NULL;
    work_destroy(&w);
    if (j == NULL || json_object_set_new(snap, "split", j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}
