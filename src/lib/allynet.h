/* allynet.h — the public interface of the allynet library: the signed network model, its file
 * formats, the actor dictionary, the igraph bridge and the report.
 *
 * Conventions (see ../shared/STYLE.md):
 * - Functions return an allynet_status and fill an optional caller-allocated allynet_error.
 * - The library never prints and never exits.
 * - `_new` allocates, `_free` releases and accepts NULL; `init`/`destroy` work on caller memory.
 */
#ifndef ALLYNET_H
#define ALLYNET_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ALLYNET_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

/* Status codes. The CLI maps them to exit codes in one place: OK 0, RUNTIME and NOMEM and IO 1,
 * INPUT and USAGE 2. */
typedef enum {
    ALLYNET_OK = 0,
    ALLYNET_E_RUNTIME = 1, /* a failure while running (an algorithm refused, a bug) */
    ALLYNET_E_INPUT = 2,   /* the input is malformed or does not fit the operation */
    ALLYNET_E_USAGE = 3,   /* the caller asked for something that does not exist */
    ALLYNET_E_NOMEM = 4,   /* out of memory */
    ALLYNET_E_IO = 5,      /* reading or writing a file failed (not the input's fault) */
} allynet_status;

/* A caller-allocated error record: where (source, line, column; 0 = unknown) and what. */
typedef struct allynet_error {
    allynet_status code;
    char source[512];
    int line;
    int column;
    char text[512];
} allynet_error;

/* Fills err (when not NULL) and returns code. Keeps the first error: a record already holding an
 * error is not overwritten. */
allynet_status allynet_error_set(allynet_error *err, allynet_status code, const char *source,
                                 int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Empties the record. */
void allynet_error_clear(allynet_error *err);
/* The exit code for a status: 0, 1 or 2. */
int allynet_status_exit_code(allynet_status s);

/* ---------------------------------------------------------------- model */

/* An actor: a state (ISO3 id) or a non-state actor with a short code. */
typedef struct allynet_actor {
    char *id;      /* owned, never NULL, unique in its graph */
    char *name;    /* owned, may be NULL */
    char *kind;    /* owned, may be NULL: state, organization, armed_group, ... */
    json_t *attrs; /* owned object of every other key (positions, bloc, ...); may be NULL */
} allynet_actor;

/* A tie: directed (or undirected when the graph is) and signed. */
typedef struct allynet_tie {
    size_t source;        /* actor index */
    size_t target;        /* actor index */
    double weight;        /* signed: > 0 cooperation, < 0 conflict or pressure */
    const char *relation; /* interned in the graph (borrowed), may be NULL */
    long events;          /* number of events summed into the tie (>= 1) */
    json_t *evidence;     /* owned array of evidence objects, or NULL */
    json_t *attrs;        /* owned object of every other key, or NULL */
} allynet_tie;

typedef struct allynet_graph allynet_graph;

/* Creates an empty graph. Returns NULL when out of memory. Free with allynet_graph_free. */
allynet_graph *allynet_graph_new(bool directed);
/* Frees the graph and everything it owns. Accepts NULL. */
void allynet_graph_free(allynet_graph *g);

bool allynet_graph_directed(const allynet_graph *g);
size_t allynet_graph_actor_count(const allynet_graph *g);
size_t allynet_graph_tie_count(const allynet_graph *g);
/* Borrowed pointers, valid until the graph changes. */
const allynet_actor *allynet_graph_actor(const allynet_graph *g, size_t i);
const allynet_tie *allynet_graph_tie(const allynet_graph *g, size_t i);
allynet_actor *allynet_graph_actor_mut(allynet_graph *g, size_t i);
allynet_tie *allynet_graph_tie_mut(allynet_graph *g, size_t i);

/* The graph's metadata object (name, date, period, sources and any other key): borrowed, never
 * NULL; change it freely. */
json_t *allynet_graph_meta(allynet_graph *g);
const json_t *allynet_graph_meta_const(const allynet_graph *g);
/* Convenience readers of meta: borrowed strings or NULL. */
const char *allynet_graph_name(const allynet_graph *g);
const char *allynet_graph_date(const allynet_graph *g);

/* Index of the actor with this id, or -1. O(1). */
long allynet_graph_find_actor(const allynet_graph *g, const char *id);
/* Index of the tie source -> target (either direction when undirected), or -1. O(1). */
long allynet_graph_find_tie(const allynet_graph *g, size_t source, size_t target);

/* Adds an actor, or returns the existing one with the same id (name and kind are then filled in
 * only where missing). *out (may be NULL) receives its index. Copies the strings.
 * Errors: INPUT for an empty id or invalid UTF-8; NOMEM. On error nothing changes. */
allynet_status allynet_graph_add_actor(allynet_graph *g, const char *id, const char *name,
                                       const char *kind, size_t *out, allynet_error *err);

/* Adds events to the tie source -> target: the weight and event count are summed into an
 * existing tie, the evidence array is appended, relation is kept if already set. Steals
 * `evidence` (an array or NULL) even on error. Errors: INPUT for a self-tie, a non-finite weight
 * or events < 1; NOMEM. On error nothing changes. */
allynet_status allynet_graph_add_tie(allynet_graph *g, size_t source, size_t target, double weight,
                                     const char *relation, long events, json_t *evidence,
                                     size_t *out, allynet_error *err);

/* Adds every actor and tie of src into dst (an exact sum: weights and events added, evidence
 * concatenated, sources listed once). Errors: INPUT when one is directed and the other not. */
allynet_status allynet_graph_merge(allynet_graph *dst, const allynet_graph *src,
                                   allynet_error *err);

/* Sorts actors by id and ties by (source id, target id): the canonical order every output uses. */
allynet_status allynet_graph_sort(allynet_graph *g, allynet_error *err);

/* ---------------------------------------------------------------- formats */

typedef enum {
    ALLYNET_FORMAT_UNKNOWN = 0,
    ALLYNET_FORMAT_JSON, /* node-link JSON, the native format */
    ALLYNET_FORMAT_DOT,  /* Graphviz DOT */
    ALLYNET_FORMAT_CSV,  /* edge list: source,target,weight[,relation,date] */
} allynet_format;

/* The format named by a file name's extension (.json, .dot/.gv, .csv); UNKNOWN otherwise. */
allynet_format allynet_format_from_path(const char *path);

/* Parses a graph from a memory buffer. `source` names it in errors. *out receives a new graph
 * (free with allynet_graph_free). On error *out is NULL and err tells where (line, column). */
allynet_status allynet_nodelink_parse(const char *buf, size_t len, const char *source,
                                      allynet_graph **out, allynet_error *err);
allynet_status allynet_dot_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err);
allynet_status allynet_csv_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err);

/* Writes the graph to an open stream. Errors: IO. */
allynet_status allynet_nodelink_write(const allynet_graph *g, FILE *f, allynet_error *err);
allynet_status allynet_dot_write(const allynet_graph *g, FILE *f, allynet_error *err);
allynet_status allynet_csv_write(const allynet_graph *g, FILE *f, allynet_error *err);

/* Reads a whole file ("-" is stdin) into a new NUL-terminated buffer (free with free()). Errors:
 * INPUT when it does not exist or is a directory, IO otherwise. */
allynet_status allynet_file_read(const char *path, char **out, size_t *out_len, allynet_error *err);

/* Loads a graph from a file ("-" is stdin: node-link JSON), by extension. */
allynet_status allynet_graph_load(const char *path, allynet_graph **out, allynet_error *err);
/* Saves a graph to a file by extension, atomically ("-" is stdout). */
allynet_status allynet_graph_save(const allynet_graph *g, const char *path, allynet_error *err);

/* Writes a file atomically: `write` is called with a temporary file in the same folder, which is
 * renamed over `path` only when write returns OK and every byte reached the disk. "-" writes to
 * stdout. On error no file is left behind and an existing `path` is untouched. */
typedef allynet_status (*allynet_writer)(FILE *f, void *ctx, allynet_error *err);
allynet_status allynet_write_atomic(const char *path, allynet_writer write, void *ctx,
                                    allynet_error *err);

/* ---------------------------------------------------------------- actor dictionary */

typedef struct allynet_actor_info {
    const char *id;
    const char *iso2;     /* "" when none */
    int cow_code;         /* -1 when none */
    const char *cow_abbr; /* "" when none */
    const char *name;
    const char *kind;
    const char *cameo; /* "" when none */
} allynet_actor_info;

/* The built-in dictionary (graphs/actors.tsv compiled in). Borrowed, lives for the program. */
size_t allynet_dict_count(void);
const allynet_actor_info *allynet_dict_at(size_t i);
/* Looks an actor up by any of its codes (id, ISO2, COW abbreviation, CAMEO code, alias code),
 * case-insensitively. NULL when unknown. */
const allynet_actor_info *allynet_dict_lookup(const char *code);
/* By COW numeric state code (linear scan over ~250 rows) and by COW abbreviation (as in the
 * Correlates of War and Doreian-Mrvar tables, where AUS is Austria). NULL when unknown. */
const allynet_actor_info *allynet_dict_lookup_cow(int cow_code);
const allynet_actor_info *allynet_dict_lookup_cow_abbr(const char *abbr);

/* ---------------------------------------------------------------- summary */

typedef struct allynet_info {
    size_t actors, ties, ties_pos, ties_neg, ties_zero;
    double density; /* ties / possible ties (n(n-1), halved when undirected) */
    size_t weak_components;
    size_t strong_components; /* equals weak_components when undirected */
    size_t isolates;
    double weight_pos, weight_neg; /* sums of positive and of negative weights */
    long events;
} allynet_info;

/* Computes the summary (components through igraph). */
allynet_status allynet_info_compute(const allynet_graph *g, allynet_info *out, allynet_error *err);
/* The summary as a new JSON object (with name and date of the graph). NULL when out of memory. */
json_t *allynet_info_to_json(const allynet_graph *g, const allynet_info *info);

/* ---------------------------------------------------------------- report */

/* One snapshot of a report: its graph (borrowed), a short unique stem naming its folder, and
 * the path it came from. `dir` is filled by the report (owned by the item; free it). */
typedef struct allynet_report_item {
    const allynet_graph *graph;
    const char *stem;
    const char *path;
    char *dir;
} allynet_report_item;

/* Writes the report for `items` (in the order given: sort them by date first) into `dir`
 * (created when missing): report.md, report.json and one folder per snapshot. */
allynet_status allynet_report_run(allynet_report_item *items, size_t n, const char *dir,
                                  allynet_error *err);

/* ---------------------------------------------------------------- igraph */

/* Installs allynet's igraph error, warning and interruption handlers and seeds igraph's RNG.
 * Call once at startup; idempotent. */
void allynet_igraph_setup(unsigned long seed);

/* ---------------------------------------------------------------- extraction (text -> graph) */

/* One coded event, as an event-data coder prints it. Strings are borrowed for the call. */
typedef struct allynet_extract_event {
    const char *doc;   /* the document id */
    size_t start, end; /* byte span of the sentence in the document */
    const char *date;  /* the document's date or "" */
    const char *source, *target;
    const char *cue;      /* the lexicon cue */
    const char *cameo;    /* CAMEO code */
    double weight;        /* Goldstein weight */
    const char *relation; /* category: support, pressure, ... */
    double confidence;    /* 0..1 */
} allynet_extract_event;

typedef void (*allynet_event_fn)(const allynet_extract_event *ev, void *ctx);

typedef struct allynet_extract_options {
    const char *date;          /* YYYY-MM-DD overriding the documents' headers, or NULL */
    const char *actors_path;   /* extra aliases TSV (added to / overriding the built-in), or NULL */
    const char *lexicon_path;  /* extra lexicon TSV, or NULL */
    size_t max_evidence;       /* evidence spans kept per tie (0: the default, 20) */
    allynet_event_fn on_event; /* called for every coded event, or NULL */
    void *ctx;
} allynet_extract_options;

/* What reading one document found. */
typedef struct allynet_extract_stats {
    size_t bytes, sentences, events;
    size_t invalid_bytes; /* replaced by '?' */
    size_t first_invalid; /* offset of the first one */
    char date[11];        /* from a leading `date YYYY-MM-DD` header, or "" */
} allynet_extract_stats;

typedef struct allynet_extractor allynet_extractor;

/* Creates an extractor with the built-in gazetteer (graphs/aliases.tsv) and lexicon
 * (graphs/lexicon.tsv) plus the option files. Errors: USAGE for a malformed date, INPUT for a
 * malformed option file (with line), NOMEM. Free with allynet_extractor_free. */
allynet_status allynet_extractor_new(const allynet_extract_options *opt, allynet_extractor **out,
                                     allynet_error *err);
void allynet_extractor_free(allynet_extractor *x);
/* Reads one document ("-" is stdin) as a stream in blocks (memory stays flat whatever its size),
 * codes its sentences and adds the events to the snapshot under the id `doc`. Invalid UTF-8 is
 * replaced and counted in *stats (may be NULL), never an error. Errors: INPUT for a missing
 * file, IO, NOMEM. */
allynet_status allynet_extract_file(allynet_extractor *x, const char *path, const char *doc,
                                    allynet_extract_stats *stats, allynet_error *err);
/* The same for a buffer in memory (modified in place: invalid bytes are replaced). */
allynet_status allynet_extract_buffer(allynet_extractor *x, char *buf, size_t len, const char *doc,
                                      const char *path, allynet_extract_stats *stats,
                                      allynet_error *err);
/* Hands over the snapshot (ties aggregated per directed dyad, sorted). *out is a new graph; the
 * extractor is left empty. */
allynet_status allynet_extractor_take_graph(allynet_extractor *x, allynet_graph **out,
                                            allynet_error *err);
/* Calls fn for every built-in or added actor surface (for the benchmark's grep floor). */
void allynet_extractor_surfaces(const allynet_extractor *x, void (*fn)(const char *, void *),
                                void *ctx);

#endif
