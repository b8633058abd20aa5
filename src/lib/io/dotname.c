/* dotname.c — how an actor id or any other value from input becomes a Graphviz string, and back.
 * cgraph treats a name that starts with '%' as one of its internal ids (it draws "%1" as "%3"
 * and reads two of them as one node), keeps backslashes as written (so "x\" ends no string),
 * and passes control bytes into SVG, where XML forbids them, as it forbids U+FFFE and U+FFFF;
 * its scanner drops U+FEFF (a byte-order mark), so a name of one is read as no name at all.
 * The encoding: a backslash is doubled, a leading '%' is written "\%", a control byte "\xHH",
 * U+FFFE, U+FFFF and U+FEFF their three bytes so ("\xef\xbf\xbe"); agwrite adds the quotes and
 * escapes '"'. Every other byte, UTF-8 included, is itself, so ordinary ids read as they are. */
#include "io_int.h"

#include <stdlib.h>
#include <string.h>

static bool control(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

/* U+FFFE, U+FFFF or U+FEFF starts at p: EF BF BE, EF BF BF or EF BB BF. */
static bool nonchar(const unsigned char *p) {
    return p[0] == 0xEF &&
           ((p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) || (p[1] == 0xBB && p[2] == 0xBF));
}

/* "\xef\xbf\xbe", "\xef\xbf\xbf" or "\xef\xbb\xbf" at p, as dot_name writes those three;
 * the third byte (0xBE, 0xBF) or, for U+FEFF, 0 into *second (0xBB) and *third. */
static bool nonchar_escape(const char *p, unsigned char *second, unsigned char *third) {
    if (strncmp(p, "\\xef\\xbf\\xb", 11) == 0 && (p[11] == 'e' || p[11] == 'f')) {
        *second = 0xBF;
        *third = p[11] == 'e' ? 0xBE : 0xBF;
        return true;
    }
    if (strncmp(p, "\\xef\\xbb\\xbf", 12) == 0) {
        *second = 0xBB;
        *third = 0xBF;
        return true;
    }
    return false;
}

/* Writes c as "\xHH" at q; returns the byte after. */
static char *hex_escape(char *q, unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    *q++ = '\\';
    *q++ = 'x';
    *q++ = hex[c >> 4];
    *q++ = hex[c & 15];
    return q;
}

char *allynet__dot_name(const char *s) {
    char *out = malloc(strlen(s) * 4 + 2), *q = out;
    for (const unsigned char *p = (const unsigned char *)s; out && *p; p++) {
        if (*p == '\\' || (*p == '%' && p == (const unsigned char *)s)) {
            *q++ = '\\';
            *q++ = (char)*p;
        } else if (nonchar(p)) {
            q = hex_escape(hex_escape(hex_escape(q, p[0]), p[1]), p[2]);
            p += 2;
        } else if (control(*p)) {
            q = hex_escape(q, *p);
        } else {
            *q++ = (char)*p;
        }
    }
    if (out) {
        *q = '\0';
    }
    return out;
}

static int hexval(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *allynet__dot_unname(const char *s) {
    char *out = malloc(strlen(s) + 1), *q = out;
    unsigned char second, third;
    for (const char *p = s; out && *p; p++) {
        if (p[0] == '\\' && (p[1] == '\\' || (p[1] == '%' && p == s))) {
            *q++ = *++p;
        } else if (nonchar_escape(p, &second, &third)) {
            *q++ = (char)0xEF;
            *q++ = (char)second;
            *q++ = (char)third;
            p += 11;
        } else if (p[0] == '\\' && p[1] == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0 &&
                   hexval(p[2]) * 16 + hexval(p[3]) > 0 &&
                   control((unsigned char)(hexval(p[2]) * 16 + hexval(p[3])))) {
            *q++ = (char)(hexval(p[2]) * 16 + hexval(p[3]));
            p += 3;
        } else {
            *q++ = *p;
        }
    }
    if (out) {
        *q = '\0';
    }
    return out;
}
