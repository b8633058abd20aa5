/* render_groups.c — which group (bloc or community) each actor's node is filled with.
 *
 * allynet__render_groups() is the one place that decides. Groups given by the caller
 * (options.groups) come first; otherwise the communities analysis (communities.c) partitions
 * the actors: `bloc` is its signed two-bloc partition (Doreian-Mrvar criterion, method blocs),
 * `community` its Leiden communities of the cooperative ties. A graph the method cannot
 * partition (no cooperative ties for Leiden, a single actor) is drawn without groups and a
 * warning. An actor without ties, or alone in its group, gets no group (-1); the others are
 * numbered by decreasing group size (then by their first actor id). */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The communities analysis' partition into raw; when the graph does not fit the method, every
 * actor alone and a warning. */
static allynet_status analysed(allynet__render_ctx *c, long *raw, allynet_error *err) {
    allynet_communities_options co;
    allynet_communities_options_init(&co);
    co.method =
        c->o->color_by == ALLYNET_COLOR_COMMUNITY ? ALLYNET_COMM_LEIDEN : ALLYNET_COMM_BLOCS;
    co.seed = c->o->seed;
    allynet_communities *comm = NULL;
    allynet_error e = {0};
    allynet_status st = allynet_communities_compute(c->g, &co, &comm, &e);
    if (st == ALLYNET_E_INPUT) { /* the graph does not fit the method: no groups */
        allynet__render_warn(c, "nodes are not grouped: %s", e.text);
        for (size_t v = 0; v < c->n; v++) {
            raw[v] = (long)v;
        }
        return ALLYNET_OK;
    }
    if (st != ALLYNET_OK) {
        return allynet_error_set(err, e.code, NULL, 0, 0, "grouping the actors: %s", e.text);
    }
    for (size_t v = 0; v < c->n; v++) {
        raw[v] = (long)comm->membership[v];
    }
    allynet_communities_free(comm);
    return ALLYNET_OK;
}

/* Renumbers raw group labels 0, 1, ... by decreasing size, then by first actor in id order;
 * singletons become -1. Fills the group tables of c. */
static bool canonical(allynet__render_ctx *c, const long *raw) {
    size_t n = c->n;
    long *first = malloc((n + 1) * sizeof *first); /* per actor: its group's first member rank */
    size_t *count = calloc(n + 1, sizeof *count);
    if (first == NULL || count == NULL) {
        free(first);
        free(count);
        return false;
    }
    for (size_t k = 0; k < n; k++) { /* members of a group, keyed by their first member */
        size_t v = c->order[k];
        first[v] = (long)k;
        for (size_t j = 0; j < k; j++) {
            if (raw[c->order[j]] == raw[v]) {
                first[v] = first[c->order[j]];
                break;
            }
        }
        count[first[v]]++;
    }
    c->n_groups = 0;
    for (size_t v = 0; v < n; v++) {
        c->group[v] = -1;
    }
    while (true) { /* the largest remaining group (ties: earliest first member) takes the next
                      number */
        size_t best = n;
        for (size_t k = 0; k < n; k++) {
            if (count[k] >= 2 && (best == n || count[k] > count[best])) {
                best = k;
            }
        }
        if (best == n) {
            break;
        }
        c->group_count[c->n_groups] = count[best];
        for (size_t v = 0; v < n; v++) {
            c->group[v] = first[v] == (long)best ? (long)c->n_groups : c->group[v];
        }
        count[best] = 0;
        c->n_groups++;
    }
    free(first);
    free(count);
    return true;
}

static void heads(allynet__render_ctx *c) {
    for (size_t k = c->n; k-- > 0;) { /* backwards: ties go to the earliest id */
        size_t v = c->order[k];
        long grp = c->group[v];
        if (grp >= 0) {
            size_t h = c->group_head[grp];
            if (h == SIZE_MAX || c->strength[v] >= c->strength[h]) {
                c->group_head[grp] = v;
            }
        }
    }
}

allynet_status allynet__render_groups(allynet__render_ctx *c, allynet_error *err) {
    size_t n = c->n;
    long *raw = malloc((n + 1) * sizeof *raw);
    if (raw == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = ALLYNET_OK;
    if (c->o->groups) {
        for (size_t v = 0; v < n; v++) {
            raw[v] = c->o->groups[v] < 0 ? -(long)(v + 1) : c->o->groups[v]; /* -1: alone */
        }
    } else if (c->o->color_by == ALLYNET_COLOR_NONE || n == 0) {
        for (size_t v = 0; v < n; v++) {
            raw[v] = (long)v;
        }
    } else {
        st = analysed(c, raw, err);
        for (size_t v = 0; st == ALLYNET_OK && v < n; v++) {
            raw[v] = c->strength[v] > 0 ? raw[v] : -(long)(v + 1); /* isolates: no group */
        }
    }
    if (st == ALLYNET_OK && !canonical(c, raw)) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t k = 0; st == ALLYNET_OK && k < c->n_groups; k++) {
        c->group_head[k] = SIZE_MAX;
    }
    if (st == ALLYNET_OK) {
        heads(c);
    }
    free(raw);
    return st;
}

const char *allynet__render_group_color(long group) {
    static const char *palette[ALLYNET__GROUP_COLORS] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                                         "#CC79A7"};
    if (group < 0) {
        return ALLYNET__COLOR_NO_GROUP;
    }
    return group < ALLYNET__GROUP_COLORS ? palette[group] : ALLYNET__COLOR_OTHER_GROUP;
}

void allynet__render_group_name(const allynet__render_ctx *c, long group, char *buf, size_t size) {
    const char *noun = c->o->groups ? (c->o->group_noun ? c->o->group_noun : "group")
                       : c->o->color_by == ALLYNET_COLOR_COMMUNITY ? "community"
                                                                   : "bloc";
    if (group < 0 || (size_t)group >= c->n_groups) {
        snprintf(buf, size, "no %s", noun);
        return;
    }
    const allynet_actor *h = allynet_graph_actor(c->g, c->group_head[group]);
    snprintf(buf, size, "%s of %s", noun, h->name ? h->name : h->id);
}
