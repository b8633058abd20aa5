/* index.c — the two hash maps behind O(1) lookups: actor id -> index and dyad -> tie index.
 * Open addressing with linear probing over slot arrays (a probe touches one cache line); the
 * table doubles at 3/4 load. String slots keep their hash, so growing never rehashes a string
 * and a probe calls strcmp only when the hashes agree. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

uint32_t allynet__hash_bytes(const char *s, size_t n) {
    uint64_t h = ALLYNET__HASH_INIT;
    for (size_t k = 0; k < n; k += 8) {
        h = allynet__hash_word(h, allynet__le_bytes(s + k, n - k));
    }
    return allynet__hash_end(h, n);
}

uint32_t allynet__str_hash(const char *s) {
    return allynet__hash_bytes(s, strlen(s));
}

static uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* ---- strings */

void allynet__strmap_init(allynet__strmap *m) {
    memset(m, 0, sizeof *m);
}

void allynet__strmap_destroy(allynet__strmap *m) {
    if (m != NULL) {
        free(m->slots);
        memset(m, 0, sizeof *m);
    }
}

/* The slot holding key, or the empty slot where it would go. */
static allynet__strslot *str_probe(const allynet__strmap *m, const char *key, uint32_t h) {
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        allynet__strslot *s = &m->slots[i];
        if (s->key == NULL || (s->hash == h && strcmp(s->key, key) == 0)) {
            return s;
        }
    }
}

bool allynet__strmap_get(const allynet__strmap *m, const char *key, size_t *val) {
    return allynet__strmap_get_h(m, key, allynet__str_hash(key), val);
}

bool allynet__strmap_get_h(const allynet__strmap *m, const char *key, uint32_t hash, size_t *val) {
    if (m->cap == 0) {
        return false;
    }
    const allynet__strslot *s = str_probe(m, key, hash);
    if (s->key == NULL) {
        return false;
    }
    *val = s->val;
    return true;
}

static bool strmap_grow(allynet__strmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    allynet__strslot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL) {
        return false;
    }
    for (size_t j = 0; j < m->cap; j++) {
        if (m->slots[j].key != NULL) {
            size_t i = m->slots[j].hash & (cap - 1);
            while (slots[i].key != NULL) {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = m->slots[j];
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return true;
}

bool allynet__strmap_put(allynet__strmap *m, const char *key, size_t val) {
    if (val > UINT32_MAX || ((m->len + 1) * 4 > m->cap * 3 && !strmap_grow(m))) {
        return false;
    }
    uint32_t h = allynet__str_hash(key);
    allynet__strslot *s = str_probe(m, key, h);
    if (s->key == NULL) {
        m->len++;
    }
    *s = (allynet__strslot){.key = key, .hash = h, .val = (uint32_t)val};
    return true;
}

/* ---- dyads */

void allynet__dyadmap_init(allynet__dyadmap *m) {
    memset(m, 0, sizeof *m);
}

void allynet__dyadmap_destroy(allynet__dyadmap *m) {
    if (m != NULL) {
        free(m->slots);
        memset(m, 0, sizeof *m);
    }
}

void allynet__dyadmap_clear(allynet__dyadmap *m) {
    if (m->cap) {
        memset(m->slots, 0xff, m->cap * sizeof *m->slots);
    }
    m->len = 0;
}

static allynet__dyadslot *dyad_probe(const allynet__dyadmap *m, uint64_t key) {
    size_t mask = m->cap - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        allynet__dyadslot *s = &m->slots[i];
        if (s->key == key || s->key == UINT64_MAX) {
            return s;
        }
    }
}

bool allynet__dyadmap_get(const allynet__dyadmap *m, uint64_t key, size_t *val) {
    if (m->cap == 0) {
        return false;
    }
    const allynet__dyadslot *s = dyad_probe(m, key);
    if (s->key == UINT64_MAX) {
        return false;
    }
    *val = s->val;
    return true;
}

static bool dyadmap_resize(allynet__dyadmap *m, size_t cap) {
    allynet__dyadslot *slots = malloc(cap * sizeof *slots);
    if (slots == NULL) {
        return false;
    }
    memset(slots, 0xff, cap * sizeof *slots);
    for (size_t j = 0; j < m->cap; j++) {
        if (m->slots[j].key != UINT64_MAX) {
            size_t i = mix64(m->slots[j].key) & (cap - 1);
            while (slots[i].key != UINT64_MAX) {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = m->slots[j];
        }
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return true;
}

bool allynet__dyadmap_reserve(allynet__dyadmap *m, size_t n) {
    size_t cap = m->cap ? m->cap : 16;
    while (n * 4 > cap * 3) {
        cap *= 2;
    }
    return cap == m->cap || dyadmap_resize(m, cap);
}

/* The slot for key, claimed (key set, value left for the caller) when it was absent. NULL when
 * out of memory. */
static allynet__dyadslot *dyad_claim(allynet__dyadmap *m, uint64_t key, bool *inserted) {
    if (!allynet__dyadmap_reserve(m, m->len + 1)) {
        return NULL;
    }
    allynet__dyadslot *s = dyad_probe(m, key);
    *inserted = s->key == UINT64_MAX;
    if (*inserted) {
        s->key = key;
        m->len++;
    }
    return s;
}

bool allynet__dyadmap_upsert(allynet__dyadmap *m, uint64_t key, size_t fresh_val, size_t *val,
                             bool *inserted) {
    allynet__dyadslot *s = dyad_claim(m, key, inserted);
    if (s == NULL) {
        return false;
    }
    if (*inserted) {
        s->val = fresh_val;
    }
    *val = s->val;
    return true;
}

bool allynet__dyadmap_put(allynet__dyadmap *m, uint64_t key, size_t val) {
    bool inserted;
    allynet__dyadslot *s = dyad_claim(m, key, &inserted);
    if (s != NULL) {
        s->val = val;
    }
    return s != NULL;
}
