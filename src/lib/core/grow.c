/* grow.c — the one growable-array helper: room for `need` items, capacity doubling. */
#include "internal.h"

#include <stdlib.h>

bool allynet__grow(void **v, size_t *cap, size_t need, size_t size, size_t first) {
    if (need <= *cap) {
        return true;
    }
    size_t c = *cap ? *cap * 2 : first;
    while (c < need) {
        c *= 2;
    }
    void *p = realloc(*v, c * size);
    if (p == NULL) {
        return false;
    }
    *v = p;
    *cap = c;
    return true;
}
