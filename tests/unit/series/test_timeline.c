/* test_timeline.c — the timeline document: figures per snapshot, series with null where an actor
 * is absent, bloc labels kept stable across snapshots, a bloc that appears gets a new label, the
 * long CSV (quoting, no rows for absent actors) and the view's checks. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Two allied triangles; `order` permutes the node list so the partition's raw labels differ. */
static allynet_graph *triangles(const char *date, bool reversed, bool with_z) {
    char buf[2048];
    const char *nodes = reversed ? "{\"id\": \"B3\"}, {\"id\": \"B2\"}, {\"id\": \"B1\"}, "
                                   "{\"id\": \"A3\"}, {\"id\": \"A2\"}, {\"id\": \"A1\"}"
                                 : "{\"id\": \"A1\"}, {\"id\": \"A2\"}, {\"id\": \"A3\"}, "
                                   "{\"id\": \"B1\"}, {\"id\": \"B2\"}, {\"id\": \"B3\"}";
    snprintf(buf, sizeof buf,
             "{\"directed\": false, \"graph\": {\"date\": \"%s\"}, \"nodes\": [%s%s], "
             "\"edges\": [{\"source\": \"A1\", \"target\": \"A2\", \"weight\": 3},"
             "{\"source\": \"A2\", \"target\": \"A3\", \"weight\": 3},"
             "{\"source\": \"A1\", \"target\": \"A3\", \"weight\": 3},"
             "{\"source\": \"B1\", \"target\": \"B2\", \"weight\": 3},"
             "{\"source\": \"B2\", \"target\": \"B3\", \"weight\": 3},"
             "{\"source\": \"B1\", \"target\": \"B3\", \"weight\": 3},"
             "{\"source\": \"A1\", \"target\": \"B1\", \"weight\": -2}%s]}",
             date, nodes, with_z ? ", {\"id\": \"Z,1\"}, {\"id\": \"Z2\"}" : "",
             with_z ? ", {\"source\": \"Z,1\", \"target\": \"Z2\", \"weight\": 5}" : "");
    return allynet_test_parse(buf);
}

static json_t *series(const json_t *tl, const char *id, const char *metric) {
    const json_t *arr = json_object_get(tl, "actors");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *a = json_array_get(arr, i);
        if (strcmp(json_string_value(json_object_get(a, "id")), id) == 0) {
            return json_object_get(json_object_get(a, "series"), metric);
        }
    }
    fail_msg("actor %s missing", id);
    return NULL;
}

static json_t *build(allynet_graph **g, size_t n) {
    static const char *const labels[] = {"s1", "s2", "s3"};
    json_t *tl = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_timeline_run((const allynet_graph *const *)g, labels, n, 42,
                                          ALLYNET_COMM_LEIDEN, &tl, &err),
                     ALLYNET_OK);
    return tl;
}

static void stable_blocs_and_nulls(void **state) {
    (void)state;
    allynet_graph *g[3] = {triangles("2001", false, false), triangles("2002", true, true),
                           triangles("2003", true, false)};
    json_t *tl = build(g, 3);
    assert_int_equal(json_array_size(json_object_get(tl, "snapshots")), 3);
    const json_t *fig =
        json_object_get(json_array_get(json_object_get(tl, "snapshots"), 1), "figures");
    assert_int_equal(json_integer_value(json_object_get(fig, "actors")), 8);
    assert_int_equal(json_integer_value(json_object_get(fig, "blocs")), 3);
    /* both triangles are all-positive: balanced, nothing to flip */
    assert_true(json_real_value(json_object_get(fig, "balance_ratio")) == 1.0);
    assert_true(json_real_value(json_object_get(fig, "frustration")) == 0.0);
    for (size_t t = 0; t < 3; t++) {
        /* A's bloc keeps A1's label of the first snapshot; B's keeps B1's. */
        json_int_t a = json_integer_value(json_array_get(series(tl, "A1", "bloc"), 0));
        json_int_t b = json_integer_value(json_array_get(series(tl, "B1", "bloc"), 0));
        assert_int_equal(json_integer_value(json_array_get(series(tl, "A3", "bloc"), t)), a);
        assert_int_equal(json_integer_value(json_array_get(series(tl, "B2", "bloc"), t)), b);
    }
    /* Z's bloc is new in 2002: a label unused before; Z is null when absent. */
    json_int_t z = json_integer_value(json_array_get(series(tl, "Z2", "bloc"), 1));
    assert_true(z >= 2);
    assert_true(json_is_null(json_array_get(series(tl, "Z2", "bloc"), 0)));
    assert_true(json_is_null(json_array_get(series(tl, "Z2", "degree"), 2)));
    assert_int_equal(json_integer_value(json_array_get(series(tl, "A1", "degree"), 0)), 3);
    json_decref(tl);
    for (int i = 0; i < 3; i++) {
        allynet_graph_free(g[i]);
    }
}

static char *csv_of(const json_t *tl, const allynet_timeline_view *view, allynet_status *st) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    *st = allynet_timeline_write_csv(tl, view, f, NULL);
    fclose(f);
    return text;
}

static void long_csv(void **state) {
    (void)state;
    allynet_graph *g[2] = {triangles("2001", false, false), triangles("2002", false, true)};
    json_t *tl = build(g, 2);
    const char *only[] = {"Z,1"};
    allynet_timeline_view view = {NULL, only, 1, 0};
    allynet_status st;
    char *text = csv_of(tl, &view, &st);
    assert_int_equal(st, ALLYNET_OK);
    assert_non_null(strstr(text, "snapshot,date,actor,metric,value\ns1,2001,,actors,6\n"));
    assert_non_null(strstr(text, "s2,2002,\"Z,1\",strength_pos,5\n"));
    assert_null(strstr(text, "s1,2001,\"Z,1\"")); /* absent: no row */
    assert_null(strstr(text, ",A1,"));            /* filtered out */
    free(text);
    const char *unknown[] = {"NOPE"};
    allynet_timeline_view bad = {NULL, unknown, 1, 0};
    text = csv_of(tl, &bad, &st);
    assert_int_equal(st, ALLYNET_E_USAGE);
    free(text);
    allynet_timeline_view metric = {"influence", NULL, 0, 0};
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_int_equal(allynet_timeline_write_text(tl, &metric, false, f, NULL), ALLYNET_E_USAGE);
    fclose(f);
    free(out);
    assert_int_equal(allynet_timeline_plot(tl, NULL, "chart.pdf", NULL), ALLYNET_E_USAGE);
    json_decref(tl);
    allynet_graph_free(g[0]);
    allynet_graph_free(g[1]);
}

static void empty_series(void **state) {
    (void)state;
    json_t *tl = build(NULL, 0);
    assert_int_equal(json_array_size(json_object_get(tl, "snapshots")), 0);
    assert_int_equal(json_array_size(json_object_get(tl, "actors")), 0);
    json_decref(tl);
}

/* Without gnuplot the chart fails as a runtime error and leaves no file behind. */
static void plot_without_gnuplot(void **state) {
    (void)state;
    allynet_graph *g[1] = {triangles("2001", false, false)};
    json_t *tl = build(g, 1);
    char dir[] = "/tmp/allynet-test-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/chart.svg", dir);
    setenv("ALLYNET_GNUPLOT", "/nonexistent/gnuplot", 1);
    allynet_error err = {0};
    assert_int_equal(allynet_timeline_plot(tl, NULL, path, &err), ALLYNET_E_RUNTIME);
    assert_non_null(strstr(err.text, "gnuplot"));
    unsetenv("ALLYNET_GNUPLOT");
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(rmdir(dir), 0);
    json_decref(tl);
    allynet_graph_free(g[0]);
}

int main(void) {
    allynet_igraph_setup(42);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stable_blocs_and_nulls),
        cmocka_unit_test(long_csv),
        cmocka_unit_test(empty_series),
        cmocka_unit_test(plot_without_gnuplot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
