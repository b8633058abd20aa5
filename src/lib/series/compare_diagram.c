/* compare_diagram.c — the change diagram of a comparison: one drawing of the union of the two
 * snapshots (so every actor has one position for both), ties styled by what happened to them
 * (added, removed, sign-flipped, otherwise as in B), actors grouped by their matched bloc, with
 * the renderer's legend. Drawn by render.c (allynet_render_file). */
#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static allynet_status add_actors(allynet_graph *u, const allynet_graph *g, allynet_error *err) {
    for (size_t i = 0; i < allynet_graph_actor_count(g); i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        allynet_status st = allynet_graph_add_actor(u, a->id, a->name, a->kind, NULL, err);
        if (st != ALLYNET_OK) {
            return st;
        }
    }
    return ALLYNET_OK;
}

/* Adds g's ties to u (summed per dyad, as the comparison does); with `only_new`, only ties
 * whose dyad u does not have yet (the removed ties of A). */
static allynet_status add_ties(allynet_graph *u, const allynet_graph *g, bool only_new,
                               allynet_error *err) {
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        long s = allynet_graph_find_actor(u, allynet_graph_actor(g, t->source)->id);
        long d = allynet_graph_find_actor(u, allynet_graph_actor(g, t->target)->id);
        if (only_new && allynet_graph_find_tie(u, (size_t)s, (size_t)d) >= 0) {
            continue;
        }
        allynet_status st = allynet_graph_add_tie(u, (size_t)s, (size_t)d, t->weight, t->relation,
                                                  1, NULL, NULL, err);
        if (st != ALLYNET_OK) {
            return st;
        }
    }
    return ALLYNET_OK;
}

/* Marks the ties of u listed under `key` in the comparison's "edges" with `style`. */
static void mark(const allynet_graph *u, const json_t *cmp, const char *key,
                 allynet_tie_style style, allynet_tie_style *styles) {
    const json_t *arr = json_object_get(json_object_get(cmp, "edges"), key);
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        long s = allynet_graph_find_actor(u, json_string_value(json_object_get(e, "source")));
        long d = allynet_graph_find_actor(u, json_string_value(json_object_get(e, "target")));
        long t = s >= 0 && d >= 0 ? allynet_graph_find_tie(u, (size_t)s, (size_t)d) : -1;
        if (t >= 0) {
            styles[t] = style;
        }
    }
}

/* Each actor's matched bloc: its bloc in B, or in A for actors that left. */
static void groups_of(const allynet_graph *u, const json_t *cmp, long *groups) {
    const json_t *arr = json_object_get(cmp, "actors");
    for (size_t i = 0; i < allynet_graph_actor_count(u); i++) {
        groups[i] = -1;
    }
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *a = json_array_get(arr, i), *b = json_object_get(a, "bloc_b");
        long k = allynet_graph_find_actor(u, json_string_value(json_object_get(a, "id")));
        if (k >= 0) {
            b = json_is_integer(b) ? b : json_object_get(a, "bloc_a");
            groups[k] = json_is_integer(b) ? (long)json_integer_value(b) : -1;
        }
    }
}

static allynet_status draw(const allynet_graph *u, const json_t *cmp, const char *path,
                           allynet_error *err) {
    size_t m = allynet_graph_tie_count(u), n = allynet_graph_actor_count(u);
    allynet_tie_style *styles = calloc(m + 1, sizeof *styles);
    long *groups = malloc((n + 1) * sizeof *groups);
    allynet_render_options o;
    allynet_render_options_init(&o);
    if (styles == NULL || groups == NULL || !allynet_render_format_from_path(path, &o.format)) {
        free(styles);
        free(groups);
        return styles && groups ? allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0,
                                                    "a diagram is .svg, .png, .pdf or .dot")
                                : nomem(err);
    }
    mark(u, cmp, "added", ALLYNET_TIE_ADDED, styles);
    mark(u, cmp, "removed", ALLYNET_TIE_REMOVED, styles);
    mark(u, cmp, "sign_flipped", ALLYNET_TIE_FLIPPED, styles);
    groups_of(u, cmp, groups);
    const json_t *sa = json_object_get(cmp, "a"), *sb = json_object_get(cmp, "b");
    const char *da = json_string_value(json_object_get(sa, "date"));
    const char *db = json_string_value(json_object_get(sb, "date"));
    char title[256];
    snprintf(title, sizeof title, "Changes %s → %s", da ? da : "A", db ? db : "B");
    o.title = title;
    o.tie_styles = m ? styles : NULL;
    o.groups = groups;
    o.group_noun = "bloc";
    allynet_status st = allynet_render_file(u, &o, path, NULL, err);
    free(styles);
    free(groups);
    return st;
}

allynet_status allynet_compare_diagram(const allynet_graph *a, const allynet_graph *b,
                                       const json_t *cmp, const char *path, allynet_error *err) {
    bool directed = json_is_true(json_object_get(cmp, "directed"));
    allynet_graph *u = allynet_graph_new(directed);
    if (u == NULL) {
        return nomem(err);
    }
    allynet_status st = add_actors(u, b, err);
    if (st == ALLYNET_OK) {
        st = add_actors(u, a, err);
    }
    if (st == ALLYNET_OK) {
        st = add_ties(u, b, false, err);
    }
    if (st == ALLYNET_OK) {
        st = add_ties(u, a, true, err);
    }
    if (st == ALLYNET_OK) {
        st = allynet_graph_sort(u, err);
    }
    if (st == ALLYNET_OK) {
        st = draw(u, cmp, path, err);
    }
    allynet_graph_free(u);
    return st;
}
