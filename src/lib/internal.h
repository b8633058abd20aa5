/* internal.h — declarations shared between the library's files but not part of its interface. */
#ifndef ALLYNET_INTERNAL_H
#define ALLYNET_INTERNAL_H

#include "allynet.h"

/* ---- a string -> index hash map (open addressing); keys are borrowed, not copied */
typedef struct allynet__strmap {
    const char **keys;
    size_t *vals;
    size_t cap; /* power of two, 0 when empty */
    size_t len;
} allynet__strmap;

void allynet__strmap_init(allynet__strmap *m);
void allynet__strmap_destroy(allynet__strmap *m);
/* Returns true and sets *val when found. */
bool allynet__strmap_get(const allynet__strmap *m, const char *key, size_t *val);
/* Inserts or replaces. Returns false when out of memory (then nothing changes). */
bool allynet__strmap_put(allynet__strmap *m, const char *key, size_t val);

/* ---- a (u64 key) -> index hash map for dyads */
typedef struct allynet__dyadmap {
    uint64_t *keys; /* UINT64_MAX marks an empty slot */
    size_t *vals;
    size_t cap;
    size_t len;
} allynet__dyadmap;

void allynet__dyadmap_init(allynet__dyadmap *m);
void allynet__dyadmap_destroy(allynet__dyadmap *m);
bool allynet__dyadmap_get(const allynet__dyadmap *m, uint64_t key, size_t *val);
bool allynet__dyadmap_put(allynet__dyadmap *m, uint64_t key, size_t val);
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
void allynet__tie_take_attrs(allynet_graph *g, size_t i, json_t *attrs);

/* allynet_nodelink_parse, calling release(ctx, offset) as the scan moves past offset (so a
 * memory-mapped file's consumed pages can be dropped). */
allynet_status allynet__nodelink_parse_stream(const char *buf, size_t len, const char *source,
                                              void (*release)(void *, size_t), void *ctx,
                                              allynet_graph **out, allynet_error *err);

/* Interns a string in the graph's pool (relations): the result lives as long as the graph.
 * NULL in, NULL out; NULL with *ok = false when out of memory. */
const char *allynet__graph_intern(allynet_graph *g, const char *s, bool *ok);

/* JSON real precision used by every writer: 12 significant digits. */
#define ALLYNET__JSON_FLAGS JSON_REAL_PRECISION(12)

#endif
