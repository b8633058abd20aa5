/* test_nodelink.c — node-link JSON: reading, writing, round trips and every bad input. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static void reads_links_and_keeps_unknown_keys(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"multigraph\": false, \"graph\": {\"name\": \"t\", \"date\": "
        "\"2025-12-11\"},\n"
        " \"nodes\": [{\"id\": \"RUS\", \"name\": \"Russia\", \"kind\": \"state\", \"x\": 1.5},\n"
        "            {\"id\": \"VEN\"}],\n"
        " \"links\": [{\"source\": \"RUS\", \"target\": \"VEN\", \"weight\": 9.4, \"relation\": "
        "\"support\",\n"
        "             \"events\": 4, \"evidence\": [{\"doc\": \"d\", \"start\": 17, \"end\": "
        "112}], \"color\": \"red\"}],\n"
        " \"extra\": [1, 2]}");
    assert_true(allynet_graph_directed(g));
    assert_string_equal(allynet_graph_date(g), "2025-12-11");
    assert_int_equal(allynet_graph_actor_count(g), 2);
    const allynet_actor *a = allynet_graph_actor(g, 0);
    assert_string_equal(a->name, "Russia");
    assert_close(json_real_value(json_object_get(a->attrs, "x")), 1.5, 0);
    const allynet_tie *t = allynet_graph_tie(g, 0);
    assert_close(t->weight, 9.4, 0);
    assert_int_equal(t->events, 4);
    assert_string_equal(json_string_value(json_object_get(t->attrs, "color")), "red");
    /* Written out and read back: the same graph, unknown keys included. */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(allynet_nodelink_write(g, f, NULL), ALLYNET_OK);
    fclose(f);
    assert_non_null(strstr(buf, "\"edges\""));
    assert_non_null(strstr(buf, "\"extra\": [1, 2]"));
    allynet_graph *h = allynet_test_parse(buf);
    assert_int_equal(allynet_graph_tie_count(h), 1);
    assert_string_equal(json_string_value(json_object_get(allynet_graph_tie(h, 0)->attrs, "color")),
                        "red");
    assert_int_equal(json_array_size(allynet_graph_tie(h, 0)->evidence), 1);
    char *buf2 = NULL;
    size_t len2 = 0;
    f = open_memstream(&buf2, &len2);
    assert_int_equal(allynet_nodelink_write(h, f, NULL), ALLYNET_OK);
    fclose(f);
    assert_string_equal(buf, buf2); /* writing is stable */
    free(buf);
    free(buf2);
    allynet_graph_free(g);
    allynet_graph_free(h);
}

static void edges_before_nodes_and_defaults(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"edges\": [{\"source\": 1, \"target\": 2}], \"nodes\": [{\"id\": 1}, {\"id\": 2}]}");
    assert_false(allynet_graph_directed(g)); /* NetworkX's default */
    assert_int_equal(allynet_graph_tie_count(g), 1);
    assert_close(allynet_graph_tie(g, 0)->weight, 1.0, 0);
    assert_string_equal(allynet_graph_actor(g, 1)->id, "2");
    allynet_graph_free(g);
    g = allynet_test_parse("{\"directed\":false,\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\"}],"
                           "\"edges\":[{\"source\":\"a\",\"target\":\"b\",\"sign\":-1}]}");
    assert_close(allynet_graph_tie(g, 0)->weight, -1.0, 0);
    allynet_graph_free(g);
    g = allynet_test_parse("{\"directed\": true, \"nodes\": [], \"edges\": []}");
    assert_int_equal(allynet_graph_actor_count(g), 0);
    allynet_graph_free(g);
}

static void expect_error(const char *json, int line, int col, const char *fragment) {
    allynet_error e = allynet_test_parse_error(json);
    if (strstr(e.text, fragment) == NULL || (line && e.line != line) || (col && e.column != col)) {
        fprintf(stderr, "# got %d:%d: %s\n", e.line, e.column, e.text);
    }
    assert_int_equal(e.code, ALLYNET_E_INPUT);
    assert_non_null(strstr(e.text, fragment));
    if (line) {
        assert_int_equal(e.line, line);
    }
    if (col) {
        assert_int_equal(e.column, col);
    }
}

static void bad_inputs(void **state) {
    (void)state;
    expect_error("", 1, 1, "empty");
    expect_error("   \n ", 1, 1, "empty");
    expect_error("[1]", 1, 1, "expected a JSON object");
    expect_error("{\"nodes\": [{\"id\": \"A\"},\n {\"id\": }]}", 2, 9, "malformed JSON");
    /* a bad token is pointed at where it starts, not where jansson stopped reading it */
    expect_error("{\"nodes\": [{\"id\": \"A\", \"ok\": tru}]}", 1, 30, "near 'tru'");
    expect_error("{\"nodes\": [{\"id\": \"A\"},\n  {\"id\": \"B\", \"k\": falsy}]}", 2, 20,
                 "invalid token");
    expect_error("{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"A\"}]}", 1, 25, "duplicate node id");
    expect_error("{\"nodes\": [{\"name\": \"A\"}]}", 1, 12, "no \"id\"");
    expect_error(
        "{\"nodes\": [{\"id\": \"A\"}], \"edges\": [{\"source\": \"A\", \"target\": \"B\"}]}", 1,
        36, "\"B\" is not a node");
    expect_error("{\"nodes\": [{\"id\": \"A\"},{\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", "
                 "\"target\": \"B\", "
                 "\"weight\": \"9\"}]}",
                 0, 0, "must be a number");
    expect_error("{\"nodes\": [{\"id\": \"A\"},{\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", "
                 "\"target\": \"B\", "
                 "\"weight\": NaN}]}",
                 0, 0, "malformed JSON");
    expect_error("{\"nodes\": [{\"id\": \"A\"},{\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", "
                 "\"target\": \"B\", "
                 "\"weight\": Infinity}]}",
                 0, 0, "malformed JSON");
    expect_error("{\"nodes\": [{\"id\": \"A\"},{\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", "
                 "\"target\": \"B\", "
                 "\"weight\": 1e999}]}",
                 0, 0, "malformed JSON");
    expect_error(
        "{\"nodes\": [{\"id\": \"A\"}], \"edges\": [{\"source\": \"A\", \"target\": \"A\"}]}", 0, 0,
        "self-tie");
    expect_error("{\"nodes\": [{\"id\": \"\\u00e9\xff\"}]}", 0, 0, "malformed JSON");
    expect_error("{\"nodes\": []} x", 1, 15, "extra data");
    expect_error("{\"directed\": \"yes\"}", 0, 0, "true or false");
    expect_error("{\"nodes\": [{\"id\": \"A\"},{\"id\": \"B\"}], \"edges\": [{\"source\": \"A\", "
                 "\"target\": \"B\", "
                 "\"events\": 0}]}",
                 0, 0, "events");
    expect_error("{\"nodes\": [{\"id\": \"A\"}", 0, 0, "malformed JSON");
}

/* Repeated dyads are summed in input order, the first relation and attributes kept, evidence
 * appended, and the ties keep the order of their first appearance; undirected pairs match
 * either way round. */
static void repeated_dyads_aggregate(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\":true,\"nodes\":[{\"id\":\"VEN\"},{\"id\":\"RUS\"},{\"id\":\"USA\"}],"
        "\"edges\":[{\"source\":\"USA\",\"target\":\"VEN\",\"weight\":-9.5,\"note\":\"a\"},"
        "{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":3,\"evidence\":[{\"text\":\"x\"}]},"
        "{\"source\":\"USA\",\"target\":\"VEN\",\"weight\":-2,\"relation\":\"pressure\","
        "\"events\":2,\"note\":\"b\",\"extra\":1},"
        "{\"source\":\"VEN\",\"target\":\"USA\",\"weight\":-1},"
        "{\"source\":\"RUS\",\"target\":\"VEN\",\"weight\":1.4,\"relation\":\"support\","
        "\"evidence\":[{\"text\":\"y\"}]}]}");
    assert_int_equal(allynet_graph_tie_count(g), 3);
    const allynet_tie *t = allynet_graph_tie(g, 0); /* USA -> VEN, first seen first */
    assert_string_equal(allynet_graph_actor(g, t->source)->id, "USA");
    assert_close(t->weight, -11.5, 0);
    assert_int_equal(t->events, 3);
    assert_string_equal(t->relation, "pressure");
    assert_string_equal(json_string_value(json_object_get(t->attrs, "note")), "a");
    assert_int_equal(json_integer_value(json_object_get(t->attrs, "extra")), 1);
    t = allynet_graph_tie(g, 1); /* RUS -> VEN */
    assert_close(t->weight, 3 + 1.4, 0);
    assert_int_equal(json_array_size(t->evidence), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(t->evidence, 1), "text")),
                        "y");
    assert_int_equal(allynet_graph_find_tie(g, 2, 0), 0); /* USA -> VEN */
    assert_int_equal(allynet_graph_find_tie(g, 0, 2), 2); /* VEN -> USA stays its own tie */
    allynet_graph_free(g);

    g = allynet_test_parse(
        "{\"directed\":false,\"nodes\":[{\"id\":\"A\"},{\"id\":\"B\"},{\"id\":\"C\"}],"
        "\"edges\":[{\"source\":\"B\",\"target\":\"A\",\"weight\":1},"
        "{\"source\":\"C\",\"target\":\"A\",\"weight\":5},"
        "{\"source\":\"A\",\"target\":\"B\",\"weight\":2}]}");
    assert_int_equal(allynet_graph_tie_count(g), 2);
    assert_close(allynet_graph_tie(g, 0)->weight, 3, 0);
    assert_int_equal(allynet_graph_find_tie(g, 0, 1), 0);
    assert_int_equal(allynet_graph_find_tie(g, 1, 0), 0);
    assert_int_equal(allynet_graph_find_tie(g, 0, 2), 1);
    allynet_graph_free(g);
}

/* A NUL byte anywhere in a document (keys, strings, numbers, between tokens, after the end) is
 * an input error that names it: the scan must never accept one. */
static void nul_anywhere_is_named(void **state) {
    (void)state;
    const char *doc =
        "{\"directed\": true, \"graph\": {\"name\": \"x\"}, \"nodes\": [{\"id\": "
        "\"VEN\", \"name\": \"Venezuela\"}, {\"id\": \"RUS\", \"tags\": [1, {\"a\": "
        "null}]}], \"edges\": [{\"source\": \"RUS\", \"target\": \"VEN\", \"weight\": "
        "2.5, \"evidence\": [{\"text\": \"t\"}]}]}\n";
    size_t n = strlen(doc);
    char *buf = malloc(n + 1);
    for (size_t at = 0; at <= n; at++) {
        for (int mode = 0; mode < 2; mode++) { /* NUL replacing a byte, or inserted */
            size_t len = mode ? n + 1 : n;
            if (mode == 0 && at == n) {
                continue;
            }
            memcpy(buf, doc, at);
            buf[at] = '\0';
            memcpy(buf + at + 1, doc + at + (mode ? 0 : 1), n - at - (mode ? 0 : 1));
            allynet_graph *g = NULL;
            allynet_error err = {0};
            allynet_status st = allynet_nodelink_parse(buf, len, "nul", &g, &err);
            if (st != ALLYNET_E_INPUT || strstr(err.text, "NUL byte") == NULL) {
                fail_msg("NUL at %zu (mode %d): status %d, %s", at, mode, st, err.text);
            }
            assert_null(g);
            allynet_error_clear(&err);
        }
    }
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_links_and_keeps_unknown_keys),
        cmocka_unit_test(edges_before_nodes_and_defaults),
        cmocka_unit_test(bad_inputs),
        cmocka_unit_test(repeated_dyads_aggregate),
        cmocka_unit_test(nul_anywhere_is_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
