/* test_tablereader.c — the streaming record reader: fields, quotes, embedded newlines, CRLF,
 * blank lines, line numbers, a last row without newline, records longer than the buffer. */
#include "testutil.h"

#include "events/events_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *temp_file(const char *text, size_t len) {
    char *path = strdup("/tmp/allynet-reader-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

static void next(allynet__reader *r, bool want) {
    allynet_error err = {0};
    bool got = !want;
    assert_int_equal(allynet__reader_next(r, &got, &err), ALLYNET_OK);
    assert_int_equal(got, want);
}

static void quoted_csv(void **state) {
    (void)state;
    const char *t = "a,b,c\r\n\n1,\"x, \"\"y\"\"\nz\",3\n\"\",,\nlast,row";
    char *path = temp_file(t, strlen(t));
    allynet__reader r;
    allynet_error err = {0};
    assert_int_equal(allynet__reader_open(&r, path, ',', true, &err), ALLYNET_OK);
    next(&r, true);
    assert_int_equal(r.nfields, 3);
    assert_string_equal(r.fields[2], "c"); /* \r stripped */
    assert_int_equal(r.line, 1);
    next(&r, true); /* the blank line 2 is skipped */
    assert_int_equal(r.line, 3);
    assert_int_equal(r.nfields, 3);
    assert_string_equal(r.fields[1], "x, \"y\"\nz");
    assert_string_equal(r.fields[2], "3");
    assert_int_equal(r.cols[1], 3);
    next(&r, true);
    assert_int_equal(r.line, 5); /* the quoted newline counted */
    assert_int_equal(r.nfields, 3);
    assert_string_equal(r.fields[0], "");
    assert_false(r.unterminated);
    next(&r, true);
    assert_int_equal(r.line, 6);
    assert_true(r.unterminated);
    assert_string_equal(r.fields[1], "row");
    next(&r, false);
    assert_int_equal(r.records, 4);
    allynet__reader_close(&r);
    unlink(path);
    free(path);
}

static void long_records_tsv(void **state) {
    (void)state;
    size_t n = 3 << 20; /* three records around 1 MiB each: the buffer grows and refills */
    char *t = malloc(n + 1);
    memset(t, 'x', n);
    t[5] = '\t';
    t[(1 << 20) + 100] = '\n';
    t[(2 << 20) + 7] = '\n';
    t[n - 1] = '\n';
    char *path = temp_file(t, n);
    allynet__reader r;
    allynet_error err = {0};
    assert_int_equal(allynet__reader_open(&r, path, '\t', false, &err), ALLYNET_OK);
    next(&r, true);
    assert_int_equal(r.nfields, 2);
    assert_int_equal(strlen(r.fields[1]), (1 << 20) + 100 - 6);
    next(&r, true);
    assert_int_equal(r.line, 2);
    assert_int_equal(strlen(r.fields[0]), (1 << 20) - 94);
    next(&r, true);
    assert_int_equal(r.line, 3);
    next(&r, false);
    assert_int_equal(r.bytes, n);
    allynet__reader_close(&r);
    unlink(path);
    free(path);
    free(t);
}

static void open_errors(void **state) {
    (void)state;
    allynet__reader r;
    allynet_error err = {0};
    assert_int_equal(allynet__reader_open(&r, "/nonexistent/x.csv", ',', true, &err),
                     ALLYNET_E_INPUT);
    allynet__reader_close(&r);
    allynet_error_clear(&err);
    assert_int_equal(allynet__reader_open(&r, "/tmp", ',', true, &err), ALLYNET_E_INPUT);
    allynet__reader_close(&r);
    char *path = temp_file("", 0);
    assert_int_equal(allynet__reader_open(&r, path, ',', true, &err), ALLYNET_OK);
    next(&r, false);
    assert_int_equal(r.bytes, 0);
    allynet__reader_close(&r);
    unlink(path);
    free(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoted_csv),
        cmocka_unit_test(long_records_tsv),
        cmocka_unit_test(open_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
