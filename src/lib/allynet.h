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

/* ---------------------------------------------------------------- progress */

/* Long analyses (shortest-path metrics, the frustration search, the walk index, ...) report how
 * far they are, and before work that would take long they send one line saying what they will
 * do and about how long it takes (a cost estimate, or the approximation chosen instead). The
 * handlers are global to the process, like igraph's progress handler: `progress` receives a
 * task's name and `done` of `total` units (done == total ends the task), `note` one line of
 * text without a newline. Either may be NULL; NULL for both removes them. Nothing is reported
 * while no handler is installed, and what is reported never changes any result. */
typedef void (*allynet_progress_fn)(void *ctx, const char *task, double done, double total);
typedef void (*allynet_note_fn)(void *ctx, const char *text);
void allynet_set_progress_handlers(allynet_progress_fn progress, allynet_note_fn note, void *ctx);

/* ---------------------------------------------------------------- model */

/* An actor: a state (ISO3 id) or a non-state actor with a short code. */
typedef struct allynet_actor {
    char *id;      /* owned by the graph, never NULL, unique in its graph */
    char *name;    /* owned by the graph, may be NULL */
    char *kind;    /* owned by the graph, may be NULL: state, organization, armed_group, ... */
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
    char *evidence_text;  /* owned: the same array as JSON text, or NULL; at most one of the two
                           * is set. Extraction keeps evidence as text (an eighth of the memory
                           * of jansson objects); allynet_graph_tie_evidence gives either as JSON */
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
/* Convenience readers of meta: borrowed strings or NULL (an empty name is NULL). */
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

/* Tie i's evidence array as JSON in *out (borrowed; NULL when the tie has none). Evidence kept as
 * text is parsed into the tie first. Errors: NOMEM. */
allynet_status allynet_graph_tie_evidence(allynet_graph *g, size_t i, json_t **out,
                                          allynet_error *err);

/* The most events one tie may count (2^62): the sum of two still fits a long, so an overflow is
 * found before it happens. */
#define ALLYNET_MAX_EVENTS (1L << 62)
/* Adds events to the tie source -> target: the weight and event count are summed into an
 * existing tie, the evidence array is appended, relation is kept if already set. Steals
 * `evidence` (an array or NULL) even on error. Errors: INPUT for a self-tie, a non-finite weight
 * or events outside 1..ALLYNET_MAX_EVENTS, and for sums that pass them (naming the dyad); NOMEM.
 * On error nothing changes. */
allynet_status allynet_graph_add_tie(allynet_graph *g, size_t source, size_t target, double weight,
                                     const char *relation, long events, json_t *evidence,
                                     size_t *out, allynet_error *err);

/* Adds every actor and tie of src into dst (an exact sum: weights and events added, evidence
 * concatenated, sources listed once). Errors: INPUT when one is directed and the other not. */
allynet_status allynet_graph_merge(allynet_graph *dst, const allynet_graph *src,
                                   allynet_error *err);

/* Names g (a sum of `parts`, e.g. by allynet_graph_merge) after them: "name" becomes their
 * distinct names joined by " + " (past three, "and N more"), "date" the latest part's date, and
 * "period" {"start", "end"} the span of their periods (or dates) when they differ. One part
 * changes nothing. Errors: NOMEM. */
allynet_status allynet_graph_name_after_parts(allynet_graph *g, const allynet_graph *const *parts,
                                              size_t n, allynet_error *err);

/* A new undirected graph with g's actors and metadata, each pair's ties in either direction
 * folded into one (weights and events summed, evidence concatenated, the first relation and
 * attributes kept). Works on an undirected g too (a copy). */
allynet_status allynet_graph_undirected(const allynet_graph *g, allynet_graph **out,
                                        allynet_error *err);

/* A new graph with g's metadata, the actors with keep[i] (in g's order, with their attributes)
 * and the ties between two of them (evidence and attributes copied). Errors: NOMEM; on error
 * *out is NULL. */
allynet_status allynet_graph_induced(const allynet_graph *g, const bool *keep, allynet_graph **out,
                                     allynet_error *err);

/* Sorts actors by id and ties by (source id, target id): the canonical order every output uses. */
allynet_status allynet_graph_sort(allynet_graph *g, allynet_error *err);

/* ---------------------------------------------------------------- formats */

typedef enum {
    ALLYNET_FORMAT_UNKNOWN = 0,
    ALLYNET_FORMAT_JSON,    /* node-link JSON, the native format */
    ALLYNET_FORMAT_DOT,     /* Graphviz DOT */
    ALLYNET_FORMAT_CSV,     /* edge list: source,target,weight[,relation,date] */
    ALLYNET_FORMAT_GRAPHML, /* GraphML (read and write) */
    ALLYNET_FORMAT_GEXF,    /* GEXF 1.3, Gephi's format (read and write) */
    ALLYNET_FORMAT_PAJEK,   /* Pajek .net (write only) */
    ALLYNET_FORMAT_GML,     /* GML (write only) */
} allynet_format;

/* The format named by a file name's extension (.json, .dot/.gv, .csv, .graphml, .gexf, .net,
 * .gml); UNKNOWN otherwise. */
allynet_format allynet_format_from_path(const char *path);

/* Parses a graph from a memory buffer. `source` names it in errors. *out receives a new graph
 * (free with allynet_graph_free). On error *out is NULL and err tells where (line, column). */
allynet_status allynet_nodelink_parse(const char *buf, size_t len, const char *source,
                                      allynet_graph **out, allynet_error *err);
allynet_status allynet_dot_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err);
allynet_status allynet_csv_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err);

/* GraphML and GEXF through libxml2: actors with name, kind and attributes; ties with the signed
 * weight, sign, relation, events, evidence and attributes (objects and arrays as JSON text,
 * restored on reading). GEXF positions (viz:position) and colours (viz:color) become the
 * actors' "x", "y" and "color". Repeated edges add up as in node-link JSON. Errors: INPUT for
 * malformed XML or a graph that does not fit the model, with its line. */
allynet_status allynet_graphml_parse(const char *buf, size_t len, const char *source,
                                     allynet_graph **out, allynet_error *err);
allynet_status allynet_gexf_parse(const char *buf, size_t len, const char *source,
                                  allynet_graph **out, allynet_error *err);

/* Writes the graph to an open stream. Errors: IO; for GraphML and GEXF also INPUT when an id
 * or attribute holds a control character XML 1.0 cannot carry, for Pajek when an id holds a
 * line break. */
allynet_status allynet_nodelink_write(const allynet_graph *g, FILE *f, allynet_error *err);
allynet_status allynet_dot_write(const allynet_graph *g, FILE *f, allynet_error *err);
allynet_status allynet_csv_write(const allynet_graph *g, FILE *f, allynet_error *err);
/* GraphML: keys for every model field and attribute, typed. */
allynet_status allynet_graphml_write(const allynet_graph *g, FILE *f, allynet_error *err);
/* GEXF 1.3 (static): attributes as in GraphML, the actor name as label, viz:position from the
 * actors' "x" and "y" and viz:color from their "color" ("#rrggbb"), ties coloured by sign. */
allynet_status allynet_gexf_write(const allynet_graph *g, FILE *f, allynet_error *err);
/* Pajek .net: *Vertices labelled by actor id (quoted, '"' and '\\' escaped by a backslash),
 * then *Arcs (directed) or *Edges with the signed weight. */
allynet_status allynet_pajek_write(const allynet_graph *g, FILE *f, allynet_error *err);
/* GML (ASCII; '"' and '&' as &quot; and &amp;, other characters as &#N;, as NetworkX reads them):
 * nodes with label = actor id, edges with the tie fields and attributes. */
allynet_status allynet_gml_write(const allynet_graph *g, FILE *f, allynet_error *err);

/* A dynamic GEXF 1.3 of a series of snapshots (in time order, each with a date: YYYY, YYYY-MM
 * or YYYY-MM-DD): every actor and tie once, with spells for the periods it is present (a
 * snapshot lasts until the day before the next one; the last one its own year, month or day)
 * and its weight and sign per period as dynamic attributes, so Gephi's timeline plays the
 * series. Errors: INPUT for a snapshot without a date or dates out of order, or directed and
 * undirected snapshots mixed; as allynet_gexf_write otherwise. */
allynet_status allynet_gexf_write_dynamic(const allynet_graph *const *graphs, size_t n, FILE *f,
                                          allynet_error *err);
/* The same, to a file atomically ("-" is stdout). */
allynet_status allynet_gexf_save_dynamic(const allynet_graph *const *graphs, size_t n,
                                         const char *path, allynet_error *err);

/* Reads a whole file ("-" is stdin) into a new NUL-terminated buffer (free with free()). Errors:
 * INPUT when it does not exist or is a directory, IO otherwise. */
allynet_status allynet_file_read(const char *path, char **out, size_t *out_len, allynet_error *err);

/* Loads a graph from a file ("-" is stdin: node-link JSON), by extension. */
allynet_status allynet_graph_load(const char *path, allynet_graph **out, allynet_error *err);
/* Saves a graph to a file by extension, atomically ("-" is stdout). */
allynet_status allynet_graph_save(const allynet_graph *g, const char *path, allynet_error *err);

/* Writes a file atomically: `write` is called with a temporary file in the same folder, which is
 * renamed over `path` only when write returns OK and every byte reached the disk. "-" writes to
 * stdout. On error no file is left behind and an existing `path` is untouched. A path that is a
 * FIFO, a device or a symbolic link is written through in place, never replaced (as cp does);
 * a folder is a usage error. Every write is checked: errors name the path and the reason. */
typedef allynet_status (*allynet_writer)(FILE *f, void *ctx, allynet_error *err);
allynet_status allynet_write_atomic(const char *path, allynet_writer write, void *ctx,
                                    allynet_error *err);
/* Removes the temporary files and folders this process is writing (they are named
 * `.TARGET.allynet-PID-XXXXXX` beside their target; a later write to the same target removes
 * those of a dead process). Async-signal-safe: call it from a handler of SIGINT, SIGTERM... */
void allynet_tmp_remove_all(void);

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

/* How a report runs. `positions` (borrowed, may be NULL): a graph whose actors carry positions
 * ("x" and "y") that report.html's series layout keeps. `progress` (may be NULL) is called with
 * `progress_ctx` as each stage of the work advances: `done` of `total` steps of `stage`. */
typedef struct allynet_report_options {
    const allynet_graph *positions;
    void (*progress)(void *ctx, size_t done, size_t total, const char *stage);
    void *progress_ctx;
} allynet_report_options;
void allynet_report_options_init(allynet_report_options *o);

/* Writes the report for `items` (in the order given: sort them by date first) into `dir`
 * (created when missing): report.html, report.md, report.json and one folder per snapshot.
 * `o` may be NULL (the defaults). */
allynet_status allynet_report_run_with(allynet_report_item *items, size_t n, const char *dir,
                                       const allynet_report_options *o, allynet_error *err);
/* allynet_report_run_with with the default options. */
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
    double confidence;    /* the probability that the span is right (the fitted model's) */
    uint32_t features;    /* what the model weighed (allynet_extract_feature_name of each bit) */
} allynet_extract_event;

/* The name of feature bit k of allynet_extract_event.features, or NULL past the last. */
const char *allynet_extract_feature_name(unsigned k);

typedef void (*allynet_event_fn)(const allynet_extract_event *ev, void *ctx);

typedef struct allynet_extract_options {
    const char *date;          /* YYYY-MM-DD overriding the documents' headers, or NULL */
    const char *actors_path;   /* extra aliases TSV (added to / overriding the built-in), or NULL */
    const char *lexicon_path;  /* extra lexicon TSV, or NULL */
    size_t max_evidence;       /* evidence spans kept per tie (0: the default, 20) */
    double min_confidence;     /* spans, and a document's ties, below this are left out (0..1) */
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
/* ---------------------------------------------------------------- metrics */

/* Which ties the path and spectral metrics read, and as what. */
typedef enum {
    ALLYNET_SELECT_POSITIVE = 0, /* cooperative ties (w > 0), read as w */
    ALLYNET_SELECT_NEGATIVE,     /* conflict ties (w < 0), read as |w| */
    ALLYNET_SELECT_ABS,          /* every non-zero tie, read as |w| */
} allynet_tie_select;

/* Direction of paths for closeness and harmonic centrality on directed ties. */
typedef enum {
    ALLYNET_MODE_OUT = 0, /* distances from the actor to the others */
    ALLYNET_MODE_IN,      /* distances from the others to the actor */
    ALLYNET_MODE_ALL,     /* ties read in either direction */
} allynet_mode;

typedef struct allynet_metrics_options {
    allynet_tie_select ties; /* default POSITIVE */
    allynet_mode mode;       /* default OUT */
    bool undirected;         /* read a directed graph as undirected (pairs merged); default no */
    double damping;          /* PageRank damping factor in (0, 1); default 0.85 */
    int workers;             /* processes for the shortest-path metrics (1 or 2); default 1 */
    /* Large graphs: betweenness, closeness and harmonic cost one shortest-path search per
     * actor, O(n m log n). When n x (n + ties read) passes `sample_above` (default
     * ALLYNET_SAMPLE_ABOVE) they are estimated from `pivots` sampled sources instead (0: chosen
     * from the size), drawn with `seed` (default 42), and the record's `approximations` says
     * so. `exact` forbids sampling; `pivots` >= 1 asks for it whatever the size. */
    bool exact;
    double sample_above;
    size_t pivots;
    unsigned long seed;
} allynet_metrics_options;

/* The default size above which the path metrics are sampled: n x (n + ties) of 2e9, about a
 * minute of exact work on one core of 2020s hardware (e.g. 20,000 actors with 80,000 ties). */
#define ALLYNET_SAMPLE_ABOVE 2e9

/* Fills the defaults. */
void allynet_metrics_options_init(allynet_metrics_options *o);

/* One actor's figures. NaN marks a value that is undefined for this actor (an isolate's
 * closeness, clustering with fewer than two partners) or for this graph (hub and authority on
 * undirected ties; a signed eigenvector without a unique dominant eigenvalue). */
typedef struct allynet_actor_metrics {
    size_t degree, degree_in, degree_out; /* ties of any sign; degree = in + out when directed */
    double strength_pos;                  /* sum of positive weights, in and out */
    double strength_neg;                  /* sum of negative weights (a number <= 0), in and out */
    double betweenness, closeness, harmonic;
    double eigenvector, pagerank, hub, authority;
    double pn, signed_eigenvector, clustering;
} allynet_actor_metrics;

typedef struct allynet_metrics {
    size_t n;                      /* actors; actors[i] is the graph's actor i */
    allynet_actor_metrics *actors; /* owned */
    json_t *treatment;             /* owned object: per metric, which ties and how they were read */
    json_t *approximations;        /* owned object: per estimated metric, the method, its
                                      parameters and seed; empty when every figure is exact */
} allynet_metrics;

/* The names of the per-actor figures, in table order, NULL-terminated; and a figure by name
 * (NaN when undefined). Returns false for an unknown name. */
extern const char *const allynet_metrics_keys[];
bool allynet_metrics_value(const allynet_actor_metrics *a, const char *key, double *out);

/* Computes every per-actor figure. *out receives a new record (free with allynet_metrics_free).
 * Errors: USAGE for bad options; NOMEM; RUNTIME when igraph fails. Never fails for the shape of
 * the graph: undefined figures are NaN and the treatment says why. */
allynet_status allynet_metrics_compute(const allynet_graph *g, const allynet_metrics_options *opt,
                                       allynet_metrics **out, allynet_error *err);
void allynet_metrics_free(allynet_metrics *m);

/* The record as a new JSON object {"actors": [...], "treatment": {...}, ...}, actors in the order
 * of `order` (actor indices, n of them; NULL = by id), with "approximations" when a figure was
 * estimated. NaN becomes null. NULL when out of memory. */
json_t *allynet_metrics_to_json(const allynet_graph *g, const allynet_metrics *m,
                                const size_t *order);

/* Actor indices sorted by a figure, descending (undefined last), ties broken by id; key NULL sorts
 * by id. *out receives a malloc'ed array of n indices. Errors: USAGE for an unknown key; NOMEM. */
allynet_status allynet_metrics_order(const allynet_graph *g, const allynet_metrics *m,
                                     const char *key, size_t **out, allynet_error *err);

/* PN centrality (Everett & Borgatti 2014) of a weighted signed graph: PN = (I - A/(2n-2))^-1 1
 * with A = P - 2N, P and N the symmetric matrices of positive and negative magnitudes (both
 * directions of a directed pair added), divided by the largest entry of P and N so that binary
 * input gives exactly the published index. `out` holds n values. Errors: INPUT when the system is
 * singular (two actors joined only by a negative tie); NOMEM. */
allynet_status allynet_pn_centrality(const allynet_graph *g, double *out, allynet_error *err);

/* The eigenvector of the symmetric signed adjacency S = P - N (as above, unscaled) for the
 * eigenvalue of largest magnitude, scaled to max |x| = 1 with its largest-magnitude entry
 * positive. *lambda receives the eigenvalue. Errors: INPUT when there are no ties or when two
 * eigenvalues share the largest magnitude (no unique dominant eigenvector); NOMEM; RUNTIME. */
allynet_status allynet_signed_eigenvector(const allynet_graph *g, double *out, double *lambda,
                                          allynet_error *err);

/* ---------------------------------------------------------------- communities */

typedef enum {
    ALLYNET_COMM_LEIDEN = 0, /* Leiden, modularity on positive ties */
    ALLYNET_COMM_LOUVAIN,    /* Louvain (multilevel), modularity on positive ties */
    ALLYNET_COMM_CPM,        /* Leiden with the constant Potts model on signed weights */
    ALLYNET_COMM_SPINGLASS,  /* spinglass with negative weights, per connected component */
    ALLYNET_COMM_BLOCS,      /* signed partition into k blocs (Doreian-Mrvar criterion) */
} allynet_comm_method;

typedef struct allynet_communities_options {
    allynet_comm_method method; /* default BLOCS */
    double resolution;          /* leiden, louvain: gamma (default 1); cpm: gamma (default 0) */
    bool resolution_set;        /* whether `resolution` was given (else the method's default) */
    size_t k;                   /* blocs: number of groups (default 2) */
    double alpha;               /* blocs: weight of negative ties inside groups (default 0.5) */
    unsigned long seed;         /* random seed (default 42) */
    size_t starts;              /* blocs: random starts (default 200) */
} allynet_communities_options;

void allynet_communities_options_init(allynet_communities_options *o);
/* The method named `name` ("leiden", ...). Returns false when unknown. */
bool allynet_comm_method_parse(const char *name, allynet_comm_method *out);
const char *allynet_comm_method_name(allynet_comm_method m);

typedef struct allynet_communities {
    allynet_comm_method method;
    size_t n;                 /* actors */
    size_t count;             /* groups */
    size_t *membership;       /* owned, n entries: group of actor i, numbered canonically (a group's
                                 number is the rank of its smallest actor id) */
    double modularity;        /* ordinary modularity of the positive ties (NaN when none) */
    double signed_modularity; /* Gomez, Jensen & Arenas 2009 (NaN when there are no ties) */
    double criterion;         /* blocs: alpha*N + (1-alpha)*P of the partition (any method) */
    double neg_within;        /* N: |weight| of negative ties inside groups */
    double pos_between;       /* P: weight of positive ties between groups */
    size_t optima;            /* blocs: distinct partitions found with the best criterion */
    double alpha;             /* the alpha the criterion used */
    unsigned long seed;       /* the seed used */
    json_t *treatment;        /* owned object describing what the method read */
} allynet_communities;

/* Partitions the actors. *out receives a new record (free with allynet_communities_free).
 * Same graph, options and seed give the same partition. Errors: INPUT when the graph does not
 * fit the method (no actors; k larger than the number of actors; no positive ties for a
 * modularity method); USAGE for bad options; NOMEM; RUNTIME. */
allynet_status allynet_communities_compute(const allynet_graph *g,
                                           const allynet_communities_options *opt,
                                           allynet_communities **out, allynet_error *err);
void allynet_communities_free(allynet_communities *c);

/* Signed modularity Q = (w+ Q+ - w- Q-) / (w+ + w-) of a partition (Gomez, Jensen & Arenas 2009),
 * with Q+ (Q-) the modularity of the positive (negative, as |w|) ties alone and w+ (w-) their
 * total weight; directed modularity when g is directed. *pos receives Q+ (NaN without positive
 * ties). */
allynet_status allynet_signed_modularity(const allynet_graph *g, const size_t *membership,
                                         double *out, double *pos, allynet_error *err);

/* The Doreian-Mrvar criterion of a partition: *neg = |weight| of negative ties inside groups,
 * *pos = weight of positive ties between groups, summed over the adjacency matrix (a tie of an
 * undirected graph counts twice, once per direction); returns alpha * neg + (1 - alpha) * pos. */
double allynet_blocs_criterion(const allynet_graph *g, const size_t *membership, double alpha,
                               double *neg, double *pos);

/* The record as a new JSON object {"method", "count", "modularity", "signed_modularity",
 * "membership": {id: group}, "groups": [...], ...}. NULL when out of memory. */
json_t *allynet_communities_to_json(const allynet_graph *g, const allynet_communities *c);
/* ---------------------------------------------------------------- balance and alignment */

/* Options of the balance analysis. Fill with allynet_balance_options_init, then change. */
typedef struct allynet_balance_options {
    size_t exact_limit;  /* blocks up to this many actors get an exact frustration index (40) */
    unsigned long seed;  /* seeds the heuristic for larger blocks and the walk probes (1) */
    size_t walk_limit;   /* components up to this size get the exact walk index; larger ones are
                            estimated (Krylov), or skipped when `exact`; 0 skips it (2000) */
    double budget;       /* branch-and-bound nodes per block before giving up (2e7) */
    bool exact;          /* no estimates: skip the walk index above walk_limit, and search large
                            blocks for the frustration index with the full effort (false) */
    size_t probes;       /* Hutchinson probes of the walk estimate (32) */
    size_t search_limit; /* blocks with more ties get the budgeted frustration search (20000) */
} allynet_balance_options;

void allynet_balance_options_init(allynet_balance_options *o);

/* Structural balance of a snapshot as a new JSON object (see `allynet balance --help` for every
 * key): "treatment", "triangles", "walk_balance", "frustration" (line index, exact or bounded,
 * with the bipartition as "partition": {"ID": 0|1}) and "triad_census". Actors are written in
 * id order. Errors: NOMEM, RUNTIME. On error *out is NULL. Free with json_decref. */
allynet_status allynet_balance_compute(const allynet_graph *g, const allynet_balance_options *o,
                                       json_t **out, allynet_error *err);

/* Options of the alignment analysis. */
typedef struct allynet_align_options {
    const char *pole_a, *pole_b; /* actor ids; NULL: the two blocs of the frustration partition */
    bool all_dyads;              /* every pair in "dyads", not only the top pairs */
    bool signs;                  /* profiles of signs (+1/0/-1) instead of scaled weights */
    size_t top;                  /* pairs listed when not all_dyads (10) */
    allynet_balance_options balance;
    /* Large snapshots: above scan_limit actors (5000) the top pairs are found without the
     * O(n^2) scan of every pair (the same S values; "approximations" says so) and all_dyads
     * is refused (USAGE). `exact` keeps the full scan and the full frustration search. */
    size_t scan_limit;
    bool exact;
} allynet_align_options;

void allynet_align_options_init(allynet_align_options *o);

/* Alignment of every actor toward two poles, dyadic similarity of tie profiles (S-score,
 * Cohen's kappa, Scott's pi) and polarization, as a new JSON object: "poles", "actors" [{"id",
 * "alignment", ...}], "dyads", "polarization", and "approximations" when a part was estimated.
 * Errors: USAGE for a pole that is not an actor or the same pole twice, or all_dyads above
 * scan_limit actors; NOMEM; RUNTIME. On error *out is NULL. Free with json_decref. */
allynet_status allynet_align_compute(const allynet_graph *g, const allynet_align_options *o,
                                     json_t **out, allynet_error *err);
/* ---------------------------------------------------------------- compare, timeline */

/* How `compare` decides that a tie changed strength. */
typedef struct allynet_compare_options {
    double threshold;   /* a tie is strengthened/weakened when ||w_b| - |w_a|| >= threshold ... */
    bool relative;      /* ... times max(|w_a|, |w_b|) when relative (threshold 0.25 = 25%) */
    unsigned long seed; /* for the bloc partitions */
    allynet_comm_method blocs; /* how blocs are found (zero: Leiden) */
} allynet_compare_options;

/* Compares snapshot a (before) with b (after). *out receives the result document (free with
 * json_decref): {"a", "b", "directed", "threshold", "summary", "edges": {"added", "removed",
 * "sign_flipped", "strengthened", "weakened"}, "distance", "network", "communities", "actors"}.
 * Actors present in one snapshot only are reported as entered/left; with no actor in common
 * the community comparison is null with a reason. opt may be NULL (threshold 1, seed 42,
 * Leiden).
 * Errors: USAGE for a negative or non-finite threshold; NOMEM; RUNTIME. */
allynet_status allynet_compare_run(const allynet_graph *a, const allynet_graph *b,
                                   const allynet_compare_options *opt, json_t **out,
                                   allynet_error *err);
/* Draws the change diagram of a comparison (cmp from allynet_compare_run(a, b)) to path (.svg,
 * .png, .pdf, .dot; atomically): the union of both snapshots in one layout, ties added,
 * removed and sign-flipped styled distinctly (legend), the rest as in B, actors grouped by
 * matched bloc. Errors: USAGE for another extension; RUNTIME when Graphviz fails; IO; NOMEM. */
allynet_status allynet_compare_diagram(const allynet_graph *a, const allynet_graph *b,
                                       const json_t *cmp, const char *path, allynet_error *err);
/* Writes a comparison document for people: plain text, or Markdown when `markdown`. At most
 * `limit` ties are listed per kind of change (0: all). Errors: IO. */
allynet_status allynet_compare_write_text(const json_t *cmp, FILE *f, bool markdown, size_t limit,
                                          allynet_error *err);

/* Figures over a series of snapshots, in the order given (sort by date first); labels[i] names
 * snapshot i. *out receives the document (free with json_decref): {"snapshots": [{"label",
 * "date", "name", "figures": {"actors", "ties", "ties_pos", "ties_neg", "density",
 * "balance_ratio", "frustration", "modularity", "polarization", "blocs"}}], "metrics": [...],
 * "actors": [{"id", "series": {metric: [value or null per snapshot]}}]}; undefined figures
 * are null. Blocs are found by `blocs` seeded with `seed`; bloc labels are matched from one
 * snapshot to the next, and alignment is oriented like the previous snapshot's. n may be 0.
 * Errors: NOMEM, RUNTIME. */
allynet_status allynet_timeline_run(const allynet_graph *const *graphs, const char *const *labels,
                                    size_t n, unsigned long seed, allynet_comm_method blocs,
                                    json_t **out, allynet_error *err);

/* Which per-actor series a table or plot shows: `metric` (NULL: strength_pos) for `actors`
 * (NULL: the `top` actors by mean magnitude, ties broken by id; 0 means 8). */
typedef struct allynet_timeline_view {
    const char *metric;
    const char *const *actors;
    size_t n_actors;
    size_t top;
} allynet_timeline_view;

/* Long CSV: snapshot,date,actor,metric,value; network figures have an empty actor; nulls are
 * left out. `actors` of the view (NULL: all) filters the actor rows. Errors: USAGE for an
 * unknown actor; IO. */
allynet_status allynet_timeline_write_csv(const json_t *tl, const allynet_timeline_view *view,
                                          FILE *f, allynet_error *err);
/* Tables for people (Markdown when md): the figures per snapshot, then the view's metric per
 * snapshot for its actors. Errors: USAGE for an unknown metric or actor; IO. */
allynet_status allynet_timeline_write_text(const json_t *tl, const allynet_timeline_view *view,
                                           bool md, FILE *f, allynet_error *err);
/* Line charts drawn by gnuplot (run as a subprocess: $ALLYNET_GNUPLOT or `gnuplot`): network
 * counts, network ratios and the view's metric for its actors, over time (a date axis when
 * every snapshot has a date). `path` ends in .svg or .png; written atomically ("-": stdout).
 * Errors: USAGE for a bad extension, metric or actor; RUNTIME when gnuplot is missing or fails;
 * IO. */
allynet_status allynet_timeline_plot(const json_t *tl, const allynet_timeline_view *view,
                                     const char *path, allynet_error *err);

/* ---------------------------------------------------------------- events (table loaders) */

/* The tables `allynet events` reads. */
typedef enum {
    ALLYNET_EVENTS_GDELT1,     /* GDELT 1.0 event export: TSV, 58 columns, no header */
    ALLYNET_EVENTS_GDELT2,     /* GDELT 2.0 event export: TSV, 61 columns, no header */
    ALLYNET_EVENTS_COW,        /* COW alliances, dyad-year: ccode1,ccode2,year,cow_defense,... */
    ALLYNET_EVENTS_ATOP,       /* ATOP alliances, dyad-year: ccode1,ccode2,year,atop_defense,... */
    ALLYNET_EVENTS_COW_SIGNED, /* Doreian-Mrvar windows: window,start_year,end_year,source,... */
    ALLYNET_EVENTS_UNVOTES,    /* UN General Assembly votes + roll calls (two files) */
    ALLYNET_EVENTS_CSV,        /* any table with named source, target, weight and date columns */
} allynet_events_format;

typedef enum {
    ALLYNET_PERIOD_YEAR,
    ALLYNET_PERIOD_MONTH,
    ALLYNET_PERIOD_WEEK, /* ISO weeks, Monday to Sunday */
    ALLYNET_PERIOD_DAY,
} allynet_period_kind;

typedef struct allynet_events_options {
    allynet_events_format format;
    allynet_period_kind period;
    int window;        /* > 0: windows of this many years instead of `period` */
    int origin;        /* windows start on years equal to origin modulo window (default 0) */
    bool strict;       /* the first malformed row is an INPUT error */
    bool mentions;     /* GDELT: weight = GoldsteinScale x NumMentions */
    bool skip_unknown; /* drop rows with codes the dictionary does not know (default: keep) */
    bool undirected;   /* csv: undirected ties */
    const char *source_col, *target_col, *weight_col, *date_col; /* csv: names or 1-based */
    char delimiter;                                              /* csv: default ',' */
    const char *from, *to; /* keep rows dated in [from, to] (dates as in the tables); or NULL */
    int min_votes;         /* unvotes: ties need at least this many common roll calls (>= 1) */
    /* extra actor dictionary rows in graphs/actors.tsv's format, looked up before the built-in
     * dictionary (later rows win), or NULL */
    const char *actors_path;
    /* Called every ~65k rows and once at the end of each file; may be NULL. */
    void (*progress)(void *ctx, const char *file, long rows, uint64_t bytes, bool done);
    void *progress_ctx;
} allynet_events_options;

/* Default options for a format (year periods, ',' delimiter, min_votes 1). */
void allynet_events_options_init(allynet_events_options *o, allynet_events_format format);
/* Parses a format or period name. Errors: USAGE for an unknown name. */
allynet_status allynet_events_format_parse(const char *name, allynet_events_format *out,
                                           allynet_error *err);
allynet_status allynet_period_parse(const char *name, allynet_period_kind *out, allynet_error *err);

/* Streams the tables in `files` into one snapshot per period, written to `dir` (created when
 * missing) as DIR/<period>.json, plus DIR/index.json: the snapshots and the load statistics
 * (rows read, used, and skipped by reason with counts and the first line numbers). *index (may
 * be NULL) receives that index as a new reference. Memory grows with dyads x periods, never
 * with rows. Errors: INPUT for unreadable or empty files, a missing column, or (with strict)
 * the first malformed row, with its line and column; IO when writing fails. On error no
 * snapshot is written. */
allynet_status allynet_events_run(const allynet_events_options *o, const char *const *files,
                                  size_t n, const char *dir, json_t **index, allynet_error *err);

/* ---------------------------------------------------------------- render (diagrams) */

/* Output formats and layout engines of a diagram. */
typedef enum {
    ALLYNET_RENDER_SVG = 0,
    ALLYNET_RENDER_PNG,
    ALLYNET_RENDER_PDF,
    ALLYNET_RENDER_DOT, /* the laid-out graph in DOT, with positions */
} allynet_render_format;

typedef enum {
    ALLYNET_LAYOUT_NEATO = 0, /* stress majorization: the default */
    ALLYNET_LAYOUT_FDP,       /* force-directed; draws clusters */
    ALLYNET_LAYOUT_SFDP,      /* multiscale force-directed, for large graphs */
    ALLYNET_LAYOUT_CIRCO,     /* circular */
    ALLYNET_LAYOUT_DOT,       /* layered; draws clusters */
} allynet_layout;

typedef enum {
    ALLYNET_COLOR_BLOC = 0,  /* node fill by signed bloc (communities, method blocs) */
    ALLYNET_COLOR_COMMUNITY, /* node fill by Leiden community of cooperative ties */
    ALLYNET_COLOR_NONE,
} allynet_color_by;

typedef enum {
    ALLYNET_SIZE_STRENGTH = 0, /* sum of |weight| of an actor's ties */
    ALLYNET_SIZE_DEGREE,       /* number of distinct partners */
    ALLYNET_SIZE_BETWEENNESS,  /* on the undirected graph of all ties, unweighted */
    ALLYNET_SIZE_PAGERANK,     /* on the cooperative ties, weighted */
    ALLYNET_SIZE_NONE,
} allynet_size_by;

typedef enum {
    ALLYNET_LABEL_NAME = 0, /* the actor's name, its id when it has none */
    ALLYNET_LABEL_ID,
} allynet_label_by;

/* How one tie is drawn; a change diagram (compare) marks ties with these. Colour always tells
 * the sign (blue cooperation, vermillion conflict, grey zero):
 * NORMAL as usual; ADDED the same with a doubled line; REMOVED thin, grey and dotted (the tie
 * is gone: its weight is the old one); FLIPPED two parallel lines in the new and the old sign's
 * colour (the weight given is the new one). Reciprocal ties merge only when their styles match. */
typedef enum {
    ALLYNET_TIE_NORMAL = 0,
    ALLYNET_TIE_ADDED,
    ALLYNET_TIE_REMOVED,
    ALLYNET_TIE_FLIPPED,
} allynet_tie_style;

typedef struct allynet_render_options {
    allynet_render_format format;
    allynet_layout layout;
    allynet_color_by color_by;
    allynet_size_by size_by;
    allynet_label_by label_by;
    bool clusters;        /* draw each group as a cluster (fdp and dot only; others warn) */
    bool legend;          /* the title block with the legend (default true) */
    bool switch_large;    /* a graph too large for the engine: true switches to sfdp with a
                             warning (the default), false refuses with ALLYNET_E_INPUT */
    const char *title;    /* NULL: the graph's name, else "allynet" */
    const char *subtitle; /* NULL: the date and the counts of actors and ties */
    unsigned long seed;   /* start of neato and fdp (default 42) */
    /* Borrowed, may be NULL: a graph whose actors carry positions ("x" and "y" numbers in
     * points, or "pos" as "x,y" or [x, y]); the actors found there are pinned (neato, fdp). */
    const allynet_graph *positions;
    /* Borrowed, may be NULL: one style per tie of the graph, in tie order (compare). */
    const allynet_tie_style *tie_styles;
    /* Borrowed, may be NULL: one group per actor (-1 for none) overriding the built-in groups,
     * named by group_noun ("community", "bloc"; NULL = "group"). */
    const long *groups;
    const char *group_noun;
    /* 0, or the number of actors of the snapshot this graph was selected from (by
     * allynet_render_top): the subtitle says that the drawing shows a selection. */
    size_t selected_from;
} allynet_render_options;

/* Graphs past these sizes are refused (INPUT): their layout would take hours and gigabytes
 * (sfdp on 50,000 actors and 500,000 ties ran past 5 minutes and 1.4 GB) and no one can read
 * the drawing. allynet_render_top makes a drawable selection. */
#define ALLYNET_RENDER_MAX_ACTORS 10000
#define ALLYNET_RENDER_MAX_TIES 100000

/* A new graph of g's k strongest actors (largest sum of |weight| of their ties; equal
 * strengths by id) and the ties among them, with g's metadata. Errors: NOMEM. */
allynet_status allynet_render_top(const allynet_graph *g, size_t k, allynet_graph **out,
                                  allynet_error *err);

/* What a rendering produced. */
typedef struct allynet_render_result {
    char *data; /* the drawing, len bytes (+ a NUL) */
    size_t len;
    double *x, *y;     /* each actor's position in points, in actor order */
    size_t n;          /* number of actors */
    char layout[16];   /* the engine that was used */
    char warning[256]; /* "" or one line the caller should show (engine switched, ...) */
} allynet_render_result;

/* Fills o with the defaults: SVG, neato, blocs, strength, names, legend, seed 42. */
void allynet_render_options_init(allynet_render_options *o);
/* Names <-> values, for command lines: "svg", "neato", "bloc", "strength", "name". The parse
 * functions return false for an unknown name (then *out is unchanged). */
bool allynet_render_format_parse(const char *s, allynet_render_format *out);
bool allynet_layout_parse(const char *s, allynet_layout *out);
bool allynet_color_by_parse(const char *s, allynet_color_by *out);
bool allynet_size_by_parse(const char *s, allynet_size_by *out);
bool allynet_label_by_parse(const char *s, allynet_label_by *out);
const char *allynet_layout_name(allynet_layout l);
/* The format named by an output file's extension (.svg .png .pdf .dot .gv); false if none. */
bool allynet_render_format_from_path(const char *path, allynet_render_format *out);

/* Draws g (actors sorted by id and ties by their ends are drawn in that order, so the output is
 * the same for the same input and options). `out` is filled (destroy it with
 * allynet_render_result_destroy, also on error). Errors: USAGE for options that do not fit
 * (tie_styles without ties, ...), INPUT for a graph past ALLYNET_RENDER_MAX_ACTORS or
 * ALLYNET_RENDER_MAX_TIES, for a graph too large for the engine when switch_large is false, or
 * positions that are not numbers, RUNTIME when Graphviz fails, NOMEM. */
allynet_status allynet_render(const allynet_graph *g, const allynet_render_options *o,
                              allynet_render_result *out, allynet_error *err);
/* allynet_render, then writes the drawing to path atomically ("-" is stdout). `out` may be
 * NULL when the caller wants neither positions nor warnings. */
allynet_status allynet_render_file(const allynet_graph *g, const allynet_render_options *o,
                                   const char *path, allynet_render_result *out,
                                   allynet_error *err);
void allynet_render_result_destroy(allynet_render_result *r);
/* Stores r's positions on g's actors as "x" and "y" (points), for --save-positions. r must come
 * from rendering g. Errors: USAGE when the actor counts differ; NOMEM. */
allynet_status allynet_render_store_positions(allynet_graph *g, const allynet_render_result *r,
                                              allynet_error *err);

#endif
