/* testutil.c — helpers for the cmocka unit tests. */
#include "testutil.h"

#include "extract/extract_int.h"

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

extern const char allynet__aliases_tsv[];
extern const size_t allynet__aliases_tsv_len;

/* The texts of the graphs allynet_test_extract returned, so that a tie read from one of them can
 * check that its actors are named in the text: an absence ("no tie A -> B") proves nothing when
 * A or B was not recognised at all. */
enum { SOURCES = 64 };
static struct {
    const allynet_graph *g;
    char *text;
    char date[11];
} sources[SOURCES];
static size_t next_source;

static void forget_source(const allynet_graph *g) {
    for (size_t i = 0; i < SOURCES; i++) {
        if (sources[i].g == g) {
            sources[i].g = NULL;
        }
    }
}

static void remember_source(const allynet_graph *g, const char *text, const char *date) {
    forget_source(g);
    size_t i = next_source++ % SOURCES;
    free(sources[i].text);
    sources[i].g = g;
    sources[i].text = strdup(text);
    snprintf(sources[i].date, sizeof sources[i].date, "%s", date ? date : "");
}

bool allynet_test_mentioned(const char *text, const char *date, const char *actor) {
    allynet__gazetteer *gz = allynet__gazetteer_new();
    allynet__tokens t = {0};
    assert_non_null(gz);
    assert_int_equal(allynet__gazetteer_load(gz, allynet__aliases_tsv, allynet__aliases_tsv_len,
                                             "graphs/aliases.tsv", NULL),
                     ALLYNET_OK);
    assert_true(allynet__tokenize(text, strlen(text), 0, &t));
    bool found = false;
    for (size_t i = 0; i < t.n && !found; i++) {
        allynet__gz_match m;
        found = allynet__gazetteer_match(gz, &t, i, t.n, date ? date : "", &m) &&
                strcmp(m.actor, actor) == 0;
    }
    allynet__tokens_destroy(&t);
    allynet__gazetteer_free(gz);
    return found;
}

/* Fails the test unless actor is a node of g or is named in the text g was extracted from. */
static void assert_known(const allynet_graph *g, const char *actor) {
    if (allynet_graph_find_actor(g, actor) >= 0) {
        return;
    }
    for (size_t i = 0; i < SOURCES; i++) {
        if (sources[i].g == g && sources[i].g != NULL) {
            if (!allynet_test_mentioned(sources[i].text, sources[i].date, actor)) {
                fprintf(stderr, "# actor %s is not recognised in: %s\n", actor, sources[i].text);
                fail();
            }
            return;
        }
    }
    fprintf(stderr, "# actor %s is not in the graph\n", actor);
    fail();
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
    forget_source(g);
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
    remember_source(g, text, date);
    return g;
}

double allynet_test_text_tie(const char *text, const char *a, const char *b) {
    allynet_graph *g = allynet_test_extract(text, NULL);
    double w = allynet_test_tie_weight(g, a, b);
    forget_source(g);
    allynet_graph_free(g);
    return w;
}

double allynet_test_tie_weight(const allynet_graph *g, const char *a, const char *b) {
    assert_known(g, a);
    assert_known(g, b);
    long i = allynet_graph_find_actor(g, a), j = allynet_graph_find_actor(g, b);
    long k = i >= 0 && j >= 0 ? allynet_graph_find_tie(g, (size_t)i, (size_t)j) : -1;
    return k >= 0 ? allynet_graph_tie(g, (size_t)k)->weight : 0.0;
}
