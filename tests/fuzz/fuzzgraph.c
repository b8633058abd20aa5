/* fuzzgraph.c — the writers' fuzz snapshots, made from input bytes (the format is in
 * fuzzgraph.h), and their neutral twins with plain strings in the same roles. */
#include "fuzzgraph.h"

#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const uint8_t *p;
    size_t len;
    bool set;
} span;

/* The fields of an input, each string already checked (valid UTF-8, no NUL). */
typedef struct {
    bool directed;
    size_t snaps;
    span actor[FUZZ_MAX_ACTORS][3]; /* id, name, kind */
    size_t n_actors;
    span ties[FUZZ_MAX_TIES];
    size_t n_ties;
    span rel[FUZZ_MAX_POOL];
    size_t n_rel;
    span ev[FUZZ_MAX_POOL][2]; /* cue, note */
    size_t n_ev;
    span name[FUZZ_MAX_SNAPS], date[FUZZ_MAX_SNAPS];
    size_t n_name, n_date;
} fields;

_Noreturn void fuzz_fail(const char *what, const char *detail) {
    fprintf(stderr, "fuzz check failed: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

static bool text_ok(span s) {
    return memchr(s.p, '\0', s.len) == NULL && allynet__utf8_valid((const char *)s.p, s.len);
}

/* Splits p[0..len) at `sep` into at most n strings; those that are not text stay unset. */
static void split(const uint8_t *p, size_t len, uint8_t sep, span *out, size_t n) {
    for (size_t k = 0; k < n; k++) {
        const uint8_t *end = k + 1 < n ? memchr(p, sep, len) : NULL;
        size_t l = end ? (size_t)(end - p) : len;
        out[k] = (span){p, l, true};
        out[k].set = text_ok(out[k]);
        if (end == NULL) {
            for (size_t r = k + 1; r < n; r++) {
                out[r] = (span){NULL, 0, false};
            }
            return;
        }
        p = end + 1, len -= l + 1;
    }
}

static void field(fields *f, const uint8_t *p, size_t len) {
    if (len == 0) {
        return;
    }
    uint8_t tag = p[0];
    p++, len--;
    if (tag == 'a' && f->n_actors < FUZZ_MAX_ACTORS) {
        span *a = f->actor[f->n_actors];
        split(p, len, 0xFE, a, 3);
        f->n_actors += a[0].set && a[0].len > 0;
    } else if (tag == 't') {
        for (size_t i = 0; i + 3 <= len && f->n_ties < FUZZ_MAX_TIES; i += 3) {
            f->ties[f->n_ties++] = (span){p + i, 3, true};
        }
    } else if (tag == 'r' && f->n_rel < FUZZ_MAX_POOL) {
        split(p, len, 0xFF, &f->rel[f->n_rel], 1);
        f->n_rel += f->rel[f->n_rel].set && len > 0;
    } else if (tag == 'e' && f->n_ev < FUZZ_MAX_POOL) {
        split(p, len, 0xFE, f->ev[f->n_ev], 2);
        f->n_ev += f->ev[f->n_ev][0].set;
    } else if (tag == 'n' && f->n_name < FUZZ_MAX_SNAPS) {
        split(p, len, 0xFF, &f->name[f->n_name++], 1);
    } else if (tag == 'd' && f->n_date < FUZZ_MAX_SNAPS) {
        split(p, len, 0xFF, &f->date[f->n_date++], 1);
    }
}

static void parse(const uint8_t *data, size_t size, fields *f) {
    memset(f, 0, sizeof *f);
    f->directed = data[0] & 1;
    f->snaps = 1 + (data[0] >> 1) % FUZZ_MAX_SNAPS;
    const uint8_t *p = data + 1, *end = data + size;
    while (p < end) {
        const uint8_t *sep = memchr(p, 0xFF, (size_t)(end - p));
        const uint8_t *stop = sep ? sep : end;
        field(f, p, (size_t)(stop - p));
        p = stop + 1;
    }
}

static char *copy(span s) {
    char *out = s.set ? malloc(s.len + 1) : NULL;
    if (out) {
        memcpy(out, s.p, s.len);
        out[s.len] = '\0';
    }
    return out;
}

static int span_cmp(span a, span b) {
    int c = memcmp(a.p, b.p, a.len < b.len ? a.len : b.len);
    return c ? c : (a.len > b.len) - (a.len < b.len);
}

/* The index of the first of spans[0..k] equal to spans[k]: equal strings get one placeholder. */
static size_t first_equal(const span *spans, size_t stride, size_t k) {
    for (size_t i = 0; i < k; i++) {
        if (span_cmp(spans[i * stride], spans[k * stride]) == 0) {
            return i;
        }
    }
    return k;
}

/* The neutral id of actor k: its rank among the distinct ids, so the order stays. */
static size_t id_rank(const fields *f, size_t k) {
    size_t rank = 0;
    for (size_t i = 0; i < f->n_actors; i++) {
        bool seen = first_equal(&f->actor[0][0], 3, i) != i;
        rank += !seen && span_cmp(f->actor[i][0], f->actor[k][0]) < 0;
    }
    return rank;
}

static bool plain(span s) {
    for (size_t i = 0; i < s.len; i++) {
        if (s.p[i] < 'a' || s.p[i] > 'z') {
            return false;
        }
    }
    return s.len > 0;
}

/* A date as allynet reads it (digits and dashes in its first ten bytes, anything after): the
 * digits and dashes it starts with, then "x" when more follows. */
static char *neutral_date(span s) {
    char *out = malloc(12);
    size_t n = 0;
    while (out && n < s.len && n < 10 && ((s.p[n] >= '0' && s.p[n] <= '9') || s.p[n] == '-')) {
        out[n] = (char)s.p[n];
        n++;
    }
    if (out && n < s.len) {
        out[n++] = 'x';
    }
    if (out) {
        out[n] = '\0';
    }
    return out;
}

/* A placeholder: a letter for the role, then a number ("a00"). */
static char *fmt(char role, size_t k) {
    char *out = malloc(32);
    if (out) {
        snprintf(out, 32, "%c%02zu", role, k);
    }
    return out;
}

static const char *const kinds[] = {"state", "organization", "armed_group", NULL};

static char *neutral_kind(span s) {
    for (size_t i = 0; kinds[i]; i++) {
        if (s.len == strlen(kinds[i]) && memcmp(s.p, kinds[i], s.len) == 0) {
            return strdup(kinds[i]);
        }
    }
    return strdup("other");
}

static void add_actors(const fields *f, bool neutral, allynet_graph *g, size_t *idx) {
    for (size_t k = 0; k < f->n_actors; k++) {
        const span *a = f->actor[k];
        size_t r = neutral ? id_rank(f, k) : 0;
        char *id = neutral ? fmt('a', r) : copy(a[0]);
        char *name = !a[1].set ? NULL : neutral ? fmt('n', r) : copy(a[1]);
        char *kind = !a[2].set ? NULL : neutral ? neutral_kind(a[2]) : copy(a[2]);
        idx[k] = SIZE_MAX;
        if (id && allynet_graph_add_actor(g, id, name, kind, &idx[k], NULL) != ALLYNET_OK) {
            idx[k] = SIZE_MAX;
        }
        free(id);
        free(name);
        free(kind);
    }
}

static json_t *evidence(const fields *f, bool neutral, size_t k, double w) {
    const span *e = f->ev[k];
    char *cue = neutral ? strdup("cue") : copy(e[0]);
    char *note = !e[1].set ? NULL : neutral ? strdup("note") : copy(e[1]);
    json_t *ev = json_pack("[{s:s, s:i, s:i, s:s?, s:s, s:f, s:s?}]", "doc", "d", "start", 0, "end",
                           1, "cue", cue, "cameo", "051", "weight", w, "note", note);
    free(cue);
    free(note);
    return ev;
}

static char *relation(const fields *f, bool neutral, size_t k) {
    if (!neutral || plain(f->rel[k])) {
        return copy(f->rel[k]);
    }
    return fmt('r', first_equal(f->rel, 1, k));
}

static void add_ties(const fields *f, bool neutral, fuzz_series *s, const size_t *idx) {
    for (size_t k = 0; k < f->n_ties; k++) {
        const uint8_t *b = f->ties[k].p;
        size_t a = idx[(b[0] & 7) % f->n_actors], t = idx[(b[1] & 7) % f->n_actors];
        size_t snap = (size_t)(b[0] >> 3) % s->n, r = (size_t)(b[1] >> 3) % (f->n_rel + 1);
        size_t e = k % (f->n_ev + 1);
        double w = (int8_t)b[2] / 4.0;
        if (a == SIZE_MAX || t == SIZE_MAX || a == t) {
            continue;
        }
        char *rel = r < f->n_rel ? relation(f, neutral, r) : NULL;
        json_t *ev = e < f->n_ev ? evidence(f, neutral, e, w) : NULL;
        allynet_graph_add_tie(s->g[snap], a, t, w, rel, 1, ev, NULL, NULL);
        free(rel);
    }
}

static void set_meta(const fields *f, bool neutral, allynet_graph *g, size_t j) {
    json_t *meta = allynet_graph_meta(g);
    if (j < f->n_name && f->name[j].set) {
        char *name = neutral ? fmt('s', first_equal(f->name, 1, j)) : copy(f->name[j]);
        json_object_set_new(meta, "name", json_string(name));
        free(name);
    }
    if (j < f->n_date && f->date[j].set) {
        char *date = neutral ? neutral_date(f->date[j]) : copy(f->date[j]);
        json_object_set_new(meta, "date", json_string(date));
        free(date);
    }
}

bool fuzz_series_build(const uint8_t *data, size_t size, bool neutral, fuzz_series *out) {
    memset(out, 0, sizeof *out);
    if (size == 0) {
        return false;
    }
    fields *f = malloc(sizeof *f);
    if (f == NULL) {
        return false;
    }
    parse(data, size, f);
    out->opts = data[0] >> 3;
    out->n = f->snaps;
    size_t idx[FUZZ_MAX_ACTORS];
    bool ok = f->n_actors > 0;
    for (size_t j = 0; ok && j < out->n; j++) {
        out->g[j] = allynet_graph_new(f->directed);
        ok = out->g[j] != NULL;
        if (ok) {
            add_actors(f, neutral, out->g[j], idx);
            set_meta(f, neutral, out->g[j], j);
        }
    }
    if (ok) {
        add_ties(f, neutral, out, idx);
    }
    for (size_t j = 0; ok && j < out->n; j++) {
        ok = allynet_graph_sort(out->g[j], NULL) == ALLYNET_OK &&
             allynet_graph_actor_count(out->g[j]) > 0;
    }
    free(f);
    if (!ok) {
        fuzz_series_free(out);
    }
    return ok;
}

void fuzz_series_free(fuzz_series *s) {
    for (size_t j = 0; j < FUZZ_MAX_SNAPS; j++) {
        allynet_graph_free(s->g[j]);
        s->g[j] = NULL;
    }
    s->n = 0;
}
