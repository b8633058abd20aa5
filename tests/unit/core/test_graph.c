/* test_graph.c — the model: actors, aggregation per dyad, self-ties, merge, canonical order. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void aggregate_per_dyad(void **state) {
    (void)state;
    allynet_graph *g = allynet_graph_new(true);
    size_t rus, ven, idx;
    assert_int_equal(allynet_graph_add_actor(g, "RUS", "Russia", "state", &rus, NULL), ALLYNET_OK);
    assert_int_equal(allynet_graph_add_actor(g, "VEN", NULL, NULL, &ven, NULL), ALLYNET_OK);
    json_t *ev1 = json_pack("[{s:s, s:i, s:i}]", "doc", "d1", "start", 0, "end", 10);
    json_t *ev2 = json_pack("[{s:s, s:i, s:i}]", "doc", "d1", "start", 20, "end", 30);
    assert_int_equal(allynet_graph_add_tie(g, rus, ven, 3.4, "support", 1, ev1, &idx, NULL),
                     ALLYNET_OK);
    assert_int_equal(allynet_graph_add_tie(g, rus, ven, 6.0, "consult", 2, ev2, NULL, NULL),
                     ALLYNET_OK);
    assert_int_equal(allynet_graph_tie_count(g), 1);
    const allynet_tie *t = allynet_graph_tie(g, idx);
    assert_close(t->weight, 9.4, 1e-12);
    assert_int_equal(t->events, 3);
    assert_string_equal(t->relation, "support"); /* the first relation is kept */
    assert_int_equal(json_array_size(t->evidence), 2);
    /* The reverse direction is a different tie in a directed graph. */
    assert_int_equal(allynet_graph_add_tie(g, ven, rus, 1.0, NULL, 1, NULL, NULL, NULL),
                     ALLYNET_OK);
    assert_int_equal(allynet_graph_tie_count(g), 2);
    /* Adding an existing actor fills in what was missing and keeps the index. */
    size_t again;
    assert_int_equal(allynet_graph_add_actor(g, "VEN", "Venezuela", "state", &again, NULL),
                     ALLYNET_OK);
    assert_int_equal(again, ven);
    assert_string_equal(allynet_graph_actor(g, ven)->name, "Venezuela");
    allynet_graph_free(g);
}

static void undirected_folds_pairs(void **state) {
    (void)state;
    allynet_graph *g = allynet_graph_new(false);
    size_t a, b;
    allynet_graph_add_actor(g, "A", NULL, NULL, &a, NULL);
    allynet_graph_add_actor(g, "B", NULL, NULL, &b, NULL);
    assert_int_equal(allynet_graph_add_tie(g, a, b, 1, NULL, 1, NULL, NULL, NULL), ALLYNET_OK);
    assert_int_equal(allynet_graph_add_tie(g, b, a, -3, NULL, 1, NULL, NULL, NULL), ALLYNET_OK);
    assert_int_equal(allynet_graph_tie_count(g), 1);
    assert_close(allynet_graph_tie(g, 0)->weight, -2, 0);
    assert_int_equal(allynet_graph_find_tie(g, b, a), 0);
    allynet_graph_free(g);
}

static void rejects_bad_ties(void **state) {
    (void)state;
    allynet_graph *g = allynet_graph_new(true);
    size_t a, b;
    allynet_graph_add_actor(g, "A", NULL, NULL, &a, NULL);
    allynet_graph_add_actor(g, "B", NULL, NULL, &b, NULL);
    allynet_error err = {0};
    assert_int_equal(allynet_graph_add_tie(g, a, a, 1, NULL, 1, NULL, NULL, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "self-tie"));
    allynet_error_clear(&err);
    assert_int_equal(allynet_graph_add_tie(g, a, b, NAN, NULL, 1, NULL, NULL, &err),
                     ALLYNET_E_INPUT);
    allynet_error_clear(&err);
    assert_int_equal(allynet_graph_add_tie(g, a, b, INFINITY, NULL, 1, NULL, NULL, &err),
                     ALLYNET_E_INPUT);
    assert_int_equal(allynet_graph_add_tie(g, a, b, 1, NULL, 0, NULL, NULL, NULL), ALLYNET_E_INPUT);
    assert_int_equal(allynet_graph_add_tie(g, a, 9, 1, NULL, 1, NULL, NULL, NULL), ALLYNET_E_INPUT);
    assert_int_equal(allynet_graph_add_actor(g, "", NULL, NULL, NULL, NULL), ALLYNET_E_INPUT);
    assert_int_equal(allynet_graph_add_actor(g, "\xff\xfe", NULL, NULL, NULL, NULL),
                     ALLYNET_E_INPUT);
    assert_int_equal(allynet_graph_tie_count(g), 0); /* nothing changed */
    assert_int_equal(allynet_graph_actor_count(g), 2);
    allynet_graph_free(g);
}

static void merge_is_exact_sum(void **state) {
    (void)state;
    allynet_graph *x = allynet_test_parse(
        "{\"directed\":true,\"graph\":{\"sources\":[{\"id\":\"a\"}]},\"nodes\":[{\"id\":\"RUS\"},{"
        "\"id\":\"VEN\"}],"
        "\"edges\":[{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":3.4,\"events\":1}]}");
    allynet_graph *y = allynet_test_parse(
        "{\"directed\":true,\"graph\":{\"sources\":[{\"id\":\"b\"}]},\"nodes\":[{\"id\":\"USA\"},{"
        "\"id\":\"VEN\"},{\"id\":\"RUS\"}],"
        "\"edges\":[{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":1.5,\"events\":2},"
        "{\"source\":\"USA\",\"target\":\"VEN\",\"weight\":-9.2}]}");
    assert_int_equal(allynet_graph_merge(x, y, NULL), ALLYNET_OK);
    assert_int_equal(allynet_graph_actor_count(x), 3);
    assert_int_equal(allynet_graph_tie_count(x), 2);
    long rv = allynet_graph_find_tie(x, (size_t)allynet_graph_find_actor(x, "RUS"),
                                     (size_t)allynet_graph_find_actor(x, "VEN"));
    assert_true(rv >= 0);
    assert_close(allynet_graph_tie(x, (size_t)rv)->weight, 4.9, 1e-12);
    assert_int_equal(allynet_graph_tie(x, (size_t)rv)->events, 3);
    assert_int_equal(json_array_size(json_object_get(allynet_graph_meta(x), "sources")), 2);
    allynet_graph *u = allynet_graph_new(false);
    assert_int_equal(allynet_graph_merge(x, u, NULL), ALLYNET_E_INPUT);
    allynet_graph_free(u);
    allynet_graph_free(x);
    allynet_graph_free(y);
}

static void sort_is_canonical(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\":true,\"nodes\":[{\"id\":\"VEN\"},{\"id\":\"CUB\"},{\"id\":\"RUS\"}],"
        "\"edges\":[{\"source\":\"VEN\",\"target\":\"CUB\",\"weight\":1},"
        "{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":2},{\"source\":\"CUB\",\"target\":"
        "\"VEN\",\"weight\":3}]}");
    assert_int_equal(allynet_graph_sort(g, NULL), ALLYNET_OK);
    assert_string_equal(allynet_graph_actor(g, 0)->id, "CUB");
    assert_string_equal(allynet_graph_actor(g, 2)->id, "VEN");
    const allynet_tie *t = allynet_graph_tie(g, 0);
    assert_string_equal(allynet_graph_actor(g, t->source)->id, "CUB");
    assert_close(t->weight, 3, 0);
    assert_close(allynet_graph_tie(g, 2)->weight, 1, 0);
    assert_int_equal(allynet_graph_find_actor(g, "RUS"), 1);
    assert_int_equal(allynet_graph_find_tie(g, 1, 2), 1);
    allynet_graph_free(g);
}

/* Sorting many ties: the order is (source, target) and every tie can still be found, when the
 * actors are already in order and when they are not, directed and undirected. */
static void sort_many_ties(void **state) {
    (void)state;
    for (int variant = 0; variant < 4; variant++) {
        bool directed = variant < 2, shuffled_ids = variant % 2;
        allynet_graph *g = allynet_graph_new(directed);
        enum { N = 300 };
        for (int i = 0; i < N; i++) {
            char id[16];
            snprintf(id, sizeof id, "A%03d", shuffled_ids ? (i * 7) % N : i);
            assert_int_equal(allynet_graph_add_actor(g, id, NULL, NULL, NULL, NULL), ALLYNET_OK);
        }
        unsigned r = 1;
        for (int k = 0; k < 5000; k++) {
            r = r * 1103515245u + 12345u;
            size_t s = (r >> 8) % N, t = (r >> 20) % N;
            if (k % 7 == 0) {
                s = 5; /* a hub: many ties from one actor */
            }
            if (s != t) {
                assert_int_equal(allynet_graph_add_tie(g, s, t, (double)(k % 9) - 4.5, NULL, 1,
                                                       NULL, NULL, NULL),
                                 ALLYNET_OK);
            }
        }
        size_t m = allynet_graph_tie_count(g);
        double total = 0;
        for (size_t i = 0; i < m; i++) {
            total += allynet_graph_tie(g, i)->weight;
        }
        assert_int_equal(allynet_graph_sort(g, NULL), ALLYNET_OK);
        assert_int_equal(allynet_graph_tie_count(g), m);
        double after = 0;
        for (size_t i = 0; i < m; i++) {
            const allynet_tie *t = allynet_graph_tie(g, i);
            after += t->weight;
            assert_int_equal(allynet_graph_find_tie(g, t->source, t->target), (long)i);
            if (!directed) {
                assert_true(t->source < t->target);
            }
            if (i > 0) {
                const allynet_tie *p = allynet_graph_tie(g, i - 1);
                assert_true(p->source < t->source ||
                            (p->source == t->source && p->target < t->target));
            }
        }
        assert_close(after, total, 1e-9);
        for (size_t i = 1; i < N; i++) {
            assert_true(strcmp(allynet_graph_actor(g, i - 1)->id, allynet_graph_actor(g, i)->id) <
                        0);
        }
        allynet_graph_free(g);
    }
}

/* Merging ties that carry a mix of relation categories sums the mixes and settles the relation
 * on the weightiest; a tie without a mix keeps its relation and attributes. */
static void merge_sums_relation_mixes(void **state) {
    (void)state;
    allynet_graph *x = allynet_test_parse(
        "{\"directed\":true,\"nodes\":[{\"id\":\"RUS\"},{\"id\":\"VEN\"},{\"id\":\"CUB\"}],"
        "\"edges\":[{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":3,\"relation\":"
        "\"consult\",\"relations\":{\"consult\":2,\"support\":1}},"
        "{\"source\":\"CUB\",\"target\":\"VEN\",\"weight\":1,\"relation\":\"alliance\"}]}");
    allynet_graph *y = allynet_test_parse(
        "{\"directed\":true,\"nodes\":[{\"id\":\"RUS\"},{\"id\":\"VEN\"},{\"id\":\"CUB\"}],"
        "\"edges\":[{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":4,\"relation\":"
        "\"support\",\"relations\":{\"support\":4}},"
        "{\"source\":\"CUB\",\"target\":\"VEN\",\"weight\":9,\"relation\":\"support\","
        "\"relations\":{\"support\":9}}]}");
    assert_int_equal(allynet_graph_merge(x, y, NULL), ALLYNET_OK);
    const allynet_tie *t = allynet_graph_tie(x, (size_t)allynet_graph_find_tie(x, 0, 1));
    assert_string_equal(t->relation, "support"); /* 1 + 4 outweighs 2 */
    const json_t *mix = json_object_get(t->attrs, "relations");
    assert_close(json_number_value(json_object_get(mix, "support")), 5, 0);
    assert_close(json_number_value(json_object_get(mix, "consult")), 2, 0);
    t = allynet_graph_tie(x, (size_t)allynet_graph_find_tie(x, 2, 1));
    assert_string_equal(t->relation, "alliance"); /* no mix on x's side: kept */
    allynet_graph_free(x);
    allynet_graph_free(y);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(aggregate_per_dyad),        cmocka_unit_test(undirected_folds_pairs),
        cmocka_unit_test(rejects_bad_ties),          cmocka_unit_test(merge_is_exact_sum),
        cmocka_unit_test(sort_is_canonical),         cmocka_unit_test(sort_many_ties),
        cmocka_unit_test(merge_sums_relation_mixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
