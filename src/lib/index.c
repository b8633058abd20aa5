/* index.c — the two hash maps behind O(1) lookups: actor id -> index and dyad -> tie index.
 * Open addressing with linear probing; the table doubles at 3/4 load. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

void allynet__strmap_init(allynet__strmap *m) {
    memset(m, 0, sizeof *m);
}

void allynet__strmap_destroy(allynet__strmap *m) {
    if (m != NULL) {
        free(m->keys);
        free(m->vals);
        memset(m, 0, sizeof *m);
    }
}

bool allynet__strmap_get(const allynet__strmap *m, const char *key, size_t *val) {
    if (m->cap == 0) {
        return false;
    }
    size_t mask = m->cap - 1;
    for (size_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == NULL) {
            return false;
        }
        if (strcmp(m->keys[i], key) == 0) {
            *val = m->vals[i];
            return true;
        }
    }
}

static bool strmap_grow(allynet__strmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    const char **keys = calloc(cap, sizeof *keys);
    size_t *vals = malloc(cap * sizeof *vals);
    if (keys == NULL || vals == NULL) {
        free(keys);
        free(vals);
        return false;
    }
    for (size_t j = 0; j < m->cap; j++) {
        if (m->keys[j] != NULL) {
            size_t i = hash_str(m->keys[j]) & (cap - 1);
            while (keys[i] != NULL) {
                i = (i + 1) & (cap - 1);
            }
            keys[i] = m->keys[j];
            vals[i] = m->vals[j];
        }
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return true;
}

bool allynet__strmap_put(allynet__strmap *m, const char *key, size_t val) {
    if ((m->len + 1) * 4 > m->cap * 3 && !strmap_grow(m)) {
        return false;
    }
    size_t mask = m->cap - 1;
    size_t i = hash_str(key) & mask;
    while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0) {
        i = (i + 1) & mask;
    }
    if (m->keys[i] == NULL) {
        m->len++;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    return true;
}

void allynet__dyadmap_init(allynet__dyadmap *m) {
    memset(m, 0, sizeof *m);
}

void allynet__dyadmap_destroy(allynet__dyadmap *m) {
    if (m != NULL) {
        free(m->keys);
        free(m->vals);
        memset(m, 0, sizeof *m);
    }
}

void allynet__dyadmap_clear(allynet__dyadmap *m) {
    if (m->cap) {
        memset(m->keys, 0xff, m->cap * sizeof *m->keys);
    }
    m->len = 0;
}

bool allynet__dyadmap_get(const allynet__dyadmap *m, uint64_t key, size_t *val) {
    if (m->cap == 0) {
        return false;
    }
    size_t mask = m->cap - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == UINT64_MAX) {
            return false;
        }
        if (m->keys[i] == key) {
            *val = m->vals[i];
            return true;
        }
    }
}

static bool dyadmap_grow(allynet__dyadmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    uint64_t *keys = malloc(cap * sizeof *keys);
    size_t *vals = malloc(cap * sizeof *vals);
    if (keys == NULL || vals == NULL) {
        free(keys);
        free(vals);
        return false;
    }
    memset(keys, 0xff, cap * sizeof *keys);
    for (size_t j = 0; j < m->cap; j++) {
        if (m->keys[j] != UINT64_MAX) {
            size_t i = mix64(m->keys[j]) & (cap - 1);
            while (keys[i] != UINT64_MAX) {
                i = (i + 1) & (cap - 1);
            }
            keys[i] = m->keys[j];
            vals[i] = m->vals[j];
        }
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return true;
}

bool allynet__dyadmap_put(allynet__dyadmap *m, uint64_t key, size_t val) {
    if ((m->len + 1) * 4 > m->cap * 3 && !dyadmap_grow(m)) {
        return false;
    }
    size_t mask = m->cap - 1;
    size_t i = mix64(key) & mask;
    while (m->keys[i] != UINT64_MAX && m->keys[i] != key) {
        i = (i + 1) & mask;
    }
    if (m->keys[i] == UINT64_MAX) {
        m->len++;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    return true;
}
