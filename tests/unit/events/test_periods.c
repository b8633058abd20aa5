/* test_periods.c — dates, periods (year, month, ISO week, day, windows) and the aggregator that
 * buckets ties into one graph per period (sums, maxima, accumulators, self-ties). */
#include "testutil.h"

#include "events/events_internal.h"

#include <string.h>

static void dates_parse(void **state) {
    (void)state;
    allynet__date d;
    assert_true(allynet__date_parse("2013-02-28", &d));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20130228);
    assert_true(allynet__date_parse("20120229", &d)); /* leap year */
    assert_true(allynet__date_parse("1949", &d));
    assert_int_equal(d.m * 100 + d.d, 101);
    assert_true(allynet__date_parse("2013-07", &d));
    assert_int_equal(d.m, 7);
    assert_true(allynet__date_parse("201307", &d));
    assert_true(allynet__date_parse("2013-07-04T12:00:00Z", &d));
    assert_int_equal(d.d, 4);
    assert_true(allynet__date_parse("2000-02-29", &d)); /* divisible by 400 */
    const char *bad[] = {"",         "2013-13-01",  "20130231", "19000229",   "0000", "abcd",
                         "2013-1-1", "2013-02-30x", "20130100", "2013/01/01", "99999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(allynet__date_parse(bad[i], &d));
    }
}

static void days_round_trip(void **state) {
    (void)state;
    assert_int_equal(allynet__date_days((allynet__date){1970, 1, 1}), 0);
    assert_int_equal(allynet__date_days((allynet__date){2000, 3, 1}), 11017);
    for (long x = -800000; x < 800000; x += 997) {
        allynet__date d = allynet__date_from_days(x);
        assert_int_equal(allynet__date_days(d), x);
    }
    char buf[11];
    allynet__date_format((allynet__date){1816, 1, 9}, buf);
    assert_string_equal(buf, "1816-01-09");
}

static void period_keys(void **state) {
    (void)state;
    allynet__period p;
    char s[11], e[11];
    allynet__period_of((allynet__date){2013, 2, 14}, ALLYNET_PERIOD_MONTH, 0, 0, &p);
    allynet__date_format(p.end, e);
    assert_string_equal(p.key, "2013-02");
    assert_string_equal(e, "2013-02-28");
    allynet__period_of((allynet__date){1949, 4, 4}, ALLYNET_PERIOD_YEAR, 0, 0, &p);
    assert_string_equal(p.key, "1949");
    allynet__period_of((allynet__date){2013, 1, 31}, ALLYNET_PERIOD_DAY, 0, 0, &p);
    assert_string_equal(p.key, "2013-01-31");
    /* ISO weeks: 2013-01-01 is in 2013-W01 (Mon 2012-12-31); 2021-01-03 is in 2020-W53. */
    allynet__period_of((allynet__date){2013, 1, 1}, ALLYNET_PERIOD_WEEK, 0, 0, &p);
    allynet__date_format(p.start, s);
    allynet__date_format(p.end, e);
    assert_string_equal(p.key, "2013-W01");
    assert_string_equal(s, "2012-12-31");
    assert_string_equal(e, "2013-01-06");
    allynet__period_of((allynet__date){2021, 1, 3}, ALLYNET_PERIOD_WEEK, 0, 0, &p);
    assert_string_equal(p.key, "2020-W53");
    allynet__period_of((allynet__date){2018, 12, 31}, ALLYNET_PERIOD_WEEK, 0, 0, &p);
    assert_string_equal(p.key, "2019-W01");
    /* windows: aligned on the origin modulo N */
    allynet__period_of((allynet__date){1955, 6, 1}, ALLYNET_PERIOD_YEAR, 10, 0, &p);
    assert_string_equal(p.key, "1950-1959");
    allynet__period_of((allynet__date){1949, 6, 1}, ALLYNET_PERIOD_YEAR, 4, 1946, &p);
    assert_string_equal(p.key, "1946-1949");
    allynet__period_of((allynet__date){1950, 1, 1}, ALLYNET_PERIOD_YEAR, 4, 1946, &p);
    assert_string_equal(p.key, "1950-1953");
    allynet__date_format(p.end, e);
    assert_string_equal(e, "1953-12-31");
}

static void aggregate(bool max_weight, double *w01, long *ev01, double *x01) {
    allynet__agg a;
    allynet_error err = {0};
    size_t s[3], b[2];
    allynet__agg_init(&a, false, 2, max_weight);
    assert_int_equal(allynet__agg_actor(&a, "USA", "United States", "state", NULL, &s[0], &err),
                     ALLYNET_OK);
    assert_int_equal(allynet__agg_actor(&a, "VEN", NULL, NULL, NULL, &s[1], &err), ALLYNET_OK);
    assert_int_equal(allynet__agg_actor(&a, "USA", NULL, NULL, NULL, &s[2], &err), ALLYNET_OK);
    assert_int_equal(s[2], s[0]); /* the same id: the same slot */
    allynet__period p1, p2;
    allynet__period_of((allynet__date){2001, 5, 1}, ALLYNET_PERIOD_YEAR, 0, 0, &p1);
    allynet__period_of((allynet__date){1999, 5, 1}, ALLYNET_PERIOD_YEAR, 0, 0, &p2);
    assert_int_equal(allynet__agg_bucket(&a, &p1, &b[0], &err), ALLYNET_OK);
    assert_int_equal(allynet__agg_bucket(&a, &p2, &b[1], &err), ALLYNET_OK);
    double x[2] = {1, 10};
    assert_int_equal(allynet__agg_add(&a, b[0], s[0], s[1], 2, 1, x, &err), ALLYNET_OK);
    assert_int_equal(allynet__agg_add(&a, b[0], s[1], s[0], 3, 1, x, &err), ALLYNET_OK);
    assert_int_equal(allynet__agg_add(&a, b[1], s[0], s[1], -1, 4, NULL, &err), ALLYNET_OK);
    assert_int_equal(allynet__agg_add(&a, b[1], s[0], s[0], 1, 1, NULL, &err), ALLYNET_E_INPUT);
    allynet__agg_sort(&a);
    assert_string_equal(a.buckets[0].period.key, "1999"); /* sorted by start */
    const allynet_graph *g = a.buckets[1].g;
    assert_int_equal(allynet_graph_tie_count(g), 1);
    *w01 = allynet_graph_tie(g, 0)->weight;
    *ev01 = allynet_graph_tie(g, 0)->events;
    x01[0] = a.buckets[1].extra[0];
    x01[1] = a.buckets[1].extra[1];
    assert_string_equal(allynet_graph_actor(g, 0)->name, "United States");
    allynet__agg_destroy(&a);
}

static void aggregator(void **state) {
    (void)state;
    double w, x[2];
    long ev;
    aggregate(false, &w, &ev, x);
    assert_close(w, 5, 1e-12); /* undirected: both directions on one tie, summed */
    assert_int_equal(ev, 2);
    assert_close(x[0], 2, 1e-12);
    assert_close(x[1], 20, 1e-12);
    aggregate(true, &w, &ev, x);
    assert_close(w, 3, 1e-12); /* the largest */
    assert_int_equal(ev, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_parse),
        cmocka_unit_test(days_round_trip),
        cmocka_unit_test(period_keys),
        cmocka_unit_test(aggregator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
