/* testutil.h — helpers for the cmocka unit tests: double comparison and graph fixtures. */
#ifndef ALLYNET_TESTUTIL_H
#define ALLYNET_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "allynet.h"

/* cmocka's assert_float_equal casts to float; this compares doubles. */
#define assert_close(a, b, tol) assert_true(allynet_test_close((a), (b), (tol)))
bool allynet_test_close(double a, double b, double tol);

/* Parses node-link JSON text, failing the test on error. */
allynet_graph *allynet_test_parse(const char *json);
/* Parses node-link JSON text expecting an error; returns it. */
allynet_error allynet_test_parse_error(const char *json);

/* Extracts the snapshot of one text (date may be NULL), failing the test on error. */
allynet_graph *allynet_test_extract(const char *text, const char *date);
/* The weight of the tie a -> b between actor ids, 0 when the tie is absent. Fails the test when
 * a or b is neither a node of g nor named in the text g was extracted from (by
 * allynet_test_extract): "no tie" must not pass because an actor went unrecognised. */
double allynet_test_tie_weight(const allynet_graph *g, const char *a, const char *b);
/* The weight of a -> b in the graph extracted from text (no date): one extraction, one tie; fails
 * the test when a or b is not recognised in the text. */
double allynet_test_text_tie(const char *text, const char *a, const char *b);

/* Whether the built-in gazetteer names actor somewhere in text (date may be NULL). */
bool allynet_test_mentioned(const char *text, const char *date, const char *actor);

#endif
