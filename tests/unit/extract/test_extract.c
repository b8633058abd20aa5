/* test_extract.c — the pieces of text extraction: tokens and their byte offsets, sentence
 * splitting, UTF-8 repair, the gazetteer's case and date rules, the lexicon's inflections, and
 * the extractor end to end on small texts. */
#include "testutil.h"

#include "extract/extract_int.h"

#include <stdlib.h>
#include <string.h>

static allynet__tokens tokenize(const char *s) {
    allynet__tokens t = {0};
    assert_true(allynet__tokenize(s, strlen(s), 0, &t));
    return t;
}

static void test_tokens_offsets_possessives(void **state) {
    (void)state;
    const char *s = "Moscow\xe2\x80\x99s ties with Venezuelans\xe2\x80\x99 U.S. allies don't";
    allynet__tokens t = tokenize(s);
    assert_int_equal(t.n, 8);
    assert_string_equal(allynet__tok_norm(&t, 0), "moscow");
    assert_true(t.v[0].flags & TK_POSS);
    assert_int_equal(t.v[0].start, 0);
    assert_int_equal(t.v[0].end, 6);
    assert_string_equal(allynet__tok_norm(&t, 3), "venezuelans");
    assert_true(t.v[3].flags & TK_POSS);
    assert_string_equal(allynet__tok_norm(&t, 4), "u.s.");
    assert_true(t.v[4].flags & TK_UPPER);
    assert_string_equal(allynet__tok_norm(&t, 6), "do");
    assert_string_equal(allynet__tok_norm(&t, 7), "not");
    for (size_t i = 0; i < t.n; i++) {
        assert_true(t.v[i].end <= strlen(s));
        assert_true(t.v[i].start < t.v[i].end);
    }
    allynet__tokens_destroy(&t);
}

static bool count_sentence(const allynet__tokens *t, allynet__span s, void *ctx) {
    (void)t;
    (void)s;
    (*(int *)ctx)++;
    return true;
}

static int sentences(const char *s, size_t max) {
    allynet__tokens t = tokenize(s);
    int n = 0;
    assert_true(allynet__sentences(&t, max, count_sentence, &n));
    allynet__tokens_destroy(&t);
    return n;
}

static void test_sentences(void **state) {
    (void)state;
    assert_int_equal(sentences("Mr. Smith met Dr. Jones in the U.S. on Dec. 5. They spoke.", 200),
                     2);
    assert_int_equal(sentences("Growth was 3.5 percent. Gen. Ortiz agreed.", 200), 2);
    assert_int_equal(sentences("\"We will respond.\" The minister left.", 200), 2);
    assert_int_equal(sentences("He said no. 2 more came", 200), 2);
    assert_int_equal(sentences("Donald J. Trump spoke. It rained!  Why? No", 200), 4);
    assert_int_equal(sentences("One two three four five six seven", 3), 3);
    assert_int_equal(sentences("", 200), 0);
    /* a headline line above a paragraph on one line ends there; hard-wrapped lines (all under
     * 80 bytes) do not end a sentence */
    assert_int_equal(sentences("Chile thanks Peru after floods\nThe Chilean government on Monday "
                               "thanked Peru for the rescue teams it sent to the flooded north.",
                               200),
                     2);
    assert_int_equal(sentences("The ministers of Chile and\nPeru met in Lima on Monday.", 200), 1);
    assert_int_equal(sentences("Talks went on for hours, officials said,\nThe Chilean government "
                               "on Monday thanked Peru for the rescue teams sent to the north.",
                               200),
                     1);
}

static void test_repair(void **state) {
    (void)state;
    char buf[] = "ok\xff\xfe ok \xe2\x80\x99 \x00x \xc3";
    size_t first = 99;
    size_t bad = allynet__utf8_repair(buf, sizeof buf - 1, &first);
    assert_int_equal(bad, 3);
    assert_int_equal(first, 2);
    assert_true(allynet__utf8_valid(buf, sizeof buf - 1));
    assert_int_equal(buf[12], ' ');
}

static const char *aliases = "# test\nsurface\tactor\ttype\tfrom\tto\tnote\n"
                             "United States\tUSA\tname\t\t\t\n"
                             "US\tUSA\tshort\t\t\t\n"
                             "Kremlin\tRUS\tseat\t\t\t\n"
                             "Trump\tUSA\tleader\t2017-01-20\t2021-01-20\t\n"
                             "Trump\tUSA\tleader\t2025-01-20\t\t\n";

static bool match(const allynet__gazetteer *g, const char *text, const char *date,
                  const char **actor) {
    allynet__tokens t = tokenize(text);
    allynet__gz_match m;
    bool ok = allynet__gazetteer_match(g, &t, 0, t.n, date, &m);
    *actor = ok ? m.actor : NULL;
    allynet__tokens_destroy(&t);
    return ok;
}

static void test_gazetteer(void **state) {
    (void)state;
    allynet__gazetteer *g = allynet__gazetteer_new();
    assert_int_equal(allynet__gazetteer_load(g, aliases, strlen(aliases), "t", NULL), ALLYNET_OK);
    const char *a;
    assert_true(match(g, "United States", "", &a));
    assert_string_equal(a, "USA");
    assert_true(match(g, "US troops", "", &a));
    assert_false(match(g, "us", "", &a));      /* the pronoun */
    assert_false(match(g, "Us", "", &a));      /* not all capitals */
    assert_false(match(g, "kremlin", "", &a)); /* a proper noun is written capitalised */
    assert_true(match(g, "Trump", "2019-05-01", &a));
    assert_false(match(g, "Trump", "2022-05-01", &a)); /* out of office */
    assert_true(match(g, "Trump", "2025-01-20", &a));
    assert_true(match(g, "Trump", "", &a)); /* no date: any term */
    allynet_error err = {0};
    const char *bad = "surface\tactor\ttype\tfrom\tto\tnote\nX\tXXX\tcity\t\t\t\n";
    assert_int_equal(allynet__gazetteer_load(g, bad, strlen(bad), "bad.tsv", &err),
                     ALLYNET_E_INPUT);
    assert_int_equal(err.line, 2);
    allynet__gazetteer_free(g);
}

static void test_lexicon_inflections(void **state) {
    (void)state;
    const char *lx = "cue\tpos\tcameo\tweight\trelation\thints\tforms\n"
                     "seize\tv\t171\t-9.2\tseizure\t\t\n"
                     "ally\tn\t050\t3.5\talliance\tsym\t\n"
                     "recall * ambassador\tv\t161\t-4.0\treduce relations\t\t\n"
                     "strike\tv\t190\t-10.0\tmilitary\t\tstruck\n";
    allynet__lexicon *l = allynet__lexicon_new();
    assert_int_equal(allynet__lexicon_load(l, lx, strlen(lx), "t", NULL), ALLYNET_OK);
    assert_int_equal(allynet__lexicon_count(l), 4);
    const char *yes[] = {"seized",
                         "seizes",
                         "seizing",
                         "allies",
                         "struck",
                         "recalled its ambassadors",
                         "recalls the new ambassador"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        allynet__tokens t = tokenize(yes[i]);
        allynet__lx_match m;
        assert_true(allynet__lexicon_match(l, &t, 0, t.n, false, &m));
        allynet__tokens_destroy(&t);
    }
    allynet__tokens t = tokenize("seizable");
    allynet__lx_match m;
    assert_false(allynet__lexicon_match(l, &t, 0, t.n, false, &m));
    allynet__tokens_destroy(&t);
    allynet_error err = {0};
    const char *bad = "seize\tv\t171\theavy\tseizure\t\t\n";
    assert_int_equal(allynet__lexicon_load(l, bad, strlen(bad), "bad.tsv", &err), ALLYNET_E_INPUT);
    allynet__lexicon_free(l);
}

/* A possessive inside a name matches only where the name has one: "the Democratic People's
 * Republic of Korea" is North Korea, not the "Republic of Korea" after it; "Korea's" after a
 * full name still ends it. */
static void test_possessive_inside_name(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "The Democratic People's Republic of Korea threatened Japan. The Republic of Korea's "
        "president praised Canada.",
        NULL);
    assert_true(allynet_test_tie_weight(g, "PRK", "JPN") < 0);
    assert_close(allynet_test_tie_weight(g, "KOR", "JPN"), 0.0, 1e-12);
    assert_true(allynet_test_tie_weight(g, "KOR", "CAN") > 0);
    allynet_graph_free(g);
}

/* A bare "Congo" is the DR Congo unless the text named the Republic of the Congo last (a
 * Brazzaville dateline, "Congo Republic"); before May 1997 (when the DR Congo was Zaire) it is
 * the Republic of the Congo. */
static void test_which_congo(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie("Congo accused Rwanda of backing the rebels.", "COD", "RWA") <
                0);
    allynet_graph *g =
        allynet_test_extract("BRAZZAVILLE, May 3 (Wire) - Congo accused Rwanda of meddling. "
                             "Congolese officials also criticised Gabon.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "COG", "RWA") < 0);
    assert_true(allynet_test_tie_weight(g, "COG", "GAB") < 0);
    assert_int_equal(allynet_graph_find_actor(g, "COD"), -1);
    allynet_graph_free(g);
    assert_true(
        allynet_test_text_tie("Angola praised the Congo Republic. Kinshasa said Congo would "
                              "expel Rwandan diplomats.",
                              "COD", "RWA") < 0); /* Kinshasa named since */
    g = allynet_test_extract("Congo accused Zaire of shelling Brazzaville.", "1990-06-01");
    assert_true(allynet_test_tie_weight(g, "COG", "COD") < 0);
    allynet_graph_free(g);
}

/* Palestinian organs (the PLO, the Palestinian Authority) and its president stand for Palestine;
 * Tel Aviv is a seat for Israel. */
static void test_palestinian_organs(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_extract(
        "The Palestine Liberation Organization condemned Tel Aviv. The PLO also thanked Egypt. "
        "Mahmoud Abbas praised Jordan.",
        "2023-05-01");
    assert_true(allynet_test_tie_weight(g, "PSE", "ISR") < 0);
    assert_true(allynet_test_tie_weight(g, "PSE", "EGY") > 0);
    assert_true(allynet_test_tie_weight(g, "PSE", "JOR") > 0);
    allynet_graph_free(g);
    assert_true(allynet_test_text_tie("The Palestinian Authority welcomed the Saudi pledge.", "PSE",
                                      "SAU") > 0);
}

/* A nationality before a capitalised institution ("the French National Assembly president")
 * acts; before "national" (a person) it does not. */
static void test_national_assembly(void **state) {
    (void)state;
    assert_true(allynet_test_text_tie(
                    "Polish National Assembly speaker Adam Nowak held talks with Lithuania.", "POL",
                    "LTU") > 0);
    allynet_graph *g = allynet_test_extract("A Polish national held talks with Lithuania.", NULL);
    assert_int_equal(allynet_graph_find_actor(g, "POL"), -1);
    allynet_graph_free(g);
}

static void test_extract_roles(void **state) {
    (void)state;
    allynet_graph *g =
        allynet_test_extract("Nicaragua and Cuba remain aligned with Venezuela. The Kremlin "
                             "said Moscow condemned the strikes. Hezbollah, which is backed by "
                             "Iran, fired rockets. A British firm said Chile praised Peru.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "NIC", "VEN") > 0);
    assert_true(allynet_test_tie_weight(g, "CUB", "VEN") > 0);
    assert_close(allynet_test_tie_weight(g, "NIC", "CUB"), 0.0,
                 1e-12);                                       /* coordinated subjects: no tie */
    assert_true(allynet_test_tie_weight(g, "IRN", "HEZ") > 0); /* passive with "by" */
    assert_true(allynet_test_tie_weight(g, "CHL", "PER") > 0);
    assert_int_equal(allynet_graph_find_actor(g, "GBR"), -1); /* a firm's nationality */
    allynet_graph_free(g);
    g = allynet_test_extract("Russia will not support Iran. Japan denied attacking South Korea.",
                             NULL);
    assert_true(allynet_test_tie_weight(g, "RUS", "IRN") <
                0); /* negated cooperation is a rejection */
    assert_close(allynet_test_tie_weight(g, "JPN", "KOR"), 0.0,
                 1e-12); /* a denied attack is no event */
    allynet_graph_free(g);
}

static void test_extract_bad_date(void **state) {
    (void)state;
    allynet_extract_options o = {.date = "11/12/2025"};
    allynet_extractor *x = NULL;
    allynet_error err = {0};
    assert_int_equal(allynet_extractor_new(&o, &x, &err), ALLYNET_E_USAGE);
    assert_null(x);
    assert_false(allynet__date_valid("2025-13-01"));
    assert_true(allynet__date_valid("2025-12-11"));
}

/* Extraction keeps evidence as JSON text: written, it reads the same as the jansson array parsed
 * from it; merged or folded into an undirected graph, it is parsed and concatenated. */
static char *written(const allynet_graph *g) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(allynet_nodelink_write(g, f, NULL), ALLYNET_OK);
    fclose(f);
    return text;
}

static void test_extract_evidence_text(void **state) {
    (void)state;
    const char *text = "Russia pledged support for Venezuela. Moscow sent \"aid\" to Caracas.";
    allynet_graph *g = allynet_test_extract(text, "2025-12-11");
    long k = allynet_graph_find_tie(g, (size_t)allynet_graph_find_actor(g, "RUS"),
                                    (size_t)allynet_graph_find_actor(g, "VEN"));
    assert_true(k >= 0);
    assert_non_null(allynet_graph_tie(g, (size_t)k)->evidence_text);
    char *as_text = written(g);
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        json_t *ev = NULL;
        assert_int_equal(allynet_graph_tie_evidence(g, i, &ev, NULL), ALLYNET_OK);
    }
    assert_null(allynet_graph_tie(g, (size_t)k)->evidence_text);
    assert_int_equal(json_array_size(allynet_graph_tie(g, (size_t)k)->evidence), 2);
    char *as_json = written(g);
    assert_string_equal(as_text, as_json);
    free(as_text);
    free(as_json);

    allynet_graph *a = allynet_test_extract(text, "2025-12-11");
    allynet_graph *b = allynet_test_extract(text, "2025-12-11");
    assert_int_equal(allynet_graph_merge(a, b, NULL), ALLYNET_OK);
    json_t *ev = NULL;
    assert_int_equal(allynet_graph_tie_evidence(a, (size_t)k, &ev, NULL), ALLYNET_OK);
    assert_int_equal(json_array_size(ev), 4);
    allynet_graph *u = NULL;
    assert_int_equal(allynet_graph_undirected(b, &u, NULL), ALLYNET_OK);
    assert_int_equal(allynet_graph_tie_evidence(u, 0, &ev, NULL), ALLYNET_OK);
    assert_int_equal(json_array_size(ev), 2);
    allynet_graph_free(u);
    allynet_graph_free(a);
    allynet_graph_free(b);
    allynet_graph_free(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_offsets_possessives),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_gazetteer),
        cmocka_unit_test(test_lexicon_inflections),
        cmocka_unit_test(test_extract_roles),
        cmocka_unit_test(test_possessive_inside_name),
        cmocka_unit_test(test_which_congo),
        cmocka_unit_test(test_palestinian_organs),
        cmocka_unit_test(test_national_assembly),
        cmocka_unit_test(test_extract_bad_date),
        cmocka_unit_test(test_extract_evidence_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
