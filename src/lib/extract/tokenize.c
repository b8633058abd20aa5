/* tokenize.c — cuts UTF-8 news text into word and punctuation tokens with byte offsets:
 * abbreviations (U.S., Mr., Dec.), initials, decimals, possessives (Venezuela's, Venezuelans’),
 * n't, curly quotes and dashes. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

void allynet__arena_destroy(allynet__arena *a) {
    free(a->buf);
    a->buf = NULL;
    a->len = a->cap = 0;
}

size_t allynet__arena_add(allynet__arena *a, const char *s, size_t n) {
    if (a->len + n + 1 > a->cap) {
        size_t cap = a->cap ? a->cap : 4096;
        while (cap < a->len + n + 1) {
            cap *= 2;
        }
        char *b = realloc(a->buf, cap);
        if (b == NULL) {
            return SIZE_MAX;
        }
        a->buf = b;
        a->cap = cap;
    }
    size_t off = a->len;
    memcpy(a->buf + off, s, n);
    a->buf[off + n] = '\0';
    a->len += n + 1;
    return off;
}

bool allynet__arena_share(const allynet__arena *a, size_t *off, size_t n, size_t stride) {
    allynet__strmap seen;
    allynet__strmap_init(&seen);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        size_t *o = (size_t *)((char *)off + i * stride), first;
        if (allynet__strmap_get(&seen, a->buf + *o, &first)) {
            *o = first;
        } else {
            ok = allynet__strmap_put(&seen, a->buf + *o, *o);
        }
    }
    allynet__strmap_destroy(&seen);
    return ok;
}

void allynet__tokens_destroy(allynet__tokens *t) {
    free(t->v);
    allynet__arena_destroy(&t->arena);
    memset(t, 0, sizeof *t);
}

void allynet__tokens_clear(allynet__tokens *t) {
    t->n = 0;
    t->arena.len = 0;
}

enum { FORM_SLACK = 8 }; /* bytes readable after the start of every lower-cased form */

/* Byte classes, so the loops over every byte of the text test one table entry. */
enum { C_UPPER = 1, C_LOWER = 2, C_DIGIT = 4, C_HIGH = 8, C_SPACE = 16, C_STOP = 32 };
#define C_ALNUM (C_UPPER | C_LOWER | C_DIGIT)
/* CS space or NUL, CD digit, CU upper-case, CL lower-case, CH a byte of a multi-byte character,
 * CP an ASCII mark that always ends a word (not ' . , which may continue one). Spaces end words
 * too (C_STOP). */
enum { CS = C_SPACE | C_STOP, CD = C_DIGIT, CU = C_UPPER, CL = C_LOWER, CH = C_HIGH, CP = C_STOP };
/* clang-format off */
static const unsigned char byte_class[256] = {
    CS, CP, CP, CP, CP, CP, CP, CP, CP, CS, CS, CS, CS, CS, CP, CP,  /* 0x00 */
    CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP, CP,  /* 0x10 */
    CS, CP, CP, CP, CP, CP, CP,  0, CP, CP, CP, CP,  0, CP,  0, CP,  /* 0x20 */
    CD, CD, CD, CD, CD, CD, CD, CD, CD, CD, CP, CP, CP, CP, CP, CP,  /* 0x30 */
    CP, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU,  /* 0x40 */
    CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CU, CP, CP, CP, CP, CP,  /* 0x50 */
    CP, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL,  /* 0x60 */
    CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CP, CP, CP, CP, CP,  /* 0x70 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0x80 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0x90 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xa0 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xb0 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xc0 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xd0 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xe0 */
    CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH, CH,  /* 0xf0 */
};
/* The lower-cased form of an ASCII letter or digit; 0 for any other byte. */
static const unsigned char fold_alnum[256] = {
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0x00 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0x10 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0x20 */
     '0',  '1',  '2',  '3',  '4',  '5',  '6',  '7',  '8',  '9',    0,    0,    0,    0,    0,    0,  /* 0x30 */
       0,  'a',  'b',  'c',  'd',  'e',  'f',  'g',  'h',  'i',  'j',  'k',  'l',  'm',  'n',  'o',  /* 0x40 */
     'p',  'q',  'r',  's',  't',  'u',  'v',  'w',  'x',  'y',  'z',    0,    0,    0,    0,    0,  /* 0x50 */
       0,  'a',  'b',  'c',  'd',  'e',  'f',  'g',  'h',  'i',  'j',  'k',  'l',  'm',  'n',  'o',  /* 0x60 */
     'p',  'q',  'r',  's',  't',  'u',  'v',  'w',  'x',  'y',  'z',    0,    0,    0,    0,    0,  /* 0x70 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0x80 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0x90 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xa0 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xb0 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xc0 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xd0 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xe0 */
       0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,  /* 0xf0 */
};
/* clang-format on */

static inline bool is_alpha(unsigned char c) {
    return byte_class[c] & (C_UPPER | C_LOWER);
}
static inline bool is_digit(unsigned char c) {
    return byte_class[c] & C_DIGIT;
}

/* Length of the multi-byte punctuation mark at p (quotes, apostrophes, dashes, ellipsis,
 * guillemets, no-break space), or 0. */
static size_t mb_punct(const unsigned char *p, const unsigned char *end) {
    if (p[0] == 0xe2 && end - p >= 3 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0xa6) {
        return 3;
    }
    if (p[0] == 0xc2 && end - p >= 2 && (p[1] == 0xab || p[1] == 0xbb || p[1] == 0xa0)) {
        return 2;
    }
    return 0;
}

static bool is_apostrophe(const unsigned char *p, const unsigned char *end, size_t *len) {
    if (*p == '\'') {
        *len = 1;
        return true;
    }
    if (end - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x98)) {
        *len = 3;
        return true;
    }
    return false;
}

static inline bool word_byte(const unsigned char *p, const unsigned char *end) {
    unsigned c = byte_class[*p];
    return (c & C_ALNUM) || ((c & C_HIGH) && mb_punct(p, end) == 0);
}

static const char *const abbrevs[] = {
    /* NULL-terminated for allynet__in_list */
    "mr",   "mrs",    "ms",  "dr",   "gen",  "st",   "jan", "feb", "apr",  "aug",  "sept", "sep",
    "oct",  "nov",    "dec", "sen",  "rep",  "gov",  "col", "lt",  "sgt",  "capt", "adm",  "prof",
    "jr",   "sr",     "inc", "corp", "ltd",  "co",   "vs",  "etc", "ft",   "mt",   "maj",  "cmdr",
    "pres", "rev",    "hon", "dept", "gens", "brig", "cpl", "pvt", "supt", "insp", "amb",  "assn",
    "bros", "messrs", "mme", "mlle", "no",   "nos",  "vol", NULL,
};

static bool is_abbrev(const char *norm, uint32_t hash, unsigned flags, const unsigned char *after,
                      const unsigned char *end) {
    if (strcmp(norm, "no") == 0 || strcmp(norm, "nos") == 0) { /* only "No. 2", not "said no. 2" */
        if (!(flags & TK_CAP)) {
            return false;
        }
        return after + 1 < end && (after[1] == ' ') && after + 2 < end && is_digit(after[2]);
    }
    return allynet__in_list_h(norm, hash, abbrevs);
}

typedef struct {
    allynet__tokens *t;
    const unsigned char *buf;
    size_t base;
    unsigned para; /* TK_PARA or TK_LINE for the next token, else 0 */
} tk_state;

/* Makes room for one more token and n + 1 more bytes of lower-cased forms, and FORM_SLACK bytes
 * after them: words.c reads a form's first 8 bytes at once. */
static bool reserve(allynet__tokens *t, size_t n) {
    n += FORM_SLACK;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        allynet__token *v = realloc(t->v, cap * sizeof *v);
        if (v == NULL) {
            return false;
        }
        t->v = v;
        t->cap = cap;
    }
    allynet__arena *a = &t->arena;
    if (a->len + n + 1 > a->cap) {
        size_t cap = a->cap ? a->cap : 4096;
        while (cap < a->len + n + 1) {
            cap *= 2;
        }
        char *buf = realloc(a->buf, cap);
        if (buf == NULL) {
            return false;
        }
        a->buf = buf;
        a->cap = cap;
    }
    return true;
}

/* TK_CAP when a word of n bytes starts with an upper-case letter (ASCII or Latin-1 accented). */
static unsigned cap_flag(const unsigned char *p, size_t n) {
    return (p[0] >= 'A' && p[0] <= 'Z') || (p[0] == 0xc3 && n > 1 && p[1] >= 0x80 && p[1] <= 0x9e)
               ? TK_CAP
               : 0;
}

/* Case flags of a word of n bytes: capitalised, all upper-case (two letters at least). */
static unsigned case_flags(const unsigned char *p, size_t n) {
    size_t upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k = byte_class[p[i]];
        if (k & C_LOWER) {
            return cap_flag(p, n); /* a lower-case letter: not all upper-case */
        }
        upper += (k & C_UPPER) != 0;
    }
    return cap_flag(p, n) | (upper >= 2 ? TK_UPPER : 0);
}

/* One byte of a lower-cased form: writes it to *dst and notes its class in *seen. */
static inline void fold_byte(unsigned char c, char *dst, unsigned *seen) {
    unsigned k = byte_class[c];
    *seen |= k;
    *dst = (char)(c | ((k & C_UPPER) << 5)); /* C_UPPER << 5 is 0x20 */
}

/* How many of the 8 bytes of w, from its first (lowest), are ASCII letters or digits: each byte
 * tested at once by adding to all eight (no byte can carry into the next: the high bits are
 * cleared first), with no branch on the bytes. */
static inline unsigned alnum_run(uint64_t w) {
    const uint64_t ones = 0x0101010101010101ULL, high = 0x80 * ones;
    uint64_t w7 = w & ~high, l = w7 | 0x20 * ones; /* letters lower-cased */
    uint64_t letter = (l + (0x80 - 'a') * ones) & ~(l + (0x80 - 'z' - 1) * ones);
    uint64_t digit = (w7 + (0x80 - '0') * ones) & ~(w7 + (0x80 - '9' - 1) * ones);
    uint64_t bad = ~((letter | digit) & ~w) & high; /* ~w: a byte under 0x80 */
    return bad ? (unsigned)__builtin_ctzll(bad) / 8 : 8;
}

/* Ends the lower-cased form of n bytes just written at the arena's end and appends the token
 * [start, end) with it: h its hash, seen the byte classes met in its first n bytes of src; a word
 * read from src (cased) gets its case flags. */
static void append(tk_state *s, size_t start, size_t end, unsigned flags, bool cased,
                   const unsigned char *src, size_t n, uint32_t h, unsigned seen) {
    allynet__tokens *t = s->t;
    size_t off = t->arena.len;
    t->arena.buf[off + n] = '\0';
    t->arena.len += n + 1;
    if (cased && (flags & TK_WORD)) {
        /* all upper-case needs counting only when no lower-case letter was met */
        flags |= end - start > n || ((seen & C_UPPER) && !(seen & C_LOWER))
                     ? case_flags(src, end - start)
                     : cap_flag(src, n); /* not all upper-case */
    }
    flags |= s->para;
    s->para = 0;
    uint16_t wid = allynet__wl_memo(t->arena.buf + off, n, h);
    t->v[t->n++] = (allynet__token){s->base + start, s->base + end, off, (uint16_t)flags, wid, h};
}

/* Appends the token [start, end) whose lower-cased form is norm, or (norm NULL) its bytes
 * lower-cased and cut at 255: the form is copied and hashed in one pass, and for a word the
 * case flags follow from the byte classes met on the way (counted only for a word with no
 * lower-case letter, see case_flags). */
static bool push(tk_state *s, size_t start, size_t end, unsigned flags, const char *norm) {
    allynet__tokens *t = s->t;
    size_t n = norm ? strlen(norm) : end - start;
    n = n < 255 ? n : 255;
    if (!reserve(t, n)) {
        return false;
    }
    const unsigned char *src = norm ? (const unsigned char *)norm : s->buf + start;
    char *dst = t->arena.buf + t->arena.len;
    unsigned seen = 0; /* the byte classes met */
    for (size_t i = 0; i < n; i++) {
        fold_byte(src[i], dst + i, &seen);
    }
    append(s, start, end, flags, norm == NULL, src, n, allynet__hash_bytes(dst, n), seen);
    return true;
}

/* Scans a dotted abbreviation (U.S., U.N., a.m.) at i; returns its end or i. */
static size_t dotted(const unsigned char *b, size_t i, size_t len) {
    size_t j = i, parts = 0;
    while (j + 1 < len && is_alpha(b[j]) && b[j + 1] == '.') {
        j += 2;
        parts++;
    }
    return parts >= 2 && !(j < len && is_alpha(b[j])) ? j : i;
}

/* Scans a word from i, whose bytes up to `from` are letters or digits; sets *next past any
 * possessive; returns the word's end. */
static size_t word_end(const unsigned char *b, size_t i, size_t from, size_t len, unsigned *flags,
                       size_t *next) {
    const unsigned char *end = b + len;
    size_t j = from;
    while (j < len) {
        size_t al;
        if (byte_class[b[j]] & C_ALNUM) {
            j++;
        } else if (word_byte(b + j, end)) {
            j++;
        } else if ((b[j] == '.' || b[j] == ',') && j > i && is_digit(b[j - 1]) && j + 1 < len &&
                   is_digit(b[j + 1])) {
            j++; /* 3.5, 1,000 */
        } else if (is_apostrophe(b + j, end, &al) && j + al < len && is_alpha(b[j + al])) {
            size_t k = j + al;
            if ((b[k] | 0x20) == 's' && !(k + 1 < len && word_byte(b + k + 1, end))) {
                *flags |= TK_POSS;
                *next = k + 1;
                return j;
            }
            if ((b[k] | 0x20) == 't' && j > i && (b[j - 1] | 0x20) == 'n' &&
                !(k + 1 < len && word_byte(b + k + 1, end))) {
                *next = j - 1; /* don't: "do" then n't */
                return j - 1;
            }
            j = k;
        } else if (is_apostrophe(b + j, end, &al) && j > i && (b[j - 1] | 0x20) == 's' &&
                   !(j + al < len && word_byte(b + j + al, end))) {
            *flags |= TK_POSS; /* Venezuelans’ */
            *next = j + al;
            return j;
        } else {
            break;
        }
    }
    *next = j;
    return j;
}

static bool word(tk_state *s, size_t *i, size_t len) {
    const unsigned char *b = s->buf;
    size_t d = dotted(b, *i, len);
    if (d > *i) {
        char norm[64];
        size_t n = 0;
        for (size_t k = *i; k < d && n + 1 < sizeof norm; k++) {
            norm[n++] = (char)(b[k] >= 'A' && b[k] <= 'Z' ? b[k] | 0x20 : b[k]);
        }
        norm[n] = '\0';
        unsigned f = TK_WORD | case_flags(b + *i, d - *i);
        bool ok = push(s, *i, d, f, norm);
        *i = d;
        return ok;
    }
    /* The common word, letters and digits only, is lower-cased and hashed as it is scanned. */
    allynet__tokens *t = s->t;
    if (!reserve(t, 255)) {
        return false;
    }
    const size_t start = *i; /* a local: the byte stores below may alias *i */
    char *form = t->arena.buf + t->arena.len, *dst = form;
    const unsigned char *p = b + start, *cap = b + (len - start < 255 ? len : start + 255);
    for (; p < cap; p++, dst++) {
        unsigned char c = fold_alnum[*p];
        if (c == 0) {
            break;
        }
        *dst = (char)c;
    }
    size_t j = (size_t)(p - b);
    uint32_t h = allynet__hash_bytes(form, j - start);
    /* Case flags (in append) from the bytes met: a lower-case first letter settles them (none);
     * any other first byte has them counted. */
    unsigned seen = byte_class[b[start]] & C_LOWER ? C_LOWER : C_UPPER;
    unsigned f = 0;
    size_t next = j, e = j;
    if (j < len && !(byte_class[b[j]] & C_STOP)) { /* a mark that may continue the word */
        e = word_end(b, *i, j, len, &f, &next);
    }
    if (e == *i) { /* the "n't" of don't */
        size_t al = 1;
        is_apostrophe(b + *i + 1, b + len, &al);
        size_t stop = *i + 2 + al <= len ? *i + 2 + al : len;
        bool ok = push(s, *i, stop, TK_WORD, "not");
        *i = stop;
        return ok;
    }
    f |= TK_WORD | (is_digit(b[*i]) ? TK_NUM : 0); /* push adds the case flags */
    if (e == j) {
        append(s, start, e, f, true, b + start, e - start, h, seen);
    } else if (!push(s, start, e, f, NULL)) {
        return false;
    }
    allynet__token *tk = &s->t->v[s->t->n - 1];
    const char *norm = s->t->arena.buf + tk->norm;
    f = tk->flags; /* with the case flags */
    if (next == e && e < len && b[e] == '.' &&
        ((e - start == 1 && (f & TK_CAP)) || is_abbrev(norm, tk->hash, f, b + e, b + len))) {
        tk->end++; /* Mr. Dr. J. */
        next = e + 1;
    }
    *i = next;
    return true;
}

static bool punct(tk_state *s, size_t *i, size_t len) {
    const unsigned char *b = s->buf;
    size_t n = mb_punct(b + *i, b + len);
    unsigned f = TK_PUNCT;
    if (n == 0) {
        n = 1;
        if (b[*i] == '.' || b[*i] == '!' || b[*i] == '?') {
            f |= TK_END;
        } else if (b[*i] == '"' || b[*i] == '\'') {
            f |= TK_QUOTE;
        }
    } else if (b[*i] == 0xe2 && b[*i + 2] >= 0x98 && b[*i + 2] <= 0x9f) {
        f |= TK_QUOTE;
    } else if (b[*i] == 0xc2 && b[*i + 1] != 0xa0) {
        f |= TK_QUOTE;
    }
    if (b[*i] == 0xc2 && b[*i + 1] == 0xa0) { /* no-break space */
        *i += n;
        return true;
    }
    bool ok = push(s, *i, *i + n, f, NULL);
    *i += n;
    return ok;
}

/* The common token, in line: a word of ASCII letters and digits (at most 254) that a space or an
 * ASCII mark other than ' . ends (or a comma not inside a number), so no abbreviation, possessive
 * or number can be at stake, with room for it already made. Appends it exactly as word() would and
 * returns its end; returns `start` to leave any other case to word(). */
static inline size_t plain_word(tk_state *s, size_t start, size_t len) {
    allynet__tokens *t = s->t;
    if (t->n == t->cap || t->arena.len + 255 + FORM_SLACK > t->arena.cap) {
        return start;
    }
    /* Eight bytes at a time while eight are there: lower-cased (bit 5 set) and hashed as one
     * number each; a word of up to 8 letters takes one round and no branch on its length. */
    const unsigned char *b = s->buf, *p = b + start;
    size_t maxn = len - start < 254 ? len - start : 254, n = 0;
    char *dst = t->arena.buf + t->arena.len; /* 255 + FORM_SLACK bytes of room */
    uint64_t hh = ALLYNET__HASH_INIT;
    uint32_t h;
    for (;;) {
        if (n + 8 > maxn) { /* near the text's end or the longest word: a byte at a time */
            for (; n < maxn && fold_alnum[p[n]]; n++) {
                dst[n] = (char)fold_alnum[p[n]];
            }
            h = allynet__hash_bytes(dst, n);
            break;
        }
        uint64_t w = allynet__load_le(p + n);
        unsigned run = alnum_run(w);
        uint64_t low = (w | 0x2020202020202020ULL) & allynet__le_mask(run);
        allynet__store_le(dst + n, low);
        if (run > 0) {
            hh = allynet__hash_word(hh, low);
        }
        n += run;
        if (run < 8) {
            h = allynet__hash_end(hh, n);
            break;
        }
    }
    size_t end = start + n;
    if (n == 0 || (n == 254 && end < len)) {
        return start;
    }
    if (end < len && !(byte_class[b[end]] & C_STOP) &&
        (b[end] != ',' || (is_digit(b[end - 1]) && end + 1 < len && is_digit(b[end + 1])))) {
        return start; /* ' . or a byte of a multi-byte character may continue it; so may ",0" */
    }
    dst[n] = '\0';
    unsigned flags = TK_WORD | (byte_class[b[start]] & C_DIGIT ? TK_NUM : 0) |
                     (byte_class[b[start]] & C_LOWER ? 0 : case_flags(b + start, n));
    flags |= s->para;
    s->para = 0;
    size_t off = t->arena.len;
    t->arena.len = off + n + 1;
    uint16_t wid = allynet__wl_memo(t->arena.buf + off, n, h);
    t->v[t->n++] = (allynet__token){s->base + start, s->base + end, off, (uint16_t)flags, wid, h};
    return end;
}

/* The other common token, in line: one ASCII mark, as punct() would append it, room permitting.
 * Returns whether it did. */
static inline bool plain_mark(tk_state *s, size_t i) {
    allynet__tokens *t = s->t;
    if (t->n == t->cap || t->arena.len + 2 + FORM_SLACK > t->arena.cap) {
        return false;
    }
    unsigned char c = s->buf[i];
    unsigned flags = TK_PUNCT | (c == '.' || c == '!' || c == '?' ? TK_END : 0) |
                     (c == '"' || c == '\'' ? TK_QUOTE : 0);
    flags |= s->para;
    s->para = 0;
    size_t off = t->arena.len;
    t->arena.buf[off] = (char)c;
    t->arena.buf[off + 1] = '\0';
    t->arena.len = off + 2;
    uint32_t h = allynet__hash_end(allynet__hash_word(ALLYNET__HASH_INIT, c), 1);
    uint16_t wid = allynet__wl_memo(t->arena.buf + off, 1, h);
    t->v[t->n++] = (allynet__token){s->base + i, s->base + i + 1, off, (uint16_t)flags, wid, h};
    return true;
}

bool allynet__tokenize(const char *buf, size_t len, size_t base, allynet__tokens *t) {
    tk_state s = {t, (const unsigned char *)buf, base, 0};
    const unsigned char *b = s.buf;
    size_t i = 0;
    int newlines = 0;
    while (i < len) {
        unsigned char c = b[i];
        if (byte_class[c] & C_SPACE) {
            newlines += c == '\n';
            i++;
            continue;
        }
        if (newlines > 0) {
            s.para = newlines >= 2 ? TK_PARA : TK_LINE;
        }
        newlines = 0;
        if (c < 0x80 && !(byte_class[c] & C_ALNUM)) {
            if (plain_mark(&s, i)) {
                i++;
                continue;
            }
        } else {
            size_t end = plain_word(&s, i, len);
            if (end > i) {
                i = end;
                continue;
            }
        }
        bool ok = word_byte(b + i, b + len) ? word(&s, &i, len) : punct(&s, &i, len);
        if (!ok) {
            return false;
        }
    }
    return true;
}
