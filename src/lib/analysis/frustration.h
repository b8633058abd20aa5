/* frustration.h — the frustration index (line index) of a signed graph: the fewest ties (or the
 * least total |weight|) whose removal makes the graph balanced, with the bipartition that
 * attains it (library-internal). */
#ifndef ALLYNET_FRUSTRATION_H
#define ALLYNET_FRUSTRATION_H

#include "signed.h"

/* One connected piece to solve: local vertices 0..n-1, edges with a sign and a cost > 0. */
typedef struct allynet__fprob {
    size_t n, m;
    size_t *eu, *ev; /* edge ends */
    int *sign;       /* +1 or -1 */
    double *cost;    /* > 0 */
    size_t *off;     /* n + 1 offsets into adj */
    size_t *adj;     /* incident edge indices */
} allynet__fprob;

typedef struct allynet__fopts {
    size_t exact_limit;  /* pieces with at most this many vertices are solved exactly */
    unsigned long seed;  /* for the heuristic's random starts */
    bool weighted;       /* cost |w| per edge instead of 1 */
    double budget;       /* branch-and-bound nodes per piece before it gives up (0: default) */
    size_t search_limit; /* pieces with more edges get the budgeted search (0: none) */
} allynet__fopts;

/* The result for a whole graph. */
typedef struct allynet__frustration {
    double value;       /* frustrated cost of `side` */
    double lower_bound; /* proven lower bound; equals value when exact */
    bool exact;
    unsigned char *side;     /* n entries, 0 or 1 (owned) */
    size_t blocks;           /* biconnected blocks with a cycle (those that need solving) */
    size_t largest;          /* vertices in the largest such block */
    size_t blocks_heuristic; /* blocks solved by the heuristic (too large or over budget) */
    size_t blocks_budgeted;  /* blocks given the budgeted search (more edges than the limit) */
} allynet__frustration;

/* The budgeted search of a block with more edges than the search limit: its rounds, the
 * packing's budget in edge scans, and the cap of one path search. */
#define ALLYNET__LARGE_ROUNDS 6
#define ALLYNET__PACK_BUDGET 2e8
#define ALLYNET__PACK_CAP 2e5

/* Solves each biconnected block of s (exactly up to opts->exact_limit vertices, by heuristic and
 * cycle-packing bound above) and joins the blocks' bipartitions. out is overwritten; free with
 * allynet__frustration_destroy. Errors: NOMEM, RUNTIME (igraph). */
allynet_status allynet__frustration_solve(const allynet__signed *s, const allynet__fopts *opts,
                                          allynet__frustration *out, allynet_error *err);
void allynet__frustration_destroy(allynet__frustration *f);
/* The frustrated cost of a bipartition: edges within a side that are negative plus edges across
 * that are positive, counted 1 each or |w| when weighted. */
double allynet__frustration_cost(const allynet__signed *s, const unsigned char *side,
                                 bool weighted);

/* Solves s for g (the graph it was built from) and names the blocs canonically: in every
 * connected component, the actor with the smallest id is on side 0. */
allynet_status allynet__frustration_blocs(const allynet_graph *g, const allynet__signed *s,
                                          const allynet_balance_options *o, bool weighted,
                                          allynet__frustration *out, allynet_error *err);

/* The walk-based balance index (walk.c) into out: "walk_balance" (a number, or null when
 * skipped) and "walk" (its definition, and why it was skipped or how it was estimated); an
 * estimate is also described in approx["walk_balance"]. Errors: NOMEM, RUNTIME. */
allynet_status allynet__walk_json(const allynet__signed *s, const allynet_balance_options *o,
                                  json_t *out, json_t *approx, allynet_error *err);

/* The "approximations" record of a frustration result whose blocks got the budgeted search
 * (balance.c), naming the figures it `applies_to`; NULL when out of memory. */
json_t *allynet__frustration_approx(const allynet__frustration *f, const allynet_balance_options *o,
                                    const char *applies_to);

/* ---- the per-piece search (frustration_search.c) */

/* A piece's solution: side (p->n entries, caller-allocated), value and proven lower bound. */
typedef struct allynet__fsol {
    unsigned char *side;
    double value, lower_bound;
    bool exact;
} allynet__fsol;

/* How hard the local search works on a large piece: `rounds` starts (0: by size, 32 to 400,
 * with packings along the way), then one budgeted packing (pack_budget edge scans in all, at
 * most pack_cap per path; 0: the full packing). Progress goes to `task` as done + rounds of
 * total. */
typedef struct allynet__feffort {
    size_t rounds;
    double pack_budget, pack_cap;
    const char *task;
    size_t done, total;
} allynet__feffort;

/* Multi-start local search (spanning-tree starts, greedy and Kernighan-Lin passes, perturbation)
 * then a lower bound from packing unbalanced cycles; exact when the two meet. `e` may be NULL
 * (the full effort). */
allynet_status allynet__fprob_heuristic(const allynet__fprob *p, unsigned long seed,
                                        const allynet__feffort *e, allynet__fsol *sol,
                                        allynet_error *err);
/* Branch and bound over 2-colourings, started from sol (a heuristic solution), which it improves
 * to an optimum; sol->exact is false when the node budget ran out. */
allynet_status allynet__fprob_exact(const allynet__fprob *p, double budget, allynet__fsol *sol,
                                    allynet_error *err);
/* A lower bound (frustration_pack.c): a fractional packing of unbalanced cycles, each made of
 * one edge frustrated under `side` and a path of edges satisfied under it, among the vertices
 * with keep[v] (all when keep is NULL). Returns -1 when out of memory. */
double allynet__fprob_pack(const allynet__fprob *p, const unsigned char *side,
                           const unsigned char *keep);
/* The same for a large piece, searching paths from both ends: at most `cap` edge scans per
 * path and `budget` in all. Returns -1 when out of memory. */
double allynet__fprob_pack_budget(const allynet__fprob *p, const unsigned char *side, double budget,
                                  double cap);

/* Whether edge e of p is frustrated under side; the end of e that is not x; the tolerance of
 * cost comparisons (1e-9 of the total cost, at least 1e-9). */
static inline bool allynet__ffrustrated(const allynet__fprob *p, const unsigned char *side,
                                        size_t e) {
    bool same = side[p->eu[e]] == side[p->ev[e]];
    return p->sign[e] > 0 ? !same : same;
}
static inline size_t allynet__fother(const allynet__fprob *p, size_t e, size_t x) {
    return p->eu[e] == x ? p->ev[e] : p->eu[e];
}
double allynet__ftolerance(const allynet__fprob *p);

#endif
