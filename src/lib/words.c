/* words.c — fast word-list lookups for text extraction: the index behind allynet__in_list (is
 * this token one of a list's words?), probed with the hash the tokenizer computed. (The
 * gazetteer and the lexicon find entries by a token's first word through allynet__strmap_get_h,
 * with the same hash.) */
#include "extract_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- word lists */

/* allynet__in_list is asked about most tokens, against the same few dozen static lists. A list
 * of WL_SHORT words or more is indexed the first time it is seen: a table of its words' hashes
 * (per thread), found by the list's address. A hit is confirmed against the list itself; a
 * miss trusts the table, so an indexed list must not change (every list is a static const
 * array; short lists, like a compound literal, are always scanned). Sanitizer builds check
 * every answer against a scan. */
enum { WL_LISTS = 64, WL_SLOTS = 512, WL_SHORT = 8, WL_MAX = 255 };

typedef struct {
    bool scan;              /* too short or too long to index */
    uint8_t slot[WL_SLOTS]; /* 1 + the position of a word, 0 empty; linear probing */
} word_index;

/* The lists' addresses apart from their tables: finding a list touches a few cache lines. */
static _Thread_local const char *const *wl_list[WL_LISTS]; /* NULL: a free entry */
static _Thread_local word_index wl_index[WL_LISTS];

static bool wl_scan(const char *w, const char *const *list) {
    for (; *list; list++) {
        if (allynet__same_word(w, *list)) {
            return true;
        }
    }
    return false;
}

static void wl_build(word_index *ix, const char *const *list) {
    size_t n = 0;
    while (list[n] != NULL) {
        n++;
    }
    ix->scan = n < WL_SHORT || n > WL_MAX;
    memset(ix->slot, 0, sizeof ix->slot);
    for (size_t k = 0; k < n && !ix->scan; k++) {
        size_t i = allynet__str_hash(list[k]) & (WL_SLOTS - 1);
        while (ix->slot[i] != 0) {
            i = (i + 1) & (WL_SLOTS - 1);
        }
        ix->slot[i] = (uint8_t)(k + 1);
    }
}

/* The index of list, built on first use; NULL when every entry is taken (then scan). */
static const word_index *wl_find(const char *const *list) {
    uintptr_t a = (uintptr_t)list; /* lists lie side by side: the low bits tell them apart */
    size_t i = (size_t)((a >> 3) ^ (a >> 9)) & (WL_LISTS - 1);
    for (size_t probes = 0; probes < WL_LISTS; probes++, i = (i + 1) & (WL_LISTS - 1)) {
        if (wl_list[i] == list) {
            return &wl_index[i];
        }
        if (wl_list[i] == NULL) {
            wl_list[i] = list;
            wl_build(&wl_index[i], list);
            return &wl_index[i];
        }
    }
    return NULL;
}

static bool wl_lookup(const char *w, uint32_t hash, const char *const *list) {
    const word_index *ix = wl_find(list);
    if (ix == NULL || ix->scan) {
        return wl_scan(w, list);
    }
    for (size_t i = hash & (WL_SLOTS - 1);; i = (i + 1) & (WL_SLOTS - 1)) {
        unsigned k = ix->slot[i];
        if (k == 0) {
            return false;
        }
        const char *e = list[k - 1];
        if (allynet__same_word(e, w)) {
            return true;
        }
    }
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
