/* strpool.c — a block allocator for many small strings that live as long as their owner (a
 * graph's actor ids, names and kinds): stable pointers, packed together so lookups and writes
 * touch few cache lines, and freed all at once. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct allynet__strblock {
    struct allynet__strblock *next;
    size_t used, cap;
    char data[];
};

enum { STRPOOL_BLOCK = 64 * 1024 - 64 };

char *allynet__strpool_dup(allynet__strpool *p, const char *s, bool *ok) {
    if (s == NULL) {
        return NULL;
    }
    size_t n = strlen(s) + 1;
    allynet__strblock *b = p->head;
    if (b == NULL || b->cap - b->used < n) {
        size_t cap = n > STRPOOL_BLOCK ? n : STRPOOL_BLOCK;
        b = malloc(sizeof *b + cap);
        if (b == NULL) {
            *ok = false;
            return NULL;
        }
        b->cap = cap;
        b->used = 0;
        b->next = p->head;
        p->head = b;
    }
    char *c = memcpy(b->data + b->used, s, n);
    b->used += n;
    return c;
}

void allynet__strpool_destroy(allynet__strpool *p) {
    while (p->head != NULL) {
        allynet__strblock *next = p->head->next;
        free(p->head);
        p->head = next;
    }
}
