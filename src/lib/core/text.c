/* text.c — byte-level text helpers: UTF-8 validation and offset -> line:column. */
#include "internal.h"

#include <string.h>

bool allynet__utf8_valid(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n;
        unsigned min;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1, min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2, min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3, min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)(end - p) <= n) {
            return false;
        }
        unsigned cp = c & (0x3f >> n);
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        p += n + 1;
    }
    return true;
}

void allynet__position(const char *buf, size_t off, int *line, int *column) {
    int l = 1;
    size_t last = 0;
    for (size_t i = 0; i < off; i++) {
        if (buf[i] == '\n') {
            l++;
            last = i + 1;
        }
    }
    *line = l;
    *column = (int)(off - last) + 1;
}

/* Are the 8 bytes at p all in 1..0x7f (plain ASCII without NUL)? A byte of 0 borrows and one
 * of 0x80 or more has its high bit: either shows in the high bits. */
static bool plain_ascii8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return ((w | (w - 0x0101010101010101u)) & 0x8080808080808080u) == 0;
}

size_t allynet__utf8_repair(char *buf, size_t len, size_t *first_bad) {
    unsigned char *s = (unsigned char *)buf;
    size_t bad = 0, i = 0;
    while (i < len) {
        if (len - i >= 8 && plain_ascii8(s + i)) {
            i += 8; /* nothing to repair in these */
            continue;
        }
        if (s[i] >= 0x80 && s[i] < 0xc2) {
            /* stray continuation byte or overlong lead */
        } else if (s[i] < 0x80) {
            if (s[i] == 0) {
                s[i] = ' '; /* a NUL byte: whitespace, so text around it still reads */
            }
            i++;
            continue;
        } else {
            size_t n = s[i] >= 0xf0 ? 3 : s[i] >= 0xe0 ? 2 : 1;
            if (s[i] <= 0xf4 && i + n < len && allynet__utf8_valid(buf + i, n + 1)) {
                i += n + 1;
                continue;
            }
        }
        if (bad++ == 0 && first_bad != NULL) {
            *first_bad = i;
        }
        s[i++] = '?'; /* one byte for one byte: offsets into the source stay exact */
    }
    return bad;
}
