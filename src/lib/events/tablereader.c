/* tablereader.c — a streaming record reader for delimited tables (CSV, TSV): a buffered reader
 * that hands out one record at a time, split into NUL-terminated fields in place, with the line
 * number where the record starts. Memory is one buffer as large as the longest record. */
#include "events_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { CHUNK = 1 << 20 };

allynet_status allynet__reader_open(allynet__reader *r, const char *path, char delim, bool quotes,
                                    allynet_error *err) {
    memset(r, 0, sizeof *r);
    r->delim = delim;
    r->quotes = quotes;
    r->next_line = 1;
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        snprintf(r->path, sizeof r->path, "<stdin>");
    } else {
        snprintf(r->path, sizeof r->path, "%s", path);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            return allynet_error_set(err, ALLYNET_E_INPUT, path, 0, 0,
                                     "is a directory, not a file");
        }
        r->f = fopen(path, "rb");
        if (r->f == NULL) {
            return allynet_error_set(err, ALLYNET_E_INPUT, path, 0, 0, "cannot open: %s",
                                     strerror(errno));
        }
        r->own = true;
    }
    r->cap = CHUNK;
    r->buf = malloc(r->cap + 1);
    if (r->buf == NULL) {
        allynet__reader_close(r);
        return allynet_error_set(err, ALLYNET_E_NOMEM, path, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

void allynet__reader_close(allynet__reader *r) {
    if (r->own && r->f != NULL) {
        fclose(r->f);
    }
    free(r->buf);
    free(r->fields);
    free(r->cols);
    memset(r, 0, sizeof *r);
}

/* Moves the unread tail to the front and reads more; grows the buffer when it is full. */
static allynet_status refill(allynet__reader *r, allynet_error *err) {
    size_t tail = r->len - r->pos;
    memmove(r->buf, r->buf + r->pos, tail);
    r->len = tail;
    r->pos = 0;
    if (r->len == r->cap) {
        char *b = realloc(r->buf, r->cap * 2 + 1);
        if (b == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, r->path, 0, 0, "out of memory");
        }
        r->buf = b;
        r->cap *= 2;
    }
    size_t n = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
    r->len += n;
    r->bytes += n;
    if (n == 0) {
        if (ferror(r->f)) {
            return allynet_error_set(err, ALLYNET_E_IO, r->path, 0, 0, "read error: %s",
                                     strerror(errno));
        }
        r->eof = true;
    }
    return ALLYNET_OK;
}

/* The end of the record starting at r->pos (the offset of its newline, or len when none yet).
 * With quotes, a newline inside an open quoted field does not end the record. */
static size_t record_end(const allynet__reader *r, size_t from, bool *in_quote) {
    const char *b = r->buf;
    if (!r->quotes) {
        const char *nl = memchr(b + from, '\n', r->len - from);
        return nl ? (size_t)(nl - b) : r->len;
    }
    for (size_t i = from; i < r->len; i++) {
        if (b[i] == '"') {
            *in_quote = !*in_quote;
        } else if (b[i] == '\n' && !*in_quote) {
            return i;
        }
    }
    return r->len;
}

static bool grow_fields(allynet__reader *r) {
    size_t cap = r->cap_fields ? r->cap_fields * 2 : 64;
    char **f = realloc(r->fields, cap * sizeof *f);
    if (f == NULL) {
        return false;
    }
    r->fields = f;
    size_t *c = realloc(r->cols, cap * sizeof *c);
    if (c == NULL) {
        return false;
    }
    r->cols = c;
    r->cap_fields = cap;
    return true;
}

static inline bool push_field(allynet__reader *r, char *start, size_t col) {
    if (r->nfields == r->cap_fields && !grow_fields(r)) {
        return false;
    }
    r->fields[r->nfields] = start;
    r->cols[r->nfields] = col;
    r->nfields++;
    return true;
}

/* Splits rec[0..n) in place; n excludes the newline. Quoted fields are unescaped ("" -> "). */
static bool split(allynet__reader *r, char *rec, size_t n) {
    if (n > 0 && rec[n - 1] == '\r') {
        n--;
    }
    rec[n] = '\0';
    r->nfields = 0;
    if (!r->quotes || memchr(rec, '"', n) == NULL) {
        /* one pass over the bytes: fields are short, a memchr call per field costs more */
        const char delim = r->delim;
        if (!push_field(r, rec, 1)) {
            return false;
        }
        for (char *p = rec, *end = rec + n; p < end; p++) {
            if (*p == delim) {
                *p = '\0';
                if (!push_field(r, p + 1, (size_t)(p - rec) + 2)) {
                    return false;
                }
            }
        }
        return true;
    }
    char *in = rec, *end = rec + n;
    for (;;) {
        char *out = in, *start = in;
        if (!push_field(r, start, (size_t)(in - rec) + 1)) {
            return false;
        }
        bool q = in < end && *in == '"';
        in += q;
        while (in < end) {
            if (q && *in == '"') {
                if (in + 1 < end && in[1] == '"') {
                    *out++ = '"';
                    in += 2;
                    continue;
                }
                q = false;
                in++;
                continue;
            }
            if (!q && *in == r->delim) {
                break;
            }
            *out++ = *in++;
        }
        bool more = in < end;
        *out = '\0';
        if (!more) {
            return true;
        }
        in++;
    }
}

allynet_status allynet__reader_next(allynet__reader *r, bool *got, allynet_error *err) {
    *got = false;
    for (;;) {
        bool in_quote = false;
        size_t scanned = r->pos, end;
        for (;;) {
            end = record_end(r, scanned, &in_quote);
            if (end < r->len || r->eof) {
                break;
            }
            scanned = r->len - r->pos; /* the offset after refill moves the tail to the front */
            allynet_status s = refill(r, err);
            if (s != ALLYNET_OK) {
                return s;
            }
            if (r->quotes) {
                in_quote = false; /* rescan the record from its start */
                scanned = 0;
            }
        }
        if (r->pos == r->len && r->eof) {
            return ALLYNET_OK;
        }
        char *rec = r->buf + r->pos;
        size_t n = end - r->pos;
        r->line = r->next_line;
        r->unterminated = end == r->len; /* the last record has no newline */
        r->open_quote = in_quote;
        for (const char *p = rec; r->quotes && (p = memchr(p, '\n', (size_t)(rec + n - p))); p++) {
            r->next_line++; /* newlines inside quoted fields */
        }
        r->next_line++;
        r->pos = end < r->len ? end + 1 : end;
        if (n == 0 || (n == 1 && rec[0] == '\r')) {
            continue; /* blank line */
        }
        if (!split(r, rec, n)) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, r->path, 0, 0, "out of memory");
        }
        r->records++;
        *got = true;
        return ALLYNET_OK;
    }
}
