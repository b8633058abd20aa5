/* paths_sampled.c — betweenness, closeness and harmonic centrality of large graphs from sampled
 * pivots, and the choice between that and exact work.
 *
 * Exact work is one shortest-path search per actor: O(n m log n). Above a size the figures are
 * estimated from k pivots drawn uniformly without replacement with a fixed, reported seed
 * (Brandes & Pich 2007, "Centrality estimation in large networks"):
 * - betweenness: Brandes' dependencies of every actor on each pivot, summed and scaled by n/k
 *   (unbiased); its standard error from the spread of the dependencies over the pivots, with
 *   the finite-population correction (1 - k/n);
 * - closeness: pivots reached / sum of the distances to them (the ratio estimator of 1 / mean
 *   distance, consistent; Eppstein & Wang 2004 sample the same way);
 * - harmonic: the mean of 1/distance over the pivots other than the actor (unbiased).
 * Distances are read in the direction the closeness mode asks for: to the pivots ("out"), from
 * them ("in") or either way ("all"). */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Sampled runs aim at this much work (n + m per pivot) and use at least MIN_PIVOTS pivots, at
 * most half the actors. */
#define PIVOT_WORK 4e8
#define MIN_PIVOTS 500
/* Exact work below this is not worth a cost estimate. */
#define QUIET_WORK 2e8

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static uint64_t next_rand(uint64_t *s) { /* splitmix64: small, seeded, reproducible */
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int by_index(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* k distinct vertices of 0..n-1, uniformly (a partial Fisher-Yates shuffle), in ascending
 * order. NULL when out of memory. */
static size_t *draw_pivots(size_t n, size_t k, unsigned long seed) {
    size_t *all = malloc((n + 1) * sizeof *all);
    if (all == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        all[i] = i;
    }
    uint64_t rng = (uint64_t)seed * 0x2545f4914f6cdd1dULL + 0x51ed270b27a3ULL;
    for (size_t i = 0; i < k; i++) {
        size_t j = i + (size_t)(next_rand(&rng) % (n - i)), t = all[i];
        all[i] = all[j];
        all[j] = t;
    }
    qsort(all, k, sizeof *all, by_index);
    return all;
}

/* The path work of exact centrality: n x (n + m), m the edges of the view. */
static double path_work(const allynet__view *v) {
    double n = (double)igraph_vcount(&v->graph), m = (double)igraph_ecount(&v->graph);
    return n * (n + m);
}

size_t allynet__paths_pivots(const allynet__view *v, const allynet_metrics_options *o) {
    size_t n = (size_t)igraph_vcount(&v->graph);
    if (o->exact || n == 0) {
        return 0;
    }
    if (o->pivots > 0) {
        return o->pivots < n ? o->pivots : 0;
    }
    if (!(path_work(v) > o->sample_above)) {
        return 0;
    }
    double per = (double)n + (double)igraph_ecount(&v->graph);
    size_t k = (size_t)ceil(PIVOT_WORK / per);
    k = k < MIN_PIVOTS ? MIN_PIVOTS : k;
    k = k > n / 2 ? n / 2 : k; /* a lowered threshold still samples */
    return k;
}

/* The cost estimate, from the mean time of the first pivots. */
static void first_pivot(const allynet__paths_job *job, double seconds) {
    size_t n = (size_t)igraph_vcount(&job->v->graph), m = (size_t)igraph_ecount(&job->v->graph);
    double per_search = job->reach == 0 ? seconds : seconds / 2, w = job->workers;
    char exact[32], sampled[32];
    allynet__note("exact betweenness, closeness and harmonic on %zu actors / %zu ties: about %s; "
                  "using %zu sampled pivots instead (about %s; --exact to insist)",
                  n, m, allynet__duration(per_search * (double)n / w, exact, sizeof exact),
                  job->count,
                  allynet__duration(seconds * (double)job->count / w, sampled, sizeof sampled));
}

void allynet__paths_exact_note(const allynet__paths_job *job, double seconds) {
    size_t n = (size_t)igraph_vcount(&job->v->graph), m = (size_t)igraph_ecount(&job->v->graph);
    double total = seconds * (double)n / job->workers;
    char text[32];
    if (path_work(job->v) > QUIET_WORK && total >= 10) {
        allynet__note("exact betweenness, closeness and harmonic on %zu actors / %zu ties: about "
                      "%s",
                      n, m, allynet__duration(total, text, sizeof text));
    }
}

/* Estimates from the sums of allynet__paths_run; *rse receives sum of standard errors / sum
 * of estimates (NaN when betweenness is 0 everywhere). */
static void estimates(const double *sum, size_t n, size_t k, const size_t *pivots,
                      allynet_metrics *m, double *rse) {
    double scale = (double)n / (double)k, fpc = 1 - (double)k / (double)n, se = 0, total = 0;
    size_t next = 0;
    for (size_t v = 0; v < n; v++) {
        bool pivot = next < k && pivots[next] == v;
        next += pivot;
        double s1 = sum[v], s2 = sum[n + v], mean = s1 / (double)k;
        double var = k > 1 ? fmax(0, (s2 - s1 * mean) / (double)(k - 1)) : 0;
        allynet_actor_metrics *a = &m->actors[v];
        a->betweenness = scale * s1;
        se += (double)n * sqrt(var / (double)k * fpc);
        total += a->betweenness;
        double reached = sum[3 * n + v], others = (double)(k - pivot);
        a->closeness = reached > 0 ? reached / sum[2 * n + v] : NAN;
        a->harmonic = n > 1 && others > 0 ? sum[4 * n + v] / others : NAN;
    }
    *rse = total > 0 ? se / total : NAN;
}

static const char *mode_reach(allynet_mode mode, bool directed, int *reach) {
    *reach = !directed || mode == ALLYNET_MODE_IN ? 0 : mode == ALLYNET_MODE_OUT ? 1 : 2;
    return !directed                  ? "either way (undirected)"
           : mode == ALLYNET_MODE_IN  ? "from the pivots to the actor"
           : mode == ALLYNET_MODE_OUT ? "from the actor to the pivots"
                                      : "either way (mode all)";
}

static json_t *records(const allynet__view *v, const allynet_metrics_options *o, size_t k,
                       double rse, const char *reach) {
    size_t n = (size_t)igraph_vcount(&v->graph);
    char why[160];
    if (o->pivots > 0) {
        snprintf(why, sizeof why, "asked for (--pivots %zu)", o->pivots);
    } else {
        snprintf(why, sizeof why, "actors x (actors + ties read) = %.3g is above %.3g",
                 path_work(v), o->sample_above);
    }
    return json_pack(
        "{s:{s:s, s:I, s:I, s:I, s:f, s:o, s:s, s:s}, s:{s:s, s:I, s:I, s:s, s:s}, "
        "s:{s:s, s:I, s:I, s:s, s:s}}",
        "betweenness", "method",
        "sampled pivots (Brandes & Pich 2007): dependencies on k pivots drawn uniformly "
        "without replacement, summed and scaled by n/k (unbiased)",
        "pivots", (json_int_t)k, "actors", (json_int_t)n, "seed", (json_int_t)o->seed, "scale",
        (double)n / (double)k, "relative_standard_error",
        isfinite(rse) ? json_real(rse) : json_null(), "chosen", why, "exact_with", "--exact",
        "closeness", "method",
        "the same pivots: pivots reached / sum of the distances to them (ratio estimator)",
        "pivots", (json_int_t)k, "seed", (json_int_t)o->seed, "distances", reach, "exact_with",
        "--exact", "harmonic", "method",
        "the same pivots: mean of 1/distance over the pivots other than the actor (unbiased)",
        "pivots", (json_int_t)k, "seed", (json_int_t)o->seed, "distances", reach, "exact_with",
        "--exact");
}

allynet_status allynet__paths_sampled(const allynet__view *v, const allynet_metrics_options *o,
                                      size_t k, allynet_metrics *m, allynet_error *err) {
    size_t n = (size_t)igraph_vcount(&v->graph);
    int reach = 0;
    const char *reach_text = mode_reach(o->mode, v->directed, &reach);
    size_t *pivots = draw_pivots(n, k, o->seed);
    double *sum = malloc((5 * n + 1) * sizeof *sum), rse = NAN;
    allynet__paths_job job = {
        v, pivots, k, true, reach, o->workers, "sampled shortest paths", first_pivot};
    if (pivots == NULL || sum == NULL || !allynet__paths_run(&job, sum)) {
        free(pivots), free(sum);
        return nomem(err);
    }
    estimates(sum, n, k, pivots, m, &rse);
    free(pivots), free(sum);
    json_t *r = records(v, o, k, rse, reach_text);
    const char *key;
    json_t *value;
    bool ok = r != NULL;
    json_object_foreach(r, key, value) {
        ok = ok && json_object_set(m->approximations, key, value) == 0;
    }
    json_decref(r);
    return ok ? ALLYNET_OK : nomem(err);
}
