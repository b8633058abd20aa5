/* test_dict.c — the built-in actor dictionary: lookups by every kind of code. */
#include "testutil.h"

#include <string.h>

static void lookups(void **state) {
    (void)state;
    assert_true(allynet_dict_count() > 200);
    const allynet_actor_info *v = allynet_dict_lookup("VEN");
    assert_non_null(v);
    assert_string_equal(v->name, "Venezuela");
    assert_string_equal(v->kind, "state");
    assert_int_equal(v->cow_code, 101);
    assert_ptr_equal(allynet_dict_lookup("ve"), v);
    assert_ptr_equal(allynet_dict_lookup_cow(101), v);
    /* AUS is Australia by ISO but Austria by COW abbreviation. */
    assert_string_equal(allynet_dict_lookup("AUS")->name, "Australia");
    assert_string_equal(allynet_dict_lookup_cow_abbr("AUS")->id, "AUT");
    assert_string_equal(allynet_dict_lookup_cow(2)->id, "USA");
    assert_string_equal(allynet_dict_lookup_cow(365)->id, "RUS");
    assert_string_equal(allynet_dict_lookup("HEZ")->kind, "armed_group");
    assert_string_equal(allynet_dict_lookup("nato")->kind, "organization");
    assert_string_equal(allynet_dict_lookup("KSV")->id, "XKX");
    assert_non_null(allynet_dict_lookup("TWN"));
    assert_null(allynet_dict_lookup("QQQ"));
    assert_null(allynet_dict_lookup(""));
    assert_null(allynet_dict_lookup_cow(-5));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lookups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
