/* render_groups.c — which group (bloc or community) each actor's node is filled with.
 *
 * allynet__render_groups() is the one place that decides. It takes groups given by the caller
 * (options.groups) first. Otherwise, until the communities and balance analyses are merged,
 * it uses two simple built-in partitions, documented here:
 * - bloc: a signed partition that lowers frustration (the |weight| of cooperative ties between
 *   groups plus that of hostile ties within a group). It starts from the sign of each actor's
 *   tie to the most central actor (largest strength): friends with it, enemies against it,
 *   the others alone; then moves one actor at a time, in id order, to the group (or a new one)
 *   that lowers its own frustration the most, until no move helps (Doreian and Mrvar's
 *   relocation idea, greedy and deterministic).
 * - community: the connected components of the cooperative ties (weight > 0).
 * Groups are numbered by decreasing size (then by their first actor id); an actor alone in its
 * group gets -1 (no group). */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Adjacency in CSR form: the ties around each actor, both directions, signed weights. */
typedef struct {
    size_t *start; /* n + 1 */
    size_t *nbr;
    double *w;
} adjacency;

static void adj_destroy(adjacency *a) {
    free(a->start);
    free(a->nbr);
    free(a->w);
}

static bool adj_build(const allynet_graph *g, adjacency *a) {
    size_t n = allynet_graph_actor_count(g), m = allynet_graph_tie_count(g);
    a->start = calloc(n + 2, sizeof *a->start);
    a->nbr = malloc((2 * m + 1) * sizeof *a->nbr);
    a->w = malloc((2 * m + 1) * sizeof *a->w);
    if (!a->start || !a->nbr || !a->w) {
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        a->start[t->source + 2]++;
        a->start[t->target + 2]++;
    }
    for (size_t v = 0; v < n; v++) {
        a->start[v + 2] += a->start[v + 1];
    }
    for (size_t i = 0; i < m; i++) { /* start[v + 1] is the fill cursor of v */
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t k = a->start[t->source + 1]++;
        a->nbr[k] = t->target;
        a->w[k] = t->weight;
        k = a->start[t->target + 1]++;
        a->nbr[k] = t->source;
        a->w[k] = t->weight;
    }
    return true;
}

/* Actor v's frustration if it were in group c. */
static double cost(const adjacency *a, const long *grp, size_t v, long c) {
    double f = 0;
    for (size_t k = a->start[v]; k < a->start[v + 1]; k++) {
        bool same = grp[a->nbr[k]] == c;
        if ((a->w[k] > 0 && !same) || (a->w[k] < 0 && same)) {
            f += fabs(a->w[k]);
        }
    }
    return f;
}

/* One relocation sweep in id order; true when some actor moved. */
static bool relocate(const allynet__render_ctx *c, const adjacency *a, long *grp, long *next) {
    bool moved = false;
    for (size_t k = 0; k < c->n; k++) {
        size_t v = c->order[k];
        double best = cost(a, grp, v, grp[v]);
        long to = grp[v];
        for (size_t e = a->start[v]; e < a->start[v + 1]; e++) {
            long cand = grp[a->nbr[e]];
            double f = cost(a, grp, v, cand);
            if (f < best - 1e-9 || (fabs(f - best) <= 1e-9 && to != grp[v] && cand < to)) {
                best = f;
                to = cand;
            }
        }
        if (cost(a, grp, v, -2) < best - 1e-9) { /* -2 stands for a new, empty group */
            to = (*next)++;
        }
        if (to != grp[v]) {
            grp[v] = to;
            moved = true;
        }
    }
    return moved;
}

static void signed_blocs(const allynet__render_ctx *c, const adjacency *a, long *grp) {
    size_t hub = c->order[0];
    for (size_t k = 1; k < c->n; k++) {
        if (c->strength[c->order[k]] > c->strength[hub]) {
            hub = c->order[k];
        }
    }
    for (size_t v = 0; v < c->n; v++) {
        grp[v] = (long)(2 + v);
    }
    grp[hub] = 0;
    for (size_t e = a->start[hub]; e < a->start[hub + 1]; e++) {
        double net = 0;
        size_t u = a->nbr[e];
        for (size_t f = a->start[hub]; f < a->start[hub + 1]; f++) {
            net += a->nbr[f] == u ? a->w[f] : 0;
        }
        grp[u] = net > 0 ? 0 : net < 0 ? 1 : grp[u];
    }
    long next = (long)(2 + c->n);
    for (int sweep = 0; sweep < 100 && relocate(c, a, grp, &next); sweep++) {
    }
}

static size_t find(size_t *parent, size_t v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

static bool cooperative_components(const allynet__render_ctx *c, long *grp) {
    size_t *parent = malloc((c->n + 1) * sizeof *parent);
    if (parent == NULL) {
        return false;
    }
    for (size_t v = 0; v < c->n; v++) {
        parent[v] = v;
    }
    for (size_t i = 0; i < c->m; i++) {
        const allynet_tie *t = allynet_graph_tie(c->g, i);
        if (t->weight > 0) {
            parent[find(parent, t->source)] = find(parent, t->target);
        }
    }
    for (size_t v = 0; v < c->n; v++) {
        grp[v] = (long)find(parent, v);
    }
    free(parent);
    return true;
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
    adjacency a = {0};
    bool ok = raw != NULL;
    if (ok && c->o->groups) {
        for (size_t v = 0; v < n; v++) {
            raw[v] = c->o->groups[v] < 0 ? -(long)(v + 1) : c->o->groups[v]; /* -1: alone */
        }
    } else if (ok && c->o->color_by == ALLYNET_COLOR_NONE) {
        for (size_t v = 0; v < n; v++) {
            raw[v] = (long)v;
        }
    } else if (ok && c->o->color_by == ALLYNET_COLOR_COMMUNITY) {
        ok = cooperative_components(c, raw);
    } else if (ok) {
        ok = adj_build(c->g, &a);
        if (ok && n > 0) {
            signed_blocs(c, &a, raw);
        }
    }
    ok = ok && canonical(c, raw);
    for (size_t k = 0; ok && k < c->n_groups; k++) {
        c->group_head[k] = SIZE_MAX;
    }
    if (ok) {
        heads(c);
    }
    adj_destroy(&a);
    free(raw);
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
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
