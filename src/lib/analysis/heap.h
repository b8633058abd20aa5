/* heap.h — a binary min-heap on an array of any element type (library-internal), for the
 * shortest-path searches (paths.c) and the ordered walk over pairs (align_pairs.c).
 * ALLYNET__HEAP(name, type, before) defines static name_push(h, &len, x) and name_pop(h, &len)
 * (len > 0), where before(a, b) says that a comes out first; the caller sizes the array. */
#ifndef ALLYNET_HEAP_H
#define ALLYNET_HEAP_H

#include <stddef.h>

#define ALLYNET__HEAP(name, type, before)                                                          \
    static void name##_push(type *h, size_t *len, type x) {                                        \
        size_t i = (*len)++;                                                                       \
        while (i > 0 && before(x, h[(i - 1) / 2])) {                                               \
            h[i] = h[(i - 1) / 2];                                                                 \
            i = (i - 1) / 2;                                                                       \
        }                                                                                          \
        h[i] = x;                                                                                  \
    }                                                                                              \
    static type name##_pop(type *h, size_t *len) {                                                 \
        type top = h[0], last = h[--*len];                                                         \
        size_t i = 0;                                                                              \
        for (;;) {                                                                                 \
            size_t c = 2 * i + 1;                                                                  \
            if (c >= *len) {                                                                       \
                break;                                                                             \
            }                                                                                      \
            c += c + 1 < *len && before(h[c + 1], h[c]);                                           \
            if (!before(h[c], last)) {                                                             \
                break;                                                                             \
            }                                                                                      \
            h[i] = h[c];                                                                           \
            i = c;                                                                                 \
        }                                                                                          \
        h[i] = last;                                                                               \
        return top;                                                                                \
    }

#endif
