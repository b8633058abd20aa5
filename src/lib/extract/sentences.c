/* sentences.c — splits a token stream into sentences: at . ! ? (with their closing quotes) when
 * the next token opens a sentence, at paragraph breaks, and at a hard length limit so that a
 * megabyte without a full stop stays linear. Abbreviations never reach here as full stops: the
 * tokenizer keeps their dots inside the word (U.S., Mr., Dec.). */
#include "extract_int.h"

#include <string.h>

/* Lines longer than this are paragraphs on a line, not hard-wrapped text (wrapped lines are
 * at most 80 bytes: 72 to 80 columns); a line is measured up to WRAP_SCAN tokens. */
enum { WRAP = 80, WRAP_SCAN = 64 };

static bool closing(const allynet__tokens *t, size_t i) {
    const char *n = allynet__tok_norm(t, i);
    if (t->v[i].flags & TK_QUOTE) {
        return strcmp(n, "\xe2\x80\x9c") != 0 && strcmp(n, "\xe2\x80\x98") != 0; /* not “ ‘ */
    }
    return strcmp(n, ")") == 0 || strcmp(n, "]") == 0;
}

/* Does token i start a new sentence after a full stop? */
static bool opens(const allynet__tokens *t, size_t i) {
    unsigned f = t->v[i].flags;
    if (f & (TK_CAP | TK_NUM | TK_QUOTE | TK_PARA)) {
        return true;
    }
    const char *n = allynet__tok_norm(t, i);
    /* "(", and a bullet or dash opening the next line of a list ("- President Biden ...") */
    return (f & TK_WORD) == 0 &&
           (strcmp(n, "(") == 0 || strcmp(n, "-") == 0 || strcmp(n, "\xe2\x80\xa2") == 0 ||
            strcmp(n, "\xe2\x80\x93") == 0 || strcmp(n, "\xe2\x80\x94") == 0);
}

bool allynet__teaser(const allynet__tokens *t, size_t i) {
    static const char *const pairs[][2] = {
        {"also", "read"}, {"read", "also"}, {"read", "more"}, {"see", "also"}, {"related", ":"}};
    if (i + 2 >= t->n) {
        return false;
    }
    const char *a = allynet__tok_norm(t, i), *b = allynet__tok_norm(t, i + 1);
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        if (strcmp(a, pairs[k][0]) == 0 && strcmp(b, pairs[k][1]) == 0 &&
            (b[0] == ':' || strcmp(allynet__tok_norm(t, i + 2), ":") == 0)) {
            return true;
        }
    }
    return false;
}

/* Bytes from token `from` to the end of its line (the token before the next line break). */
static size_t line_bytes(const allynet__tokens *t, size_t from) {
    size_t k = from + 1;
    while (k < t->n && !(t->v[k].flags & (TK_LINE | TK_PARA)) && k - from < WRAP_SCAN) {
        k++;
    }
    return t->v[k - 1].end - t->v[from].start;
}

/* Does the line break before token i end a line that is a unit of its own: a headline, byline or
 * dateline above its story, or a paragraph without a full stop? News scrapes put one paragraph
 * on a line, so a line without closing punctuation before a line that opens a sentence ends one.
 * Hard-wrapped text (every line under WRAP bytes) keeps its sentences across lines. */
static bool line_unit(const allynet__tokens *t, size_t line_first, size_t i) {
    if (!(t->v[i].flags & TK_LINE) || i == 0 || !(t->v[i].flags & (TK_CAP | TK_NUM | TK_QUOTE)) ||
        (t->v[i - 1].flags & TK_END)) {
        return false;
    }
    const char *n = allynet__tok_norm(t, i - 1);
    if (strcmp(n, ",") == 0 || strcmp(n, ":") == 0 || strcmp(n, "-") == 0) {
        return false; /* a line that runs on */
    }
    return t->v[i - 1].end - t->v[line_first].start > WRAP || line_bytes(t, i) > WRAP ||
           allynet__teaser(t, line_first); /* a link line ends where it ends */
}

bool allynet__sentences(const allynet__tokens *t, size_t max_tokens, allynet__sentence_fn each,
                        void *ctx) {
    size_t first = 0, line_first = 0;
    for (size_t i = 0; i < t->n; i++) {
        bool cut = false;
        size_t last = i + 1;
        bool unit = i > first && line_unit(t, line_first, i);
        if (t->v[i].flags & (TK_LINE | TK_PARA)) {
            line_first = i;
        }
        if (i > first && ((t->v[i].flags & TK_PARA) || unit)) {
            cut = true;
            last = i;
        } else if (t->v[i].flags & TK_END) {
            size_t j = i + 1;
            while (j < t->n && closing(t, j) && !(t->v[j].flags & TK_PARA)) {
                j++; /* closing quotes and brackets stay with their sentence */
            }
            if (j >= t->n || opens(t, j)) {
                cut = true;
                last = j;
            }
        }
        if (!cut && i + 1 - first >= max_tokens) {
            cut = true;
        }
        if (cut) {
            if (last > first && !each(t, (allynet__span){first, last}, ctx)) {
                return false;
            }
            first = last;
            i = last - 1;
        }
    }
    if (first < t->n) {
        return each(t, (allynet__span){first, t->n}, ctx);
    }
    return true;
}
