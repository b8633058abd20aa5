/* jsonflat.c — a fast reader for the common case of node-link elements: a JSON object whose
 * values are all scalars and whose strings need no unescaping.
 *
 * Why not jansson for everything: building a jansson object per edge costs about 5 µs, which
 * made loading a million edges slower than Python's json module. This reader only accepts what
 * it can read exactly; for anything else (nesting, escapes, control characters, duplicate keys,
 * malformed text) it declines and the caller hands the element to jansson, which also produces
 * the error messages. So it never decides what is valid JSON on its own. */
#include "jsonflat.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static size_t skip_ws(const char *b, size_t len, size_t i) {
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
        i++;
    }
    return i;
}

/* A string without escapes or control characters, valid UTF-8. Returns the index after the
 * closing quote, or 0 to decline. */
static size_t flat_string(const char *b, size_t len, size_t i, const char **s, size_t *n) {
    if (i >= len || b[i] != '"') {
        return 0;
    }
    size_t start = ++i;
    bool ascii = true;
    while (i < len && b[i] != '"') {
        unsigned char c = (unsigned char)b[i];
        if (c == '\\' || c < 0x20) {
            return 0;
        }
        ascii = ascii && c < 0x80;
        i++;
    }
    if (i >= len || (!ascii && !allynet__utf8_valid(b + start, i - start))) {
        return 0;
    }
    *s = b + start;
    *n = i - start;
    return i + 1;
}

static bool digit(char c) {
    return c >= '0' && c <= '9';
}

/* A number in JSON's grammar. Returns the index after it, or 0 to decline. */
static size_t flat_number(const char *b, size_t len, size_t i, allynet__flat_field *f) {
    size_t start = i;
    bool integer = true;
    if (i < len && b[i] == '-') {
        i++;
    }
    if (i < len && b[i] == '0') {
        i++;
    } else if (i < len && digit(b[i])) {
        while (i < len && digit(b[i])) {
            i++;
        }
    } else {
        return 0;
    }
    if (i < len && b[i] == '.') {
        integer = false;
        if (++i >= len || !digit(b[i])) {
            return 0;
        }
        while (i < len && digit(b[i])) {
            i++;
        }
    }
    if (i < len && (b[i] == 'e' || b[i] == 'E')) {
        integer = false;
        if (++i < len && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        if (i >= len || !digit(b[i])) {
            return 0;
        }
        while (i < len && digit(b[i])) {
            i++;
        }
    }
    if (i >= len || i - start > 40) {
        return 0;
    }
    char tmp[48];
    memcpy(tmp, b + start, i - start);
    tmp[i - start] = '\0';
    errno = 0;
    if (integer) {
        f->ival = strtoll(tmp, NULL, 10);
        f->num = (double)f->ival;
        f->type = ALLYNET__FLAT_INTEGER;
    } else {
        f->num = strtod(tmp, NULL);
        f->type = ALLYNET__FLAT_REAL;
    }
    return errno == ERANGE ? 0 : i;
}

static size_t flat_literal(const char *b, size_t len, size_t i, allynet__flat_field *f) {
    static const struct {
        const char *word;
        int type;
    } lits[] = {
        {"true", ALLYNET__FLAT_TRUE}, {"false", ALLYNET__FLAT_FALSE}, {"null", ALLYNET__FLAT_NULL}};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(lits[k].word);
        if (len - i >= n && memcmp(b + i, lits[k].word, n) == 0) {
            f->type = lits[k].type;
            return i + n;
        }
    }
    return 0;
}

static size_t flat_value(const char *b, size_t len, size_t i, allynet__flat_field *f) {
    if (i >= len) {
        return 0;
    }
    if (b[i] == '"') {
        f->type = ALLYNET__FLAT_STRING;
        return flat_string(b, len, i, &f->str, &f->len);
    }
    if (b[i] == '-' || digit(b[i])) {
        return flat_number(b, len, i, f);
    }
    return flat_literal(b, len, i, f);
}

static bool duplicate(const allynet__flat_field *f, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (f[k].key_len == f[n].key_len && memcmp(f[k].key, f[n].key, f[n].key_len) == 0) {
            return true;
        }
    }
    return false;
}

size_t allynet__flat_object(const char *b, size_t len, allynet__flat_field *f, size_t max,
                            size_t *n) {
    *n = 0;
    size_t i = 0;
    if (len == 0 || b[0] != '{') {
        return 0;
    }
    i = skip_ws(b, len, 1);
    if (i < len && b[i] == '}') {
        return i + 1;
    }
    while (*n < max) {
        allynet__flat_field *x = &f[*n];
        i = flat_string(b, len, i, &x->key, &x->key_len);
        if (i == 0 || duplicate(f, *n)) {
            return 0;
        }
        i = skip_ws(b, len, i);
        if (i >= len || b[i] != ':') {
            return 0;
        }
        i = flat_value(b, len, skip_ws(b, len, i + 1), x);
        if (i == 0) {
            return 0;
        }
        (*n)++;
        i = skip_ws(b, len, i);
        if (i < len && b[i] == '}') {
            return i + 1;
        }
        if (i >= len || b[i] != ',') {
            return 0;
        }
        i = skip_ws(b, len, i + 1);
    }
    return 0;
}

bool allynet__flat_is(const allynet__flat_field *f, const char *key) {
    size_t n = strlen(key);
    return f->key_len == n && memcmp(f->key, key, n) == 0;
}

json_t *allynet__flat_to_json(const allynet__flat_field *f) {
    switch (f->type) {
    case ALLYNET__FLAT_STRING:
        return json_stringn_nocheck(f->str, f->len);
    case ALLYNET__FLAT_INTEGER:
        return json_integer(f->ival);
    case ALLYNET__FLAT_REAL:
        return json_real(f->num);
    case ALLYNET__FLAT_TRUE:
        return json_true();
    case ALLYNET__FLAT_FALSE:
        return json_false();
    default:
        return json_null();
    }
}
