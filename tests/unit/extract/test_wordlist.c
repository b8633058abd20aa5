/* test_wordlist.c — the fast paths of text extraction against their plain definitions: the word
 * list index behind allynet__in_list (collisions, short and long lists, more lists than it
 * indexes), the word map (growth, collisions), the tokenizer's one-pass folding, hashing and case
 * flags, UTF-8 repair's ASCII skip at every alignment, and the evidence cap's dropped counts. */
#include "testutil.h"

#include "extract/extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The maps' hash, written out from its definition (internal.h): bytes as little-endian 64-bit
 * words, the last zero-padded, each mixed in; then the length. */
static uint32_t ref_hash(const char *s) {
    size_t n = strlen(s);
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t k = 0; k < n; k += 8) {
        uint64_t w = 0;
        for (size_t r = 0; r < 8 && k + r < n; r++) {
            w |= (uint64_t)(unsigned char)s[k + r] << (8 * r);
        }
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    h = (h ^ n) * 0xc4ceb9fe1a85ec53ULL;
    return (uint32_t)(h ^ (h >> 32));
}

static bool scan(const char *w, const char *const *list) {
    for (; *list; list++) {
        if (strcmp(w, *list) == 0) {
            return true;
        }
    }
    return false;
}

/* Fills words[0..n) with "w<k>" strings whose hashes share their low 9 bits (the index has 512
 * slots), so every lookup walks a probe chain. */
static void colliding(char words[][16], size_t n, uint32_t bits) {
    size_t found = 0;
    for (unsigned k = 0; found < n; k++) {
        char w[16];
        snprintf(w, sizeof w, "w%u", k);
        if ((ref_hash(w) & 511) == bits) {
            memcpy(words[found++], w, sizeof w);
        }
    }
}

static void test_in_list_collisions(void **state) {
    (void)state;
    static char words[24][16];
    colliding(words, 24, 7);
    static const char *list[21];
    for (size_t i = 0; i < 20; i++) {
        list[i] = words[i];
    }
    list[20] = NULL;
    for (size_t i = 0; i < 24; i++) { /* the last four collide too but are not members */
        assert_int_equal(allynet__in_list(words[i], list), i < 20);
    }
    assert_false(allynet__in_list("", list));
    assert_false(allynet__in_list("w", list));
}

static void test_in_list_short_long_duplicates(void **state) {
    (void)state;
    static const char *const few[] = {"he", "his", "him", NULL};
    static const char *const dup[] = {"a", "b", "c", "d", "e", "f", "g", "h", "a", "h", NULL};
    assert_true(allynet__in_list("his", few));
    assert_false(allynet__in_list("hi", few));
    assert_false(allynet__in_list("hiss", few));
    assert_true(allynet__in_list("h", dup));
    assert_false(allynet__in_list("i", dup));
    assert_false(allynet__in_list("A", dup)); /* lists hold lower-case forms: no folding here */
    /* more words than the index holds (255): scanned */
    static char words[300][8];
    static const char *big[301];
    for (size_t i = 0; i < 300; i++) {
        snprintf(words[i], sizeof words[i], "x%zu", i);
        big[i] = words[i];
    }
    big[300] = NULL;
    assert_true(allynet__in_list("x0", big));
    assert_true(allynet__in_list("x299", big));
    assert_false(allynet__in_list("x300", big));
}

/* More lists than the index has entries: the later ones are scanned, answers stay right. */
static void test_in_list_many_lists(void **state) {
    (void)state;
    enum { LISTS = 100, WORDS = 12 };
    static char words[LISTS][WORDS][12];
    static const char *lists[LISTS][WORDS + 1];
    for (size_t l = 0; l < LISTS; l++) {
        for (size_t k = 0; k < WORDS; k++) {
            snprintf(words[l][k], sizeof words[l][k], "l%zuw%zu", l, k);
            lists[l][k] = words[l][k];
        }
        lists[l][WORDS] = NULL;
    }
    for (int round = 0; round < 2; round++) {
        for (size_t l = 0; l < LISTS; l++) {
            assert_true(allynet__in_list(words[l][WORDS - 1], lists[l]));
            assert_false(allynet__in_list(words[(l + 1) % LISTS][0], lists[l]));
            assert_int_equal(allynet__in_list("l3w4", lists[l]), scan("l3w4", lists[l]));
        }
    }
}

/* A token's lookup (its precomputed hash) answers as a plain scan of its form does, for short
 * (scanned) and long (indexed) lists, upper-case and punctuation tokens included. */
static void test_tok_in_list(void **state) {
    (void)state;
    static const char *const few[] = {"the", ",", "iran", NULL};
    static const char *const many[] = {"talks", "with", "and", "of", "sanctions", "on",
                                       "said",  "it",   "a",   "b",  "c",         NULL};
    const char *text = "Iran said THE talks, with Oman and Qatar, went on; sanctions of it stay.";
    allynet__tokens t = {0};
    assert_true(allynet__tokenize(text, strlen(text), 0, &t));
    assert_true(t.n > 10);
    size_t hits = 0;
    for (size_t i = 0; i < t.n; i++) {
        const char *w = allynet__tok_norm(&t, i);
        assert_int_equal(allynet__tok_in_list(&t, i, few), scan(w, few));
        assert_int_equal(allynet__tok_in_list(&t, i, many), scan(w, many));
        assert_int_equal(allynet__in_list_h(w, allynet__str_hash(w), many), scan(w, many));
        hits += allynet__tok_in_list(&t, i, few) + allynet__tok_in_list(&t, i, many);
    }
    assert_int_equal(hits, 12); /* iran the , , + said talks with and on sanctions of it */
    allynet__tokens_destroy(&t);
}

/* A sentence's summary of word lists (allynet__sent_may_have) says no only when no word of the
 * list is in the sentence; a list first asked about after the summary was made (it grows the
 * vocabulary) gets a yes, as does any list while the summary is out of date (and while a token's
 * memo is older than the vocabulary). */
static void test_sent_may_have(void **state) {
    (void)state;
    static const char *const present[] = {"refused", "sanctions", NULL};
    static const char *const absent[] = {"considering", "weighing", NULL};
    static const char *const late[] = {"zanzibar", "quagmire", NULL};
    const char *text = "Iran refused the talks. Oman weighed its options.";
    allynet__tokens t = {0};
    assert_true(allynet__tokenize(text, strlen(text), 0, &t));
    allynet__sent x = {.t = &t, .s = {0, 5}}; /* the first sentence: Iran refused the talks . */
    for (size_t i = 0; i < t.n; i++) { /* both lists join the vocabulary, the memos catch up */
        (void)allynet__tok_in_list(&t, i, present);
        (void)allynet__tok_in_list(&t, i, absent);
    }
    allynet__sent_lists(&x);
    assert_true(allynet__sent_may_have(&x, present));
    assert_false(allynet__sent_may_have(&x, absent));
    assert_true(allynet__sent_may_have(&x, late));   /* new to the vocabulary: unknown */
    assert_true(allynet__sent_may_have(&x, absent)); /* the summary is now out of date */
    for (size_t i = 0; i < t.n; i++) {
        (void)allynet__tok_in_list(&t, i, present); /* the tokens' memos catch up */
    }
    allynet__sent_lists(&x);
    assert_false(allynet__sent_may_have(&x, absent));
    assert_false(allynet__sent_may_have(&x, late));
    allynet__sent y = {.t = &t, .s = {5, t.n}}; /* Oman weighed its options . */
    allynet__sent_lists(&y);
    assert_false(allynet__sent_may_have(&y, present)); /* "weighed" is not "weighing" */
    allynet__tokens_destroy(&t);
}

/* The string map probed with a supplied hash (as the gazetteer and lexicon probe it with a
 * token's): growth from empty past several doublings, replacement, collisions (keys whose
 * hashes share their low bits), and a probe with a matching hash but another key. */
static void test_strmap_by_hash(void **state) {
    (void)state;
    allynet__strmap m = {0};
    size_t v = 0;
    assert_false(allynet__strmap_get_h(&m, "iran", allynet__str_hash("iran"), &v));
    static char keys[1000][16];
    for (size_t i = 0; i < 1000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        assert_true(allynet__strmap_put(&m, keys[i], i));
    }
    assert_int_equal(m.len, 1000);
    assert_true(m.cap >= 1000 * 4 / 3);
    for (size_t i = 0; i < 1000; i++) {
        assert_true(allynet__strmap_get_h(&m, keys[i], allynet__str_hash(keys[i]), &v));
        assert_int_equal(v, i);
    }
    assert_true(allynet__strmap_put(&m, keys[7], 70)); /* replaces */
    assert_int_equal(m.len, 1000);
    assert_true(allynet__strmap_get_h(&m, "k7", allynet__str_hash("k7"), &v));
    assert_int_equal(v, 70);
    assert_false(allynet__strmap_get_h(&m, "k1000", allynet__str_hash("k1000"), &v));
    assert_false(allynet__strmap_get_h(&m, "k8", allynet__str_hash("k7"), &v)); /* hash of k7 */
    allynet__strmap_destroy(&m);
    static char same[12][16];
    colliding(same, 12, 3);
    for (size_t i = 0; i < 10; i++) {
        assert_true(allynet__strmap_put(&m, same[i], i));
    }
    for (size_t i = 0; i < 12; i++) {
        assert_int_equal(allynet__strmap_get_h(&m, same[i], ref_hash(same[i]), &v), i < 10);
        if (i < 10) {
            assert_int_equal(v, i);
        }
    }
    assert_int_equal(allynet__str_hash("Iran"),
                     ref_hash("Iran")); /* no folding: forms come lower */
    allynet__strmap_destroy(&m);
    allynet__strmap_destroy(NULL);
}

/* Words read eight bytes at a time: lengths around and across 8 and 16, digits, a word cut by a
 * multi-byte character or a mark, and one at the very end of the text (read a byte at a time):
 * each form is the word lower-cased and its hash the maps' hash. */
static void test_tokens_eight_at_a_time(void **state) {
    (void)state;
    const char *text = "Ab abcdefg ABCDEFGH abcdefghi Abcdefghijklmno ABCDEFGHIJKLMNOP "
                       "abcdefghijklmnopq 2024 G20s mid\xc3\xa9 twelve,seven; x1y2z3w4v5 EndWord";
    const char *want[] = {"ab",
                          "abcdefg",
                          "abcdefgh",
                          "abcdefghi",
                          "abcdefghijklmno",
                          "abcdefghijklmnop",
                          "abcdefghijklmnopq",
                          "2024",
                          "g20s",
                          "mid\xc3\xa9",
                          "twelve",
                          ",",
                          "seven",
                          ";",
                          "x1y2z3w4v5",
                          "endword"};
    allynet__tokens t = {0};
    for (size_t cut = 0; cut < 3; cut++) { /* the text's end at, and a byte or two after, a word */
        size_t len = strlen(text) - cut;
        allynet__tokens_clear(&t);
        assert_true(allynet__tokenize(text, len, 0, &t));
        assert_int_equal(t.n, 16);
        for (size_t i = 0; i < t.n; i++) {
            const char *n = allynet__tok_norm(&t, i);
            assert_string_equal(n, i == 15 && cut ? (cut == 1 ? "endwor" : "endwo") : want[i]);
            assert_int_equal(t.v[i].hash, ref_hash(n));
        }
    }
    allynet__tokens_destroy(&t);
}

/* The tokenizer's form, hash and case flags agree with their definitions, long tokens
 * included (forms are cut at 255 bytes; case flags count the whole word). */
static void test_tokens_fold_hash_case(void **state) {
    (void)state;
    char text[800];
    char big[302];
    memset(big, 'A', 300);
    big[300] = 'b';
    big[301] = '\0';
    snprintf(text, sizeof text,
             "NATO Hamas iPhone U.N. x %s %s ABC\xc3\x89 \xc3\x89lys\xc3\xa9"
             "e 3M",
             big, big + 1);
    allynet__tokens t = {0};
    assert_true(allynet__tokenize(text, strlen(text), 100, &t));
    assert_int_equal(t.n, 10);
    for (size_t i = 0; i < t.n; i++) {
        const char *n = allynet__tok_norm(&t, i);
        assert_int_equal(t.v[i].hash, ref_hash(n));
        assert_true(strlen(n) <= 255);
        for (const char *c = n; *c; c++) {
            assert_false(*c >= 'A' && *c <= 'Z');
        }
        assert_true(t.v[i].start >= 100);
    }
    assert_int_equal(t.v[0].flags & (TK_CAP | TK_UPPER), TK_CAP | TK_UPPER); /* NATO */
    assert_int_equal(t.v[1].flags & (TK_CAP | TK_UPPER), TK_CAP);            /* Hamas */
    assert_int_equal(t.v[2].flags & (TK_CAP | TK_UPPER), 0);                 /* iPhone */
    assert_int_equal(t.v[3].flags & (TK_CAP | TK_UPPER), TK_CAP | TK_UPPER); /* U.N. */
    assert_int_equal(t.v[4].flags & (TK_CAP | TK_UPPER), 0);                 /* x */
    assert_int_equal(strlen(allynet__tok_norm(&t, 5)), 255);
    assert_int_equal(t.v[5].flags & TK_UPPER, 0); /* the lower-case b lies past byte 255 */
    assert_int_equal(t.v[6].flags & TK_UPPER, 0); /* 299 letters, the last lower-case */
    assert_int_equal(t.v[7].flags & (TK_CAP | TK_UPPER), TK_CAP | TK_UPPER); /* ABCÉ */
    assert_int_equal(t.v[8].flags & (TK_CAP | TK_UPPER), TK_CAP);            /* Élysée */
    assert_true(t.v[9].flags & TK_NUM);
    allynet__tokens_clear(&t);
    assert_true(allynet__tokenize("Iran", 4, 0, &t)); /* reused buffers */
    assert_int_equal(t.n, 1);
    assert_string_equal(allynet__tok_norm(&t, 0), "iran");
    allynet__tokens_destroy(&t);
}

/* UTF-8 repair skips plain ASCII eight bytes at a time: a NUL, a stray byte or a character at
 * every offset and alignment is still found. */
static void test_repair_alignment(void **state) {
    (void)state;
    static const char *const odd[] = {"\x00", "\xff", "\x80", "\xc3\xa9", "\xe2\x80\x99"};
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++) {
        size_t n = k == 0 ? 1 : strlen(odd[k]);
        for (size_t at = 0; at < 24; at++) {
            char buf[40];
            memset(buf, 'a', sizeof buf);
            memcpy(buf + at, odd[k], n);
            size_t first = 99, bad = allynet__utf8_repair(buf, 32, &first);
            if (k == 0) { /* NUL becomes a space, not a repair */
                assert_int_equal(bad, 0);
                assert_int_equal(buf[at], ' ');
            } else if (k <= 2) {
                assert_int_equal(bad, 1);
                assert_int_equal(first, at);
                assert_int_equal(buf[at], '?');
            } else {
                assert_int_equal(bad, 0);
                assert_memory_equal(buf + at, odd[k], n);
            }
        }
    }
}

/* The evidence cap: one span kept per tie, the other events counted in evidence_dropped, summed
 * over documents, and counted afresh after the graph is taken. */
static void dropped_after(allynet_extractor *x, int docs, json_int_t want) {
    for (int d = 0; d < docs; d++) {
        char text[] = "Russia condemned Japan. Russia condemned Japan. Russia condemned Japan.";
        assert_int_equal(
            allynet_extract_buffer(x, text, strlen(text), d ? "b" : "a", "t.txt", NULL, NULL),
            ALLYNET_OK);
    }
    allynet_graph *g = NULL;
    assert_int_equal(allynet_extractor_take_graph(x, &g, NULL), ALLYNET_OK);
    long i = allynet_graph_find_actor(g, "RUS"), j = allynet_graph_find_actor(g, "JPN");
    assert_true(i >= 0 && j >= 0);
    long k = allynet_graph_find_tie(g, (size_t)i, (size_t)j);
    assert_true(k >= 0);
    const allynet_tie *t = allynet_graph_tie(g, (size_t)k);
    assert_null(t->evidence); /* kept as text until asked for */
    assert_non_null(t->evidence_text);
    json_t *ev = NULL;
    assert_int_equal(allynet_graph_tie_evidence(g, (size_t)k, &ev, NULL), ALLYNET_OK);
    assert_int_equal(json_array_size(ev), 1);
    json_t *span = json_array_get(ev, 0);
    assert_true(json_integer_value(json_object_get(span, "start")) <
                json_integer_value(json_object_get(span, "end")));
    assert_ptr_equal(t->evidence, ev); /* parsed into the tie */
    assert_null(t->evidence_text);
    assert_int_equal(t->events, want + 1);
    assert_int_equal(json_integer_value(json_object_get(t->attrs, "evidence_dropped")), want);
    allynet_graph_free(g);
}

static void test_evidence_dropped(void **state) {
    (void)state;
    allynet_extract_options o = {.max_evidence = 1};
    allynet_extractor *x = NULL;
    assert_int_equal(allynet_extractor_new(&o, &x, NULL), ALLYNET_OK);
    dropped_after(x, 2, 5);
    dropped_after(x, 1, 2);
    allynet_extractor_free(x);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_in_list_collisions),
        cmocka_unit_test(test_in_list_short_long_duplicates),
        cmocka_unit_test(test_in_list_many_lists),
        cmocka_unit_test(test_tok_in_list),
        cmocka_unit_test(test_sent_may_have),
        cmocka_unit_test(test_strmap_by_hash),
        cmocka_unit_test(test_repair_alignment),
        cmocka_unit_test(test_evidence_dropped),
        cmocka_unit_test(test_tokens_fold_hash_case),
        cmocka_unit_test(test_tokens_eight_at_a_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
