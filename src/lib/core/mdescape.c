/* mdescape.c — Markdown escaping, the one way a value from input (an actor id, a name, a file
 * name) enters report.md or any other Markdown allynet writes: as inline text that cannot end a
 * table row, start a heading or a list, open a link or a code span, or pass HTML through; and as
 * a link target that cannot leave its parentheses. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Rotating buffers, so that one printf can take several escaped values (report writing is
 * single-threaded). Each grows to the longest value it has held and lives for the process. */
enum { RING = 8 };
static char *ring[RING];
static size_t ring_cap[RING];
static unsigned ring_next;

static char *slot(size_t need) {
    unsigned k = ring_next++ % RING;
    if (ring_cap[k] < need) {
        char *b = realloc(ring[k], need);
        if (b == NULL) {
            return NULL;
        }
        ring[k] = b;
        ring_cap[k] = need;
    }
    return ring[k];
}

/* What one byte of inline text becomes. */
static const char *md_byte(unsigned char c, char *one) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
    case '#':
    case '~':
    case '!':
        one[0] = '\\';
        one[1] = (char)c;
        one[2] = '\0';
        return one;
    default:
        one[0] = c < 0x20 || c == 0x7f ? ' ' : (char)c; /* a line break ends a table row */
        one[1] = '\0';
        return one;
    }
}

const char *allynet__md(const char *s) {
    if (s == NULL) {
        return "";
    }
    char *out = slot(strlen(s) * 5 + 1), *q = out, one[3];
    if (out == NULL) {
        return "?";
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        for (const char *r = md_byte(*p, one); *r; r++) {
            *q++ = *r;
        }
    }
    *q = '\0';
    return out;
}

const char *allynet__md_url(const char *s) {
    static const char hex[] = "0123456789ABCDEF";
    if (s == NULL) {
        return "";
    }
    char *out = slot(strlen(s) * 3 + 1), *q = out;
    if (out == NULL) {
        return "";
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            (*p >= 0x80) || strchr("-._~/", *p) != NULL) {
            *q++ = (char)*p;
        } else {
            *q++ = '%';
            *q++ = hex[*p >> 4];
            *q++ = hex[*p & 15];
        }
    }
    *q = '\0';
    return out;
}
