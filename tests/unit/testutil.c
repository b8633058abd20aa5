/* testutil.c — helpers for the cmocka unit tests. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool allynet_test_close(double a, double b, double tol) {
    if (fabs(a - b) <= tol) {
        return true;
    }
    fprintf(stderr, "# %.15g != %.15g (tolerance %g)\n", a, b, tol);
    return false;
}

allynet_graph *allynet_test_parse(const char *json) {
    allynet_graph *g = NULL;
    allynet_error err = {0};
    allynet_status st = allynet_nodelink_parse(json, strlen(json), "test", &g, &err);
    if (st != ALLYNET_OK) {
        fprintf(stderr, "# parse failed: %s:%d:%d: %s\n", err.source, err.line, err.column,
                err.text);
    }
    assert_int_equal(st, ALLYNET_OK);
    assert_non_null(g);
    return g;
}

allynet_error allynet_test_parse_error(const char *json) {
    allynet_graph *g = NULL;
    allynet_error err = {0};
    allynet_status st = allynet_nodelink_parse(json, strlen(json), "test", &g, &err);
    assert_int_not_equal(st, ALLYNET_OK);
    assert_null(g);
    assert_int_equal(err.code, st);
    return err;
}

allynet_graph *allynet_test_extract(const char *text, const char *date) {
    allynet_extract_options o = {.date = date};
    allynet_extractor *x = NULL;
    assert_int_equal(allynet_extractor_new(&o, &x, NULL), ALLYNET_OK);
    char *buf = strdup(text);
    allynet_extract_stats st;
    assert_int_equal(allynet_extract_buffer(x, buf, strlen(buf), "doc", "doc.txt", &st, NULL),
                     ALLYNET_OK);
    allynet_graph *g = NULL;
    assert_int_equal(allynet_extractor_take_graph(x, &g, NULL), ALLYNET_OK);
    free(buf);
    allynet_extractor_free(x);
    return g;
}

double allynet_test_text_tie(const char *text, const char *a, const char *b) {
    allynet_graph *g = allynet_test_extract(text, NULL);
    double w = allynet_test_tie_weight(g, a, b);
    allynet_graph_free(g);
    return w;
}

double allynet_test_tie_weight(const allynet_graph *g, const char *a, const char *b) {
    long i = allynet_graph_find_actor(g, a), j = allynet_graph_find_actor(g, b);
    long k = i >= 0 && j >= 0 ? allynet_graph_find_tie(g, (size_t)i, (size_t)j) : -1;
    return k >= 0 ? allynet_graph_tie(g, (size_t)k)->weight : 0.0;
}
