/* align_pairs.c — the most and least similar pairs of actors (S-score of tie profiles) of a large
 * snapshot without comparing all n(n-1)/2 pairs.
 *
 * With N_i = sum_k |x_ik| over i's partners, the distance of two profiles is
 * d_ij = 2|1 - x_ij| + sum_{k != i,j} |x_ik - x_jk| <= 2 + N_i + N_j =: U_ij, with equality
 * when i and j are not tied and share no partner (their profiles then overlap nowhere), and
 * S_ij = 1 - d_ij / n. So:
 * - least similar: pairs in decreasing order of U (a k-way merge over the actors sorted by N),
 *   each compared exactly, until the next U cannot beat the pairs kept (S >= 1 - U/n...);
 * - most similar: every pair that is tied or shares a partner compared exactly (from its smaller
 *   end, O(sum of squared degrees)), then the others in increasing order of U, whose S is
 *   1 - U/n, until it falls below the pairs kept.
 * The values are those of the full scan; among pairs of equal S the order found decides. A
 * partner with very many partners (a hub) would make the first step quadratic: past
 * PAIR_BUDGET, pairs whose only shared partners are such hubs are left to the second step
 * (which compares them exactly when it reaches them, but may stop before), and the caller says
 * so. */
#include "align.h"
#include "heap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAIR_BUDGET 5e7 /* sum of squared degrees of the partners that pair actors up */
#define TOL 1e-12

typedef struct {
    double key;
    size_t a, b; /* positions in the sorted order, a < b */
} item;

static bool before(item x, item y) {
    return x.key < y.key || (x.key == y.key && (x.a < y.a || (x.a == y.a && x.b < y.b)));
}

ALLYNET__HEAP(pairs, item, before)

typedef struct {
    const allynet__profiles *p;
    const size_t *rank;
    double *norm;  /* N_i */
    size_t *order; /* actors by key = sign * N, then by id */
    double sign;
} walker;

static const walker *sort_ctx;

static int by_key(const void *x, const void *y) {
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    double ka = sort_ctx->sign * sort_ctx->norm[a], kb = sort_ctx->sign * sort_ctx->norm[b];
    if (ka != kb) {
        return ka < kb ? -1 : 1;
    }
    return sort_ctx->rank[a] < sort_ctx->rank[b] ? -1 : 1;
}

/* Whether (i, j) is already in the list. */
static bool listed(const allynet__ranked_pair *list, size_t len, size_t i, size_t j) {
    for (size_t k = 0; k < len; k++) {
        if ((list[k].i == i && list[k].j == j) || (list[k].i == j && list[k].j == i)) {
            return true;
        }
    }
    return false;
}

/* Compares i and j and offers the pair to the list (in id order; once). */
static void offer(const walker *w, size_t i, size_t j, allynet__ranked_pair *list, size_t *len,
                  size_t top, int sign) {
    if (w->rank[i] > w->rank[j]) {
        size_t t = i;
        i = j;
        j = t;
    }
    double s = allynet__profile_compare(w->p, i, j).s;
    bool full = *len == top;
    if ((full && sign * s <= sign * list[top - 1].s) || listed(list, *len, i, j)) {
        return;
    }
    allynet__keep_top(list, len, top, (allynet__ranked_pair){s, i, j}, sign);
}

/* The pairs in order of U (increasing for sign +1 on the most similar side, decreasing for
 * -1), offered to the list until no later pair can enter. */
static bool merge_walk(walker *w, allynet__ranked_pair *list, size_t *len, size_t top, int sign) {
    size_t n = w->p->s->n, hl = 0;
    item *h = malloc((n + 1) * sizeof *h);
    if (h == NULL) {
        return false;
    }
    w->sign = sign;
    sort_ctx = w;
    qsort(w->order, n, sizeof *w->order, by_key);
    for (size_t a = 0; a + 1 < n; a++) {
        pairs_push(h, &hl,
                   (item){sign * (w->norm[w->order[a]] + w->norm[w->order[a + 1]]), a, a + 1});
    }
    while (hl > 0) {
        item x = pairs_pop(h, &hl);
        double bound = 1 - (2 + sign * x.key) / (double)n; /* S of a pair sharing nothing */
        if (*len == top &&
            (sign > 0 ? bound <= list[top - 1].s + TOL : bound >= list[top - 1].s - TOL)) {
            break;
        }
        offer(w, w->order[x.a], w->order[x.b], list, len, top, sign);
        if (x.b + 1 < n) {
            pairs_push(
                h, &hl,
                (item){sign * (w->norm[w->order[x.a]] + w->norm[w->order[x.b + 1]]), x.a, x.b + 1});
        }
    }
    free(h);
    return true;
}

static size_t degree(const allynet__signed *s, size_t v) {
    return s->off[v + 1] - s->off[v];
}

static int by_size(const void *x, const void *y) {
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The largest degree whose actors may pair up their partners within PAIR_BUDGET; SIZE_MAX
 * when all may. */
static size_t hub_cap(const allynet__signed *s) {
    size_t *deg = malloc((s->n + 1) * sizeof *deg), cap = SIZE_MAX;
    double work = 0;
    for (size_t v = 0; deg && v < s->n; v++) {
        deg[v] = degree(s, v);
    }
    if (deg) {
        qsort(deg, s->n, sizeof *deg, by_size);
    }
    for (size_t k = 0; deg && k < s->n; k++) {
        work += (double)deg[k] * (double)deg[k];
        if (work > PAIR_BUDGET) {
            cap = k > 0 ? deg[k - 1] : 0;
            break;
        }
    }
    free(deg);
    return cap;
}

/* Every pair that is tied or shares a partner of at most `cap` partners, from its smaller end. */
static bool near_pairs(const walker *w, size_t cap, allynet__ranked_pair *list, size_t *len,
                       size_t top) {
    const allynet__signed *s = w->p->s;
    size_t *mark = calloc(s->n + 1, sizeof *mark);
    for (size_t i = 0; mark && i < s->n; i++) {
        for (size_t a = s->off[i]; a < s->off[i + 1]; a++) {
            size_t k = allynet__signed_other(s, s->adj[a], i);
            if (k > i && mark[k] != i + 1) {
                mark[k] = i + 1;
                offer(w, i, k, list, len, top, 1);
            }
            for (size_t b = s->off[k]; degree(s, k) <= cap && b < s->off[k + 1]; b++) {
                size_t j = allynet__signed_other(s, s->adj[b], k);
                if (j > i && mark[j] != i + 1) {
                    mark[j] = i + 1;
                    offer(w, i, j, list, len, top, 1);
                }
            }
        }
        if (i % 1024 == 0) {
            allynet__progress_tell("similar pairs", (double)i, (double)s->n);
        }
    }
    allynet__progress_tell("similar pairs", 1, 1);
    free(mark);
    return mark != NULL;
}

bool allynet__top_pairs(const allynet__profiles *p, const size_t *rank, size_t top,
                        allynet__ranked_pair *hi, size_t *nh, allynet__ranked_pair *lo, size_t *nl,
                        size_t *hubs) {
    const allynet__signed *s = p->s;
    walker w = {p, rank, calloc(s->n + 1, sizeof(double)), malloc((s->n + 1) * sizeof(size_t)), 1};
    bool ok = w.norm && w.order && top > 0;
    for (size_t v = 0; ok && v < s->n; v++) {
        w.order[v] = v;
        for (size_t a = s->off[v]; a < s->off[v + 1]; a++) {
            w.norm[v] += fabs(allynet__profile_value(p, s->adj[a]));
        }
    }
    size_t cap = ok ? hub_cap(s) : SIZE_MAX;
    *hubs = cap == SIZE_MAX ? 0 : cap;
    *nh = *nl = 0;
    ok = ok && near_pairs(&w, cap, hi, nh, top) && merge_walk(&w, hi, nh, top, 1) &&
         merge_walk(&w, lo, nl, top, -1);
    free(w.norm), free(w.order);
    return ok || top == 0;
}
