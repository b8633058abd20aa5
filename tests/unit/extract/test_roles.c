/* test_roles.c — the role and coreference rules of `allynet extract` on small sentences we wrote:
 * objects after a cue's own preposition or inside its gap, numbered group anaphors, reciprocal
 * event anaphors, idioms that are not events, halting and lifting verbs, reciprocal and
 * one-sided verbs, "former", reactions without an object, appositive names in a coordination,
 * "but" + verb, "joined X in", negation carried to a noun cue, what "the move" refers to, truces
 * between warring parties, talks between X and Y, co-agents, charged acts, judged event nouns,
 * groups of more than four, speakers named by title alone, joint exercises, topics, background
 * history, disputes, wars in a place, settling agreements, denials, support for strikes,
 * conditions and conditional threats, asides, appositives, mediators without parties, complaints
 * about owned acts, "where" clauses, "faces sanctions from X", "said Y must", reported prices. */
#include "testutil.h"

#include "extract/extract_int.h"

#include <stdlib.h>
#include <string.h>

static void test_object_after_cue_preposition(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("North Korea fired two missiles at Seoul on Monday.", "PRK",
                                      "KOR") < 0); /* "at Seoul" is the target, not a place */
    assert_close(
        allynet_test_text_tie("North Korea held a parade in Pyongyang while Japan sat at Seoul.",
                              "PRK", "KOR"),
        0.0, 1e-12); /* no cue ends in "at": a place */
}

static void test_object_inside_gap(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("Nigeria summoned Niger's ambassador on Tuesday.", "NGA", "NER") < 0);
}

static void test_numbered_group(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("The United States and Britain will help Australia build "
                             "submarines. China accused the three governments of provocation.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "CHN", "USA") < 0);
    assert_true(allynet_test_tie_weight(g, "CHN", "GBR") < 0);
    assert_true(allynet_test_tie_weight(g, "CHN", "AUS") <
                0); /* the target of the help is the third government */
    allynet_graph_free(g);
    assert_close(
        allynet_test_text_tie("Chile praised Peru. Brazil accused the three governments of lying.",
                              "BRA", "PER"),
        0.0, 1e-12); /* two parties cannot be "the three" */
}

static void test_reciprocal_event_anaphor(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Japan and South Korea held talks in Tokyo. China criticised the talks.", NULL);
    assert_true(allynet_test_tie_weight(g, "CHN", "JPN") < 0);
    assert_true(allynet_test_tie_weight(g, "CHN", "KOR") < 0);
    assert_true(allynet_test_tie_weight(g, "JPN", "KOR") > 0);
    allynet_graph_free(g);
}

static void test_idioms_are_not_events(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("China accused Japan and Australia of a Cold War mentality.", NULL);
    assert_true(allynet_test_tie_weight(g, "CHN", "JPN") < 0);
    assert_close(allynet_test_tie_weight(g, "JPN", "AUS"), 0.0,
                 1e-12); /* "Cold War" is no war between them */
    allynet_graph_free(g);
    assert_close(allynet_test_text_tie("Syria and Iraq spent years in civil war.", "SYR", "IRQ"),
                 0.0, 1e-12);
}

static void test_halting_and_lifting(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("India suspended its water treaty with Pakistan.", NULL);
    assert_true(allynet_test_tie_weight(g, "IND", "PAK") < 0);
    assert_close(allynet_test_tie_weight(g, "PAK", "IND"), 0.0, 1e-12); /* Pakistan did nothing */
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("The United States lifted its embargo on Cuba.", "USA", "CUB") > 0);
    assert_true(
        allynet_test_text_tie("The United States imposed an embargo on Cuba.", "USA", "CUB") < 0);
}

static void test_reciprocal_and_one_sided_verbs(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Armenia clashed with Azerbaijan. France telephoned Mali.", NULL);
    assert_true(allynet_test_tie_weight(g, "ARM", "AZE") < 0);
    assert_true(allynet_test_tie_weight(g, "AZE", "ARM") < 0); /* fighting takes two */
    assert_true(allynet_test_tie_weight(g, "FRA", "MLI") > 0);
    assert_close(allynet_test_tie_weight(g, "MLI", "FRA"), 0.0,
                 1e-12); /* the one called did nothing */
    allynet_graph_free(g);
}

static void test_former_office(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Hungary praised former U.S. President Donald Trump.", "2022-08-03");
    assert_int_equal(allynet_graph_find_actor(g, "USA"), -1);
    allynet_graph_free(g);
    g = allynet_test_extract("Namibia, a former German colony, criticised Britain.", NULL);
    assert_int_equal(allynet_graph_find_actor(g, "DEU"), -1);
    assert_true(allynet_test_tie_weight(g, "NAM", "GBR") < 0);
    allynet_graph_free(g);
}

static void test_reaction_without_object(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Britain expelled Russian diplomats. Moscow vowed to retaliate.", NULL);
    assert_true(allynet_test_tie_weight(g, "GBR", "RUS") < 0);
    assert_true(allynet_test_tie_weight(g, "RUS", "GBR") <
                0); /* the reaction is aimed at who acted on Moscow */
    allynet_graph_free(g);
    assert_close(allynet_test_text_tie(
                     "Britain expelled Russian diplomats. Peru vowed to retaliate.", "PER", "GBR"),
                 0.0, 1e-12); /* Peru was not acted on */
}

static void test_appositive_coordination(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Biden thanked Qatar's emir, Sheikh Tamim bin Hamad Al Thani, and "
                             "Egyptian President Abdel Fattah al-Sisi for their help.",
                             "2023-11-22");
    assert_true(allynet_test_tie_weight(g, "USA", "QAT") > 0);
    assert_true(allynet_test_tie_weight(g, "USA", "EGY") > 0);
    allynet_graph_free(g);
}

static void test_but_takes_subject(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("Iran said the matter was closed but warned Washington to stay out.",
                              "IRN", "USA") < 0);
}

static void test_joined_in(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Brazil and Colombia joined Washington in calling on Maduro to step aside.", "2019-01-24");
    assert_true(allynet_test_tie_weight(g, "USA", "VEN") < 0);
    assert_true(allynet_test_tie_weight(g, "BRA", "VEN") < 0);
    assert_true(allynet_test_tie_weight(g, "COL", "VEN") < 0);
    assert_true(allynet_test_tie_weight(g, "BRA", "USA") >
                0); /* joining X in an act sides with X */
    allynet_graph_free(g);
}

static void test_negation_carries_to_noun(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Russia would not provide support to Iran.", "RUS", "IRN") <
                0); /* a refusal, not support */
}

static void test_the_move_is_the_act(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("The United States sanctioned Iran. France regretted the decision. "
                             "Israel praised the move.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "FRA", "USA") < 0);
    assert_true(allynet_test_tie_weight(g, "ISR", "USA") > 0);
    assert_close(allynet_test_tie_weight(g, "ISR", "FRA"), 0.0,
                 1e-12); /* France's regret was words, not the move */
    allynet_graph_free(g);
}

static void test_military_act_on_territory(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Israel struck weapons sites across Syria.", "ISR", "SYR") <
                0);
    assert_close(allynet_test_text_tie("Israel praised firms across Syria.", "ISR", "SYR"), 0.0,
                 1e-12); /* only a military act reaches a place */
}

static void test_withdrawal_from_a_deal(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("The United States pulled out of the nuclear deal with Iran. "
                             "Israel welcomed the move.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "USA", "IRN") < 0); /* leaving the deal, not making it */
    assert_close(allynet_test_tie_weight(g, "IRN", "USA"), 0.0, 1e-12); /* Iran did nothing */
    assert_true(allynet_test_tie_weight(g, "ISR", "USA") > 0);
    allynet_graph_free(g);
}

static void test_nationality_owns_noun_cue(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Egypt condemned the Israeli incursion as a violation of Syria's sovereignty.", NULL);
    assert_true(allynet_test_tie_weight(g, "EGY", "ISR") < 0);
    assert_true(allynet_test_tie_weight(g, "ISR", "SYR") < 0); /* the incursion is Israel's */
    assert_close(allynet_test_tie_weight(g, "EGY", "SYR"), 0.0, 1e-12); /* not Egypt's */
    allynet_graph_free(g);
}

static void test_organ_stands_for_actor(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie(
                    "Seoul was angry. The foreign ministry summoned the Russian ambassador.", "KOR",
                    "RUS") < 0);
    allynet_graph *g =
        allynet_test_extract("The foreign ministry summoned the Russian ambassador.", NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0); /* nothing to stand for */
    allynet_graph_free(g);
}

static void test_linking_passive(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Hamas, once close to Qatar, remains designated a terrorist group "
                             "by the United States and Britain.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "USA", "HAM") < 0);
    assert_true(allynet_test_tie_weight(g, "GBR", "HAM") < 0);
    assert_close(allynet_test_tie_weight(g, "HAM", "USA"), 0.0, 1e-12); /* the agent follows "by" */
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Cuba and Nicaragua remain aligned with Venezuela.", "CUB",
                                      "VEN") > 0); /* no agent: not a passive */
}

static void test_restraint_takes_no_side(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("China urged India and Pakistan to exercise restraint.", NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0);
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("China urged India to withdraw its troops.", "CHN", "IND") !=
                0.0); /* an appeal with content still codes */
}

static void test_same_relation_target(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Germany will send tanks to Ukraine. Hours later Washington said it "
                             "would supply tanks as well.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "DEU", "UKR") > 0);
    assert_true(allynet_test_tie_weight(g, "USA", "UKR") > 0);
    allynet_graph_free(g);
}

static void test_called_a_threat(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("Venezuela seized oil fields in Guyana. Georgetown called the moves "
                              "an existential threat.",
                              "GUY", "VEN") < 0); /* the moves were Venezuela's */
}

static void test_the_bloc(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "ECOWAS imposed sanctions on Niger. Paris said it backed the bloc's efforts.", NULL);
    assert_true(allynet_test_tie_weight(g, "ECOWAS", "NER") < 0);
    assert_true(allynet_test_tie_weight(g, "FRA", "ECOWAS") > 0);
    allynet_graph_free(g);
    g = allynet_test_extract("Paris said it backed the bloc's efforts.", NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0); /* no organization named before */
    allynet_graph_free(g);
}

static void test_war_in_a_country(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract("Pyongyang supported Moscow's war in Ukraine.", NULL);
    assert_true(allynet_test_tie_weight(g, "PRK", "RUS") > 0);
    assert_true(allynet_test_tie_weight(g, "RUS", "UKR") < 0);
    allynet_graph_free(g);
}

static void test_opposed_to(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Israel is opposed to French mediation.", "ISR", "FRA") <
                0); /* an adjective, not a passive */
}

static void test_and_opens_new_clause(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Germany will send tanks to Ukraine, and Biden said Washington would "
                             "supply tanks.",
                             "2023-01-25");
    assert_true(allynet_test_tie_weight(g, "DEU", "UKR") > 0);
    assert_close(allynet_test_tie_weight(g, "DEU", "USA"), 0.0,
                 1e-12); /* Biden is the next clause's subject */
    assert_true(allynet_test_tie_weight(g, "USA", "UKR") > 0);
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Russia, Iran, and Syria signed a pact with Belarus.", "SYR",
                                      "BLR") > 0); /* a list of subjects stays one */
}

static void test_reported_charges(void **state) {
    (void)state;
    assert_true(
        allynet_test_text_tie("Beijing said Washington's arms sales to Taiwan were a provocation.",
                              "CHN", "USA") < 0); /* a charge after a copula in reported speech */
    assert_true(allynet_test_text_tie("Tehran described the U.S. strikes as an act of aggression.",
                                      "IRN", "USA") < 0); /* "described X as" reaches across "as" */
    assert_true(allynet_test_text_tie("Moscow said Kyiv had attacked its territory.", "UKR",
                                      "RUS") < 0); /* the owner of the territory is hit */
}

static void test_led_by(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie(
                    "Syrian rebels led by Hayat Tahrir al-Sham captured Damascus on Sunday.", "HTS",
                    "SYR") < 0); /* the leader of the subject acts */
}

static void test_armed_adjective(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie(
                    "Chinese coast guard personnel armed with knives boarded Philippine boats.",
                    "CHN", "PHL") < 0); /* "armed with" is no arms delivery */
    assert_true(allynet_test_text_tie("Iran has armed Hezbollah for decades.", "IRN", "HEZ") > 0);
}

static double tie(const allynet_graph *g, const char *a, const char *b) {
    return allynet_test_tie_weight(g, a, b);
}

static void test_truce_presupposes_fighting(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Armenia and Azerbaijan agreed to a ceasefire on Sunday.", NULL);
    assert_true(tie(g, "ARM", "AZE") < 0); /* a truce nets as hostile between its parties */
    assert_true(tie(g, "AZE", "ARM") < 0);
    allynet_graph_free(g);
    g = allynet_test_extract("Turkey brokered a truce between Armenia and Azerbaijan.", NULL);
    assert_true(tie(g, "TUR", "ARM") > 0); /* the mediator acts on both parties */
    assert_true(tie(g, "TUR", "AZE") > 0);
    assert_true(tie(g, "ARM", "AZE") < 0);
    assert_close(tie(g, "ARM", "TUR"), 0.0, 1e-12); /* the parties did nothing to the broker */
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Egypt has mediated truce talks with Hamas.", "EGY", "HAM") >=
                0); /* "truce talks": no truce between Egypt and Hamas */
}

static void test_talks_between_parties(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Oman hosted talks between Iran and the United States.", NULL);
    assert_true(tie(g, "OMN", "IRN") > 0);
    assert_true(tie(g, "OMN", "USA") > 0);
    assert_true(tie(g, "IRN", "USA") > 0); /* the talks are the parties' */
    assert_close(tie(g, "IRN", "OMN"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_coagent_acts_with_subject(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Norway, together with Sweden, supported Colombia.", NULL);
    assert_true(tie(g, "NOR", "COL") > 0);
    assert_true(tie(g, "SWE", "COL") > 0); /* "together with" adds a subject, not a partner */
    assert_close(tie(g, "NOR", "SWE"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_charged_act_is_a_claim(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Serbia accused Croatia of supplying weapons to Kosovo.", NULL);
    assert_true(tie(g, "SRB", "HRV") < 0);
    assert_close(tie(g, "HRV", "XKX"), 0.0, 1e-12); /* the charge, not a supply */
    assert_close(tie(g, "HRV", "SRB"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_judged_event_noun(void **state) {
    (void)state;
    assert_close(allynet_test_text_tie("Egypt condemned the strikes on Lebanon.", "EGY", "LBN"),
                 0.0, 1e-12); /* Egypt did not strike */
    allynet_graph *g = allynet_test_extract("Egypt condemned Israel's strikes on Lebanon.", NULL);
    assert_true(tie(g, "EGY", "ISR") < 0);
    assert_true(tie(g, "ISR", "LBN") < 0); /* the possessor did */
    allynet_graph_free(g);
    g = allynet_test_extract("Jordan criticised the Israeli raids on Syria.", NULL);
    assert_true(tie(g, "ISR", "SYR") < 0); /* a nationality before the noun did */
    assert_close(tie(g, "JOR", "SYR"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_group_of_six(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Venezuela withdrew its diplomats from Argentina, Chile, Peru, Panama, Uruguay and "
        "Ecuador. The six condemned the decision.",
        NULL);
    static const char *const six[] = {"ARG", "CHL", "PER", "PAN", "URY", "ECU"};
    for (size_t i = 0; i < 6; i++) {
        assert_true(tie(g, "VEN", six[i]) < 0);
        assert_true(tie(g, six[i], "VEN") < 0); /* "the six" are the six targets */
    }
    assert_close(tie(g, "ARG", "CHL"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_titled_speaker(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie(
                    "Japan protested on Monday. The foreign minister also criticised Beijing.",
                    "JPN", "CHN") < 0); /* the minister speaks for the latest subject */
    assert_true(
        allynet_test_text_tie("Peru recalled its envoy. Officials later criticised Bolivia.", "PER",
                              "BOL") < 0);
}

static void test_joint_exercises(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Indian and French warships held war games off Goa.", NULL);
    assert_true(tie(g, "IND", "FRA") > 0); /* exercises held together */
    assert_true(tie(g, "FRA", "IND") > 0);
    allynet_graph_free(g);
}

static void test_demanded_act_and_time_adjunct(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Chile demanded on Friday that Peru release the prisoners.", NULL);
    assert_true(tie(g, "CHL", "PER") < 0);          /* the time adjunct is skipped */
    assert_close(tie(g, "PER", "CHL"), 0.0, 1e-12); /* the demanded release has not happened */
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie(
                    "Chile insisted that Bolivia is wrong and has accused Peru of spying.", "CHL",
                    "PER") < 0); /* "and has accused": a new clause, not demanded */
}

static void test_voted_with(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Belarus and Nicaragua voted with Russia against the resolution.", NULL);
    assert_true(tie(g, "BLR", "RUS") > 0);
    assert_true(tie(g, "NIC", "RUS") > 0);
    assert_close(tie(g, "BLR", "NIC"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_judged_noun_from(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Beijing rejected criticism from Canberra on Monday.", "CHN",
                                      "AUS") < 0); /* the critic is the target of the rejection */
    allynet_graph *g =
        allynet_test_extract("The United States threatened Cuba with new sanctions.", NULL);
    assert_true(tie(g, "USA", "CUB") < 0);
    assert_close(tie(g, "CUB", "USA"), 0.0, 1e-12); /* the sanctions are the threat's means */
    allynet_graph_free(g);
}

static void test_sea_is_a_place(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Vietnam and France agree that disputes in the South China Sea need arbitration.", NULL);
    assert_true(tie(g, "VNM", "FRA") > 0);
    assert_close(tie(g, "VNM", "CHN"), 0.0, 1e-12); /* a sea named after China is a place */
    allynet_graph_free(g);
}

static void test_reported_must(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Brazil said on Monday that Paraguay must pay its debts.",
                                      "BRA", "PRY") < 0); /* a demand from the speaker */
    assert_close(allynet_test_text_tie("Paraguay must pay its debts, a Brazilian newspaper wrote.",
                                       "PRY", "BRA"),
                 0.0, 1e-12); /* no reported speech: no demand */
    assert_true(
        allynet_test_text_tie("Lula said Brazil and Paraguay must deepen their cooperation.", "BRA",
                              "PRY") > 0); /* a call for cooperation is no demand */
}

static void test_the_two_sides(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Serbia and Kosovo agreed to normalise ties. Germany praised Hungary on Monday. France, "
        "which hosted earlier talks between the two sides, praised Serbia.",
        NULL);
    assert_true(tie(g, "FRA", "XKX") > 0); /* the two sides of the latest reciprocal event */
    assert_close(tie(g, "FRA", "HUN"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_member_ally_against_possessive_noun(void **state) {
    (void)state;
    assert_close(
        allynet_test_text_tie("It was the worst clash between a NATO member and Russia in years.",
                              "NATO", "RUS"),
        0.0, 1e-12); /* a member is not the alliance */
    assert_close(allynet_test_text_tie("Canada said the deal would help a key ally against Iran.",
                                       "CAN", "IRN"),
                 0.0, 1e-12); /* the adversary, not the ally */
    assert_close(
        allynet_test_text_tie("Japan criticised buyers of Russia's arms in Asia.", "RUS", "JPN"),
        0.0, 1e-12); /* "arms" after a possessive: a noun */
}

static void test_joined_x_in(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Belarus, Eritrea and Syria joined Russia in voting against the text. Kyiv thanked the "
        "countries that backed it.",
        NULL);
    assert_true(tie(g, "BLR", "RUS") > 0); /* joining X in an act sides with X */
    assert_true(tie(g, "SYR", "RUS") > 0);
    assert_close(tie(g, "UKR", "BLR"), 0.0, 1e-12); /* "the countries that ...": no anaphor */
    assert_close(tie(g, "UKR", "RUS"), 0.0, 1e-12); /* thanks are no material act to share */
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("The Kremlin dismissed the pledges by Germany as a provocation.",
                              "RUS", "DEU") < 0);
}

static void test_wishes_and_peaceful_appeals(void **state) {
    (void)state;
    assert_close(allynet_test_text_tie(
                     "Paris wanted Belgrade to commit to direct talks with Kosovo.", "SRB", "XKX"),
                 0.0, 1e-12); /* a wish, not talks */
    assert_false(
        allynet_test_text_tie("Chile urged Peru and Bolivia to settle their dispute peacefully.",
                              "CHL", "PER") < 0); /* an appeal for peace demands nothing hostile */
}

static void test_partner_named_later(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Morocco and Sudan signed accords to normalise relations with Israel.", NULL);
    assert_true(tie(g, "MAR", "ISR") > 0);
    assert_true(tie(g, "SDN", "ISR") > 0);
    assert_close(tie(g, "MAR", "SDN"), 0.0, 1e-12); /* the partner is Israel, not each other */
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Chile and Peru signed a trade deal on Monday.", "CHL",
                                      "PER") > 0); /* no partner named: each other */
}

static void test_accusation_that(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Serbia rejected Croatia's accusation that it was arming rebels.", NULL);
    assert_true(tie(g, "HRV", "SRB") < 0); /* the accused is the clause's subject */
    assert_true(tie(g, "SRB", "HRV") < 0); /* the rejection */
    allynet_graph_free(g);
}

static void test_topic_is_no_partner(void **state) {
    (void)state;
    assert_close(
        allynet_test_text_tie(
            "Japan pledged to share data on Chinese missile tests with Australia.", "JPN", "CHN"),
        0.0, 1e-12); /* the topic of the data */
}

static void test_background_conflict(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Peru and Ecuador signed a trade pact, closing a rivalry between neighbours that fought "
        "a jungle war.",
        NULL);
    assert_true(tie(g, "PER", "ECU") > 0); /* the war is history, the pact is today's event */
    assert_true(tie(g, "ECU", "PER") > 0);
    allynet_graph_free(g);
    g = allynet_test_extract("Chile signed a gas deal with Bolivia, which had fought a war with "
                             "Chile.",
                             NULL);
    assert_true(tie(g, "CHL", "BOL") > 0);
    assert_true(tie(g, "BOL", "CHL") > 0); /* "which had fought": history */
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("Armenia and Azerbaijan had clashed for years. On Friday the two "
                              "countries signed a treaty.",
                              "ARM", "AZE") > 0); /* pluperfect: the clashes came before */
    assert_true(
        allynet_test_text_tie("Japan said North Korea had fired a missile at it.", "PRK", "JPN") <
        -5); /* reported pluperfect: today's news, full weight */
    assert_true(allynet_test_text_tie("Ghana and Togo agreed to end the price war on cocoa.", "GHA",
                                      "TGO") > 0); /* ending a war is no war */
    assert_true(allynet_test_text_tie(
                    "Chad signed a deal with Sudan, which had waged a proxy war against Chad.",
                    "SDN", "TCD") > 0); /* the war noun inside the relative is history too */
    assert_true(allynet_test_text_tie("Kuwait and Iraq ended a price war.", "IRQ", "KWT") > 0);
}

static void test_denial_codes_nothing(void **state) {
    (void)state;
    assert_close(allynet_test_text_tie("Uganda denies backing Sudan's army.", "UGA", "SDN"), 0.0,
                 1e-12); /* no support, and no act towards Sudan */
    assert_true(
        allynet_test_text_tie("Kenya accused Uganda of arming the rebels, which Uganda denied.",
                              "KEN", "UGA") < 0);
    assert_true(allynet_test_text_tie("Uganda refused to back Sudan.", "UGA", "SDN") <
                0); /* a refusal still rejects */
}

static void test_political_clash(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract("Italy and Austria clashed over border checks.", NULL);
    double w = tie(g, "ITA", "AUT");
    assert_true(w < 0 && w > -5); /* a dispute, not fighting */
    allynet_graph_free(g);
    g = allynet_test_extract("Poland clashed with Hungary on migration quotas.", NULL);
    w = tie(g, "POL", "HUN");
    assert_true(w < 0 && w > -5);
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Indian and Chinese troops clashed over a ridge in Ladakh.",
                                      "IND", "CHN") <= -10); /* troops fight */
    assert_true(allynet_test_text_tie("Thailand and Cambodia clashed on the border.", "THA",
                                      "KHM") <= -10); /* on the border: fighting */
}

static void test_war_in_is_a_place(void **state) {
    (void)state;
    assert_close(allynet_test_text_tie("Norway urged an end to the war in Libya.", "NOR", "LBY"),
                 0.0, 1e-12);
    assert_close(
        allynet_test_text_tie("Kenya welcomed the lull in fighting in Somalia.", "KEN", "SOM"), 0.0,
        1e-12);
    assert_close(
        allynet_test_text_tie("Militias backed by Chad were fighting in Libya.", "TCD", "LBY"), 0.0,
        1e-12);
    assert_true(allynet_test_text_tie("Britain condemned the war on Ukraine.", "GBR", "UKR") <=
                0); /* "war on X": X is a party */
}

static void test_settling_agreements(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Bolivia and Chile announced a reconciliation on Tuesday.",
                                      "BOL", "CHL") > 0);
    assert_true(allynet_test_text_tie("The rapprochement between Turkey and Armenia continued.",
                                      "TUR", "ARM") > 0);
    assert_true(allynet_test_text_tie("Ghana reconciled with Togo after a long quarrel.", "GHA",
                                      "TGO") > 0);
    assert_true(allynet_test_text_tie("Kenya and Uganda agreed to the normalisation of relations.",
                                      "KEN", "UGA") > 0);
    assert_true(allynet_test_text_tie("Kuwait and Iraq will deepen output cuts together.", "KWT",
                                      "IRQ") > 0); /* producers cutting together cooperate */
    allynet_graph *g = allynet_test_extract("Kuwait announced output cuts.", NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0); /* alone: no partner */
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("Kuwait and Iraq signed a peace agreement ending their border war.",
                              "IRQ", "KWT") > 0);
}

static void test_support_for_strikes(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "Britain and France bombed Libya. Italy, Spain, Qatar and Denmark provided support for "
        "the strikes.",
        NULL);
    assert_true(tie(g, "QAT", "GBR") > 0); /* with every striker */
    assert_true(tie(g, "QAT", "FRA") > 0);
    assert_close(tie(g, "QAT", "ESP"), 0.0, 1e-12); /* not with one another */
    assert_close(tie(g, "ITA", "DNK"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_owner_of_hit_sites(void **state) {
    (void)state;
    /* "its nuclear sites", "its power grid": the possessor of what a military act hit is hit */
    assert_true(allynet_test_text_tie("Iran said Israel struck its nuclear sites.", "ISR", "IRN") <
                0);
    assert_true(allynet_test_text_tie("Kyiv said Moscow had bombed its power grid overnight.",
                                      "RUS", "UKR") < 0);
    allynet_graph *g = allynet_test_extract("Israel struck its enemies in the north.", NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0); /* not a thing of another actor */
    allynet_graph_free(g);
}

static void test_conditions(void **state) {
    (void)state;
    /* a threat made on a condition is aimed at the condition's subject */
    assert_true(
        allynet_test_text_tie(
            "Russia threatened to halt the talks if the United States deployed missiles in Europe.",
            "RUS", "USA") < 0);
    /* what the condition names has not happened */
    assert_close(allynet_test_text_tie(
                     "China said it would retaliate if Canada sanctioned Beijing.", "CAN", "CHN"),
                 0.0, 1e-12);
    assert_close(
        allynet_test_text_tie("Unless Serbia attacks Kosovo, NATO will keep its troops at home.",
                              "SRB", "XKX"),
        0.0, 1e-12);
}

static void test_asides_weigh_half(void **state) {
    (void)state;
    /* a non-restrictive relative or an appositive on an actor: a standing fact at half weight */
    allynet_graph *g =
        allynet_test_extract("Iran, which backs Hamas, condemned Israel on Monday.", NULL);
    assert_close(allynet_test_tie_weight(g, "IRN", "HAM"), 1.7, 1e-9);
    assert_close(allynet_test_tie_weight(g, "IRN", "ISR"), -2.0, 1e-9);
    allynet_graph_free(g);
    assert_close(
        allynet_test_text_tie("Russia, a close ally of Serbia, criticised Kosovo.", "RUS", "SRB"),
        1.75, 1e-9);
    g = allynet_test_extract("Iran backs Hamas.", NULL); /* the news itself: full weight */
    assert_close(allynet_test_tie_weight(g, "IRN", "HAM"), 3.4, 1e-9);
    allynet_graph_free(g);
}

static void test_light_verb_in(void **state) {
    (void)state;
    /* "engaged in", "took part in": the event noun is the subject's act */
    assert_true(allynet_test_text_tie("Belarusian troops took part in the invasion of Ukraine.",
                                      "BLR", "UKR") < 0);
    assert_true(
        allynet_test_text_tie("Serbian police engaged in ethnic cleansing in Kosovo that spring.",
                              "SRB", "XKX") < 0);
    /* any other preposition still leaves the noun without a subject */
    assert_close(allynet_test_text_tie("Belarus spoke of the invasion of Ukraine.", "BLR", "UKR"),
                 0.0, 1e-12);
}

static void test_complaint_about_an_owned_act(void **state) {
    (void)state;
    /* a complaint made to an organization about another actor's act targets that actor */
    allynet_graph *g = allynet_test_extract(
        "Syria complained to the United Nations over Turkish air raids near Afrin.", NULL);
    assert_true(allynet_test_tie_weight(g, "SYR", "TUR") < 0);
    assert_close(allynet_test_tie_weight(g, "SYR", "UN"), 0.0, 1e-12);
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("Syria complained to the United Nations.", "SYR", "UN") <
                0); /* no act named: the addressee */
}

static void test_possessive_appositive(void **state) {
    (void)state;
    /* "X, Y's main backer, ...": X is the subject, not a list of X and Y; the appositive is an
     * aside from X to Y */
    allynet_graph *g =
        allynet_test_extract("Iran, Hamas's main backer, condemned Israel on Monday.", NULL);
    assert_true(allynet_test_tie_weight(g, "IRN", "ISR") < 0);
    assert_close(allynet_test_tie_weight(g, "HAM", "ISR"), 0.0, 1e-12);
    allynet_graph_free(g);
    g = allynet_test_extract("Turkey, Azerbaijan's closest ally, criticised Armenia.", NULL);
    assert_close(allynet_test_tie_weight(g, "TUR", "AZE"), 1.75, 1e-9);
    assert_true(allynet_test_tie_weight(g, "TUR", "ARM") < 0);
    assert_close(allynet_test_tie_weight(g, "AZE", "ARM"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_mediator_without_parties(void **state) {
    (void)state;
    /* a mediator or host with no parties named acts on the latest reciprocal event's pair */
    allynet_graph *g = allynet_test_extract(
        "Armenia and Azerbaijan agreed to a prisoner exchange in a deal mediated by Qatar.", NULL);
    assert_true(allynet_test_tie_weight(g, "QAT", "ARM") > 0);
    assert_true(allynet_test_tie_weight(g, "QAT", "AZE") > 0);
    allynet_graph_free(g);
    g = allynet_test_extract("Kenya and Somalia signed a border accord. Qatar hosted the "
                             "ceremony.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "QAT", "KEN") > 0);
    assert_true(allynet_test_tie_weight(g, "QAT", "SOM") > 0);
    allynet_graph_free(g);
    /* a host of something other than a meeting hosts no one */
    assert_close(
        allynet_test_text_tie("Japan and China held talks. Later, Kenya hosted a football match.",
                              "KEN", "JPN"),
        0.0, 1e-12);
}

static void test_event_anaphor_same_word(void **state) {
    (void)state;
    /* "the strikes" is the latest striking, even when another military event came after it */
    allynet_graph *g = allynet_test_extract(
        "Britain struck Houthi targets in Yemen. The Houthis vowed to keep attacking ships. Iran "
        "condemned the strikes.",
        NULL);
    assert_true(allynet_test_tie_weight(g, "IRN", "GBR") < 0);
    assert_close(allynet_test_tie_weight(g, "IRN", "HTH"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_reported_price_threat(void **state) {
    (void)state;
    /* "said X would pay a heavy price": a threat from the speaker to X, like "said X must" */
    allynet_graph *g = allynet_test_extract(
        "A Hezbollah commander said Israel would pay a heavy price for the killing.", NULL);
    assert_true(allynet_test_tie_weight(g, "HEZ", "ISR") < 0);
    assert_close(allynet_test_tie_weight(g, "ISR", "HEZ"), 0.0, 1e-12);
    allynet_graph_free(g);
    assert_close(
        allynet_test_text_tie("Russia paid a high price for the war in Ukraine.", "RUS", "UKR"),
        0.0, 1e-12); /* no speaker */
}

static void test_armed_group_descriptor_in_list(void **state) {
    (void)state;
    /* "the army and the paramilitary Rapid Support Forces": a descriptor does not end the list */
    allynet_graph *g = allynet_test_extract(
        "Chad and the paramilitary Rapid Support Forces signed a ceasefire on Sunday.", NULL);
    assert_true(allynet_test_tie_weight(g, "TCD", "RSF") != 0.0);
    assert_true(allynet_test_tie_weight(g, "RSF", "TCD") != 0.0);
    allynet_graph_free(g);
}

static void test_appeal_for_concession(void **state) {
    (void)state;
    /* urging X to make a concession (withdraw, release: CAMEO 08) demands it of X; urging
     * cooperation stays an appeal */
    assert_true(
        allynet_test_text_tie("Germany urged Belarus to release the jailed opposition leaders.",
                              "DEU", "BLR") < 0);
    assert_true(allynet_test_text_tie("Germany urged Belarus to deepen cooperation with Poland.",
                                      "DEU", "BLR") > 0);
    /* "pressed X to" is such an appeal */
    assert_true(allynet_test_text_tie("Germany pressed Belarus to free the jailed activists.",
                                      "DEU", "BLR") < 0);
    assert_true(allynet_test_text_tie("Germany pressed Belarus to deepen cooperation with Poland.",
                                      "DEU", "BLR") > 0);
}

static void test_coordinated_possessors(void **state) {
    (void)state;
    /* "condemned Iran's drone exports and Russia's conduct": both possessors are targets, also
     * when the first noun phrase is only two words long */
    allynet_graph *g = allynet_test_extract(
        "Poland condemned Iran's drone exports and Russia's conduct at sea.", NULL);
    assert_true(allynet_test_tie_weight(g, "POL", "IRN") < 0);
    assert_true(allynet_test_tie_weight(g, "POL", "RUS") < 0);
    allynet_graph_free(g);
}

static void test_fighting_alongside(void **state) {
    (void)state;
    /* fighting alongside X is military cooperation with X, not fighting X */
    assert_true(allynet_test_text_tie("Belarus fought alongside Russia in Ukraine.", "BLR", "RUS") >
                0);
    /* "alongside X" before another verb still makes X a co-agent */
    allynet_graph *g =
        allynet_test_extract("Qatar, alongside Egypt, mediated between Israel and Hamas.", NULL);
    assert_true(allynet_test_tie_weight(g, "EGY", "ISR") > 0);
    assert_close(allynet_test_tie_weight(g, "QAT", "EGY"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_named_object_is_no_reaction(void **state) {
    (void)state;
    /* a cue whose object is a named non-actor ("support for Polisario") is no reaction to the
     * actor that acted last */
    assert_close(
        allynet_test_text_tie("Algeria cut ties with Morocco. Rabat stressed its support for MAK.",
                              "MAR", "DZA"),
        0.0, 1e-12);
    assert_true(allynet_test_text_tie("Algeria cut ties with Morocco. Rabat vowed to respond.",
                                      "MAR", "DZA") != 0.0); /* a reaction */
    /* an appeal to settle through dialogue takes no side, however long the clause */
    allynet_graph *g =
        allynet_test_extract("Kuwait urged the two Gulf neighbours to resolve their many "
                             "differences through dialogue.",
                             NULL);
    assert_int_equal(allynet_graph_tie_count(g), 0);
    allynet_graph_free(g);
}

static void test_neighbours_including(void **state) {
    (void)state;
    /* "Syria's neighbours" are not Syria; "including X and Y" names them */
    allynet_graph *g = allynet_test_extract(
        "Japan will send aid to Sudan's neighbours, including Chad and South Sudan.", NULL);
    assert_close(allynet_test_tie_weight(g, "JPN", "SDN"), 0.0, 1e-12);
    assert_true(allynet_test_tie_weight(g, "JPN", "TCD") > 0);
    assert_true(allynet_test_tie_weight(g, "JPN", "SSD") > 0);
    allynet_graph_free(g);
}

static void test_possessor_after_preposition(void **state) {
    (void)state;
    /* "into Russia's war with Ukraine": the possessor owns the act, whatever governs the phrase,
     * and an event anaphor before it is not its agent */
    assert_true(allynet_test_text_tie(
                    "Drones hit Moscow. The raid came a year into Russia's war with Ukraine.",
                    "RUS", "UKR") < 0);
}

static void test_sanctions_from(void **state) {
    (void)state;
    /* "faces sanctions from X": X sanctions the subject, not the reverse */
    allynet_graph *g =
        allynet_test_extract("Belarus faces fresh sanctions from the European Union.", NULL);
    assert_true(allynet_test_tie_weight(g, "EU", "BLR") < 0);
    assert_close(allynet_test_tie_weight(g, "BLR", "EU"), 0.0, 1e-12);
    allynet_graph_free(g);
    /* "a tariff on goods from X": X is where the goods come from */
    assert_true(allynet_test_text_tie("India imposed a tariff on steel from China.", "IND", "CHN") <
                0);
}

static void test_backers_and_purposes(void **state) {
    (void)state;
    /* a hostile act with no object is no reply to the actor that backed its agent */
    allynet_graph *g = allynet_test_extract("The Iran-backed Houthis fired on ships again.", NULL);
    assert_true(allynet_test_tie_weight(g, "IRN", "HTH") > 0);
    assert_close(allynet_test_tie_weight(g, "HTH", "IRN"), 0.0, 1e-12);
    allynet_graph_free(g);
    /* "the Iran-backed group moves its fighters": the backed one is not "its" referent */
    assert_close(allynet_test_text_tie(
                     "Israel will pull back while the Iran-backed group moves its fighters north.",
                     "IRN", "ISR"),
                 0.0, 1e-12);
    /* "summoned X's ambassador to protest": the protest is the summons' purpose */
    g = allynet_test_extract("Japan summoned the Chinese ambassador on Monday to protest.", NULL);
    assert_true(allynet_test_tie_weight(g, "JPN", "CHN") < 0);
    assert_close(allynet_test_tie_weight(g, "CHN", "JPN"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_conditional_act_is_threat(void **state) {
    (void)state;
    /* "would strike if X ...": a threat to X (CAMEO 130, -4.4), not a strike */
    assert_close(
        allynet_test_text_tie(
            "India said it would strike hard if Pakistan sheltered the attackers.", "IND", "PAK"),
        -4.4, 1e-9);
    assert_close(allynet_test_text_tie("India struck Pakistan on Monday.", "IND", "PAK"), -10.0,
                 1e-9);
}

static void test_must_on_others(void **state) {
    (void)state;
    /* "said Y must reach a deal": a demand on Y, and the deal has not happened */
    allynet_graph *g = allynet_test_extract(
        "Kenya said on Monday that Ethiopia and Eritrea must reach an agreement soon.", NULL);
    assert_true(allynet_test_tie_weight(g, "KEN", "ETH") < 0);
    assert_true(allynet_test_tie_weight(g, "KEN", "ERI") < 0);
    assert_close(allynet_test_tie_weight(g, "ETH", "ERI"), 0.0, 1e-12);
    allynet_graph_free(g);
    /* the speaker among those who must: an exhortation, the cooperation is coded */
    assert_true(
        allynet_test_text_tie("Putin said Russia and China must deepen ties.", "RUS", "CHN") > 0);
}

static void test_article_appositive_subject(void **state) {
    (void)state;
    /* "X, a key U.S. ally in the region, refused ...": X is the subject, not the adjective in the
     * appositive */
    allynet_graph *g = allynet_test_extract(
        "Egypt, a key U.S. partner in the region, refused to deploy peacekeepers in Libya.", NULL);
    assert_true(allynet_test_tie_weight(g, "EGY", "LBY") < 0);
    assert_close(allynet_test_tie_weight(g, "USA", "LBY"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_scope_of_a_pact(void **state) {
    (void)state;
    /* "the treaty covers armed attacks on X": the scope of a pact, no attack took place */
    assert_true(
        allynet_test_text_tie(
            "Paris said its defence pact with Greece covers armed attacks on Greek islands.", "FRA",
            "GRC") > 0);
}

static void test_where_clause_host(void **state) {
    (void)state;
    /* "flew to X, where he signed deals": done with X */
    allynet_graph *g = allynet_test_extract(
        "Modi later flew to Kenya, where he signed deals on trade and health.", "2023-01-01");
    assert_true(allynet_test_tie_weight(g, "IND", "KEN") > 0);
    allynet_graph_free(g);
    /* a battleground is no party */
    assert_close(allynet_test_text_tie(
                     "Aid reached Yemen, where Saudi Arabia has fought since 2015.", "SAU", "YEM"),
                 0.0, 1e-12);
}

static void test_mediator_with_relative_and_coagents(void **state) {
    (void)state;
    /* "Oman, which hosts X's envoys, mediated the talks together with Qatar": Oman is no object
     * of its own verb; co-agents after the object mediate too */
    allynet_graph *g =
        allynet_test_extract("Iran and the United States agreed to a prisoner exchange. Oman, "
                             "which hosts Iran's envoys, mediated the months of talks together "
                             "with Qatar.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "OMN", "IRN") > 0);
    assert_true(allynet_test_tie_weight(g, "OMN", "USA") > 0);
    assert_true(allynet_test_tie_weight(g, "QAT", "USA") > 0);
    allynet_graph_free(g);
}

static void test_both_agreements(void **state) {
    (void)state;
    /* "both agreements", "these talks": an event anaphor like "the agreements" */
    allynet_graph *g = allynet_test_extract(
        "Morocco signed accords with Spain and Portugal. Algeria criticised both accords.", NULL);
    assert_true(allynet_test_tie_weight(g, "DZA", "ESP") < 0);
    assert_true(allynet_test_tie_weight(g, "DZA", "PRT") < 0);
    allynet_graph_free(g);
}

static void test_it_after_reporting_verb(void **state) {
    (void)state;
    /* "X, an appositive, said it ...": "it" is the speaker, not the sentence's first actor */
    allynet_graph *g = allynet_test_extract(
        "Russia sent jets over Moldova on Monday, and Romania, its western neighbour, said it "
        "stood with Chisinau.",
        NULL);
    assert_true(allynet_test_tie_weight(g, "ROU", "MDA") > 0);
    assert_close(allynet_test_tie_weight(g, "RUS", "MDA"), 0.0, 1e-12);
    allynet_graph_free(g);
}

static void test_weapon_modifier(void **state) {
    (void)state;
    /* "the Russian drone attacks on Kyiv": the nationality owns the act across the weapon word */
    allynet_graph *g =
        allynet_test_extract("Poland condemned the Russian drone attacks on Kyiv.", NULL);
    assert_true(allynet_test_tie_weight(g, "RUS", "UKR") < 0);
    assert_true(allynet_test_tie_weight(g, "POL", "RUS") < 0);
    allynet_graph_free(g);
}

static void test_in_capital_the_ministry(void **state) {
    (void)state;
    /* "In Moscow, the foreign ministry blamed X": the ministry is the opening capital's */
    assert_true(allynet_test_text_tie("Serbia condemned Kosovo. In Moscow, the foreign ministry "
                                      "blamed Pristina for the unrest.",
                                      "RUS", "XKX") < 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_object_after_cue_preposition),
        cmocka_unit_test(test_object_inside_gap),
        cmocka_unit_test(test_numbered_group),
        cmocka_unit_test(test_reciprocal_event_anaphor),
        cmocka_unit_test(test_idioms_are_not_events),
        cmocka_unit_test(test_halting_and_lifting),
        cmocka_unit_test(test_reciprocal_and_one_sided_verbs),
        cmocka_unit_test(test_former_office),
        cmocka_unit_test(test_reaction_without_object),
        cmocka_unit_test(test_appositive_coordination),
        cmocka_unit_test(test_but_takes_subject),
        cmocka_unit_test(test_joined_in),
        cmocka_unit_test(test_negation_carries_to_noun),
        cmocka_unit_test(test_the_move_is_the_act),
        cmocka_unit_test(test_military_act_on_territory),
        cmocka_unit_test(test_withdrawal_from_a_deal),
        cmocka_unit_test(test_nationality_owns_noun_cue),
        cmocka_unit_test(test_organ_stands_for_actor),
        cmocka_unit_test(test_linking_passive),
        cmocka_unit_test(test_restraint_takes_no_side),
        cmocka_unit_test(test_same_relation_target),
        cmocka_unit_test(test_called_a_threat),
        cmocka_unit_test(test_the_bloc),
        cmocka_unit_test(test_war_in_a_country),
        cmocka_unit_test(test_opposed_to),
        cmocka_unit_test(test_and_opens_new_clause),
        cmocka_unit_test(test_reported_charges),
        cmocka_unit_test(test_led_by),
        cmocka_unit_test(test_armed_adjective),
        cmocka_unit_test(test_truce_presupposes_fighting),
        cmocka_unit_test(test_talks_between_parties),
        cmocka_unit_test(test_coagent_acts_with_subject),
        cmocka_unit_test(test_charged_act_is_a_claim),
        cmocka_unit_test(test_judged_event_noun),
        cmocka_unit_test(test_group_of_six),
        cmocka_unit_test(test_titled_speaker),
        cmocka_unit_test(test_joint_exercises),
        cmocka_unit_test(test_topic_is_no_partner),
        cmocka_unit_test(test_demanded_act_and_time_adjunct),
        cmocka_unit_test(test_voted_with),
        cmocka_unit_test(test_judged_noun_from),
        cmocka_unit_test(test_sea_is_a_place),
        cmocka_unit_test(test_reported_must),
        cmocka_unit_test(test_the_two_sides),
        cmocka_unit_test(test_member_ally_against_possessive_noun),
        cmocka_unit_test(test_joined_x_in),
        cmocka_unit_test(test_wishes_and_peaceful_appeals),
        cmocka_unit_test(test_partner_named_later),
        cmocka_unit_test(test_accusation_that),
        cmocka_unit_test(test_background_conflict),
        cmocka_unit_test(test_political_clash),
        cmocka_unit_test(test_war_in_is_a_place),
        cmocka_unit_test(test_settling_agreements),
        cmocka_unit_test(test_denial_codes_nothing),
        cmocka_unit_test(test_support_for_strikes),
        cmocka_unit_test(test_owner_of_hit_sites),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_asides_weigh_half),
        cmocka_unit_test(test_light_verb_in),
        cmocka_unit_test(test_complaint_about_an_owned_act),
        cmocka_unit_test(test_possessive_appositive),
        cmocka_unit_test(test_mediator_without_parties),
        cmocka_unit_test(test_event_anaphor_same_word),
        cmocka_unit_test(test_reported_price_threat),
        cmocka_unit_test(test_armed_group_descriptor_in_list),
        cmocka_unit_test(test_appeal_for_concession),
        cmocka_unit_test(test_coordinated_possessors),
        cmocka_unit_test(test_fighting_alongside),
        cmocka_unit_test(test_named_object_is_no_reaction),
        cmocka_unit_test(test_neighbours_including),
        cmocka_unit_test(test_possessor_after_preposition),
        cmocka_unit_test(test_sanctions_from),
        cmocka_unit_test(test_backers_and_purposes),
        cmocka_unit_test(test_conditional_act_is_threat),
        cmocka_unit_test(test_must_on_others),
        cmocka_unit_test(test_article_appositive_subject),
        cmocka_unit_test(test_scope_of_a_pact),
        cmocka_unit_test(test_where_clause_host),
        cmocka_unit_test(test_mediator_with_relative_and_coagents),
        cmocka_unit_test(test_both_agreements),
        cmocka_unit_test(test_it_after_reporting_verb),
        cmocka_unit_test(test_weapon_modifier),
        cmocka_unit_test(test_in_capital_the_ministry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
