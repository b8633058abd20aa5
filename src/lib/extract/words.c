/* words.c — fast word-list lookups for text extraction: the index behind allynet__in_list (is
 * this token one of a list's words?), probed with the hash the tokenizer computed. (The
 * gazetteer and the lexicon find entries by a token's first word through allynet__strmap_get_h,
 * with the same hash.) */
#include "extract_int.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- word lists */

/* allynet__in_list is asked about most tokens, against the same few dozen static lists. Each
 * list gets a number (its slot in a table found by the list's address) the first time it is
 * asked about, and its words join one vocabulary (per thread): a word's entry holds a bit per
 * list it is in. A question is then a vocabulary probe and a bit test, and for a token the
 * probe is made once and remembered in the token (allynet__token.wid). A list must not change
 * once asked about (every list is a static const array). Sanitizer builds check every answer
 * against a scan of the list. */
enum {
    WL_LISTS = ALLYNET__WL_LISTS, /* lists with a number; more are scanned */
    V_WORDS = ALLYNET__WL_WORDS,  /* vocabulary entries, entry 0 unused */
    V_SLOTS = 8192,               /* the vocabulary's hash slots */
    WID_ABSENT = ALLYNET__WID_ABSENT
};

/* A list's number is its slot in allynet__wl_list, found from its home slot (allynet__wl_home) by
 * probing; allynet__tok_in_list's call sites remember it (allynet__wl_site). */
_Thread_local const char *const *allynet__wl_list[WL_LISTS]; /* NULL: a free number */
_Thread_local uint64_t allynet__wl_mask[V_WORDS][WL_LISTS / 64];
_Thread_local unsigned allynet__wl_gen;           /* times the vocabulary grew: stale token memos */
static _Thread_local bool wl_scan_only[WL_LISTS]; /* a word found no room */
static _Thread_local uint16_t v_slot[V_SLOTS];    /* 0 empty, else a word's entry */
static _Thread_local const char *v_word[V_WORDS];
static _Thread_local uint32_t v_hash[V_WORDS];
static _Thread_local size_t v_len[V_WORDS];
static _Thread_local uint64_t v_head[V_WORDS]; /* the first 8 bytes (allynet__le_bytes) */
static _Thread_local unsigned v_n;             /* entries used, 0 unused */

static bool wl_scan(const char *w, const char *const *list) {
    for (; *list; list++) {
        if (allynet__same_word(w, *list)) {
            return true;
        }
    }
    return false;
}

/* The vocabulary entry of a token's form w (n bytes, hash h), 0 when absent: length and first 8
 * bytes compared at once, no loop over the bytes of a short word. The 8 bytes are read at once:
 * they are readable after every form (the tokenizer leaves room). */
static unsigned vocab_find_token(const char *w, size_t n, uint32_t h) {
    uint64_t hd = allynet__load_le(w) & allynet__le_mask(n);
    for (size_t i = h & (V_SLOTS - 1);; i = (i + 1) & (V_SLOTS - 1)) {
        unsigned k = v_slot[i];
        if (k == 0 || ((v_hash[k] == h) & (v_len[k] == n) & (v_head[k] == hd) &&
                       (n <= 8 || allynet__same_word(v_word[k] + 8, w + 8)))) {
            return k;
        }
    }
}

/* The vocabulary entry of w (hash h), 0 when absent. */
static unsigned vocab_find(const char *w, uint32_t h) {
    for (size_t i = h & (V_SLOTS - 1);; i = (i + 1) & (V_SLOTS - 1)) {
        unsigned k = v_slot[i];
        if (k == 0 || (v_hash[k] == h && allynet__same_word(v_word[k], w))) {
            return k;
        }
    }
}

/* The entry of w, added when absent; 0 when the vocabulary is full. */
static unsigned vocab_add(const char *w) {
    uint32_t h = allynet__str_hash(w);
    size_t i = h & (V_SLOTS - 1);
    for (; v_slot[i] != 0; i = (i + 1) & (V_SLOTS - 1)) {
        unsigned k = v_slot[i];
        if (v_hash[k] == h && allynet__same_word(v_word[k], w)) {
            return k;
        }
    }
    if (v_n + 1 >= V_WORDS) {
        return 0;
    }
    unsigned k = v_n ? ++v_n : (v_n = 1); /* entry 0 stays unused */
    v_word[k] = w;
    v_hash[k] = h;
    v_len[k] = strlen(w);
    v_head[k] = allynet__le_bytes(w, v_len[k]);
    v_slot[i] = (uint16_t)k;
    allynet__wl_gen++;
    return k;
}

static void wl_register(size_t n, const char *const *list) {
    allynet__wl_list[n] = list;
    for (; *list; list++) {
        unsigned k = vocab_add(*list);
        if (k == 0) {
            wl_scan_only[n] = true;
            return;
        }
        allynet__wl_mask[k][n / 64] |= (uint64_t)1 << (n % 64);
    }
}

/* The number of list, given on first use; -1 when every number is taken (then scan). */
static long wl_find(const char *const *list) {
    size_t i = allynet__wl_home(list);
    for (size_t probes = 0; probes < WL_LISTS; probes++, i = (i + 1) & (WL_LISTS - 1)) {
        if (allynet__wl_list[i] == NULL) {
            wl_register(i, list);
        }
        if (allynet__wl_list[i] == list) {
            return wl_scan_only[i] ? -1 : (long)i;
        }
    }
    return -1;
}

static bool has_bit(unsigned k, long n) {
    return (allynet__wl_mask[k][n / 64] >> (n % 64)) & 1;
}

static bool wl_lookup(const char *w, uint32_t hash, const char *const *list) {
    long n = wl_find(list);
    if (n < 0) {
        return wl_scan(w, list);
    }
    unsigned k = vocab_find(w, hash);
    return k != 0 && has_bit(k, n);
}

uint16_t allynet__wl_memo(const char *w, size_t n, uint32_t hash) {
    unsigned k = vocab_find_token(w, n, hash);
    return (uint16_t)(k ? k : WID_ABSENT | allynet__wl_gen);
}

#if defined(__SANITIZE_ADDRESS__)
bool allynet__wl_check(const allynet__tokens *t, size_t i, const char *const *list, bool found) {
    assert(found == wl_scan(allynet__tok_norm(t, i), list));
    return found;
}
#endif

bool allynet__tok_in_list_slow(allynet__wl_site *site, const allynet__tokens *t, size_t i,
                               const char *const *list) {
    long n = wl_find(list); /* first: a new list may grow the vocabulary */
    const char *w = allynet__tok_norm(t, i);
    if (n < 0) {
        return wl_scan(w, list);
    }
    *site = (allynet__wl_site){list, (unsigned)n};
    allynet__token *tk = &t->v[i];
    unsigned k = tk->wid;
    if ((k & WID_ABSENT) && (k & (WID_ABSENT - 1)) != allynet__wl_gen) {
        tk->wid = allynet__wl_memo(w, strlen(w), tk->hash); /* the vocabulary grew since */
        k = tk->wid;
    }
#if defined(__SANITIZE_ADDRESS__)
    assert(tk->hash == allynet__str_hash(w));
#endif
    return ALLYNET__WL_ANSWER(t, i, list, !(k & WID_ABSENT) && has_bit(k, n));
}

void allynet__sent_lists(allynet__sent *x) {
    memset(x->has, 0, sizeof x->has);
    x->has_gen = allynet__wl_gen;
    for (size_t i = x->s.first; i < x->s.last; i++) {
        unsigned k = x->t->v[i].wid;
        if (k & WID_ABSENT) {
            if ((k & (WID_ABSENT - 1)) != allynet__wl_gen) {
                x->has_gen = UINT_MAX; /* looked up before the vocabulary grew: unknown */
            }
            continue;
        }
        for (size_t j = 0; j < WL_LISTS / 64; j++) {
            x->has[j] |= allynet__wl_mask[k][j];
        }
    }
}

bool allynet__sent_may_have_slow(allynet__wl_site *site, const allynet__sent *x,
                                 const char *const *list) {
    long n = wl_find(list); /* may grow the vocabulary: then x->has is out of date */
    if (n < 0) {
        return true;
    }
    *site = (allynet__wl_site){list, (unsigned)n};
    return x->has_gen != allynet__wl_gen || ((x->has[n / 64] >> (n % 64)) & 1);
}

bool allynet__in_list_h(const char *w, uint32_t hash, const char *const *list) {
#if defined(__SANITIZE_ADDRESS__)
    assert(hash == allynet__str_hash(w));
#endif
    bool found = wl_lookup(w, hash, list);
#if defined(__SANITIZE_ADDRESS__)
    assert(found == wl_scan(w, list));
#endif
    return found;
}

bool allynet__in_list(const char *w, const char *const *list) {
    return allynet__in_list_h(w, allynet__str_hash(w), list);
}
