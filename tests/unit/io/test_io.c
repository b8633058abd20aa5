/* test_io.c — files: atomic writes leave nothing behind on failure; DOT and CSV round trips. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static allynet_status fail_midway(FILE *f, void *ctx, allynet_error *err) {
    (void)ctx;
    fputs("half", f);
    return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0, "stopped");
}

static allynet_status write_ok(FILE *f, void *ctx, allynet_error *err) {
    (void)err;
    fputs(ctx, f);
    return ALLYNET_OK;
}

static void atomic_write(void **state) {
    (void)state;
    char dir[] = "/tmp/allynet-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.json", dir);
    assert_int_equal(allynet_write_atomic(path, write_ok, "first", NULL), ALLYNET_OK);
    allynet_error err = {0};
    assert_int_equal(allynet_write_atomic(path, fail_midway, NULL, &err), ALLYNET_E_RUNTIME);
    char *buf;
    size_t len;
    assert_int_equal(allynet_file_read(path, &buf, &len, NULL), ALLYNET_OK);
    assert_string_equal(buf, "first"); /* the old file is untouched */
    free(buf);
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* and no temporary file was left behind */
    allynet_error_clear(&err);
    assert_int_equal(allynet_write_atomic("/nonexistent-dir/x.json", write_ok, "x", &err),
                     ALLYNET_E_IO);
    assert_int_equal(allynet_file_read("/nonexistent-file.json", &buf, &len, &err),
                     ALLYNET_E_INPUT);
    assert_int_equal(allynet_file_read("/tmp", &buf, &len, NULL), ALLYNET_E_INPUT);
}

static char *render(const allynet_graph *g,
                    allynet_status (*w)(const allynet_graph *, FILE *, allynet_error *)) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(w(g, f, NULL), ALLYNET_OK);
    fclose(f);
    return buf;
}

static const char *sample =
    "{\"directed\": true, \"graph\": {\"name\": \"s\", \"date\": \"2025-12-11\"}, \"nodes\": "
    "[{\"id\": \"RUS\", \"name\": \"Russia\"}, {\"id\": \"USA\"}, {\"id\": \"VEN\", \"name\": "
    "\"Venezuela\"}],"
    " \"edges\": [{\"source\": \"RUS\", \"target\": \"VEN\", \"weight\": 9.4, \"relation\": "
    "\"support\", \"events\": 4},"
    " {\"source\": \"USA\", \"target\": \"VEN\", \"weight\": -9.2, \"relation\": \"seizure "
    "\\\"x\\\", y\"}]}";

static void check_sample(const allynet_graph *g) {
    assert_true(allynet_graph_directed(g));
    assert_int_equal(allynet_graph_tie_count(g), 2);
    long r = allynet_graph_find_actor(g, "RUS"), v = allynet_graph_find_actor(g, "VEN");
    long u = allynet_graph_find_actor(g, "USA");
    const allynet_tie *t =
        allynet_graph_tie(g, (size_t)allynet_graph_find_tie(g, (size_t)r, (size_t)v));
    assert_close(t->weight, 9.4, 1e-12);
    assert_int_equal(t->events, 4);
    assert_string_equal(t->relation, "support");
    t = allynet_graph_tie(g, (size_t)allynet_graph_find_tie(g, (size_t)u, (size_t)v));
    assert_close(t->weight, -9.2, 1e-12);
    assert_string_equal(t->relation, "seizure \"x\", y");
}

static void dot_round_trip(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(sample);
    char *dot = render(g, allynet_dot_write);
    assert_non_null(strstr(dot, "sign=-1"));
    allynet_graph *h = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_dot_parse(dot, strlen(dot), "t.dot", &h, &err), ALLYNET_OK);
    check_sample(h);
    assert_string_equal(allynet_graph_actor(h, (size_t)allynet_graph_find_actor(h, "RUS"))->name,
                        "Russia");
    assert_string_equal(allynet_graph_date(h), "2025-12-11");
    free(dot);
    allynet_graph_free(h);
    allynet_graph_free(g);
    /* Names that look like Graphviz's own: \\N (the node's name) is a name when it is one. */
    allynet_graph *odd = allynet_test_parse(
        "{\"nodes\": [{\"id\": \"%1\", \"name\": \"\\\\N\"}, {\"id\": \"b\"}], \"edges\": []}");
    dot = render(odd, allynet_dot_write);
    assert_int_equal(allynet_dot_parse(dot, strlen(dot), "t.dot", &h, &err), ALLYNET_OK);
    assert_string_equal(allynet_graph_actor(h, (size_t)allynet_graph_find_actor(h, "%1"))->name,
                        "\\N");
    free(dot);
    allynet_graph_free(h);
    allynet_graph_free(odd);
    const char *plain = "digraph { a [label=\"\\N\"]; b [label=\"B\"] }";
    assert_int_equal(allynet_dot_parse(plain, strlen(plain), "p.dot", &h, &err), ALLYNET_OK);
    assert_null(allynet_graph_actor(h, (size_t)allynet_graph_find_actor(h, "a"))->name);
    assert_string_equal(allynet_graph_actor(h, (size_t)allynet_graph_find_actor(h, "b"))->name,
                        "B");
    allynet_graph_free(h);
    const char *bad = "digraph { a -> b [weight=x] }";
    assert_int_equal(allynet_dot_parse(bad, strlen(bad), "b.dot", &h, &err), ALLYNET_E_INPUT);
    allynet_error_clear(&err);
    bad = "digraph { a -> ";
    assert_int_equal(allynet_dot_parse(bad, strlen(bad), "b.dot", &h, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "malformed DOT"));
    allynet_error_clear(&err);
    bad = "digraph { a -> a }";
    assert_int_equal(allynet_dot_parse(bad, strlen(bad), "b.dot", &h, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "self-tie"));
}

static void csv_round_trip(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(sample);
    char *csv = render(g, allynet_csv_write);
    allynet_graph *h = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_csv_parse(csv, strlen(csv), "t.csv", &h, &err), ALLYNET_OK);
    check_sample(h);
    free(csv);
    allynet_graph_free(h);
    allynet_graph_free(g);
    /* Without a header the columns are source,target,weight[,relation,date]. */
    const char *plain = "VEN,CUB,3.5,support,2025-12-01\nVEN,CUB,1\r\n\nCUB,VEN,2\n";
    assert_int_equal(allynet_csv_parse(plain, strlen(plain), "p.csv", &h, &err), ALLYNET_OK);
    assert_int_equal(allynet_graph_tie_count(h), 2);
    assert_close(allynet_graph_tie(h, 0)->weight, 4.5, 1e-12);
    assert_string_equal(allynet_graph_actor(h, 0)->name, "Venezuela"); /* from the dictionary */
    allynet_graph_free(h);
    const char *bad[] = {"a,b,nan\n", "a,b,inf\n", "a,b,1x\n",         "a\n",
                         "a,a,1\n",   "a,\"b\n",   "a,b,1\n\xff,c,1\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        allynet_error_clear(&err);
        assert_int_equal(allynet_csv_parse(bad[i], strlen(bad[i]), "b.csv", &h, &err),
                         ALLYNET_E_INPUT);
        assert_null(h);
    }
    allynet_error_clear(&err);
    const char *two = "source,target,weight\nA,B,1\nA,B,zz\n";
    assert_int_equal(allynet_csv_parse(two, strlen(two), "b.csv", &h, &err), ALLYNET_E_INPUT);
    assert_int_equal(err.line, 3);
}

static void format_by_extension(void **state) {
    (void)state;
    assert_int_equal(allynet_format_from_path("a/b.json"), ALLYNET_FORMAT_JSON);
    assert_int_equal(allynet_format_from_path("b.GV"), ALLYNET_FORMAT_DOT);
    assert_int_equal(allynet_format_from_path("b.dot"), ALLYNET_FORMAT_DOT);
    assert_int_equal(allynet_format_from_path("b.csv"), ALLYNET_FORMAT_CSV);
    assert_int_equal(allynet_format_from_path("b.txt"), ALLYNET_FORMAT_UNKNOWN);
    assert_int_equal(allynet_format_from_path("dir.json/b"), ALLYNET_FORMAT_UNKNOWN);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(atomic_write),
        cmocka_unit_test(dot_round_trip),
        cmocka_unit_test(csv_round_trip),
        cmocka_unit_test(format_by_extension),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
