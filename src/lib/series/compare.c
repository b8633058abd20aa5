/* compare.c — what changed between two snapshots A and B: ties added, removed, sign-flipped,
 * strengthened and weakened; signed and weighted graph distances; per-actor metric deltas and
 * rank moves; blocs matched across the snapshots and compared; defections.
 *
 * Everything is computed over the union of the two actor sets (sorted by id): an actor in only
 * one snapshot is reported as entered or left. The comparison is directed when both snapshots
 * are; otherwise a directed snapshot's reciprocal ties are summed into one undirected dyad.
 * Per-snapshot figures (metrics, blocs, balance) come from figures.c. The result is a JSON
 * document (keys per DESIGN.md); compare_text.c prints it for people. */
#include "compare_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static int cmp_ids(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The union of the actor ids, sorted, and each graph's index of each (or -1). */
static allynet_status union_actors(allynet__cmp *c, allynet_error *err) {
    size_t na = allynet_graph_actor_count(c->a), nb = allynet_graph_actor_count(c->b);
    c->ids = malloc((na + nb + 1) * sizeof *c->ids);
    if (c->ids == NULL) {
        return nomem(err);
    }
    size_t n = 0;
    for (size_t i = 0; i < na; i++) {
        c->ids[n++] = allynet_graph_actor(c->a, i)->id;
    }
    for (size_t i = 0; i < nb; i++) {
        const char *id = allynet_graph_actor(c->b, i)->id;
        if (allynet_graph_find_actor(c->a, id) < 0) {
            c->ids[n++] = id;
        }
    }
    qsort(c->ids, n, sizeof *c->ids, cmp_ids);
    c->n = n;
    c->ia = malloc((n + 1) * sizeof *c->ia);
    c->ib = malloc((n + 1) * sizeof *c->ib);
    c->ua = malloc((na + 1) * sizeof *c->ua);
    c->ub = malloc((nb + 1) * sizeof *c->ub);
    if (!c->ia || !c->ib || !c->ua || !c->ub) {
        return nomem(err);
    }
    for (size_t u = 0; u < n; u++) {
        c->ia[u] = allynet_graph_find_actor(c->a, c->ids[u]);
        c->ib[u] = allynet_graph_find_actor(c->b, c->ids[u]);
        if (c->ia[u] >= 0) {
            c->ua[c->ia[u]] = u;
        }
        if (c->ib[u] >= 0) {
            c->ub[c->ib[u]] = u;
        }
    }
    return ALLYNET_OK;
}

/* Adds the ties of one snapshot (side 0 = A, 1 = B) into the dyad table. */
static allynet_status add_ties(allynet__cmp *c, const allynet_graph *g, const size_t *uidx,
                               int side, allynet__dyadmap *map, size_t *cap, allynet_error *err) {
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t u = uidx[t->source], v = uidx[t->target], at;
        if (!c->directed && u > v) {
            size_t s = u;
            u = v;
            v = s;
        }
        uint64_t key = (uint64_t)u * (uint64_t)c->n + v;
        if (!allynet__dyadmap_get(map, key, &at)) {
            if (c->nd == *cap) {
                *cap = *cap ? 2 * *cap : 64;
                allynet__dyad *p = realloc(c->dyads, *cap * sizeof *p);
                if (p == NULL) {
                    return nomem(err);
                }
                c->dyads = p;
            }
            at = c->nd++;
            c->dyads[at] = (allynet__dyad){u, v, {0, 0}, {false, false}};
            if (!allynet__dyadmap_put(map, key, at)) {
                return nomem(err);
            }
        }
        c->dyads[at].w[side] += t->weight;
        c->dyads[at].in[side] = true;
    }
    return ALLYNET_OK;
}

static int cmp_dyads(const void *x, const void *y) {
    const allynet__dyad *p = x, *q = y;
    if (p->u != q->u) {
        return p->u < q->u ? -1 : 1;
    }
    return p->v < q->v ? -1 : (p->v > q->v);
}

static allynet_status build_dyads(allynet__cmp *c, allynet_error *err) {
    allynet__dyadmap map;
    allynet__dyadmap_init(&map);
    size_t cap = 0;
    allynet_status st = add_ties(c, c->a, c->ua, 0, &map, &cap, err);
    if (st == ALLYNET_OK) {
        st = add_ties(c, c->b, c->ub, 1, &map, &cap, err);
    }
    allynet__dyadmap_destroy(&map);
    if (st == ALLYNET_OK && c->nd > 0) {
        qsort(c->dyads, c->nd, sizeof *c->dyads, cmp_dyads);
    }
    return st;
}

static int sign(double w) {
    return (w > 0) - (w < 0);
}

/* True when the change of magnitude passes the threshold (absolute, or relative to the larger
 * magnitude). A tiny tolerance keeps 9.4 - 8.4 at a threshold of 1 a change. */
static bool beyond(const allynet__cmp *c, double wa, double wb) {
    double d = fabs(wb - wa);
    double lim = c->opt.relative ? c->opt.threshold * fmax(fabs(wa), fabs(wb)) : c->opt.threshold;
    return d > 0 && d >= lim - 1e-9 * (1 + lim);
}

int allynet__change_of(const allynet__cmp *c, const allynet__dyad *d) {
    if (!d->in[0]) {
        return ALLYNET__ADDED;
    }
    if (!d->in[1]) {
        return ALLYNET__REMOVED;
    }
    if (sign(d->w[0]) * sign(d->w[1]) < 0) {
        return ALLYNET__FLIPPED;
    }
    if (!beyond(c, d->w[0], d->w[1])) {
        return ALLYNET__UNCHANGED;
    }
    return fabs(d->w[1]) > fabs(d->w[0]) ? ALLYNET__STRENGTHENED : ALLYNET__WEAKENED;
}

static double ratio_distance(double num, double den) {
    return den > 0 ? 1.0 - num / den : 0.0;
}

/* Jaccard on each sign, weighted Jaccard, L1 and Frobenius of the signed adjacency. */
static void distances(allynet__cmp *c) {
    double both[2] = {0}, either[2] = {0}, mn[2] = {0}, mx[2] = {0};
    double l1 = 0, sa = 0, sb = 0, fro = 0, fa = 0, fb = 0;
    for (size_t i = 0; i < c->nd; i++) {
        const allynet__dyad *d = &c->dyads[i];
        double a = d->w[0], b = d->w[1];
        for (int s = 0; s < 2; s++) { /* s = 0 positive part, 1 negative part */
            double pa = s == 0 ? fmax(a, 0) : fmax(-a, 0), pb = s == 0 ? fmax(b, 0) : fmax(-b, 0);
            both[s] += pa > 0 && pb > 0;
            either[s] += pa > 0 || pb > 0;
            mn[s] += fmin(pa, pb);
            mx[s] += fmax(pa, pb);
        }
        l1 += fabs(a - b);
        sa += fabs(a);
        sb += fabs(b);
        fro += (a - b) * (a - b);
        fa += a * a;
        fb += b * b;
    }
    double mult = c->directed ? 1.0 : 2.0; /* an undirected dyad is two matrix entries */
    allynet__distances *o = &c->dist;
    o->jaccard_pos = ratio_distance(both[0], either[0]);
    o->jaccard_neg = ratio_distance(both[1], either[1]);
    o->wjaccard_pos = ratio_distance(mn[0], mx[0]);
    o->wjaccard_neg = ratio_distance(mn[1], mx[1]);
    o->wjaccard = ratio_distance(mn[0] + mn[1], mx[0] + mx[1]);
    o->l1 = mult * l1;
    o->l1_norm = sa + sb > 0 ? l1 / (sa + sb) : 0.0;
    o->frobenius = sqrt(mult * fro);
    o->frobenius_norm = fa + fb > 0 ? sqrt(fro) / (sqrt(fa) + sqrt(fb)) : 0.0;
}

/* Blocs of the common actors, matched (B's labels renamed to A's) and compared. */
static allynet_status blocs(allynet__cmp *c, allynet_error *err) {
    c->common = 0;
    for (size_t u = 0; u < c->n; u++) {
        c->common += c->ia[u] >= 0 && c->ib[u] >= 0;
    }
    c->map = malloc((c->fb.blocs + 1) * sizeof *c->map);
    long *la = malloc((c->common + 1) * sizeof *la), *lb = malloc((c->common + 1) * sizeof *lb);
    allynet_status st = c->map && la && lb ? ALLYNET_OK : nomem(err);
    for (size_t u = 0, k = 0; st == ALLYNET_OK && u < c->n; u++) {
        if (c->ia[u] >= 0 && c->ib[u] >= 0) {
            la[k] = c->fa.bloc[c->ia[u]];
            lb[k++] = c->fb.bloc[c->ib[u]];
        }
    }
    if (st == ALLYNET_OK) {
        st = allynet__bloc_match(la, c->fa.blocs, lb, c->fb.blocs, c->common, c->map, err);
    }
    if (st == ALLYNET_OK && c->common > 0) {
        st = allynet__partition_compare(la, lb, c->common, &c->pc, err);
    }
    free(la);
    free(lb);
    return st;
}

/* The sign that orients B's alignment like A's, over the common actors aligned in both. */
static allynet_status orient(allynet__cmp *c, allynet_error *err) {
    c->orient = 1.0;
    if (c->fa.alignment == NULL || c->fb.alignment == NULL) {
        return ALLYNET_OK;
    }
    double *x = malloc((c->n + 1) * sizeof *x), *y = malloc((c->n + 1) * sizeof *y);
    size_t k = 0;
    for (size_t u = 0; x && y && u < c->n; u++) {
        if (c->ia[u] >= 0 && c->ib[u] >= 0 && isfinite(c->fa.alignment[c->ia[u]]) &&
            isfinite(c->fb.alignment[c->ib[u]])) {
            x[k] = c->fa.alignment[c->ia[u]];
            y[k++] = c->fb.alignment[c->ib[u]];
        }
    }
    if (x && y) {
        c->orient = allynet__orientation(x, y, k);
    }
    bool ok = x && y;
    free(x);
    free(y);
    return ok ? ALLYNET_OK : nomem(err);
}

/* Marks in c->pole the actor leading each bloc of g (the member with the largest sum of |w|;
 * the lower union index on a tie). `to_union` maps g's actors to the union. */
static bool mark_poles(allynet__cmp *c, const allynet_graph *g, const allynet__figures *f,
                       const size_t *to_union) {
    size_t n = allynet_graph_actor_count(g);
    double *strength = calloc(n + 1, sizeof *strength);
    long *lead = malloc((f->blocs + 1) * sizeof *lead);
    if (strength == NULL || lead == NULL) {
        free(strength), free(lead);
        return false;
    }
    for (size_t e = 0; e < allynet_graph_tie_count(g); e++) {
        const allynet_tie *t = allynet_graph_tie(g, e);
        strength[t->source] += fabs(t->weight);
        strength[t->target] += fabs(t->weight);
    }
    for (size_t k = 0; k < f->blocs; k++) {
        lead[k] = -1;
    }
    for (size_t v = 0; v < n; v++) {
        long k = f->bloc[v];
        if (k >= 0 && (size_t)k < f->blocs &&
            (lead[k] < 0 || strength[v] > strength[lead[k]] ||
             (strength[v] == strength[lead[k]] && to_union[v] < to_union[lead[k]]))) {
            lead[k] = (long)v;
        }
    }
    for (size_t k = 0; k < f->blocs; k++) {
        if (lead[k] >= 0 && strength[lead[k]] > 0) {
            c->pole[to_union[lead[k]]] = true;
        }
    }
    free(strength), free(lead);
    return true;
}

/* The poles of the blocs of A and of B: a pole takes its bloc with it, so it never defects. */
static allynet_status poles(allynet__cmp *c, allynet_error *err) {
    c->pole = calloc(c->n + 1, sizeof *c->pole);
    if (c->pole == NULL || !mark_poles(c, c->a, &c->fa, c->ua) ||
        !mark_poles(c, c->b, &c->fb, c->ub)) {
        return nomem(err);
    }
    return ALLYNET_OK;
}

static void free_cmp(allynet__cmp *c) {
    free(c->pole);
    free(c->ids);
    free(c->ia);
    free(c->ib);
    free(c->ua);
    free(c->ub);
    free(c->dyads);
    free(c->map);
    allynet__figures_destroy(&c->fa);
    allynet__figures_destroy(&c->fb);
}

allynet_status allynet_compare_run(const allynet_graph *a, const allynet_graph *b,
                                   const allynet_compare_options *opt, json_t **out,
                                   allynet_error *err) {
    *out = NULL;
    allynet__cmp c = {.a = a, .b = b};
    c.opt = opt ? *opt : (allynet_compare_options){1.0, false, 42, ALLYNET_COMM_LEIDEN};
    if (!isfinite(c.opt.threshold) || c.opt.threshold < 0) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "the threshold must be a finite number >= 0");
    }
    c.directed = allynet_graph_directed(a) && allynet_graph_directed(b);
    allynet_status st = allynet__figures_compute(a, c.opt.seed, c.opt.blocs, &c.fa, err);
    if (st == ALLYNET_OK) {
        st = allynet__figures_compute(b, c.opt.seed, c.opt.blocs, &c.fb, err);
    }
    if (st == ALLYNET_OK) {
        st = union_actors(&c, err);
    }
    if (st == ALLYNET_OK) {
        st = build_dyads(&c, err);
    }
    if (st == ALLYNET_OK) {
        distances(&c);
        st = blocs(&c, err);
    }
    if (st == ALLYNET_OK) {
        st = orient(&c, err);
    }
    if (st == ALLYNET_OK) {
        st = poles(&c, err);
    }
    if (st == ALLYNET_OK) {
        *out = allynet__compare_json(&c);
        st = *out ? ALLYNET_OK : nomem(err);
    }
    free_cmp(&c);
    return st;
}
