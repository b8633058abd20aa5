/* evidence.c — the words behind a tie: an evidence span's bytes read from the source document
 * its graph names (graph.sources[].path), for the report's hover boxes and tables. Documents are
 * read once and kept while they take less than CACHE_BYTES in all. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_BYTES = 128 << 20, MAX_SPAN = 600 };

typedef struct {
    char *path;
    char *buf; /* NULL: the file could not be read */
    size_t len;
} doc;

struct allynet__texts {
    doc *docs;
    size_t n, cap, bytes;
};

allynet__texts *allynet__texts_new(void) {
    return calloc(1, sizeof(allynet__texts));
}

static void clear(allynet__texts *t) {
    for (size_t i = 0; i < t->n; i++) {
        free(t->docs[i].path);
        free(t->docs[i].buf);
    }
    t->n = t->bytes = 0;
}

void allynet__texts_free(allynet__texts *t) {
    if (t != NULL) {
        clear(t);
        free(t->docs);
        free(t);
    }
}

/* The cached document at path, read on first use; NULL when out of memory. */
static const doc *get(allynet__texts *t, const char *path) {
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->docs[i].path, path) == 0) {
            return &t->docs[i];
        }
    }
    if (t->bytes > CACHE_BYTES) {
        clear(t);
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        doc *d = realloc(t->docs, cap * sizeof *d);
        if (d == NULL) {
            return NULL;
        }
        t->docs = d, t->cap = cap;
    }
    doc *d = &t->docs[t->n];
    allynet_error e = {0};
    *d = (doc){strdup(path), NULL, 0};
    if (d->path == NULL) {
        return NULL;
    }
    if (allynet_file_read(path, &d->buf, &d->len, &e) != ALLYNET_OK) {
        d->buf = NULL, d->len = 0;
    }
    t->bytes += d->len;
    t->n++;
    return d;
}

/* The path of source `id` in g's metadata, or NULL. */
static const char *source_path(const allynet_graph *g, const char *id) {
    const json_t *src, *sources = json_object_get(allynet_graph_meta_const(g), "sources");
    size_t i;
    json_array_foreach(sources, i, src) {
        const char *sid = json_string_value(json_object_get(src, "id"));
        if (id != NULL && sid != NULL && strcmp(sid, id) == 0) {
            return json_string_value(json_object_get(src, "path"));
        }
    }
    return NULL;
}

/* The document: path as given, else beside the graph file. */
static const doc *find_doc(allynet__texts *t, const char *path, const char *graph_path) {
    const doc *d = get(t, path);
    const char *slash = graph_path ? strrchr(graph_path, '/') : NULL;
    if (d != NULL && d->buf == NULL && path[0] != '/' && slash != NULL) {
        size_t n = (size_t)(slash - graph_path) + strlen(path) + 2;
        char *beside = malloc(n);
        if (beside != NULL) {
            snprintf(beside, n, "%.*s/%s", (int)(slash - graph_path), graph_path, path);
            d = get(t, beside);
            free(beside);
        }
    }
    return d != NULL && d->buf != NULL ? d : NULL;
}

/* The span's bytes with whitespace runs folded to one space and invalid UTF-8 repaired, cut at
 * MAX_SPAN bytes (on a character boundary, with an ellipsis). */
static json_t *folded(const char *s, size_t len) {
    char *out = malloc(len + 4);
    size_t n = 0;
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < len && n < MAX_SPAN; i++) {
        bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t';
        if (!space || (n > 0 && out[n - 1] != ' ')) {
            out[n++] = space ? ' ' : s[i];
        }
    }
    bool cut = n == MAX_SPAN;
    while (cut && n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80) {
        n--;
    }
    if (cut && n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0) {
        n--;
    }
    while (n > 0 && out[n - 1] == ' ') {
        n--;
    }
    allynet__utf8_repair(out, n, NULL);
    if (cut) {
        memcpy(out + n, "\xe2\x80\xa6", 3), n += 3;
    }
    json_t *j = json_stringn(out, n);
    free(out);
    return j;
}

json_t *allynet__evidence_text(allynet__texts *t, const allynet_graph *g, const char *graph_path,
                               const json_t *span) {
    const json_t *start = json_object_get(span, "start"), *end = json_object_get(span, "end");
    const char *path = source_path(g, json_string_value(json_object_get(span, "doc")));
    if (t == NULL || path == NULL || !json_is_integer(start) || !json_is_integer(end)) {
        return NULL;
    }
    const doc *d = find_doc(t, path, graph_path);
    json_int_t a = json_integer_value(start), b = json_integer_value(end);
    if (d == NULL || a < 0 || b <= a || (size_t)b > d->len) {
        return NULL;
    }
    return folded(d->buf + a, (size_t)(b - a));
}
