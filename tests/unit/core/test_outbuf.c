/* test_outbuf.c — the buffered JSON writer: reals printed exactly as "%.12g" (+ ".0") would,
 * strings escaped as jansson escapes them, integers, and writes larger than the buffer. */
#include "testutil.h"

#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes through an outbuf into memory and returns the text (caller frees). */
typedef void (*emit_fn)(allynet__outbuf *o, const void *arg);

static char *emit(emit_fn fn, const void *arg) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    allynet__outbuf *o = malloc(sizeof *o);
    assert_non_null(o);
    allynet__outbuf_init(o, f);
    fn(o, arg);
    assert_true(allynet__outbuf_flush(o));
    free(o);
    fclose(f);
    return text;
}

static void emit_real(allynet__outbuf *o, const void *arg) {
    allynet__outbuf_real(o, *(const double *)arg);
}

/* What jansson prints for a real with JSON_REAL_PRECISION(12); a negative zero is written as
 * zero (a tie weight of -0 means no weight, not a sign). */
static char *jansson_real(double x) {
    json_t *v = json_real(x == 0 ? 0.0 : x);
    char *s = json_dumps(v, JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS);
    json_decref(v);
    return s;
}

static void check_real(double x) {
    char *ours = emit(emit_real, &x);
    char *want = jansson_real(x);
    if (strcmp(ours, want) != 0) {
        fail_msg("%.17g: wrote %s, jansson writes %s", x, ours, want);
    }
    free(ours);
    free(want);
}

static void reals_match_jansson(void **state) {
    (void)state;
    const double fixed[] = {0.0,    -0.0,          1,
                            -1,     0.5,           -0.5,
                            3.7,    -3.7,          0.1,
                            0.0001, -0.0001,       0.00001,
                            1e-5,   123456.789,    1e10,
                            -1e10,  99999999999.0, 1e11,
                            1e15,   1e22,          0.3333333333333333,
                            2.675,  1.005,         -9.2,
                            4.9,    1.0 / 3.0,     6.02e23,
                            5e-324};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        check_real(fixed[i]);
    }
    srand(7);
    for (int i = 0; i < 200000; i++) { /* decimals with 0..6 places, and arbitrary doubles */
        long k = (long)rand() - RAND_MAX / 2;
        double x = (double)k / pow(10, i % 7);
        check_real(i % 5 == 4 ? x * 1.000000001 + 1e-9 * rand() : x);
    }
}

static void emit_strings(allynet__outbuf *o, const void *arg) {
    (void)arg;
    allynet__outbuf_string(o, "VEN");
    allynet__outbuf_write(o, " ", 1);
    allynet__outbuf_string(o, "quote\" back\\ tab\t nl\n ctl\x01 é");
    allynet__outbuf_write(o, " ", 1);
    allynet__outbuf_long(o, -1234567890L);
    allynet__outbuf_write(o, " ", 1);
    allynet__outbuf_long(o, 0);
}

static void strings_and_integers(void **state) {
    (void)state;
    char *text = emit(emit_strings, NULL);
    json_t *v = json_string("quote\" back\\ tab\t nl\n ctl\x01 é");
    char *esc = json_dumps(v, JSON_ENCODE_ANY);
    char want[200];
    snprintf(want, sizeof want, "\"VEN\" %s -1234567890 0", esc);
    assert_string_equal(text, want);
    free(esc);
    json_decref(v);
    free(text);
}

static void emit_big(allynet__outbuf *o, const void *arg) {
    const char *s = arg;
    for (int i = 0; i < 3; i++) {
        allynet__outbuf_string(o, s); /* each larger than the buffer */
        allynet__outbuf_write(o, ",", 1);
    }
}

static void writes_larger_than_the_buffer(void **state) {
    (void)state;
    size_t n = sizeof((allynet__outbuf *)0)->buf + 1000;
    char *s = malloc(n + 1);
    memset(s, 'x', n);
    s[n] = '\0';
    char *text = emit(emit_big, s);
    assert_int_equal(strlen(text), 3 * (n + 3));
    assert_true(text[0] == '"' && text[n + 1] == '"' && text[n + 2] == ',');
    assert_int_equal(strspn(text + 1, "x"), n);
    free(text);
    free(s);
}

static void emit_json(allynet__outbuf *o, const void *arg) {
    allynet__outbuf_json(o, arg);
}

/* Nested values (empty containers, literals, escapes, non-ASCII, a NUL inside a string, big
 * integers, reals) come out as json_dumps writes them without indentation. */
static void values_match_jansson(void **state) {
    (void)state;
    const char *texts[] = {
        "[]",
        "{}",
        "[true, false, null, [], {}, [[]], {\"a\": {}}]",
        "{\"doc\": \"d\", \"start\": 1, \"end\": 9007199254740993, \"w\": -4.4, \"c\": 0.7}",
        "{\"k \\u00e9\": \"\\u00fc\\t\\\"q\\\" \\\\ /\", \"x\": 1e300, \"y\": 1e-7, \"z\": -12}",
        "[\"a\\u0000b\", \"\\u0001\", 123456789012.5, 0.1, -3]",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        json_error_t jerr;
        json_t *v = json_loads(texts[i], JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        assert_non_null(v);
        char *ours = emit(emit_json, v);
        char *want = json_dumps(v, JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS);
        assert_string_equal(ours, want);
        free(ours);
        free(want);
        json_decref(v);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reals_match_jansson),
        cmocka_unit_test(strings_and_integers),
        cmocka_unit_test(writes_larger_than_the_buffer),
        cmocka_unit_test(values_match_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
