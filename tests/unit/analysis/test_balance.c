/* test_balance.c — the signed view, signed triangles, the walk index and the frustration index
 * (branch and bound and heuristic checked against exhaustive search over every bipartition). */
#include "testutil.h"

#include "analysis/frustration.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A K4 worked by hand (weights in brackets):
 *   A-B +(1)  A-C +(8)  B-C -(1)  A-D -(2)  B-D -(4)  C-D +(1)
 * Triangles: ABC (+ + -) unbalanced, weight cbrt(1*8*1) = 2
 *            ABD (+ - -) balanced,   weight cbrt(1*2*4) = 2
 *            ACD (+ - +) unbalanced, weight cbrt(8*2*1) = cbrt(16)
 *            BCD (- - +) balanced,   weight cbrt(1*4*1) = cbrt(4)
 * Line index 1: blocs {A,B} {C,D} frustrate only A-C (both unbalanced triangles hold A-C).
 * Weighted 2: {A,B,C} {D} frustrates B-C and C-D (1 + 1); anything cheaper would have to hit
 * both unbalanced triangles with one weight-1 edge, and none lies in both. */
static const char *k4 =
    "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
    " {\"id\": \"D\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
    " {\"source\": \"A\", \"target\": \"C\", \"weight\": 8},"
    " {\"source\": \"B\", \"target\": \"C\", \"weight\": -1},"
    " {\"source\": \"A\", \"target\": \"D\", \"weight\": -2},"
    " {\"source\": \"B\", \"target\": \"D\", \"weight\": -4},"
    " {\"source\": \"C\", \"target\": \"D\", \"weight\": 1}]}";

static json_t *balance_of(const char *text) {
    allynet_graph *g = allynet_test_parse(text);
    allynet_balance_options o;
    allynet_balance_options_init(&o);
    json_t *j = NULL;
    assert_int_equal(allynet_balance_compute(g, &o, &j, NULL), ALLYNET_OK);
    allynet_graph_free(g);
    return j;
}

static double num(const json_t *j, const char *path) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    const json_t *cur = j;
    for (char *tok = strtok(buf, "."); tok; tok = strtok(NULL, ".")) {
        cur = json_object_get(cur, tok);
    }
    assert_true(json_is_number(cur));
    return json_number_value(cur);
}

static void k4_triangles_and_frustration(void **state) {
    (void)state;
    json_t *j = balance_of(k4);
    assert_close(num(j, "triangles.total"), 4, 0);
    assert_close(num(j, "triangles.balanced"), 2, 0);
    assert_close(num(j, "triangles.ratio"), 0.5, 1e-12);
    assert_close(num(j, "triangles.by_type.+++"), 0, 0);
    assert_close(num(j, "triangles.by_type.++-"), 2, 0);
    assert_close(num(j, "triangles.by_type.+--"), 2, 0);
    assert_close(num(j, "triangles.by_type.---"), 0, 0);
    double wb = 2 + cbrt(4), wt = 2 + 2 + cbrt(16) + cbrt(4);
    assert_close(num(j, "triangles.weighted.ratio"), wb / wt, 1e-12);
    assert_close(num(j, "frustration.value"), 1, 0);
    assert_true(json_is_true(json_object_get(json_object_get(j, "frustration"), "exact")));
    assert_close(num(j, "frustration.weighted.value"), 2, 1e-12);
    /* the blocs: A and B together (bloc 0, A has the smallest id), C and D in bloc 1 */
    assert_close(num(j, "frustration.partition.A"), 0, 0);
    assert_close(num(j, "frustration.partition.B"), 0, 0);
    assert_close(num(j, "frustration.partition.C"), 1, 0);
    assert_close(num(j, "frustration.partition.D"), 1, 0);
    json_decref(j);
}

/* Directed pairs fold into one signed edge: +2/+3 -> +5; +4/-1 -> +3 (mixed); +2/-2 -> left
 * out (ambivalent); 0 -> left out (zero). */
static void reciprocal_and_mixed_pairs(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
        " {\"id\": \"D\"}], \"edges\": ["
        "{\"source\": \"A\", \"target\": \"B\", \"weight\": 2},"
        "{\"source\": \"B\", \"target\": \"A\", \"weight\": 3},"
        "{\"source\": \"A\", \"target\": \"C\", \"weight\": 4},"
        "{\"source\": \"C\", \"target\": \"A\", \"weight\": -1},"
        "{\"source\": \"B\", \"target\": \"C\", \"weight\": 2},"
        "{\"source\": \"C\", \"target\": \"B\", \"weight\": -2},"
        "{\"source\": \"C\", \"target\": \"D\", \"weight\": 0}]}");
    allynet__signed s;
    assert_int_equal(allynet__signed_build(g, &s, NULL), ALLYNET_OK);
    assert_int_equal(s.pairs, 4);
    assert_int_equal(s.m, 2);
    assert_int_equal(s.reciprocal, 3);
    assert_int_equal(s.mixed, 2);
    assert_int_equal(s.ambivalent, 1);
    assert_int_equal(s.zero, 1);
    long ab = allynet__signed_find(&s, 0, 1), ac = allynet__signed_find(&s, 2, 0);
    assert_true(ab >= 0 && ac >= 0);
    assert_close(s.edges[ab].w, 5, 0);
    assert_close(s.edges[ac].w, 3, 0);
    assert_int_equal(allynet__signed_find(&s, 1, 2), -1);
    allynet__signed_destroy(&s);
    allynet_graph_free(g);
}

/* Walk index of the unbalanced triangle (+ + -): A is switching-equivalent to -(J - I), whose
 * eigenvalues are -2, 1, 1; |A| = J - I has 2, -1, -1. K = (e^-2 + 2e) / (e^2 + 2/e). A
 * balanced graph has K = 1. */
static void walk_index(void **state) {
    (void)state;
    json_t *j = balance_of(
        "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}],"
        " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
        " {\"source\": \"B\", \"target\": \"C\", \"weight\": 5},"
        " {\"source\": \"C\", \"target\": \"A\", \"weight\": -3}]}");
    double k = (exp(-2) + 2 * exp(1)) / (exp(2) + 2 * exp(-1));
    assert_close(num(j, "walk_balance"), k, 1e-10);
    assert_close(num(j, "triangles.by_type.++-"), 1, 0); /* one negative tie: unbalanced */
    assert_close(num(j, "triangles.balanced"), 0, 0);
    assert_close(num(j, "frustration.value"), 1, 0);
    assert_close(num(j, "frustration.weighted.value"), 1, 0);
    json_decref(j);
    j = balance_of(k4);
    assert_true(num(j, "walk_balance") < 1);
    json_decref(j);
    j = balance_of("{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
                   " {\"id\": \"C\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\","
                   " \"weight\": -1}, {\"source\": \"B\", \"target\": \"C\", \"weight\": -1},"
                   " {\"source\": \"A\", \"target\": \"C\", \"weight\": 1}]}");
    assert_close(num(j, "walk_balance"), 1, 1e-12);
    json_decref(j);
}

/* ---- exhaustive checks on random graphs */

static uint64_t rng_state;
static unsigned rnd(unsigned bound) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % bound);
}

/* A random undirected signed graph: n actors, each pair tied with probability pct/100, negative
 * with probability neg/100, |w| in 1..9. */
static allynet_graph *random_graph(size_t n, unsigned pct, unsigned neg) {
    allynet_graph *g = allynet_graph_new(false);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "V%02zu", i);
        assert_int_equal(allynet_graph_add_actor(g, id, NULL, NULL, NULL, NULL), ALLYNET_OK);
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (rnd(100) < pct) {
                double w = (double)(1 + rnd(9)) * (rnd(100) < neg ? -1 : 1);
                assert_int_equal(allynet_graph_add_tie(g, i, j, w, NULL, 1, NULL, NULL, NULL),
                                 ALLYNET_OK);
            }
        }
    }
    return g;
}

/* The minimum over all 2^(n-1) bipartitions (the last vertex stays on side 0). */
static double brute_force(const allynet__signed *s, bool weighted) {
    unsigned char side[32] = {0};
    double best = INFINITY;
    for (uint32_t mask = 0; mask < (1u << (s->n - 1)); mask++) {
        for (size_t v = 0; v + 1 < s->n; v++) {
            side[v] = (mask >> v) & 1;
        }
        best = fmin(best, allynet__frustration_cost(s, side, weighted));
    }
    return best;
}

static void check_graph(allynet_graph *g) {
    allynet__signed s;
    assert_int_equal(allynet__signed_build(g, &s, NULL), ALLYNET_OK);
    for (int weighted = 0; weighted < 2; weighted++) {
        double want = brute_force(&s, weighted);
        allynet__fopts exact = {40, 1, weighted, 0, 0}, heur = {0, 1, weighted, 0, 0};
        allynet__frustration f;
        assert_int_equal(allynet__frustration_solve(&s, &exact, &f, NULL), ALLYNET_OK);
        assert_true(f.exact);
        assert_close(f.value, want, 1e-9);
        assert_close(allynet__frustration_cost(&s, f.side, weighted), want, 1e-9);
        assert_close(f.lower_bound, want, 1e-9);
        allynet__frustration_destroy(&f);
        assert_int_equal(allynet__frustration_solve(&s, &heur, &f, NULL), ALLYNET_OK);
        assert_true(f.value >= want - 1e-9);
        assert_true(f.lower_bound <= want + 1e-9);
        assert_true(!f.exact || fabs(f.value - want) < 1e-9);
        allynet__frustration_destroy(&f);
    }
    allynet__signed_destroy(&s);
}

static void frustration_matches_exhaustive_search(void **state) {
    (void)state;
    rng_state = 20251211;
    for (int round = 0; round < 60; round++) {
        size_t n = 4 + rnd(13); /* 4..16 actors */
        allynet_graph *g = random_graph(n, 20 + rnd(80), 10 + rnd(80));
        check_graph(g);
        allynet_graph_free(g);
    }
}

/* The branch and bound alone, from a poor incumbent (everyone on side 0), on one piece. */
static void branch_and_bound_alone(void **state) {
    (void)state;
    rng_state = 7;
    for (int round = 0; round < 30; round++) {
        size_t n = 6 + rnd(11);
        allynet_graph *g = random_graph(n, 60, 50);
        allynet__signed s;
        assert_int_equal(allynet__signed_build(g, &s, NULL), ALLYNET_OK);
        allynet__fprob p = {s.n, s.m, NULL, NULL, NULL, NULL, NULL, NULL};
        p.eu = calloc(s.m + 1, sizeof(size_t));
        p.ev = calloc(s.m + 1, sizeof(size_t));
        p.sign = calloc(s.m + 1, sizeof(int));
        p.cost = calloc(s.m + 1, sizeof(double));
        p.off = calloc(s.n + 1, sizeof(size_t));
        p.adj = calloc(2 * s.m + 1, sizeof(size_t));
        for (size_t e = 0; e < s.m; e++) {
            p.eu[e] = s.edges[e].u;
            p.ev[e] = s.edges[e].v;
            p.sign[e] = s.edges[e].sign;
            p.cost[e] = fabs(s.edges[e].w);
        }
        memcpy(p.off, s.off, (s.n + 1) * sizeof(size_t));
        memcpy(p.adj, s.adj, 2 * s.m * sizeof(size_t));
        unsigned char side[32] = {0};
        allynet__fsol sol = {side, allynet__frustration_cost(&s, side, true), 0, false};
        assert_int_equal(allynet__fprob_exact(&p, 1e9, &sol, NULL), ALLYNET_OK);
        assert_true(sol.exact);
        assert_close(sol.value, brute_force(&s, true), 1e-9);
        assert_close(allynet__frustration_cost(&s, side, true), sol.value, 1e-9);
        /* the packing bound never exceeds the optimum */
        assert_true(allynet__fprob_pack(&p, side, NULL) <= sol.value + 1e-9);
        /* the budgeted packing of large pieces too, whatever its budget */
        assert_true(allynet__fprob_pack_budget(&p, side, 1e9, 1e9) <= sol.value + 1e-9);
        assert_true(allynet__fprob_pack_budget(&p, side, 20, 5) <= sol.value + 1e-9);
        assert_true(allynet__fprob_pack_budget(&p, side, 20, 5) >= 0);
        free(p.eu), free(p.ev), free(p.sign), free(p.cost), free(p.off), free(p.adj);
        allynet__signed_destroy(&s);
        allynet_graph_free(g);
    }
}

/* The branch and bound gives up at its node budget and says so. */
static void budget_runs_out(void **state) {
    (void)state;
    rng_state = 99;
    allynet_graph *g = random_graph(30, 90, 50);
    allynet__signed s;
    assert_int_equal(allynet__signed_build(g, &s, NULL), ALLYNET_OK);
    allynet__fopts tiny = {40, 1, false, 10, 0};
    allynet__frustration f;
    assert_int_equal(allynet__frustration_solve(&s, &tiny, &f, NULL), ALLYNET_OK);
    assert_false(f.exact);
    assert_true(f.lower_bound < f.value);
    assert_close(allynet__frustration_cost(&s, f.side, false), f.value, 0);
    allynet__frustration_destroy(&f);
    allynet__signed_destroy(&s);
    allynet_graph_free(g);
}

/* ---- defined results on degenerate input */

static void degenerate_graphs(void **state) {
    (void)state;
    json_t *j = balance_of("{\"directed\": true, \"nodes\": [], \"edges\": []}");
    assert_true(json_is_null(json_object_get(json_object_get(j, "triangles"), "ratio")));
    assert_true(json_is_null(json_object_get(j, "walk_balance")));
    assert_close(num(j, "frustration.value"), 0, 0);
    json_decref(j);
    j = balance_of("{\"directed\": true, \"nodes\": [{\"id\": \"A\"}], \"edges\": []}");
    assert_close(num(j, "walk_balance"), 1, 0);
    assert_close(num(j, "frustration.partition.A"), 0, 0);
    json_decref(j);
    /* all negative: a triangle of enemies is unbalanced (line index 1); two enemies are not */
    j = balance_of("{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
                   " {\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"edges\": ["
                   "{\"source\": \"A\", \"target\": \"B\", \"weight\": -1},"
                   "{\"source\": \"B\", \"target\": \"C\", \"weight\": -1},"
                   "{\"source\": \"A\", \"target\": \"C\", \"weight\": -1},"
                   "{\"source\": \"D\", \"target\": \"E\", \"weight\": -1}]}");
    assert_close(num(j, "triangles.by_type.---"), 1, 0);
    assert_close(num(j, "triangles.balanced"), 0, 0);
    assert_close(num(j, "frustration.value"), 1, 0);
    /* disconnected: each component's smallest id is in bloc 0 */
    assert_close(num(j, "frustration.partition.D"), 0, 0);
    assert_close(num(j, "frustration.partition.E"), 1, 0);
    json_decref(j);
}

/* ---- alignment and similarity, worked by hand
 * Undirected, |w| = 1: A-B +, A-C -, B-C -, C-D +. Profiles over (A, B, C, D), x_ii = 1:
 *   A ( 1  1 -1  0)   B ( 1  1 -1  0)   C (-1 -1  1  1)   D ( 0  0  1  1)
 * S(A,C): d = 2+2+2+1 = 7, S = 1 - 2*7/8 = -0.75.
 *   categories A: + + - 0, C: - - + +; p_o = 0.
 *   kappa: p_e = .5*.5 (+) + .25*.5 (-) + .25*0 (0) = .375 -> -.375/.625 = -0.6
 *   pi: pooled + .5, - .375, 0 .125: p_e = .40625 -> -.40625/.59375 = -0.68421052631...
 * S(C,D): d = 1+1+0+0 = 2, S = 0.5; p_o = .5;
 *   kappa: p_e = .5*.5 (+) = .25 -> .25/.75 = 1/3; pi: pooled + .5 - .25 0 .25, p_e = .375
 *   -> .125/.625 = 0.2.
 * S(A,B) = 1, kappa = pi = 1.
 * Poles A and D, from profiles: d_AD = 1+1+2+1 = 5; B: d_BA = 0, d_BD = 5 -> +1; C: d_CA = 7,
 * d_CD = 2 -> (2 - 7)/5 = -1. From ties: B has t_A = +1, t_D = 0 -> +1; C has t_A = -1,
 * t_D = +1 -> (-1 - 1)/2 = -1. */
static const char *four =
    "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
    " {\"id\": \"D\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
    " {\"source\": \"A\", \"target\": \"C\", \"weight\": -1},"
    " {\"source\": \"B\", \"target\": \"C\", \"weight\": -1},"
    " {\"source\": \"C\", \"target\": \"D\", \"weight\": 1}]}";

static const json_t *find_dyad(const json_t *dyads, const char *a, const char *b) {
    size_t i;
    json_t *d;
    json_array_foreach(dyads, i, d) {
        if (strcmp(json_string_value(json_object_get(d, "a")), a) == 0 &&
            strcmp(json_string_value(json_object_get(d, "b")), b) == 0) {
            return d;
        }
    }
    fail_msg("no dyad %s-%s", a, b);
    return NULL;
}

static void align_worked_example(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(four);
    allynet_align_options o;
    allynet_align_options_init(&o);
    o.pole_a = "A";
    o.pole_b = "D";
    o.all_dyads = true;
    json_t *j = NULL;
    assert_int_equal(allynet_align_compute(g, &o, &j, NULL), ALLYNET_OK);
    const json_t *dy = json_object_get(j, "dyads");
    assert_int_equal(json_array_size(dy), 6);
    assert_close(num(find_dyad(dy, "A", "C"), "s"), -0.75, 1e-12);
    assert_close(num(find_dyad(dy, "A", "C"), "kappa"), -0.6, 1e-12);
    assert_close(num(find_dyad(dy, "A", "C"), "pi"), -0.40625 / 0.59375, 1e-12);
    assert_close(num(find_dyad(dy, "C", "D"), "s"), 0.5, 1e-12);
    assert_close(num(find_dyad(dy, "C", "D"), "kappa"), 1.0 / 3, 1e-12);
    assert_close(num(find_dyad(dy, "C", "D"), "pi"), 0.2, 1e-12);
    assert_close(num(find_dyad(dy, "A", "B"), "s"), 1, 1e-12);
    assert_close(num(find_dyad(dy, "A", "B"), "kappa"), 1, 1e-12);
    const json_t *actors = json_object_get(j, "actors");
    double want[4] = {1, 1, -1, -1};
    for (size_t i = 0; i < 4; i++) {
        assert_close(num(json_array_get(actors, i), "alignment"), want[i], 1e-12);
        assert_close(num(json_array_get(actors, i), "profile_alignment"), want[i], 1e-12);
    }
    assert_close(num(json_array_get(actors, 1), "tie_alignment"), 1, 1e-12);
    assert_close(num(json_array_get(actors, 2), "tie_alignment"), -1, 1e-12);
    json_decref(j);
    /* a pole that does not exist, and the same pole twice */
    allynet_error err = {0};
    o.pole_b = "ZZZ";
    assert_int_equal(allynet_align_compute(g, &o, &j, &err), ALLYNET_E_USAGE);
    assert_null(j);
    assert_non_null(strstr(err.text, "ZZZ"));
    o.pole_b = "A";
    allynet_error_clear(&err);
    assert_int_equal(allynet_align_compute(g, &o, &j, &err), ALLYNET_E_USAGE);
    assert_non_null(strstr(err.text, "same"));
    allynet_graph_free(g);
}

/* An actor without ties into the poles is placed by its profile.
 * A-B +, B-C -, B-D +; poles A and C. Profiles over (A, B, C, D), x_ii = 1:
 *   A (1 1 0 0)  B (1 1 -1 1)  C (0 -1 1 0)  D (0 1 0 1)
 * d_AC = 1 + 2 + 1 = 4; D: d_DA = 1 + 0 + 0 + 1 = 2, d_DC = 0 + 2 + 1 + 1 = 4 -> (4 - 2)/4 = 0.5.
 * B has ties into both poles: t_A = +1, t_C = -1 -> +1. */
static void align_profile_fallback(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
        " {\"id\": \"D\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
        " {\"source\": \"B\", \"target\": \"C\", \"weight\": -1},"
        " {\"source\": \"B\", \"target\": \"D\", \"weight\": 1}]}");
    allynet_align_options o;
    allynet_align_options_init(&o);
    o.pole_a = "A";
    o.pole_b = "C";
    json_t *j = NULL;
    assert_int_equal(allynet_align_compute(g, &o, &j, NULL), ALLYNET_OK);
    const json_t *actors = json_object_get(j, "actors");
    const json_t *b = json_array_get(actors, 1), *d = json_array_get(actors, 3);
    assert_close(num(b, "alignment"), 1, 1e-12);
    assert_string_equal(json_string_value(json_object_get(b, "basis")), "ties");
    assert_close(num(d, "alignment"), 0.5, 1e-12);
    assert_close(num(d, "profile_alignment"), 0.5, 1e-12);
    assert_string_equal(json_string_value(json_object_get(d, "basis")), "profile");
    assert_true(json_is_null(json_object_get(d, "tie_alignment")));
    json_decref(j);
    allynet_graph_free(g);
}

/* Default poles: the frustration blocs {A, B} and {C, D}; A and B lean to bloc 0. */
static void align_toward_blocs(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(four);
    allynet_align_options o;
    allynet_align_options_init(&o);
    json_t *j = NULL;
    assert_int_equal(allynet_align_compute(g, &o, &j, NULL), ALLYNET_OK);
    const json_t *actors = json_object_get(j, "actors");
    assert_true(num(json_array_get(actors, 0), "alignment") > 0);
    assert_true(num(json_array_get(actors, 1), "alignment") > 0);
    assert_true(num(json_array_get(actors, 2), "alignment") < 0);
    assert_true(num(json_array_get(actors, 3), "alignment") < 0);
    assert_close(num(j, "polarization.bloc_fit"), 1, 1e-12);
    json_decref(j);
    allynet_graph_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(k4_triangles_and_frustration),
        cmocka_unit_test(reciprocal_and_mixed_pairs),
        cmocka_unit_test(walk_index),
        cmocka_unit_test(frustration_matches_exhaustive_search),
        cmocka_unit_test(branch_and_bound_alone),
        cmocka_unit_test(budget_runs_out),
        cmocka_unit_test(degenerate_graphs),
        cmocka_unit_test(align_worked_example),
        cmocka_unit_test(align_profile_fallback),
        cmocka_unit_test(align_toward_blocs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
