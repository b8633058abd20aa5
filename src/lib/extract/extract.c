/* extract.c — news text to a snapshot: streams documents in blocks, repairs bad bytes, reads the
 * `date YYYY-MM-DD` header, splits sentences, codes them (roles.c) and aggregates the events per
 * directed dyad with capped evidence. */
#include "extract_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern const char allynet__aliases_tsv[];
extern const size_t allynet__aliases_tsv_len;
extern const char allynet__lexicon_tsv[];
extern const size_t allynet__lexicon_tsv_len;
extern const char allynet__confidence_tsv[];
extern const size_t allynet__confidence_tsv_len;

/* FIRST_BLOCK: the first block is read small. The coder's word lists join the vocabulary as they
 * are first asked about, during the first sentences; tokens looked up before that are looked up
 * again (words.c), which for a whole first block of a megabyte cost 3% of a 4 MB run. */
enum {
    BLOCK = 1 << 20,
    FIRST_BLOCK = 64 << 10,
    LONGEST = 4 << 20,
    MAX_TOKENS = 200,
    DEFAULT_EVIDENCE = 20
};

/* Events name actors by ids the gazetteer owns, so a small cache keyed by the id's address
 * saves most lookups of the graph's actor map. */
enum { ACTOR_SLOTS = 256 };
typedef struct {
    const char *id; /* NULL: empty */
    size_t actor;
} actor_slot;

struct allynet_extractor {
    allynet__gazetteer *gz;
    allynet__lexicon *lx;
    allynet_graph *g;
    char date[11];       /* --date, or "" */
    char graph_date[11]; /* the latest header date when no --date */
    allynet_event_fn on_event;
    void *ctx;
    allynet__tokens tokens;
    allynet__tally *tally;     /* evidence and relation mixes per tie, JSON only at the end */
    allynet__doc_ties *staged; /* the document's ties until it ends (doctie.c) */
    allynet__model model;      /* the confidence model (confidence.c) */
    double min_confidence;
    actor_slot actors[ACTOR_SLOTS];
    /* the document being read */
    allynet__discourse dis;
    const char *doc;
    char doc_date[11];
    allynet_extract_stats *stats;
    allynet_error *err;
    allynet_status status;
};

static allynet_status load_file(const char *path,
                                allynet_status (*add)(void *, const char *, size_t, const char *,
                                                      allynet_error *),
                                void *obj, allynet_error *err) {
    char *buf = NULL;
    size_t len = 0;
    allynet_status st = allynet_file_read(path, &buf, &len, err);
    if (st == ALLYNET_OK) {
        st = add(obj, buf, len, path, err);
    }
    free(buf);
    return st;
}

static allynet_status gz_add(void *o, const char *b, size_t n, const char *src, allynet_error *e) {
    return allynet__gazetteer_load(o, b, n, src, e);
}
static allynet_status lx_add(void *o, const char *b, size_t n, const char *src, allynet_error *e) {
    return allynet__lexicon_load(o, b, n, src, e);
}

allynet_status allynet_extractor_new(const allynet_extract_options *opt, allynet_extractor **out,
                                     allynet_error *err) {
    *out = NULL;
    if (opt->date && !allynet__date_valid(opt->date)) {
        return allynet_error_set(err, ALLYNET_E_USAGE, "--date", 0, 0,
                                 "'%s' is not a date: expected YYYY-MM-DD", opt->date);
    }
    allynet_extractor *x = calloc(1, sizeof *x);
    if (x == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    x->gz = allynet__gazetteer_new();
    x->lx = allynet__lexicon_new();
    x->g = allynet_graph_new(true);
    size_t cap = opt->max_evidence ? opt->max_evidence : DEFAULT_EVIDENCE;
    x->tally = allynet__tally_new(cap);
    x->staged = allynet__doc_ties_new(cap);
    allynet_status st = ALLYNET_OK;
    if (x->gz == NULL || x->lx == NULL || x->g == NULL || x->tally == NULL || x->staged == NULL) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    if (st == ALLYNET_OK) {
        st = allynet__model_load(&x->model, allynet__confidence_tsv, allynet__confidence_tsv_len,
                                 "graphs/confidence.tsv", err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__gazetteer_load(x->gz, allynet__aliases_tsv, allynet__aliases_tsv_len,
                                     "graphs/aliases.tsv", err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__lexicon_load(x->lx, allynet__lexicon_tsv, allynet__lexicon_tsv_len,
                                   "graphs/lexicon.tsv", err);
    }
    if (st == ALLYNET_OK && opt->actors_path) {
        st = load_file(opt->actors_path, gz_add, x->gz, err);
    }
    if (st == ALLYNET_OK && opt->lexicon_path) {
        st = load_file(opt->lexicon_path, lx_add, x->lx, err);
    }
    if (st != ALLYNET_OK) {
        allynet_extractor_free(x);
        return st;
    }
    snprintf(x->date, sizeof x->date, "%s", opt->date ? opt->date : "");
    x->min_confidence = opt->min_confidence;
    x->on_event = opt->on_event;
    x->ctx = opt->ctx;
    *out = x;
    return ALLYNET_OK;
}

void allynet_extractor_free(allynet_extractor *x) {
    if (x == NULL) {
        return;
    }
    allynet__gazetteer_free(x->gz);
    allynet__lexicon_free(x->lx);
    allynet__doc_ties_free(x->staged);
    allynet_graph_free(x->g);
    allynet__tokens_destroy(&x->tokens);
    allynet__tally_free(x->tally);
    free(x);
}

/* ---------------------------------------------------------------- aggregation */

static size_t actor_lookup(allynet_extractor *x, const char *id, bool *ok) {
    long i = allynet_graph_find_actor(x->g, id);
    if (i >= 0) {
        return (size_t)i;
    }
    const allynet_actor_info *info = allynet_dict_lookup(id);
    const char *name = info && strcmp(info->id, id) == 0 ? info->name : NULL;
    const char *kind = info && strcmp(info->id, id) == 0 ? info->kind : NULL;
    if (name == NULL) {
        name = allynet__gazetteer_name(x->gz, id);
    }
    size_t out = 0;
    *ok = allynet_graph_add_actor(x->g, id, name ? name : id, kind, &out, x->err) == ALLYNET_OK;
    return out;
}

/* The graph's actor for id, added when new; the answer is cached by the id's address (ids the
 * gazetteer owns stay put while the extractor lives). */
static size_t actor(allynet_extractor *x, const char *id, bool *ok) {
    uintptr_t a = (uintptr_t)id;
    actor_slot *slot = &x->actors[((a >> 3) ^ (a >> 11)) & (ACTOR_SLOTS - 1)];
    if (slot->id == id) {
        return slot->actor;
    }
    size_t i = actor_lookup(x, id, ok);
    if (*ok) {
        *slot = (actor_slot){id, i};
    }
    return i;
}

/* An event as the sentence coder emits it: scored by the model, kept when its confidence
 * reaches the minimum, staged with its document's ties and printed to the event callback. */
static bool on_event(const allynet__event *coded, void *ctx) {
    allynet_extractor *x = ctx;
    allynet__event ev = *coded;
    ev.confidence = allynet__model_span(&x->model, ev.features);
    if (ev.confidence < x->min_confidence) {
        return true;
    }
    if (!allynet__doc_ties_add(x->staged, &ev)) {
        x->status = allynet_error_set(x->err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
        return false;
    }
    if (x->stats) {
        x->stats->events++;
    }
    if (x->on_event) {
        allynet_extract_event pub = {x->doc,    ev.start,    ev.end,        x->doc_date,
                                     ev.source, ev.target,   ev.cue->lemma, ev.cameo,
                                     ev.weight, ev.relation, ev.confidence, ev.features};
        x->on_event(&pub, x->ctx);
    }
    return true;
}

/* The document has ended: its pairs whose tie confidence reaches the minimum join the snapshot
 * with their summed weight, events, spans and relation mix. */
static allynet_status end_doc(allynet_extractor *x) {
    size_t n = allynet__doc_ties_count(x->staged);
    for (size_t i = 0; i < n; i++) {
        allynet__doc_tie dt;
        allynet__doc_ties_get(x->staged, i, &x->model, &dt);
        if (dt.confidence < x->min_confidence) {
            continue;
        }
        bool ok = true;
        size_t s = actor(x, dt.source, &ok), t = ok ? actor(x, dt.target, &ok) : 0, tie;
        if (!ok) {
            return x->err && x->err->code ? x->err->code : ALLYNET_E_NOMEM;
        }
        allynet_status st =
            allynet_graph_add_tie(x->g, s, t, dt.weight, NULL, dt.events, NULL, &tie, x->err);
        if (st != ALLYNET_OK) {
            return st;
        }
        if (!allynet__doc_ties_commit(x->staged, i, x->tally, tie, dt.confidence)) {
            return allynet_error_set(x->err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
        }
    }
    allynet__doc_ties_clear(x->staged);
    return ALLYNET_OK;
}

/* ---------------------------------------------------------------- reading */

static bool on_sentence(const allynet__tokens *t, allynet__span s, void *ctx) {
    allynet_extractor *x = ctx;
    allynet__sentence_ctx c = {x->gz, x->lx, x->doc_date, &x->dis, on_event, x};
    if (x->stats) {
        x->stats->sentences++;
    }
    return allynet__code_sentence(&c, t, s);
}

/* Codes buf[0..len) (document offset base). */
static allynet_status code_block(allynet_extractor *x, char *buf, size_t len, size_t base) {
    size_t first = 0;
    size_t bad = allynet__utf8_repair(buf, len, &first);
    if (bad && x->stats) {
        if (x->stats->invalid_bytes == 0) {
            x->stats->first_invalid = base + first;
        }
        x->stats->invalid_bytes += bad;
    }
    allynet__tokens_clear(&x->tokens);
    if (!allynet__tokenize(buf, len, base, &x->tokens)) {
        return allynet_error_set(x->err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    /* the tokens' offsets are document offsets; the sentence coder reads only tokens */
    if (!allynet__sentences(&x->tokens, MAX_TOKENS, on_sentence, x)) {
        return x->status ? x->status
                         : allynet_error_set(x->err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

/* A leading `date YYYY-MM-DD` header: returns the bytes it takes (0 if none). */
static size_t date_header(const char *buf, size_t len, char date[11]) {
    size_t i = 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r')) {
        i++;
    }
    if (len - i < 15 || strncmp(buf + i, "date", 4) != 0 ||
        (buf[i + 4] != ' ' && buf[i + 4] != '\t')) {
        return 0;
    }
    i += 5;
    while (i < len && buf[i] == ' ') {
        i++;
    }
    char d[11];
    if (len - i < 10) {
        return 0;
    }
    memcpy(d, buf + i, 10);
    d[10] = '\0';
    if (!allynet__date_valid(d) || (len > i + 10 && buf[i + 10] != ' ' && buf[i + 10] != '\n' &&
                                    buf[i + 10] != '\r' && buf[i + 10] != '\t')) {
        return 0;
    }
    memcpy(date, d, 11);
    return i + 10;
}

/* Where to cut a block so no sentence or character is split: after the last blank line, else
 * the last newline, else the last space; else (a huge run without spaces) at a character
 * boundary. */
static size_t cut_point(const char *buf, size_t len) {
    for (size_t i = len; i-- > len / 2;) {
        if (buf[i] == '\n' && i > 0 &&
            (buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i > 1 && buf[i - 2] == '\n'))) {
            return i + 1;
        }
    }
    for (size_t i = len; i-- > 0;) {
        if (buf[i] == '\n') {
            return i + 1;
        }
    }
    if (len < LONGEST) {
        return 0;
    }
    for (size_t i = len; i-- > len / 2;) {
        if (buf[i] == ' ') {
            return i + 1;
        }
    }
    size_t i = len;
    while (i > 0 && ((unsigned char)buf[i - 1] & 0xc0) == 0x80) {
        i--;
    }
    return i > 0 && (unsigned char)buf[i - 1] >= 0xc0 ? i - 1 : i;
}

static allynet_status begin_doc(allynet_extractor *x, const char *doc, allynet_extract_stats *stats,
                                allynet_error *err) {
    memset(&x->dis, 0, sizeof x->dis);
    x->doc = doc;
    x->stats = stats;
    x->err = err;
    x->status = ALLYNET_OK;
    snprintf(x->doc_date, sizeof x->doc_date, "%s", x->date);
    if (stats) {
        memset(stats, 0, sizeof *stats);
    }
    return allynet__tally_doc(x->tally, doc) && allynet__doc_ties_begin(x->staged, doc)
               ? ALLYNET_OK
               : allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
}

/* Takes the header date of a document's first block; returns the bytes to skip. */
static size_t header(allynet_extractor *x, const char *buf, size_t len) {
    char d[11] = "";
    size_t skip = date_header(buf, len, d);
    if (skip && x->stats) {
        memcpy(x->stats->date, d, 11);
    }
    if (skip && x->date[0] == '\0') {
        memcpy(x->doc_date, d, 11);
        if (strcmp(d, x->graph_date) > 0) {
            memcpy(x->graph_date, d, 11);
        }
    }
    return skip;
}

/* Lists the document in graph.sources as {"id", "path"} (once per id). */
static allynet_status add_source(allynet_graph *g, const char *doc, const char *path,
                                 allynet_error *err) {
    json_t *meta = allynet_graph_meta(g);
    json_t *src = json_object_get(meta, "sources");
    if (src == NULL) {
        src = json_array();
        if (src == NULL || json_object_set_new(meta, "sources", src) != 0) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
        }
    }
    size_t i;
    json_t *v;
    json_array_foreach(src, i, v) {
        if (strcmp(json_string_value(json_object_get(v, "id")) ?: "", doc) == 0) {
            return ALLYNET_OK;
        }
    }
    if (json_array_append_new(src, json_pack("{s:s, s:s}", "id", doc, "path", path)) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

allynet_status allynet_extract_buffer(allynet_extractor *x, char *buf, size_t len, const char *doc,
                                      const char *path, allynet_extract_stats *stats,
                                      allynet_error *err) {
    allynet_status begun = begin_doc(x, doc, stats, err);
    if (begun != ALLYNET_OK) {
        return begun;
    }
    size_t skip = header(x, buf, len);
    if (stats) {
        stats->bytes = len;
    }
    allynet_status st = code_block(x, buf + skip, len - skip, skip);
    st = st == ALLYNET_OK ? end_doc(x) : st;
    return st == ALLYNET_OK ? add_source(x->g, doc, path, err) : st;
}

/* Reads f block by block: each block is cut after its last line (see cut_point) and the rest is
 * carried into the next, so memory stays within a few blocks whatever the input's size. */
static allynet_status stream(allynet_extractor *x, FILE *f, const char *path) {
    size_t cap = LONGEST + BLOCK, len = 0, base = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return allynet_error_set(x->err, ALLYNET_E_NOMEM, path, 0, 0, "out of memory");
    }
    allynet_status st = ALLYNET_OK;
    bool first = true, eof = false;
    while (st == ALLYNET_OK && !eof) {
        size_t block = first ? FIRST_BLOCK : BLOCK; /* a block at a time: tokens stay few */
        size_t want = cap - len < block ? cap - len : block;
        size_t n = fread(buf + len, 1, want, f);
        len += n;
        eof = n == 0 || feof(f);
        if (ferror(f)) {
            st = allynet_error_set(x->err, ALLYNET_E_IO, path, 0, 0, "read failed: %s",
                                   strerror(errno));
            break;
        }
        size_t skip = first ? header(x, buf, len) : 0;
        first = false;
        size_t cut = eof ? len : cut_point(buf, len);
        if (cut > skip) {
            st = code_block(x, buf + skip, cut - skip, base + skip);
        }
        memmove(buf, buf + cut, len - cut);
        base += cut;
        len -= cut;
        if (x->stats) {
            x->stats->bytes = base + len;
        }
    }
    free(buf);
    return st;
}

allynet_status allynet_extract_file(allynet_extractor *x, const char *path, const char *doc,
                                    allynet_extract_stats *stats, allynet_error *err) {
    allynet_status begun = begin_doc(x, doc, stats, err);
    if (begun != ALLYNET_OK) {
        return begun;
    }
    bool std = strcmp(path, "-") == 0;
    FILE *f = std ? stdin : fopen(path, "rb");
    if (f == NULL) {
        return allynet_error_set(err, errno == ENOENT ? ALLYNET_E_INPUT : ALLYNET_E_IO, path, 0, 0,
                                 "cannot open: %s", strerror(errno));
    }
    allynet_status st = stream(x, f, path);
    if (!std) {
        fclose(f);
    }
    st = st == ALLYNET_OK ? end_doc(x) : st;
    return st == ALLYNET_OK ? add_source(x->g, doc, path, err) : st;
}

/* The snapshot's name: its documents' ids ("venezuela-2025-12-11", "a + b + c and 4 more"),
 * or NULL (none, or out of memory). */
static char *docs_name(const json_t *sources) {
    size_t n = json_array_size(sources);
    const char **ids = calloc(n ? n : 1, sizeof *ids);
    for (size_t i = 0; ids && i < n; i++) {
        ids[i] = json_string_value(json_object_get(json_array_get(sources, i), "id"));
    }
    char *name = ids ? allynet__parts_name(ids, n) : NULL;
    free(ids);
    return name;
}

allynet_status allynet_extractor_take_graph(allynet_extractor *x, allynet_graph **out,
                                            allynet_error *err) {
    *out = NULL;
    if (!allynet__tally_flush(x->tally, x->g)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    memset(x->actors, 0, sizeof x->actors); /* they index the graph taken */
    allynet_graph *g = allynet_graph_new(true);
    if (g == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    allynet_graph *done = x->g;
    x->g = g;
    json_t *meta = allynet_graph_meta(done);
    const char *date = x->date[0] ? x->date : x->graph_date;
    char *name = docs_name(json_object_get(meta, "sources"));
    bool named = json_object_set_new(meta, "name", json_string(name ? name : "extract")) == 0;
    free(name);
    if (!named || (date[0] && json_object_set_new(meta, "date", json_string(date)) != 0) ||
        (json_object_get(meta, "sources") == NULL &&
         json_object_set_new(meta, "sources", json_array()) != 0)) {
        allynet_graph_free(done);
        return allynet_error_set(err, ALLYNET_E_NOMEM, "", 0, 0, "out of memory");
    }
    allynet_status st =
        allynet_graph_actor_count(done) ? allynet_graph_sort(done, err) : ALLYNET_OK;
    if (st != ALLYNET_OK) {
        allynet_graph_free(done);
        return st;
    }
    *out = done;
    return ALLYNET_OK;
}

void allynet_extractor_surfaces(const allynet_extractor *x, void (*fn)(const char *, void *),
                                void *ctx) {
    allynet__gazetteer_surfaces(x->gz, fn, ctx);
}
