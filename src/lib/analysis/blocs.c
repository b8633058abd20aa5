/* blocs.c — signed partitioning into k blocs by the Doreian–Mrvar criterion
 * P = alpha * N + (1 - alpha) * P+, where N is the |weight| of negative ties inside blocs and P+
 * the weight of positive ties between blocs (Doreian & Mrvar 1996), summed over the adjacency
 * matrix as they define it: a directed tie counts once, an undirected tie in both directions
 * (twice), so values match the published ones and signnet's. A relocation heuristic:
 * from many seeded random starts, move single actors and swap pairs while the criterion falls.
 * Deterministic for a given seed (its own generator, independent of igraph's). */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double allynet_blocs_criterion(const allynet_graph *g, const size_t *membership, double alpha,
                               double *neg, double *pos) {
    double n = 0, p = 0;
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        bool same = membership[t->source] == membership[t->target];
        if (t->weight < 0 && same) {
            n -= t->weight;
        } else if (t->weight > 0 && !same) {
            p += t->weight;
        }
    }
    double twice = allynet_graph_directed(g) ? 1 : 2; /* both cells of the symmetric matrix */
    n *= twice;
    p *= twice;
    *neg = n;
    *pos = p;
    return alpha * n + (1 - alpha) * p;
}

/* splitmix64: a small, fully specified generator, so results do not depend on the C library. */
static uint64_t next(uint64_t *s) {
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static size_t below(uint64_t *s, size_t n) {
    return (size_t)(next(s) % n);
}

/* The search state: adjacency lists (each tie listed at both ends) and, per actor and bloc,
 * the positive (pw) and negative (nw) weight between the actor and the bloc's members. */
typedef struct {
    const allynet_graph *g;
    size_t n, k;
    double alpha;
    size_t *start, *nbr; /* CSR: neighbours of v are nbr[start[v] .. start[v+1]) */
    double *w;           /* signed weight of each listed tie */
    size_t *grp, *size, *order;
    double *pw, *nw;
} search;

static void search_free(search *s) {
    free(s->start);
    free(s->nbr);
    free(s->w);
    free(s->grp);
    free(s->size);
    free(s->order);
    free(s->pw);
    free(s->nw);
}

static bool search_init(search *s, const allynet_graph *g, size_t k, double alpha) {
    size_t n = allynet_graph_actor_count(g), m = allynet_graph_tie_count(g);
    memset(s, 0, sizeof *s);
    *s = (search){.g = g, .n = n, .k = k, .alpha = alpha};
    s->start = calloc(n + 2, sizeof *s->start);
    s->nbr = malloc((2 * m + 1) * sizeof *s->nbr);
    s->w = malloc((2 * m + 1) * sizeof *s->w);
    s->grp = malloc((n + 1) * sizeof *s->grp);
    s->size = malloc((k + 1) * sizeof *s->size);
    s->order = malloc((n + 1) * sizeof *s->order);
    s->pw = malloc((n * k + 1) * sizeof *s->pw);
    s->nw = malloc((n * k + 1) * sizeof *s->nw);
    if (!s->start || !s->nbr || !s->w || !s->grp || !s->size || !s->order || !s->pw || !s->nw) {
        search_free(s);
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        s->start[t->source + 2]++;
        s->start[t->target + 2]++;
    }
    for (size_t v = 0; v < n; v++) {
        s->start[v + 2] += s->start[v + 1];
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t a = s->start[t->source + 1]++, b = s->start[t->target + 1]++;
        s->nbr[a] = t->target;
        s->w[a] = t->weight;
        s->nbr[b] = t->source;
        s->w[b] = t->weight;
    }
    return true;
}

/* Moves v to bloc b, updating sizes and the per-bloc weights of its neighbours. */
static void move(search *s, size_t v, size_t b) {
    size_t a = s->grp[v];
    s->size[a]--;
    s->size[b]++;
    s->grp[v] = b;
    for (size_t e = s->start[v]; e < s->start[v + 1]; e++) {
        size_t u = s->nbr[e];
        double *x = s->w[e] > 0 ? s->pw : s->nw;
        x[u * s->k + a] -= fabs(s->w[e]);
        x[u * s->k + b] += fabs(s->w[e]);
    }
}

/* The change of the criterion if v moved to bloc b. */
static double gain(const search *s, size_t v, size_t b) {
    size_t a = s->grp[v], k = s->k;
    return s->alpha * (s->nw[v * k + b] - s->nw[v * k + a]) +
           (1 - s->alpha) * (s->pw[v * k + a] - s->pw[v * k + b]);
}

/* A random partition with every bloc non-empty. */
static void random_start(search *s, uint64_t *rng) {
    for (size_t i = 0; i < s->n; i++) {
        s->order[i] = i;
    }
    for (size_t i = s->n; i > 1; i--) {
        size_t j = below(rng, i), t = s->order[i - 1];
        s->order[i - 1] = s->order[j];
        s->order[j] = t;
    }
    memset(s->size, 0, s->k * sizeof *s->size);
    for (size_t i = 0; i < s->n; i++) {
        size_t v = s->order[i], b = i < s->k ? i : below(rng, s->k);
        s->grp[v] = b;
        s->size[b]++;
    }
    memset(s->pw, 0, s->n * s->k * sizeof *s->pw);
    memset(s->nw, 0, s->n * s->k * sizeof *s->nw);
    for (size_t v = 0; v < s->n; v++) {
        for (size_t e = s->start[v]; e < s->start[v + 1]; e++) {
            double *x = s->w[e] > 0 ? s->pw : s->nw;
            x[v * s->k + s->grp[s->nbr[e]]] += fabs(s->w[e]);
        }
    }
}

/* One pass of single moves in the (shuffled) order; true when something improved. */
static bool move_pass(search *s) {
    bool improved = false;
    for (size_t i = 0; i < s->n; i++) {
        size_t v = s->order[i], a = s->grp[v], best = a;
        double d = -1e-12;
        if (s->size[a] == 1) {
            continue; /* every bloc keeps at least one actor */
        }
        for (size_t b = 0; b < s->k; b++) {
            double x = b == a ? 0 : gain(s, v, b);
            if (x < d) {
                d = x;
                best = b;
            }
        }
        if (best != a) {
            move(s, v, best);
            improved = true;
        }
    }
    return improved;
}

/* Positive and negative weight between u and v, both directions. */
static void pair_weight(const allynet_graph *g, size_t u, size_t v, double *p, double *q) {
    long t[2] = {allynet_graph_find_tie(g, u, v), -1};
    if (allynet_graph_directed(g)) {
        t[1] = allynet_graph_find_tie(g, v, u);
    }
    *p = *q = 0;
    for (int i = 0; i < 2; i++) {
        if (t[i] >= 0) {
            double w = allynet_graph_tie(g, (size_t)t[i])->weight;
            *p += w > 0 ? w : 0;
            *q += w < 0 ? -w : 0;
        }
    }
}

/* One pass of pair swaps between blocs (small graphs); true when something improved. */
static bool swap_pass(search *s) {
    bool improved = false;
    for (size_t u = 0; u < s->n; u++) {
        for (size_t v = u + 1; v < s->n; v++) {
            size_t a = s->grp[u], b = s->grp[v];
            if (a == b) {
                continue;
            }
            double p, q;
            pair_weight(s->g, u, v, &p, &q);
            double d = gain(s, u, b) + gain(s, v, a) - 2 * s->alpha * q + 2 * (1 - s->alpha) * p;
            if (d < -1e-12) {
                move(s, u, b);
                move(s, v, a);
                improved = true;
            }
        }
    }
    return improved;
}

static double local_search(search *s) {
    for (int round = 0; round < 1000; round++) {
        if (move_pass(s)) {
            continue;
        }
        if (s->n > 400 || !swap_pass(s)) {
            break;
        }
    }
    double neg, pos;
    return allynet_blocs_criterion(s->g, s->grp, s->alpha, &neg, &pos);
}

/* Searches `starts` random starts; *best receives the best partition (raw numbering) and
 * *optima how many distinct partitions (canonical forms compared) reached the best value. */
allynet_status allynet__blocs_search(const allynet_graph *g, size_t k, double alpha, size_t starts,
                                     unsigned long seed, size_t *best, size_t *optima,
                                     allynet_error *err) {
    search s;
    size_t n = allynet_graph_actor_count(g), kept = 0, cap = 64;
    size_t *seen = malloc(cap * (n + 1) * sizeof *seen), *canon = malloc((n + 1) * sizeof *canon);
    if (seen == NULL || canon == NULL || !search_init(&s, g, k, alpha)) {
        free(seen);
        free(canon);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    uint64_t rng = (uint64_t)seed;
    double top = INFINITY;
    *optima = 0;
    for (size_t r = 0; r < starts; r++) {
        random_start(&s, &rng);
        double c = local_search(&s);
        allynet__canonical(g, s.grp, canon);
        if (c < top - 1e-9) {
            top = c;
            memcpy(best, s.grp, n * sizeof *best);
            kept = 0;
        }
        if (fabs(c - top) <= 1e-9) {
            bool known = false;
            for (size_t i = 0; i < kept && !known; i++) {
                known = memcmp(seen + i * n, canon, n * sizeof *canon) == 0;
            }
            if (!known && kept < cap) {
                memcpy(seen + kept++ * n, canon, n * sizeof *canon);
            }
        }
    }
    *optima = kept;
    search_free(&s);
    free(seen);
    free(canon);
    return ALLYNET_OK;
}
