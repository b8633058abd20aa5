/* outbuf.c — a buffered JSON text writer over a FILE: literals, strings, integers, reals
 * exactly as jansson prints them (JSON_REAL_PRECISION(12)), and whole jansson values. It exists
 * because writing a million ties through stdio calls and printf("%.12g") costs more than building
 * them. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void allynet__outbuf_init(allynet__outbuf *o, FILE *f) {
    o->f = f;
    o->len = 0;
    o->failed = false;
}

bool allynet__outbuf_flush(allynet__outbuf *o) {
    if (o->len > 0 && fwrite(o->buf, 1, o->len, o->f) != o->len) {
        o->failed = true;
    }
    o->len = 0;
    return !o->failed;
}

void allynet__outbuf_write(allynet__outbuf *o, const char *s, size_t n) {
    if (o->len + n > sizeof o->buf) {
        allynet__outbuf_flush(o);
        if (n > sizeof o->buf) {
            o->failed |= fwrite(s, 1, n, o->f) != n;
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

void allynet__outbuf_puts(allynet__outbuf *o, const char *s) {
    allynet__outbuf_write(o, s, strlen(s));
}

/* v through jansson itself. */
static void dump_json(allynet__outbuf *o, const json_t *v) {
    allynet__outbuf_flush(o);
    if (json_dumpf(v, o->f, JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS) != 0) {
        o->failed = true;
    }
}

/* Writes v as json_dumpf would without indentation (", " and ": " between items, "[]" and "{}"
 * when empty, keys in insertion order), through the buffer: evidence arrays are most of what
 * extraction writes. Strings with a NUL inside go to jansson. */
void allynet__outbuf_json(allynet__outbuf *o, const json_t *v) {
    const char *k;
    json_t *item;
    size_t i;
    bool first = true;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        allynet__outbuf_write(o, "{", 1);
        json_object_foreach((json_t *)v, k, item) {
            allynet__outbuf_write(o, ", ", first ? 0 : 2);
            first = false;
            allynet__outbuf_string(o, k);
            allynet__outbuf_write(o, ": ", 2);
            allynet__outbuf_json(o, item);
        }
        allynet__outbuf_write(o, "}", 1);
        break;
    case JSON_ARRAY:
        allynet__outbuf_write(o, "[", 1);
        json_array_foreach(v, i, item) {
            allynet__outbuf_write(o, ", ", i ? 2 : 0);
            allynet__outbuf_json(o, item);
        }
        allynet__outbuf_write(o, "]", 1);
        break;
    case JSON_STRING:
        if (strlen(json_string_value(v)) == json_string_length(v)) {
            allynet__outbuf_string(o, json_string_value(v));
        } else {
            dump_json(o, v);
        }
        break;
    case JSON_INTEGER:
        allynet__outbuf_long(o, (long)json_integer_value(v));
        break;
    case JSON_REAL:
        allynet__outbuf_real(o, json_real_value(v));
        break;
    case JSON_TRUE:
        allynet__outbuf_write(o, "true", 4);
        break;
    case JSON_FALSE:
        allynet__outbuf_write(o, "false", 5);
        break;
    default:
        allynet__outbuf_write(o, "null", 4);
        break;
    }
}

void allynet__outbuf_string(allynet__outbuf *o, const char *s) {
    size_t n = 0;
    while (s[n] != '\0' && s[n] != '"' && s[n] != '\\' && (unsigned char)s[n] >= 0x20 &&
           (unsigned char)s[n] < 0x7f) {
        n++;
    }
    if (s[n] != '\0') { /* escapes or non-ASCII: jansson's encoder decides */
        json_t *v = json_string(s);
        o->failed |= v == NULL;
        if (v != NULL) {
            dump_json(o, v);
        }
        json_decref(v);
        return;
    }
    if (o->len + n + 2 > sizeof o->buf) {
        allynet__outbuf_flush(o);
    }
    if (n + 2 > sizeof o->buf) {
        allynet__outbuf_write(o, "\"", 1);
        allynet__outbuf_write(o, s, n);
        allynet__outbuf_write(o, "\"", 1);
        return;
    }
    char *p = o->buf + o->len;
    *p++ = '"';
    memcpy(p, s, n);
    p[n] = '"';
    o->len += n + 2;
}

/* Writes the decimal digits of v (v < 10^19) ending at end; returns the first digit. */
static char *digits_back(char *end, unsigned long long v) {
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    return end;
}

void allynet__outbuf_long(allynet__outbuf *o, long v) {
    char b[24], *end = b + sizeof b;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char *p = digits_back(end, u);
    if (v < 0) {
        *--p = '-';
    }
    allynet__outbuf_write(o, p, (size_t)(end - p));
}

/* Formats x = k / 10^d exactly as "%.12g" would when |k| < 10^11 and x equals the double
 * nearest k / 10^d (then %.12g's 12 significant digits show that decimal and its rounding
 * removes the binary error): the digits of k with a point d places from the right, trailing
 * zeros dropped, and ".0" for an integer as jansson adds. Returns the length, 0 when x is not
 * such a number (the caller falls back to snprintf). */
static size_t format_short_decimal(double x, char *out) {
    static const double pow10[] = {1, 10, 100, 1000, 10000};
    for (int d = 0; d < 5; d++) {
        double scaled = x * pow10[d];
        if (!(fabs(scaled) < 1e11)) {
            return 0;
        }
        double k = nearbyint(scaled);
        if (k / pow10[d] != x) {
            continue;
        }
        unsigned long long u = (unsigned long long)fabs(k);
        char b[32], *end = b + sizeof b;
        char *p = digits_back(end, u);
        while (end - p <= d) { /* leading zeros so there is a digit before the point */
            *--p = '0';
        }
        size_t n = 0;
        if (x < 0 && u != 0) {
            out[n++] = '-';
        }
        size_t int_len = (size_t)(end - p) - (size_t)d;
        memcpy(out + n, p, int_len);
        n += int_len;
        out[n++] = '.';
        if (d == 0) {
            out[n++] = '0';
        } else {
            memcpy(out + n, p + int_len, (size_t)d);
            n += (size_t)d;
        }
        return n;
    }
    return 0;
}

void allynet__outbuf_real(allynet__outbuf *o, double x) {
    char b[64];
    size_t n = format_short_decimal(x, b);
    if (n == 0) { /* jansson prints the rest (exponents, long fractions) itself */
        json_t *v = json_real(x);
        n = v ? json_dumpb(v, b, sizeof b, JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS) : 0;
        json_decref(v);
        o->failed |= n == 0 || n > sizeof b;
        n = n > sizeof b ? 0 : n;
    }
    allynet__outbuf_write(o, b, n);
}
