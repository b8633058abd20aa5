/* test_communities.c — partitions on graphs with an obvious answer, the blocs criterion and
 * signed modularity against hand counts, canonical numbering, refusals. */
#include "testutil.h"

#include <math.h>
#include <string.h>

/* Two positive triangles {A,B,C} and {D,E,F} joined by negative ties A-D, B-E, C-F. */
static const char *two_blocs =
    "{\"directed\": false, \"nodes\": [{\"id\": \"F\"}, {\"id\": \"A\"}, {\"id\": \"E\"}, "
    "{\"id\": \"B\"}, {\"id\": \"D\"}, {\"id\": \"C\"}], \"edges\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
    "{\"source\": \"B\", \"target\": \"C\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"weight\": 1},"
    "{\"source\": \"D\", \"target\": \"E\", \"weight\": 1},"
    "{\"source\": \"E\", \"target\": \"F\", \"weight\": 1},"
    "{\"source\": \"D\", \"target\": \"F\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"D\", \"weight\": -1},"
    "{\"source\": \"B\", \"target\": \"E\", \"weight\": -1},"
    "{\"source\": \"C\", \"target\": \"F\", \"weight\": -1}]}";

static size_t group_of(const allynet_graph *g, const allynet_communities *c, const char *id) {
    long i = allynet_graph_find_actor(g, id);
    assert_true(i >= 0);
    return c->membership[i];
}

static void every_method_finds_two_blocs(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(two_blocs);
    for (int m = ALLYNET_COMM_LEIDEN; m <= ALLYNET_COMM_BLOCS; m++) {
        allynet_communities_options o;
        allynet_communities_options_init(&o);
        o.method = (allynet_comm_method)m;
        allynet_communities *c = NULL;
        allynet_error err = {0};
        assert_int_equal(allynet_communities_compute(g, &o, &c, &err), ALLYNET_OK);
        fprintf(stderr, "# %s: %zu groups\n", allynet_comm_method_name(c->method), c->count);
        assert_int_equal(c->count, 2);
        /* canonical numbering: the group holding A (the smallest id) is 0 */
        assert_int_equal(group_of(g, c, "A"), 0);
        assert_int_equal(group_of(g, c, "B"), 0);
        assert_int_equal(group_of(g, c, "C"), 0);
        assert_int_equal(group_of(g, c, "D"), 1);
        assert_int_equal(group_of(g, c, "E"), 1);
        assert_int_equal(group_of(g, c, "F"), 1);
        /* By hand: Q+ = 2 (3/6 - (6/12)^2) = 0.5; Q- = 2 (0 - (3/6)^2) = -0.5;
         * Q = (6 * 0.5 - 3 * (-0.5)) / (6 + 3) = 0.5. */
        assert_close(c->modularity, 0.5, 1e-12);
        assert_close(c->signed_modularity, 0.5, 1e-12);
        assert_close(c->criterion, 0.0, 0);
        allynet_communities_free(c);
    }
    allynet_graph_free(g);
}

/* The criterion counts by hand, over the symmetric adjacency matrix (each undirected tie twice):
 * everyone in one group puts the 3 negative ties inside (N = 2 * 3); {A,B,C,D} / {E,F} puts A-D
 * inside (N = 2 * 1) and D-E, D-F between (P = 2 * 2). */
static void criterion_by_hand(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(two_blocs);
    size_t n = allynet_graph_actor_count(g), mem[6];
    double neg, pos;
    memset(mem, 0, sizeof mem);
    assert_close(allynet_blocs_criterion(g, mem, 0.5, &neg, &pos), 3, 1e-12);
    assert_close(neg, 6, 0);
    assert_close(pos, 0, 0);
    for (size_t i = 0; i < n; i++) {
        const char *id = allynet_graph_actor(g, i)->id;
        mem[i] = strcmp(id, "E") == 0 || strcmp(id, "F") == 0;
    }
    assert_close(allynet_blocs_criterion(g, mem, 0.3, &neg, &pos), 0.3 * 2 + 0.7 * 4, 1e-12);
    assert_close(neg, 2, 0);
    assert_close(pos, 4, 0);
    /* Signed modularity of the one-group partition: Q+ = Q- = 0, so Q = 0. */
    double q, qp;
    memset(mem, 0, sizeof mem);
    assert_int_equal(allynet_signed_modularity(g, mem, &q, &qp, NULL), ALLYNET_OK);
    assert_close(q, 0, 1e-12);
    assert_close(qp, 0, 1e-12);
    allynet_graph_free(g);
}

/* Weighted, directed hand computation (Leicht-Newman modularity per sign):
 * A->B 2, B->A 2, C->D 1, A->C -1; groups {A,B} / {C,D}.
 * Q+ = 1/5 [(4 - (2+2)(2+2)/5) + (1 - 1*1/5)] = 8/25. The negative tie runs between groups and no
 * negative tie starts and ends in one group, so Q- = 0. Q = (5 * 8/25 - 1 * 0) / (5 + 1) = 4/15. */
static void signed_modularity_directed_by_hand(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
        " {\"id\": \"D\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 2},"
        "{\"source\": \"B\", \"target\": \"A\", \"weight\": 2},"
        "{\"source\": \"C\", \"target\": \"D\", \"weight\": 1},"
        "{\"source\": \"A\", \"target\": \"C\", \"weight\": -1}]}");
    size_t mem[4] = {0, 0, 1, 1};
    double q, qp;
    assert_int_equal(allynet_signed_modularity(g, mem, &q, &qp, NULL), ALLYNET_OK);
    assert_close(qp, 8.0 / 25, 1e-12);
    assert_close(q, 4.0 / 15, 1e-12);
    allynet_graph_free(g);
}

static void same_seed_same_output(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(two_blocs);
    allynet_communities_options o;
    allynet_communities_options_init(&o);
    o.k = 3;
    o.seed = 7;
    allynet_communities *a = NULL, *b = NULL;
    assert_int_equal(allynet_communities_compute(g, &o, &a, NULL), ALLYNET_OK);
    assert_int_equal(allynet_communities_compute(g, &o, &b, NULL), ALLYNET_OK);
    assert_int_equal(a->count, 3);
    assert_memory_equal(a->membership, b->membership, 6 * sizeof *a->membership);
    /* k = 3 must split a triangle: moving one actor out alone cuts its 2 positive ties, so the
     * best criterion is (1 - 0.5) * 2 * 2 = 2 (any other third group costs more). */
    assert_close(a->criterion, 2.0, 1e-12);
    allynet_communities_free(a);
    allynet_communities_free(b);
    allynet_graph_free(g);
}

static void refusals(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(two_blocs);
    allynet_communities_options o;
    allynet_communities_options_init(&o);
    allynet_communities *c = NULL;
    allynet_error err = {0};
    o.k = 7;
    assert_int_equal(allynet_communities_compute(g, &o, &c, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "more than the 6 actors"));
    assert_null(c);
    allynet_graph_free(g);
    g = allynet_test_parse("{\"directed\": false, \"nodes\": [], \"edges\": []}");
    allynet_communities_options_init(&o);
    allynet_error_clear(&err);
    assert_int_equal(allynet_communities_compute(g, &o, &c, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "no actors"));
    allynet_graph_free(g);
    g = allynet_test_parse("{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}],"
                           " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": -1}]}");
    o.method = ALLYNET_COMM_LEIDEN;
    allynet_error_clear(&err);
    assert_int_equal(allynet_communities_compute(g, &o, &c, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "positive ties"));
    o.method = ALLYNET_COMM_BLOCS; /* blocs reads the negative tie and splits the pair */
    assert_int_equal(allynet_communities_compute(g, &o, &c, NULL), ALLYNET_OK);
    assert_int_equal(c->count, 2);
    assert_true(isnan(c->modularity)); /* no positive ties: ordinary modularity is undefined */
    /* w+ = 0; Q- = 0 - 2 (1/2)^2 = -0.5 for {A} / {B}; Q = (0 - 1 * (-0.5)) / 1 = 0.5. */
    assert_close(c->signed_modularity, 0.5, 1e-12);
    allynet_communities_free(c);
    allynet_graph_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_method_finds_two_blocs),
        cmocka_unit_test(criterion_by_hand),
        cmocka_unit_test(signed_modularity_directed_by_hand),
        cmocka_unit_test(same_seed_same_output),
        cmocka_unit_test(refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
