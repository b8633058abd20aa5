/* test_vocabulary.c — the cue vocabulary of `allynet extract` (graphs/lexicon.tsv): common CAMEO
 * verbs and nouns of wire copy, each coded on a small sentence we wrote, with the sign it must
 * give and a sentence where the same words must give nothing. */
#include "testutil.h"

#include <stdlib.h>

static void test_material_conflict_verbs(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Moroccan police beat up Algerian migrants at the border.",
                                      "MAR", "DZA") < 0);
    assert_true(allynet_test_text_tie("Ethiopian troops retook two towns in Eritrea on Monday.",
                                      "ETH", "ERI") < 0);
    assert_true(allynet_test_text_tie("Sudanese forces forced out hundreds of Chadian herders.",
                                      "SDN", "TCD") < 0);
    assert_true(allynet_test_text_tie("Indian troops engaged Chinese soldiers in combat.", "IND",
                                      "CHN") < 0);
    assert_true(allynet_test_text_tie(
                    "Hackers working for Iran managed to hack into Israeli ministry servers.",
                    "IRN", "ISR") < 0);
    assert_true(allynet_test_text_tie("Armenia said an Azerbaijani cyberattack hit its power grid.",
                                      "AZE", "ARM") < 0);
    /* "beat" alone is a match result, not a beating */
    assert_close(
        allynet_test_text_tie("Brazil beat Argentina two to one in the final.", "BRA", "ARG"), 0.0,
        1e-12);
}

static void test_curfews_and_emergencies(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Serbia imposed a curfew in Kosovo after the riots.", "SRB",
                                      "XKX") < 0);
    assert_true(
        allynet_test_text_tie("Egypt reimposed blockades on the Gaza Strip.", "EGY", "PSE") < 0);
    assert_true(allynet_test_text_tie("Saudi Arabia imposed a blockade on Qatar.", "SAU", "QAT") <
                0);
    assert_true(allynet_test_text_tie("Serbia relaxed its emergency measures in Kosovo.", "SRB",
                                      "XKX") > 0);
    /* peacekeepers sent or deployed to a country protect it (CAMEO 074) */
    assert_true(
        allynet_test_text_tie("Nepal will deploy 500 peacekeepers in Lebanon.", "NPL", "LBN") > 0);
    assert_true(allynet_test_text_tie("Nepal refused to send peacekeepers to Mali.", "NPL", "MLI") <
                0);
    /* lifting it eases the measure (CAMEO 085) */
    assert_true(allynet_test_text_tie("Serbia lifted the night curfew in Kosovo on Sunday.", "SRB",
                                      "XKX") > 0);
}

static void test_giving_and_compensating(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Japan will give Vietnam a grant for two hospitals.", "JPN",
                                      "VNM") > 0);
    assert_true(allynet_test_text_tie("Norway gave Mozambique a loan of 40 million dollars.", "NOR",
                                      "MOZ") > 0);
    assert_true(allynet_test_text_tie("Iraq agreed to pay compensation to Kuwait.", "IRQ", "KWT") >
                0);
    /* extradition to a state is judicial cooperation with it (CAMEO 063) */
    assert_true(allynet_test_text_tie("Spain extradited a fugitive banker to Argentina.", "ESP",
                                      "ARG") > 0);
    /* an embassy opened in a capital is opened with that state */
    assert_true(
        allynet_test_text_tie("Chile will open an embassy in Hanoi next year.", "CHL", "VNM") > 0);
}

static void test_travel_advisories(void **state) {
    (void)state;
    /* a warning against travel to a country is a cut, not a visit */
    assert_true(allynet_test_text_tie("China advised its citizens against travel to Japan.", "CHN",
                                      "JPN") < 0);
    assert_true(
        allynet_test_text_tie("Britain advised against all travel to Haiti.", "GBR", "HTI") < 0);
    assert_true(allynet_test_text_tie("Canada issued a travel warning for India.", "CAN", "IND") <
                0);
    assert_true(
        allynet_test_text_tie("Canada's prime minister will travel to India.", "CAN", "IND") > 0);
}

static void test_gratitude(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("Ukraine expressed its gratitude to Turkey for the mediation.", "UKR",
                              "TUR") > 0);
    assert_true(
        allynet_test_text_tie("Kenya voiced its appreciation for Japan's help.", "KEN", "JPN") > 0);
}

static void test_membership_and_countermeasures(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Hungarian lawmakers finally approved Finland's bid to join NATO.", NULL);
    assert_true(allynet_test_tie_weight(g, "HUN", "FIN") > 0);
    assert_true(allynet_test_tie_weight(g, "FIN", "NATO") > 0);
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("Russia will take countermeasures against Finland's accession.",
                              "RUS", "FIN") < 0);
    assert_true(
        allynet_test_text_tie("Ukraine applauded Moldova's accession to the European Union.", "MDA",
                              "EU") > 0);
}

static void test_shared_ground_is_no_cooperation(void **state) {
    (void)state;
    assert_close(
        allynet_test_text_tie("Chad, which shares a long frontier with Libya, closed its embassy.",
                              "TCD", "LBY"),
        0.0, 1e-12);
    assert_true(allynet_test_text_tie("Chad will share intelligence with Libya.", "TCD", "LBY") >
                0);
}

static void test_exercises_with(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("China held naval exercises with Russia in July.", "CHN", "RUS") > 0);
    assert_true(allynet_test_text_tie("The United States staged military flights with Guyana.",
                                      "USA", "GUY") > 0);
}

static void test_missile_launches(void **state) {
    (void)state;
    /* a missile fired toward or over a country is a show of force at it (CAMEO 150) */
    assert_true(allynet_test_text_tie("North Korea fired a ballistic missile over Japan.", "PRK",
                                      "JPN") < 0);
    /* the launch a verb of disapproval judges is no reply to the judge */
    allynet_graph *g = allynet_test_extract("Japan condemned North Korea's missile launch.", NULL);
    assert_true(allynet_test_tie_weight(g, "JPN", "PRK") < 0);
    assert_close(allynet_test_tie_weight(g, "PRK", "JPN"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_verbal_conflict_nouns(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Britain presented evidence against Russia at the meeting.",
                                      "GBR", "RUS") < 0);
    /* summoning any of a state's diplomats is a rebuke (CAMEO 111) */
    assert_true(allynet_test_text_tie("Algiers summoned the French charge d'affaires on Monday.",
                                      "DZA", "FRA") < 0);
    assert_true(allynet_test_text_tie("Berlin summoned two Russian diplomats on Friday.", "DEU",
                                      "RUS") < 0);
    assert_true(allynet_test_text_tie("Hungary voiced its disapproval of Ukraine's language law.",
                                      "HUN", "UKR") < 0);
    /* charges named by an adjective: "called X's decision shameful" */
    assert_true(allynet_test_text_tie("Qatar called Egypt's decision shameful.", "QAT", "EGY") < 0);
    assert_true(allynet_test_text_tie("Beijing called the Japanese move reckless and hypocritical.",
                                      "CHN", "JPN") < 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_material_conflict_verbs),
        cmocka_unit_test(test_curfews_and_emergencies),
        cmocka_unit_test(test_giving_and_compensating),
        cmocka_unit_test(test_travel_advisories),
        cmocka_unit_test(test_gratitude),
        cmocka_unit_test(test_membership_and_countermeasures),
        cmocka_unit_test(test_shared_ground_is_no_cooperation),
        cmocka_unit_test(test_exercises_with),
        cmocka_unit_test(test_missile_launches),
        cmocka_unit_test(test_verbal_conflict_nouns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
