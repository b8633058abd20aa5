/* jsonflat.h — the fast path for flat JSON objects (library-internal; see jsonflat.c). */
#ifndef ALLYNET_JSONFLAT_H
#define ALLYNET_JSONFLAT_H

#include "core/internal.h"

enum {
    ALLYNET__FLAT_STRING,
    ALLYNET__FLAT_INTEGER,
    ALLYNET__FLAT_REAL,
    ALLYNET__FLAT_TRUE,
    ALLYNET__FLAT_FALSE,
    ALLYNET__FLAT_NULL,
};

/* One key and its scalar value; strings point into the parsed buffer (not NUL-terminated). */
typedef struct allynet__flat_field {
    const char *key;
    size_t key_len;
    int type;
    const char *str;
    size_t len;
    double num;
    long long ival;
} allynet__flat_field;

/* Reads a flat object at the start of buf into at most `max` fields. Returns the number of bytes
 * it spans, or 0 when it declines (not flat, escapes, duplicates, malformed): then parse the
 * element with jansson instead. */
size_t allynet__flat_object(const char *buf, size_t len, allynet__flat_field *f, size_t max,
                            size_t *n);
/* True when the field's key equals `key`. */
bool allynet__flat_is(const allynet__flat_field *f, const char *key);
/* The field's value as a new JSON value (NULL when out of memory). */
json_t *allynet__flat_to_json(const allynet__flat_field *f);

#endif
