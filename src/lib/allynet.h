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
    size_t source;     /* actor index */
    size_t target;     /* actor index */
    double weight;     /* signed: > 0 cooperation, < 0 conflict or pressure */
    char *relation;    /* owned, may be NULL */
    long events;       /* number of events summed into the tie (>= 1) */
    json_t *evidence;  /* owned array of evidence objects, or NULL */
    json_t *attrs;     /* owned object of every other key, or NULL */
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
allynet_status allynet_graph_merge(allynet_graph *dst, const allynet_graph *src, allynet_error *err);

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
    double density;        /* ties / possible ties (n(n-1), halved when undirected) */
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
    ALLYNET_COLOR_BLOC = 0,  /* node fill by signed bloc */
    ALLYNET_COLOR_COMMUNITY, /* node fill by community of cooperative ties */
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
} allynet_render_options;

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
 * (tie_styles without ties, ...), INPUT for a graph too large for the engine when switch_large
 * is false or positions that are not numbers, RUNTIME when Graphviz fails, NOMEM. */
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
