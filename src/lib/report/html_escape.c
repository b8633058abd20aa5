/* html_escape.c — JSON for a <script type="application/json"> element of report.html. With
 * allynet__html_text (render.c) for text, every value that comes from input goes through one of
 * the two; nothing else writes input into the page. */
#include "html.h"

/* json_dump_callback's sink: copies the chunk, writing < > & as \u escapes, and U+FFFE and U+FFFF
 * (noncharacters, which an HTML or XML parser may drop) as \ufffe and \uffff. JSON puts those
 * bytes only inside strings, where the escape means the same character; jansson hands a string
 * over in runs that end between characters, so a character is never split across chunks. */
static int sink(const char *buf, size_t size, void *data) {
    FILE *f = data;
    for (size_t i = 0; i < size; i++) {
        const unsigned char *u = (const unsigned char *)buf + i;
        bool nonchar =
            i + 2 < size && u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF);
        const char *esc = nonchar         ? (u[2] == 0xBE ? "\\ufffe" : "\\uffff")
                          : buf[i] == '<' ? "\\u003c"
                          : buf[i] == '>' ? "\\u003e"
                          : buf[i] == '&' ? "\\u0026"
                                          : NULL;
        i += nonchar ? 2 : 0;
        if (esc != NULL ? fputs(esc, f) < 0 : fputc(buf[i], f) == EOF) {
            return -1;
        }
    }
    return 0;
}

bool allynet__html_json(FILE *f, const json_t *j) {
    return json_dump_callback(j, sink, f, JSON_COMPACT | JSON_REAL_PRECISION(6)) == 0;
}
