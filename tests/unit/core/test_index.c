/* test_index.c — the hash maps: inserts, lookups, growth, replacement, misses. */
#include "testutil.h"

#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>

static void strmap_many(void **state) {
    (void)state;
    allynet__strmap m;
    allynet__strmap_init(&m);
    enum { N = 5000 };
    static char keys[N][16];
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        assert_true(allynet__strmap_put(&m, keys[i], i));
    }
    assert_int_equal(m.len, N);
    for (size_t i = 0; i < N; i++) {
        size_t v = 0;
        assert_true(allynet__strmap_get(&m, keys[i], &v));
        assert_int_equal(v, i);
    }
    size_t v;
    assert_false(allynet__strmap_get(&m, "nope", &v));
    assert_true(allynet__strmap_put(&m, keys[7], 70));
    assert_true(allynet__strmap_get(&m, "k7", &v));
    assert_int_equal(v, 70);
    assert_int_equal(m.len, N);
    allynet__strmap_destroy(&m);
}

static void strmap_empty(void **state) {
    (void)state;
    allynet__strmap m;
    allynet__strmap_init(&m);
    size_t v;
    assert_false(allynet__strmap_get(&m, "", &v));
    allynet__strmap_destroy(&m);
    allynet__strmap_destroy(&m); /* destroying twice is harmless */
}

static void dyadmap_many(void **state) {
    (void)state;
    allynet__dyadmap m;
    allynet__dyadmap_init(&m);
    for (uint64_t i = 0; i < 20000; i++) {
        assert_true(allynet__dyadmap_put(&m, (i << 32) | (i * 7 % 13), (size_t)i));
    }
    for (uint64_t i = 0; i < 20000; i++) {
        size_t v = 0;
        assert_true(allynet__dyadmap_get(&m, (i << 32) | (i * 7 % 13), &v));
        assert_int_equal(v, i);
    }
    size_t v;
    assert_false(allynet__dyadmap_get(&m, 12345, &v));
    allynet__dyadmap_clear(&m);
    assert_false(allynet__dyadmap_get(&m, 0, &v));
    assert_int_equal(m.len, 0);
    allynet__dyadmap_destroy(&m);
}

static void dyadmap_upsert_finds_or_inserts(void **state) {
    (void)state;
    allynet__dyadmap m;
    allynet__dyadmap_init(&m);
    size_t v = 99;
    bool fresh = false;
    assert_true(allynet__dyadmap_upsert(&m, 42, 7, &v, &fresh));
    assert_true(fresh);
    assert_int_equal(v, 7);
    assert_true(allynet__dyadmap_upsert(&m, 42, 8, &v, &fresh));
    assert_false(fresh); /* found: the stored value, not the fresh one */
    assert_int_equal(v, 7);
    assert_int_equal(m.len, 1);
    assert_true(allynet__dyadmap_reserve(&m, 1000));
    size_t cap = m.cap;
    assert_true(cap * 3 >= 1000 * 4);
    for (uint64_t k = 0; k < 999; k++) { /* reserved: no growth */
        assert_true(allynet__dyadmap_upsert(&m, k * 1000003, k, &v, &fresh));
    }
    assert_int_equal(m.cap, cap);
    assert_true(allynet__dyadmap_get(&m, 42, &v));
    assert_int_equal(v, 7);
    allynet__dyadmap_destroy(&m);
}

/* Keys that share a prefix and differ in one byte, many of them: probes must tell them apart
 * by hash and by content. */
static void strmap_near_keys(void **state) {
    (void)state;
    allynet__strmap m;
    allynet__strmap_init(&m);
    enum { N = 3000 };
    static char keys[N][40];
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "actor-with-a-long-common-prefix-%05zu", i);
        assert_true(allynet__strmap_put(&m, keys[i], i * 3));
    }
    for (size_t i = 0; i < N; i++) {
        char probe[40];
        snprintf(probe, sizeof probe, "actor-with-a-long-common-prefix-%05zu", i);
        size_t v = 0;
        assert_true(allynet__strmap_get(&m, probe, &v)); /* equal content, other pointer */
        assert_int_equal(v, i * 3);
    }
    size_t v;
    assert_false(allynet__strmap_get(&m, "actor-with-a-long-common-prefix-99999", &v));
    assert_false(allynet__strmap_put(&m, "too-big", (size_t)UINT32_MAX + 1));
    assert_false(allynet__strmap_get(&m, "too-big", &v));
    assert_int_equal(m.len, N);
    allynet__strmap_destroy(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strmap_many),      cmocka_unit_test(strmap_empty),
        cmocka_unit_test(dyadmap_many),     cmocka_unit_test(dyadmap_upsert_finds_or_inserts),
        cmocka_unit_test(strmap_near_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
