/* internal.h — declarations shared between the library's files but not part of its interface. */
#ifndef ALLYNET_INTERNAL_H
#define ALLYNET_INTERNAL_H

#include "allynet.h"

#include <string.h>

/* ---- a string -> index hash map (open addressing); keys are borrowed, not copied. Each slot
 * keeps 32 bits of its key's hash, so a probe compares strings only when those agree. Values
 * are below 2^32 (indexes). */
typedef struct allynet__strslot {
    const char *key; /* NULL marks an empty slot */
    uint32_t hash;
    uint32_t val;
} allynet__strslot;

typedef struct allynet__strmap {
    allynet__strslot *slots;
    size_t cap; /* power of two, 0 when empty */
    size_t len;
} allynet__strmap;

void allynet__strmap_init(allynet__strmap *m);
void allynet__strmap_destroy(allynet__strmap *m);
/* The maps' string hash, 32 bits: a string's bytes are read as little-endian 64-bit words (the
 * last one zero-padded) and mixed a word at a time: allynet__hash_word over the words from
 * ALLYNET__HASH_INIT, then allynet__hash_end with the length. The tokenizer computes it as it
 * lower-cases a word eight bytes at a time. */
#define ALLYNET__HASH_INIT 0x9e3779b97f4a7c15ULL
static inline uint64_t allynet__hash_word(uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
}
static inline uint32_t allynet__hash_end(uint64_t h, size_t n) {
    h = (h ^ n) * 0xc4ceb9fe1a85ec53ULL;
    return (uint32_t)(h ^ (h >> 32));
}
/* Words of bytes, little-endian (the first byte lowest), as the hash reads them: the 8 bytes at
 * p (all readable), and back; the first min(n, 8) bytes at s with the rest zero (only those
 * read); the mask of the first n bytes of a word. */
static inline uint64_t allynet__load_le(const void *p) {
    uint64_t w;
    memcpy(&w, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}
static inline void allynet__store_le(void *p, uint64_t w) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(p, &w, 8);
}
static inline uint64_t allynet__le_bytes(const char *s, size_t n) {
    uint64_t w = 0;
    for (size_t r = 0; r < n && r < 8; r++) {
        w |= (uint64_t)(unsigned char)s[r] << (8 * r);
    }
    return w;
}
static inline uint64_t allynet__le_mask(size_t n) {
    return n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;
}
/* The hash of the n bytes at s, and of the string s. */
uint32_t allynet__hash_bytes(const char *s, size_t n);
uint32_t allynet__str_hash(const char *s);
/* Returns true and sets *val when found. */
bool allynet__strmap_get(const allynet__strmap *m, const char *key, size_t *val);
/* The same, with key's allynet__str_hash already known (a token's .hash). */
bool allynet__strmap_get_h(const allynet__strmap *m, const char *key, uint32_t hash, size_t *val);
/* Inserts or replaces. Returns false when out of memory or val >= 2^32 (then nothing changes). */
bool allynet__strmap_put(allynet__strmap *m, const char *key, size_t val);

/* ---- a (u64 key) -> index hash map for dyads */
typedef struct allynet__dyadslot {
    uint64_t key; /* UINT64_MAX marks an empty slot */
    size_t val;
} allynet__dyadslot;

typedef struct allynet__dyadmap {
    allynet__dyadslot *slots;
    size_t cap;
    size_t len;
} allynet__dyadmap;

void allynet__dyadmap_init(allynet__dyadmap *m);
void allynet__dyadmap_destroy(allynet__dyadmap *m);
bool allynet__dyadmap_get(const allynet__dyadmap *m, uint64_t key, size_t *val);
bool allynet__dyadmap_put(allynet__dyadmap *m, uint64_t key, size_t val);
/* Finds key, or inserts it with value `fresh_val` when absent, in one probe. Returns the slot's
 * value (the existing one, or fresh_val) through *val and whether it was inserted through
 * *inserted. Returns false when out of memory (then nothing changes). */
bool allynet__dyadmap_upsert(allynet__dyadmap *m, uint64_t key, size_t fresh_val, size_t *val,
                             bool *inserted);
/* Makes room for n keys, so the next inserts up to n cannot fail or rehash. */
bool allynet__dyadmap_reserve(allynet__dyadmap *m, size_t n);
void allynet__dyadmap_clear(allynet__dyadmap *m);

/* ---- strings */
/* strdup that accepts NULL (returns NULL) and reports allocation failure through *ok. */
char *allynet__strdup(const char *s, bool *ok);
/* True when the bytes are valid UTF-8 (no overlongs, no surrogates). */
bool allynet__utf8_valid(const char *s, size_t len);
/* Replaces every byte that is not part of valid UTF-8 by '?' and every NUL by a space, in
 * place (so byte offsets stay those of the source). Returns the number of replaced invalid bytes
 * and sets *first_bad (may be NULL) to the first one's offset. O(len). */
size_t allynet__utf8_repair(char *buf, size_t len, size_t *first_bad);
/* ---- evidence */
/* The first k evidence spans of `evidence` (an array; non-objects skipped) in the order they
 * are shown wherever a tie is drawn: most confident, then heaviest |weight|, then as recorded.
 * Fills out[0..] (borrowed) and returns how many; 0 when out of memory. O(n log n). */
size_t allynet__evidence_top(const json_t *evidence, const json_t **out, size_t k);
/* The tie's evidence as JSON (borrowed from the tie, or parsed from its evidence text into
 * *owned, which the caller frees with json_decref); NULL when it has none. */
json_t *allynet__tie_evidence_view(const allynet_tie *t, json_t **owned);
/* Line and column (1-based, columns in bytes) of byte offset `off` in buf. */
void allynet__position(const char *buf, size_t off, int *line, int *column);

/* ---- model internals used by loaders */
/* Adds an actor taking ownership of attrs (an object or NULL). */
allynet_status allynet__graph_add_actor_attrs(allynet_graph *g, const char *id, const char *name,
                                              const char *kind, json_t *attrs, size_t *out,
                                              allynet_error *err);
/* Sets the directed flag of an empty graph. */
void allynet__graph_set_directed(allynet_graph *g, bool directed);
/* Takes ownership of attrs (object or NULL) and stores it on tie i, merging into existing. */
/* Adds weight and events to tie t of g, or (changing nothing) returns an INPUT error naming the
 * dyad when the weight would not be finite or the events would pass ALLYNET_MAX_EVENTS. */
allynet_status allynet__tie_sum(const allynet_graph *g, allynet_tie *t, double weight, long events,
                                allynet_error *err);
void allynet__tie_take_attrs(allynet_graph *g, size_t i, json_t *attrs);

/* The name of a whole made of named parts (parts.c): the distinct names (NULL ones skipped) in
 * order, joined by " + "; past three, "and N more". A new string (free with free()), or NULL
 * when no part has a name or out of memory. */
char *allynet__parts_name(const char *const *names, size_t n);

/* Interns a string in the graph's pool (relations): the result lives as long as the graph.
 * NULL in, NULL out; NULL with *ok = false when out of memory. */
const char *allynet__graph_intern(allynet_graph *g, const char *s, bool *ok);

/* JSON real precision used by every writer: 12 significant digits. */
#define ALLYNET__JSON_FLAGS JSON_REAL_PRECISION(12)

/* ---- graph building (graph_order.c) */
/* Bulk loading: between begin (on a graph without ties) and end, allynet_graph_add_tie appends
 * without looking up the dyad, and end aggregates repeated dyads exactly as one-by-one adding
 * would (same order of sums, first appearance kept) and builds the dyad index once.
 * allynet_graph_find_tie must not be called in between. */
void allynet__graph_bulk_begin(allynet_graph *g);
allynet_status allynet__graph_bulk_end(allynet_graph *g, allynet_error *err);

/* ---- growable arrays (grow.c): room for `need` items of `size` bytes in *v (capacity *cap),
 * doubling from `first`; false when out of memory (then *v is unchanged) */
bool allynet__grow(void **v, size_t *cap, size_t need, size_t size, size_t first);

/* ---- a tie's mix of relation categories (relmix.c): attribute "relations" */
/* Whether the tie carries a mix. */
bool allynet__relmix_has(const allynet_graph *g, size_t tie);
/* Adds another tie's mix (a "relations" object) into this tie's. */
bool allynet__relmix_merge(allynet_graph *g, size_t tie, const json_t *other);
/* Sets the tie's relation to the category that weighs most in its mix (no mix: unchanged). */
bool allynet__relmix_settle(allynet_graph *g, size_t tie);

/* ---- a tie's confidence (tieconf.c): attributes "confidence_by_sign" and "confidence" */
/* A probability rounded to three decimals: what the model can tell apart, and stable text. */
static inline double allynet__round3(double p) {
    return (double)(long)(p * 1000.0 + 0.5) / 1000.0;
}
/* Sets attrs' "confidence_by_sign" to the given values (a negative one is left out). */
bool allynet__tieconf_set(json_t *attrs, double pos, double neg);
/* Keeps the higher value per sign of this tie's and another tie's attributes. */
bool allynet__tieconf_merge(allynet_graph *g, size_t tie, const json_t *other_attrs);
/* Sets "confidence" to the value of the tie's net sign (no "confidence_by_sign": unchanged). */
bool allynet__tieconf_settle(allynet_graph *g, size_t tie);

/* ---- a block allocator for small strings freed together (strpool.c); zero-initialise */
typedef struct allynet__strblock allynet__strblock;
typedef struct allynet__strpool {
    allynet__strblock *head;
} allynet__strpool;

/* A copy of s in the pool (NULL for NULL); sets *ok = false when out of memory. */
char *allynet__strpool_dup(allynet__strpool *p, const char *s, bool *ok);
void allynet__strpool_destroy(allynet__strpool *p);

/* ---- a buffered JSON text writer (outbuf.c) */
typedef struct allynet__outbuf {
    FILE *f;
    size_t len;
    bool failed; /* a write failed: the caller reports it after flushing */
    char buf[1 << 16];
} allynet__outbuf;

void allynet__outbuf_init(allynet__outbuf *o, FILE *f);
/* Writes what is buffered; false when this or any earlier write failed. */
bool allynet__outbuf_flush(allynet__outbuf *o);
void allynet__outbuf_write(allynet__outbuf *o, const char *s, size_t n);
void allynet__outbuf_puts(allynet__outbuf *o, const char *s);
/* A JSON string literal (escaped as jansson escapes it). */
void allynet__outbuf_string(allynet__outbuf *o, const char *s);
void allynet__outbuf_long(allynet__outbuf *o, long v);
/* A finite real exactly as jansson prints it with ALLYNET__JSON_FLAGS (%.12g, ".0" for an
 * integer, no exponent padding), -0 as 0.0. */
void allynet__outbuf_real(allynet__outbuf *o, double x);
/* Any jansson value, compact. */
void allynet__outbuf_json(allynet__outbuf *o, const json_t *v);

/* Names the source of an error recorded without one (error.c). */
void allynet__error_source(allynet_error *err, const char *source);

/* Markdown (mdescape.c): s as inline text (control bytes as spaces; `| \ * _ [ ] # ~ ! ``
 * backslash-escaped; & < > as entities), and s as a link target (percent-encoded but for
 * letters, digits, UTF-8 and -._~/). The result lives until eight more calls; NULL gives "". */
const char *allynet__md(const char *s);
const char *allynet__md_url(const char *s);

/* Temporary files and folders beside a target (tmpfile.c): creates `DIR/.BASE.allynet-PID-XXXXXX`
 * (a file, its descriptor in *fd, or a folder), first removing those a dead process left for
 * the same target, and registers it so that allynet_tmp_remove_all removes it. Returns the new
 * path (free it), or NULL with errno set. Forget it once renamed or removed. */
char *allynet__tmp_create(const char *target, bool folder, int *fd);
void allynet__tmp_forget(const char *path);
void allynet__tmp_remove_stale(const char *target);
/* Removes a file or a folder tree (async-signal-safe; does not follow symbolic links). */
void allynet__remove_tree(const char *path);

/* ---- progress and notes (progress.c): what long work tells the installed handlers */
/* Whether a progress handler is installed (work may skip its bookkeeping otherwise). */
bool allynet__progress_wanted(void);
/* `done` of `total` units of `task`; done == total ends the task. */
void allynet__progress_tell(const char *task, double done, double total);
/* One line for the note handler (printf format), e.g. a cost estimate before long work. */
void allynet__note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Removes the handlers in this process only (a forked worker stays quiet). */
void allynet__progress_mute(void);
/* A monotonic clock in seconds. */
double allynet__seconds(void);
/* A duration for people ("40 s", "12 min", "3.5 h") into buf; returns buf. */
const char *allynet__duration(double seconds, char *buf, size_t size);

#endif
