/* test_compare.c — compare on hand-made graphs (every kind of tie change, Jaccard, weighted
 * Jaccard, L1 and Frobenius worked out by hand), thresholds, mixed directedness, no common
 * actors, and bloc matching (a permuted membership matches with no defection). */
#include "testutil.h"

#include "series/figures.h"

#include <math.h>
#include <string.h>

/* Undirected. Dyads over the union (A..F): AB +2 -> +4 (strengthened), AC -3 -> +1 (flipped),
 * BC +1 -> +1.5 (unchanged at threshold 1), BD -5 -> gone (removed; D left), BF -6 -> -3
 * (weakened), CD +4 -> gone (removed), CE new -2 (added; E entered). */
static const char *graph_a =
    "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}, "
    "{\"id\": \"D\"}, {\"id\": \"F\"}], \"edges\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"weight\": 2},"
    "{\"source\": \"C\", \"target\": \"A\", \"weight\": -3},"
    "{\"source\": \"B\", \"target\": \"C\", \"weight\": 1},"
    "{\"source\": \"C\", \"target\": \"D\", \"weight\": 4},"
    "{\"source\": \"B\", \"target\": \"D\", \"weight\": -5},"
    "{\"source\": \"B\", \"target\": \"F\", \"weight\": -6}]}";
static const char *graph_b =
    "{\"directed\": false, \"nodes\": [{\"id\": \"F\"}, {\"id\": \"E\"}, {\"id\": \"C\"}, "
    "{\"id\": \"B\"}, {\"id\": \"A\"}], \"edges\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"weight\": 4},"
    "{\"source\": \"A\", \"target\": \"C\", \"weight\": 1},"
    "{\"source\": \"C\", \"target\": \"B\", \"weight\": 1.5},"
    "{\"source\": \"C\", \"target\": \"E\", \"weight\": -2},"
    "{\"source\": \"F\", \"target\": \"B\", \"weight\": -3}]}";

static json_t *run_compare(const char *ja, const char *jb, const allynet_compare_options *opt) {
    allynet_graph *a = allynet_test_parse(ja), *b = allynet_test_parse(jb);
    json_t *doc = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_compare_run(a, b, opt, &doc, &err), ALLYNET_OK);
    assert_non_null(doc);
    allynet_graph_free(a);
    allynet_graph_free(b);
    return doc;
}

static double num(const json_t *o, const char *key) {
    const json_t *v = json_object_get(o, key);
    assert_true(json_is_number(v));
    return json_number_value(v);
}

static const json_t *edge_list(const json_t *doc, const char *kind) {
    return json_object_get(json_object_get(doc, "edges"), kind);
}

static void assert_edge(const json_t *doc, const char *kind, size_t i, const char *s,
                        const char *t) {
    const json_t *e = json_array_get(edge_list(doc, kind), i);
    assert_non_null(e);
    assert_string_equal(json_string_value(json_object_get(e, "source")), s);
    assert_string_equal(json_string_value(json_object_get(e, "target")), t);
}

static void tie_changes(void **state) {
    (void)state;
    json_t *doc = run_compare(graph_a, graph_b, NULL);
    assert_int_equal(json_array_size(edge_list(doc, "added")), 1);
    assert_edge(doc, "added", 0, "C", "E");
    assert_int_equal(json_array_size(edge_list(doc, "removed")), 2);
    assert_edge(doc, "removed", 0, "B", "D");
    assert_edge(doc, "removed", 1, "C", "D");
    assert_int_equal(json_array_size(edge_list(doc, "sign_flipped")), 1);
    assert_edge(doc, "sign_flipped", 0, "A", "C");
    assert_int_equal(json_array_size(edge_list(doc, "strengthened")), 1);
    assert_edge(doc, "strengthened", 0, "A", "B");
    assert_int_equal(json_array_size(edge_list(doc, "weakened")), 1);
    assert_edge(doc, "weakened", 0, "B", "F");
    const json_t *w = json_array_get(edge_list(doc, "weakened"), 0);
    assert_close(num(w, "weight_a"), -6, 1e-12);
    assert_close(num(w, "weight_b"), -3, 1e-12);
    assert_close(num(w, "delta"), 3, 1e-12);
    assert_true(
        json_is_null(json_object_get(json_array_get(edge_list(doc, "added"), 0), "weight_a")));
    const json_t *s = json_object_get(doc, "summary");
    assert_close(num(s, "unchanged"), 1, 0);
    assert_close(num(s, "dyads"), 7, 0);
    assert_close(num(s, "actors_common"), 4, 0);
    json_decref(doc);
}

static void distances_by_hand(void **state) {
    (void)state;
    json_t *doc = run_compare(graph_a, graph_b, NULL);
    const json_t *d = json_object_get(doc, "distance");
    /* positive sets {AB, BC, CD} and {AB, AC, BC}: 2 shared of 4 */
    assert_close(num(d, "jaccard_pos"), 0.5, 1e-12);
    /* negative sets {AC, BD, BF} and {BF, CE}: 1 shared of 4 */
    assert_close(num(d, "jaccard_neg"), 0.75, 1e-12);
    /* positive magnitudes: sum min = 2 + 0 + 1 + 0 = 3, sum max = 4 + 1 + 1.5 + 4 = 10.5 */
    assert_close(num(d, "weighted_jaccard_pos"), 1 - 3 / 10.5, 1e-12);
    /* negative: sum min = 0 + 0 + 3 + 0 = 3, sum max = 3 + 5 + 6 + 2 = 16 */
    assert_close(num(d, "weighted_jaccard_neg"), 1 - 3 / 16.0, 1e-12);
    assert_close(num(d, "weighted_jaccard"), 1 - 6 / 26.5, 1e-12);
    /* sum |a - b| = 2 + 4 + 0.5 + 5 + 3 + 4 + 2 = 20.5, twice in a symmetric matrix;
     * sum |a| = 21, sum |b| = 11.5 */
    assert_close(num(d, "l1"), 41, 1e-12);
    assert_close(num(d, "l1_normalized"), 20.5 / 32.5, 1e-12);
    /* sum (a - b)^2 = 74.25; sum a^2 = 91, sum b^2 = 32.25 */
    assert_close(num(d, "frobenius"), sqrt(148.5), 1e-12);
    assert_close(num(d, "frobenius_normalized"), sqrt(74.25) / (sqrt(91) + sqrt(32.25)), 1e-12);
    json_decref(doc);
}

static const json_t *find_actor(const json_t *doc, const char *id) {
    const json_t *arr = json_object_get(doc, "actors");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        if (strcmp(json_string_value(json_object_get(json_array_get(arr, i), "id")), id) == 0) {
            return json_array_get(arr, i);
        }
    }
    fail_msg("actor %s missing", id);
    return NULL;
}

static void actor_deltas(void **state) {
    (void)state;
    json_t *doc = run_compare(graph_a, graph_b, NULL);
    assert_int_equal(json_array_size(json_object_get(doc, "actors")), 6);
    assert_string_equal(json_string_value(json_object_get(find_actor(doc, "D"), "status")), "left");
    assert_string_equal(json_string_value(json_object_get(find_actor(doc, "E"), "status")),
                        "entered");
    const json_t *m = json_object_get(find_actor(doc, "B"), "metrics");
    const json_t *deg = json_object_get(m, "degree"), *sp = json_object_get(m, "strength_pos");
    const json_t *sn = json_object_get(m, "strength_neg");
    assert_close(num(deg, "a"), 4, 0);
    assert_close(num(deg, "b"), 3, 0);
    assert_close(num(deg, "delta"), -1, 0);
    assert_close(num(sp, "a"), 3, 1e-12);
    assert_close(num(sp, "b"), 5.5, 1e-12);
    assert_close(num(sn, "a"), -11, 1e-12);
    assert_close(num(sn, "b"), -3, 1e-12);
    /* B has the largest degree in A (4) and in B (3, shared with C: A 2, C 3, E 1, F 1). */
    assert_close(num(deg, "rank_a"), 1, 0);
    assert_close(num(deg, "rank_b"), 1, 0);
    assert_close(
        num(json_object_get(json_object_get(find_actor(doc, "C"), "metrics"), "degree"), "rank_b"),
        1, 0);
    assert_close(
        num(json_object_get(json_object_get(find_actor(doc, "A"), "metrics"), "degree"), "rank_b"),
        3, 0);
    assert_true(json_is_null(json_object_get(
        json_object_get(json_object_get(find_actor(doc, "D"), "metrics"), "degree"), "b")));
    json_decref(doc);
}

static void thresholds(void **state) {
    (void)state;
    /* 50% of the larger magnitude: AB (2 of 4) and BF (3 of 6) pass, BC (0.5 of 1.5) not. */
    allynet_compare_options rel = {0.5, true, 42, ALLYNET_COMM_LEIDEN};
    json_t *doc = run_compare(graph_a, graph_b, &rel);
    assert_int_equal(json_array_size(edge_list(doc, "strengthened")), 1);
    assert_int_equal(json_array_size(edge_list(doc, "weakened")), 1);
    json_decref(doc);
    /* absolute 2.5: AB (2) no longer counts, BF (3) does. */
    allynet_compare_options abs = {2.5, false, 42, ALLYNET_COMM_LEIDEN};
    doc = run_compare(graph_a, graph_b, &abs);
    assert_int_equal(json_array_size(edge_list(doc, "strengthened")), 0);
    assert_int_equal(json_array_size(edge_list(doc, "weakened")), 1);
    json_decref(doc);
    /* 0: every change of magnitude counts, BC included. */
    allynet_compare_options zero = {0, false, 42, ALLYNET_COMM_LEIDEN};
    doc = run_compare(graph_a, graph_b, &zero);
    assert_int_equal(json_array_size(edge_list(doc, "strengthened")), 2);
    json_decref(doc);
    /* A negative threshold is refused. */
    allynet_graph *a = allynet_test_parse(graph_a);
    allynet_compare_options bad = {-1, false, 42, ALLYNET_COMM_LEIDEN};
    json_t *out = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_compare_run(a, a, &bad, &out, &err), ALLYNET_E_USAGE);
    assert_null(out);
    allynet_graph_free(a);
}

static void directed_and_mixed(void **state) {
    (void)state;
    const char *two_way = "{\"directed\": true, \"nodes\": [{\"id\": \"X\"}, {\"id\": \"Y\"}], "
                          "\"edges\": [{\"source\": \"X\", \"target\": \"Y\", \"weight\": 1},"
                          "{\"source\": \"Y\", \"target\": \"X\", \"weight\": 1}]}";
    const char *one_way = "{\"directed\": true, \"nodes\": [{\"id\": \"X\"}, {\"id\": \"Y\"}], "
                          "\"edges\": [{\"source\": \"X\", \"target\": \"Y\", \"weight\": 1}]}";
    const char *undirected = "{\"directed\": false, \"nodes\": [{\"id\": \"X\"}, {\"id\": \"Y\"}], "
                             "\"edges\": [{\"source\": \"Y\", \"target\": \"X\", \"weight\": 1}]}";
    json_t *doc = run_compare(two_way, one_way, NULL);
    assert_true(json_is_true(json_object_get(doc, "directed")));
    assert_int_equal(json_array_size(edge_list(doc, "removed")), 1);
    assert_edge(doc, "removed", 0, "Y", "X");
    json_decref(doc);
    /* Against an undirected snapshot the reciprocal pair sums to one dyad of weight 2. */
    doc = run_compare(two_way, undirected, NULL);
    assert_true(json_is_false(json_object_get(doc, "directed")));
    assert_int_equal(json_array_size(edge_list(doc, "weakened")), 1);
    assert_edge(doc, "weakened", 0, "X", "Y");
    assert_close(num(json_array_get(edge_list(doc, "weakened"), 0), "weight_a"), 2, 0);
    json_decref(doc);
}

static void no_common_actors(void **state) {
    (void)state;
    const char *pq = "{\"directed\": false, \"nodes\": [{\"id\": \"P\"}, {\"id\": \"Q\"}], "
                     "\"edges\": [{\"source\": \"P\", \"target\": \"Q\", \"weight\": 1}]}";
    const char *rs = "{\"directed\": false, \"nodes\": [{\"id\": \"R\"}, {\"id\": \"S\"}], "
                     "\"edges\": [{\"source\": \"R\", \"target\": \"S\", \"weight\": -1}]}";
    json_t *doc = run_compare(pq, rs, NULL);
    const json_t *c = json_object_get(doc, "communities"), *d = json_object_get(doc, "distance");
    assert_true(json_is_string(json_object_get(c, "reason")));
    assert_true(json_is_null(json_object_get(c, "nmi")));
    assert_close(num(c, "common_actors"), 0, 0);
    assert_close(num(d, "jaccard_pos"), 1, 0);
    assert_close(num(d, "jaccard_neg"), 1, 0);
    assert_close(num(d, "l1_normalized"), 1, 1e-12);
    /* disjoint supports: sqrt(1 + 1) / (1 + 1) */
    assert_close(num(d, "frobenius_normalized"), sqrt(2) / 2, 1e-12);
    json_decref(doc);
    /* Two empty snapshots: nothing changed, distances 0. */
    const char *empty = "{\"directed\": true, \"nodes\": [], \"edges\": []}";
    doc = run_compare(empty, empty, NULL);
    d = json_object_get(doc, "distance");
    assert_close(num(d, "jaccard_pos"), 0, 0);
    assert_close(num(d, "frobenius_normalized"), 0, 0);
    assert_int_equal(json_array_size(json_object_get(doc, "actors")), 0);
    json_decref(doc);
}

/* Two triangles of allies joined by a hostile tie; B lists the same ties with the actors in
 * reverse order, so the partition finds the same blocs under other labels. */
static void permuted_blocs_match(void **state) {
    (void)state;
    const char *a = "{\"directed\": false, \"nodes\": [{\"id\": \"A1\"}, {\"id\": \"A2\"}, "
                    "{\"id\": \"A3\"}, {\"id\": \"B1\"}, {\"id\": \"B2\"}, {\"id\": \"B3\"}], "
                    "\"edges\": [{\"source\": \"A1\", \"target\": \"A2\", \"weight\": 3},"
                    "{\"source\": \"A2\", \"target\": \"A3\", \"weight\": 3},"
                    "{\"source\": \"A1\", \"target\": \"A3\", \"weight\": 3},"
                    "{\"source\": \"B1\", \"target\": \"B2\", \"weight\": 3},"
                    "{\"source\": \"B2\", \"target\": \"B3\", \"weight\": 3},"
                    "{\"source\": \"B1\", \"target\": \"B3\", \"weight\": 3},"
                    "{\"source\": \"A1\", \"target\": \"B1\", \"weight\": -2}]}";
    const char *b = "{\"directed\": false, \"nodes\": [{\"id\": \"B3\"}, {\"id\": \"B2\"}, "
                    "{\"id\": \"B1\"}, {\"id\": \"A3\"}, {\"id\": \"A2\"}, {\"id\": \"A1\"}], "
                    "\"edges\": [{\"source\": \"B3\", \"target\": \"B1\", \"weight\": 3},"
                    "{\"source\": \"B3\", \"target\": \"B2\", \"weight\": 3},"
                    "{\"source\": \"B2\", \"target\": \"B1\", \"weight\": 3},"
                    "{\"source\": \"A3\", \"target\": \"A1\", \"weight\": 3},"
                    "{\"source\": \"A3\", \"target\": \"A2\", \"weight\": 3},"
                    "{\"source\": \"A2\", \"target\": \"A1\", \"weight\": 3},"
                    "{\"source\": \"B1\", \"target\": \"A1\", \"weight\": -2}]}";
    json_t *doc = run_compare(a, b, NULL);
    const json_t *c = json_object_get(doc, "communities");
    assert_close(num(c, "blocs_a"), 2, 0);
    assert_close(num(c, "nmi"), 1, 1e-12);
    assert_close(num(c, "vi"), 0, 1e-12);
    assert_close(num(c, "adjusted_rand"), 1, 1e-12);
    assert_close(num(c, "split_join"), 0, 0);
    assert_int_equal(json_array_size(json_object_get(c, "defections")), 0);
    assert_close(num(find_actor(doc, "B2"), "bloc_a"), num(find_actor(doc, "B2"), "bloc_b"), 0);
    assert_int_equal(json_object_size(json_object_get(doc, "edges")), 5);
    assert_close(num(json_object_get(doc, "summary"), "unchanged"), 7, 0);
    json_decref(doc);
}

static void hungarian_matching(void **state) {
    (void)state;
    long a[] = {0, 0, 1, 1, 2, 2}, b[] = {2, 2, 0, 0, 1, 1}, map[3];
    assert_int_equal(allynet__bloc_match(a, 3, b, 3, 6, map, NULL), ALLYNET_OK);
    assert_int_equal(map[2], 0);
    assert_int_equal(map[0], 1);
    assert_int_equal(map[1], 2);
    /* B splits A's bloc 1: the larger part keeps the label, the other gets a new one. */
    long a2[] = {0, 0, 0, 1, 1, 1}, b2[] = {2, 2, 2, 0, 0, 1}, map2[3];
    assert_int_equal(allynet__bloc_match(a2, 2, b2, 3, 6, map2, NULL), ALLYNET_OK);
    assert_int_equal(map2[2], 0);
    assert_int_equal(map2[0], 1);
    assert_int_equal(map2[1], 2);
    /* Greedy would pair b0 with a0 (3 shared) and lose; the optimum pairs b0-a1, b1-a0. */
    long a3[] = {0, 0, 0, 1, 1, 1, 1}, b3[] = {0, 0, 1, 0, 0, 0, 1}, map3[2];
    assert_int_equal(allynet__bloc_match(a3, 2, b3, 2, 7, map3, NULL), ALLYNET_OK);
    assert_int_equal(map3[0], 1);
    assert_int_equal(map3[1], 0);
}

/* The total overlap a matching achieves (map from allynet__bloc_match). */
static long overlap(const long *a, size_t ka, const long *b, size_t n, const long *map) {
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        total += map[b[i]] < (long)ka && map[b[i]] == a[i];
    }
    return total;
}

/* Matching by pieces (many blocs) finds a maximum overlap as the dense assignment does, on
 * random partitions; each bloc of b is matched once and the others get new labels. */
static void sparse_matching_is_maximal(void **state) {
    (void)state;
    enum { N = 300 };
    long a[N], b[N], dense[N], sparse[N];
    uint64_t r = 7;
    for (int trial = 0; trial < 40; trial++) {
        size_t ka = 1 + trial % 25, kb = 1 + (trial * 7) % 30;
        for (size_t i = 0; i < N; i++) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            a[i] = (long)((r >> 33) % ka);
            b[i] = (long)((r >> 13) % kb);
            b[i] = trial % 3 == 0 && i % 4 ? a[i] % (long)kb : b[i]; /* overlapping blocs */
        }
        assert_int_equal(allynet__bloc_match(a, ka, b, kb, N, dense, NULL), ALLYNET_OK);
        assert_int_equal(allynet__bloc_match_sparse(a, ka, b, kb, N, sparse, NULL), ALLYNET_OK);
        long seen[64] = {0};
        for (size_t j = 0; j < kb; j++) {
            sparse[j] = sparse[j] < 0 ? (long)ka + 40 : sparse[j]; /* unmatched: no overlap */
            assert_true(sparse[j] >= (long)ka || seen[sparse[j]]++ == 0);
        }
        assert_int_equal(overlap(a, ka, b, N, sparse), overlap(a, ka, b, N, dense));
    }
    /* 3000 singletons each way (past the dense limit): every bloc matched to its own. */
    enum { M = 3000 };
    static long x[M], y[M], map[M];
    for (long i = 0; i < M; i++) {
        x[i] = i;
        y[i] = M - 1 - i;
    }
    assert_int_equal(allynet__bloc_match(x, M, y, M, M, map, NULL), ALLYNET_OK);
    for (long j = 0; j < M; j++) {
        assert_int_equal(map[j], M - 1 - j);
    }
}

static void partition_measures(void **state) {
    (void)state;
    /* Values from python-igraph's compare_communities on the same memberships. */
    long a[] = {0, 0, 0, 1, 1, 1}, b[] = {0, 0, 1, 1, 2, 2};
    allynet__partition_cmp p;
    assert_int_equal(allynet__partition_compare(a, b, 6, &p, NULL), ALLYNET_OK);
    assert_close(p.nmi, 0.5158037429793889, 1e-9);
    assert_close(p.vi, 0.8675632284814612, 1e-9);
    assert_close(p.rand, 0.6666666666666665, 1e-9);
    assert_close(p.adjusted_rand, 0.242424242424242, 1e-9);
    assert_int_equal(p.split_join, 3);
    /* One item: Rand indices are undefined. */
    long one[] = {0};
    assert_int_equal(allynet__partition_compare(one, one, 1, &p, NULL), ALLYNET_OK);
    assert_true(isnan(p.adjusted_rand));
}

/* Above 2000 actors the dense centralities are skipped: degree and strengths stay exact. */
static void large_snapshot(void **state) {
    (void)state;
    allynet_graph *g = allynet_graph_new(false);
    char id[16];
    for (int i = 0; i < 2100; i++) {
        snprintf(id, sizeof id, "A%04d", i);
        assert_int_equal(allynet_graph_add_actor(g, id, NULL, NULL, NULL, NULL), ALLYNET_OK);
    }
    for (size_t i = 0; i + 1 < 2100; i++) {
        double w = i % 3 == 0 ? -1.5 : 2.0;
        assert_int_equal(allynet_graph_add_tie(g, i, i + 1, w, NULL, 1, NULL, NULL, NULL),
                         ALLYNET_OK);
    }
    json_t *doc = NULL;
    assert_int_equal(allynet_compare_run(g, g, NULL, &doc, NULL), ALLYNET_OK);
    const json_t *m = json_object_get(find_actor(doc, "A0001"), "metrics");
    assert_close(num(json_object_get(m, "degree"), "a"), 2, 0);
    assert_close(num(json_object_get(m, "strength_pos"), "a"), 2.0, 0);
    assert_close(num(json_object_get(m, "strength_neg"), "a"), -1.5, 0);
    assert_true(json_is_null(json_object_get(json_object_get(m, "betweenness"), "a")));
    assert_close(num(json_object_get(doc, "summary"), "unchanged"), 2099, 0);
    json_decref(doc);
    allynet_graph_free(g);
}

int main(void) {
    allynet_igraph_setup(42);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tie_changes),
        cmocka_unit_test(distances_by_hand),
        cmocka_unit_test(actor_deltas),
        cmocka_unit_test(thresholds),
        cmocka_unit_test(directed_and_mixed),
        cmocka_unit_test(no_common_actors),
        cmocka_unit_test(permuted_blocs_match),
        cmocka_unit_test(hungarian_matching),
        cmocka_unit_test(sparse_matching_is_maximal),
        cmocka_unit_test(partition_measures),
        cmocka_unit_test(large_snapshot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
