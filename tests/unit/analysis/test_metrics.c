/* test_metrics.c — per-actor metrics on small graphs computed by hand: PN centrality (exact
 * fractions), the signed eigenvector, path metrics on lengths 1/|w|, weight treatment records. */
#include "testutil.h"

#include <math.h>
#include <string.h>

/* Path A+B, B-C (binary). n = 3, 2n-2 = 4, A = P - 2N: solving (I - A/4) x = 1 by hand gives
 * x = (14/11, 12/11, 5/11). */
static const char *path_signed =
    "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
    " {\"id\": \"C\"}], \"edges\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
    "{\"source\": \"B\", \"target\": \"C\", \"weight\": -1}]}";

/* PN centrality of a three-actor graph equals (a, b, c); frees g. */
static void assert_pn(allynet_graph *g, double a, double b, double c) {
    double x[3];
    assert_int_equal(allynet_pn_centrality(g, x, NULL), ALLYNET_OK);
    assert_close(x[0], a, 1e-12);
    assert_close(x[1], b, 1e-12);
    assert_close(x[2], c, 1e-12);
    allynet_graph_free(g);
}

static void pn_binary_by_hand(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(path_signed);
    assert_pn(g, 14.0 / 11, 12.0 / 11, 5.0 / 11);
}

/* Weights 4 and -2 scale to P_AB = 1, N_BC = 0.5, so A_BC = -1: by hand x = (9/7, 8/7, 5/7). */
static void pn_weighted_by_hand(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}],"
        " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 4},"
        "{\"source\": \"B\", \"target\": \"C\", \"weight\": -2}]}");
    assert_pn(g, 9.0 / 7, 8.0 / 7, 5.0 / 7);
}

/* A directed pair's two ties are added: A->B 2 and B->A 2 give P_AB = 4; B->C -4 gives N_BC = 4;
 * after scaling by 4 this is the binary case again. */
static void pn_directed_pairs_added(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}],"
        " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 2},"
        "{\"source\": \"B\", \"target\": \"A\", \"weight\": 2},"
        "{\"source\": \"B\", \"target\": \"C\", \"weight\": -4}]}");
    assert_pn(g, 14.0 / 11, 12.0 / 11, 5.0 / 11);
}

/* Two actors joined by one negative tie: I - A/2 = [[1, 1], [1, 1]] is singular. */
static void pn_singular_is_refused(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_parse("{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}],"
                           " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": -3}]}");
    double x[2];
    allynet_error err = {0};
    assert_int_equal(allynet_pn_centrality(g, x, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "singular"));
    allynet_graph_free(g);
}

/* Balanced triangle A+B, A-C, B-C: switching C's sign makes it the all-positive triangle, so the
 * dominant eigenvalue is 2 with eigenvector (1, 1, -1). */
static void signed_eigenvector_balanced_triangle(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}],"
        " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
        "{\"source\": \"A\", \"target\": \"C\", \"weight\": -1},"
        "{\"source\": \"B\", \"target\": \"C\", \"weight\": -1}]}");
    double x[3], lambda = 0;
    assert_int_equal(allynet_signed_eigenvector(g, x, &lambda, NULL), ALLYNET_OK);
    assert_close(lambda, 2.0, 1e-12);
    assert_close(x[0], 1.0, 1e-12);
    assert_close(x[1], 1.0, 1e-12);
    assert_close(x[2], -1.0, 1e-12);
    allynet_graph_free(g);
}

/* The signed path A+B, B-C has eigenvalues +-sqrt 2 and 0: no unique dominant one. */
static void signed_eigenvector_refuses_ties(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(path_signed);
    double x[3], lambda = 0;
    allynet_error err = {0};
    assert_int_equal(allynet_signed_eigenvector(g, x, &lambda, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "no unique dominant"));
    allynet_graph_free(g);
}

/* Path A -(2)- B -(4)- C plus isolate D, and a zero tie C-D and a negative tie A-C:
 * lengths 1/2 and 1/4. B lies on the one shortest A-C path. */
static const char *small = "{\"directed\": false, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}, "
                           "{\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"edges\": ["
                           "{\"source\": \"A\", \"target\": \"B\", \"weight\": 2},"
                           "{\"source\": \"B\", \"target\": \"C\", \"weight\": 4},"
                           "{\"source\": \"C\", \"target\": \"D\", \"weight\": 0},"
                           "{\"source\": \"A\", \"target\": \"C\", \"weight\": -5}]}";

static void paths_on_lengths(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(small);
    allynet_metrics *m = NULL;
    assert_int_equal(allynet_metrics_compute(g, NULL, &m, NULL), ALLYNET_OK);
    const allynet_actor_metrics *a = &m->actors[0], *b = &m->actors[1], *d = &m->actors[3];
    assert_close(b->betweenness, 1.0, 1e-12);
    assert_close(a->betweenness, 0.0, 1e-12);
    /* A reaches B at 1/2 and C at 3/4: closeness = 1 / mean = 2 / 1.25. */
    assert_close(a->closeness, 2.0 / 1.25, 1e-12);
    /* harmonic: (2 + 4/3) / (n - 1 = 4). */
    assert_close(a->harmonic, (2.0 + 4.0 / 3) / 4, 1e-12);
    assert_true(isnan(d->closeness)); /* D reaches nobody on positive ties */
    assert_int_equal(a->degree, 2);
    assert_close(a->strength_pos, 2.0, 0);
    assert_close(a->strength_neg, -5.0, 0);
    assert_int_equal(d->degree, 1); /* the zero tie counts for degree */
    /* The treatment says what was left out and why. */
    json_t *t = json_object_get(m->treatment, "betweenness");
    assert_string_equal(json_string_value(json_object_get(t, "reads")), "length");
    assert_string_equal(json_string_value(json_object_get(t, "ties")), "positive");
    json_t *ex = json_object_get(t, "ties_excluded");
    assert_int_equal(json_integer_value(json_object_get(ex, "zero_weight")), 1);
    assert_int_equal(json_integer_value(json_object_get(ex, "other_sign")), 1);
    assert_int_equal(json_integer_value(json_object_get(t, "ties_used")), 2);
    allynet_metrics_free(m);
    allynet_graph_free(g);
}

/* With --ties negative, the conflict tie A-C (|w| = 5) is the only one read. */
static void negative_selection(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(small);
    allynet_metrics_options o;
    allynet_metrics_options_init(&o);
    o.ties = ALLYNET_SELECT_NEGATIVE;
    allynet_metrics *m = NULL;
    assert_int_equal(allynet_metrics_compute(g, &o, &m, NULL), ALLYNET_OK);
    assert_close(m->actors[0].closeness, 5.0, 1e-12);
    assert_close(m->actors[0].harmonic, 5.0 / 4, 1e-12);
    assert_true(isnan(m->actors[1].closeness));
    allynet_metrics_free(m);
    allynet_graph_free(g);
}

/* --undirected merges a reciprocal pair: A->B 1 and B->A 3 become one tie of strength 4. */
static void undirected_merges_pairs(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_parse("{\"directed\": true, \"nodes\": [{\"id\": \"A\"}, {\"id\": \"B\"}],"
                           " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 1},"
                           "{\"source\": \"B\", \"target\": \"A\", \"weight\": 3}]}");
    allynet_metrics_options o;
    allynet_metrics_options_init(&o);
    o.undirected = true;
    allynet_metrics *m = NULL;
    assert_int_equal(allynet_metrics_compute(g, &o, &m, NULL), ALLYNET_OK);
    assert_close(m->actors[0].closeness, 4.0, 1e-12);
    assert_true(isnan(m->actors[0].hub)); /* hub and authority need directed ties */
    assert_false(
        json_is_true(json_object_get(json_object_get(m->treatment, "closeness"), "directed")));
    allynet_metrics_free(m);
    allynet_graph_free(g);
}

/* An empty graph and a single actor are defined results, not errors. */
static void empty_and_single(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse("{\"directed\": true, \"nodes\": [], \"edges\": []}");
    allynet_metrics *m = NULL;
    assert_int_equal(allynet_metrics_compute(g, NULL, &m, NULL), ALLYNET_OK);
    assert_int_equal(m->n, 0);
    json_t *j = allynet_metrics_to_json(g, m, NULL);
    assert_int_equal(json_array_size(json_object_get(j, "actors")), 0);
    json_decref(j);
    allynet_metrics_free(m);
    allynet_graph_free(g);
    g = allynet_test_parse("{\"directed\": true, \"nodes\": [{\"id\": \"A\"}], \"edges\": []}");
    assert_int_equal(allynet_metrics_compute(g, NULL, &m, NULL), ALLYNET_OK);
    assert_close(m->actors[0].pn, 1.0, 0);
    assert_close(m->actors[0].pagerank, 1.0, 1e-12);
    assert_true(isnan(m->actors[0].closeness));
    assert_true(isnan(m->actors[0].eigenvector));
    allynet_metrics_free(m);
    allynet_graph_free(g);
}

static void order_by_key(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(small);
    allynet_metrics *m = NULL;
    size_t *order = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_metrics_compute(g, NULL, &m, NULL), ALLYNET_OK);
    assert_int_equal(allynet_metrics_order(g, m, "betweenness", &order, NULL), ALLYNET_OK);
    assert_int_equal(order[0], 1); /* B first */
    free(order);
    assert_int_equal(allynet_metrics_order(g, m, "nonsense", &order, &err), ALLYNET_E_USAGE);
    assert_null(order);
    allynet_metrics_free(m);
    allynet_graph_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pn_binary_by_hand),
        cmocka_unit_test(pn_weighted_by_hand),
        cmocka_unit_test(pn_directed_pairs_added),
        cmocka_unit_test(pn_singular_is_refused),
        cmocka_unit_test(signed_eigenvector_balanced_triangle),
        cmocka_unit_test(signed_eigenvector_refuses_ties),
        cmocka_unit_test(paths_on_lengths),
        cmocka_unit_test(negative_selection),
        cmocka_unit_test(undirected_merges_pairs),
        cmocka_unit_test(empty_and_single),
        cmocka_unit_test(order_by_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
