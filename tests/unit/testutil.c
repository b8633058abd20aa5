/* testutil.c — helpers for the cmocka unit tests. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
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
