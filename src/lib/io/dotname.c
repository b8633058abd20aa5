/* dotname.c — how an actor id or any other value from input becomes a Graphviz string, and back.
 * cgraph treats a name that starts with '%' as one of its internal ids (it draws "%1" as "%3"
 * and reads two of them as one node), keeps backslashes as written (so "x\" ends no string),
 * and passes control bytes into SVG, where XML forbids them. The encoding: a backslash is
 * doubled, a leading '%' is written "\%", a control byte "\xHH"; agwrite adds the quotes and
 * escapes '"'. Every other byte, UTF-8 included, is itself, so ordinary ids read as they are. */
#include "io_int.h"

#include <stdlib.h>
#include <string.h>

static bool control(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

char *allynet__dot_name(const char *s) {
    static const char hex[] = "0123456789abcdef";
    char *out = malloc(strlen(s) * 4 + 2), *q = out;
    for (const unsigned char *p = (const unsigned char *)s; out && *p; p++) {
        if (*p == '\\' || (*p == '%' && p == (const unsigned char *)s)) {
            *q++ = '\\';
            *q++ = (char)*p;
        } else if (control(*p)) {
            *q++ = '\\';
            *q++ = 'x';
            *q++ = hex[*p >> 4];
            *q++ = hex[*p & 15];
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
    for (const char *p = s; out && *p; p++) {
        if (p[0] == '\\' && (p[1] == '\\' || (p[1] == '%' && p == s))) {
            *q++ = *++p;
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
