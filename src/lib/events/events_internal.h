/* events_internal.h — what the table loaders of `allynet events` share: the streaming record
 * reader, dates and periods, the period-bucketing aggregator, load statistics, actor codes. */
#ifndef ALLYNET_EVENTS_INTERNAL_H
#define ALLYNET_EVENTS_INTERNAL_H

#include "core/internal.h"

/* ---- tablereader.c: one record at a time from a delimited file */
typedef struct allynet__reader {
    FILE *f;
    bool own, eof, quotes;
    char delim;
    char path[512];
    char *buf;
    size_t cap, len, pos;
    char **fields; /* the current record's fields, NUL-terminated, in the buffer */
    size_t *cols;  /* 1-based byte column where each field starts */
    size_t nfields, cap_fields;
    long line, next_line; /* line where the current record starts */
    bool unterminated;    /* the current record is the last and has no newline */
    bool open_quote;      /* ... and ends inside a quoted field */
    long records;
    uint64_t bytes; /* bytes read so far */
} allynet__reader;

/* Opens path ("-" is stdin). quotes: RFC 4180 double quotes. Close even on error. */
allynet_status allynet__reader_open(allynet__reader *r, const char *path, char delim, bool quotes,
                                    allynet_error *err);
void allynet__reader_close(allynet__reader *r);
/* Reads the next non-blank record into r->fields; *got is false at the end of the file. */
allynet_status allynet__reader_next(allynet__reader *r, bool *got, allynet_error *err);

/* ---- periods.c: dates, periods and the aggregator */
typedef struct allynet__date {
    int y, m, d;
} allynet__date;

/* Parses YYYY, YYYY-MM, YYYY-MM-DD (optionally followed by T or a space and a time), YYYYMM or
 * YYYYMMDD; missing month or day become 1. False when malformed or not a calendar date or the
 * year is outside 1..9999. */
bool allynet__date_parse(const char *s, allynet__date *out);
/* Days since 1970-01-01 and back. */
long allynet__date_days(allynet__date d);
allynet__date allynet__date_from_days(long days);
/* "YYYY-MM-DD" into buf[11]. */
void allynet__date_format(allynet__date d, char *buf);

typedef struct allynet__period {
    char key[32]; /* the snapshot's file stem: 1949, 2013-01, 2013-W05, 2013-01-31, 1946-1949 */
    allynet__date start, end;
} allynet__period;

/* The period of kind `period` (or of `window` years aligned on `origin` when window > 0) that
 * contains d. */
void allynet__period_of(allynet__date d, allynet_period_kind period, int window, int origin,
                        allynet__period *out);

/* Actors the aggregator knows, by slot; every snapshot shares the slots. */
typedef struct allynet__agg_entry {
    char *id, *name, *kind;
    json_t *attrs; /* copied into each snapshot; may be NULL */
} allynet__agg_entry;

typedef struct allynet__bucket {
    allynet__period period;
    allynet_graph *g;
    size_t *slot_actor; /* slot -> actor index + 1 in g (0: absent) */
    size_t n_slot;
    double *extra; /* nextra accumulators per tie, summed */
    size_t cap_extra;
    long rows;
} allynet__bucket;

typedef struct allynet__agg {
    bool directed, max_weight; /* max_weight: a tie keeps the largest weight instead of the sum */
    size_t nextra;
    allynet__agg_entry *actors;
    size_t n_actors, cap_actors;
    allynet__strmap actor_ids;
    allynet__bucket *buckets;
    size_t n_buckets, cap_buckets;
    allynet__dyadmap bucket_keys;
} allynet__agg;

void allynet__agg_init(allynet__agg *a, bool directed, size_t nextra, bool max_weight);
void allynet__agg_destroy(allynet__agg *a);
/* The slot of the actor with this id, registering it (steals attrs, an object or NULL). */
allynet_status allynet__agg_actor(allynet__agg *a, const char *id, const char *name,
                                  const char *kind, json_t *attrs, size_t *slot,
                                  allynet_error *err);
/* The bucket for a period, created when new. The pointer is valid until the next call. */
allynet_status allynet__agg_bucket(allynet__agg *a, const allynet__period *p, size_t *out,
                                   allynet_error *err);
/* Adds `events` events of total weight w from slot s to slot t in bucket b; extra (nextra values
 * or NULL) is summed into the tie's accumulators. A self-tie is an INPUT error. */
allynet_status allynet__agg_add(allynet__agg *a, size_t b, size_t s, size_t t, double w,
                                long events, const double *extra, allynet_error *err);
/* Sorts the buckets by period start, then end. */
void allynet__agg_sort(allynet__agg *a);

/* ---- events.c: statistics and actor codes shared by every loader */
enum { ALLYNET__FIRST_LINES = 5 };

typedef enum {
    /* malformed rows: --strict makes the first fatal */
    R_TRUNCATED,
    R_COLUMNS,
    R_NUMBER,
    R_DATE,
    R_UNKNOWN_CODE,
    /* rows left out by design: counted and reported, never fatal */
    R_MISSING_ACTOR,
    R_SELF_TIE,
    R_OUTSIDE_RANGE,
    R_NO_TYPE,
    R_NO_ROLL_CALL,
    R_DUPLICATE,
    R_COARSE_DATE, /* a date less precise than the period (a bare year for months) */
    R_N
} allynet__reason;
#define R_MALFORMED_END R_MISSING_ACTOR

typedef struct allynet__loc {
    const char *file; /* borrowed: an input path */
    long line;
} allynet__loc;

/* ---- actors_file.c: extra dictionary rows (--actors FILE) */
typedef struct allynet__actors {
    char *text; /* the file, cut into fields in place */
    allynet_actor_info *rows;
    const char **aliases; /* per row: the comma-separated alias codes */
    size_t n, cap, cap_aliases;
} allynet__actors;

/* Reads an actors file (graphs/actors.tsv's format). Errors: INPUT with the line of a bad row;
 * as allynet_file_read. Free with allynet__actors_free, also on error. */
allynet_status allynet__actors_load(const char *path, allynet__actors *a, allynet_error *err);
/* The row a code names (id, ISO2, COW abbreviation, CAMEO or alias, case-insensitively; a
 * number: the COW code; "345:SRB": the id after the colon); later rows win. NULL when none. */
const allynet_actor_info *allynet__actors_find(const allynet__actors *a, const char *code);
void allynet__actors_free(allynet__actors *a);

struct allynet__ctx;
/* A loader's tie finisher: turns a tie's accumulators into attributes (relation, counts). */
typedef void (*allynet__tie_finish_fn)(struct allynet__ctx *c, allynet_graph *g, size_t tie,
                                       const double *extra);

typedef struct allynet__ctx {
    const allynet_events_options *o;
    allynet__actors actors; /* --actors rows, looked up before the dictionary */
    allynet__agg agg;
    const char *file; /* the file being read */
    long rows_read, rows_used;
    long count[R_N];
    long nfirst[R_N]; /* entries used in first[] (a line is listed once) */
    allynet__loc first[R_N][ALLYNET__FIRST_LINES];
    json_t *codes; /* code -> {"id", "rows", "known"} */
    allynet__strmap code_slots;
    char **code_keys;
    size_t n_codes, cap_codes;
    size_t *code_slot;
    bool *code_known;
    long *code_rows;
    allynet__date from, to;
    bool has_from, has_to;
    uint64_t bytes;
    const char *weighting;         /* how ties are weighted, for the metadata */
    const char *title;             /* "GDELT 1.0 events", ... */
    allynet__tie_finish_fn finish; /* the loader's tie finisher, or NULL */
    const char *code_attr;         /* node attribute keeping an unmapped code: cameo, iso2, ... */
    bool code_numeric;             /* ... as a number (COW state codes) */
    bool injective; /* two codes never share an actor: the second keeps its code as id */
} allynet__ctx;

/* Counts a row left out (or, for R_UNKNOWN_CODE, warned about) for `reason`. With --strict and a
 * malformed reason returns INPUT with FILE:LINE:COL and msg; OK otherwise. */
allynet_status allynet__skip(allynet__ctx *c, allynet__reason reason, long line, long col,
                             allynet_error *err, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* The slot of the actor named by `code` in a table, through `lookup` (the dictionary), cached.
 * Unknown codes become actors with `fallback` as id (usually the code), counted as
 * R_UNKNOWN_CODE (rows with them are dropped when *drop is set on return). */
typedef const allynet_actor_info *(*allynet__lookup_fn)(const char *code);
allynet_status allynet__code_slot(allynet__ctx *c, const char *code, allynet__lookup_fn lookup,
                                  const char *fallback, long line, long col, size_t *slot,
                                  bool *drop, allynet_error *err);
/* True when the date is inside --from/--to; counts R_OUTSIDE_RANGE otherwise. */
bool allynet__in_range(allynet__ctx *c, allynet__date d, long line);
/* The bucket for a date under the options' period. */
allynet_status allynet__bucket_for(allynet__ctx *c, allynet__date d, size_t *b, allynet_error *err);
/* Reports progress through the options' callback (at most every 2^16 rows). */
void allynet__progress(allynet__ctx *c, const allynet__reader *r, bool done);
/* The index of the header column named `name` (case-insensitive) or given as a 1-based number
 * when numeric is set; -1 when absent. */
long allynet__column(const allynet__reader *r, const char *name, bool numeric);
/* Opens a table with a header: reads the header record and checks it is there. */
allynet_status allynet__open_header(allynet__ctx *c, allynet__reader *r, const char *path,
                                    char delim, allynet_error *err);
/* Checks that the current record has `want` fields; counts R_TRUNCATED or R_COLUMNS otherwise
 * (hint is appended to the message) and returns false. *st is set on a fatal error. */
bool allynet__row_width(allynet__ctx *c, const allynet__reader *r, size_t want, const char *hint,
                        allynet_status *st, allynet_error *err);
/* Parses a finite double / a long; false when the text is not one. */
bool allynet__parse_double(const char *s, double *out);
bool allynet__parse_long(const char *s, long *out);

/* ---- the loaders: each streams its files into c->agg */
allynet_status allynet__events_gdelt(allynet__ctx *c, const char *const *files, size_t n,
                                     allynet_error *err);
allynet_status allynet__events_cow(allynet__ctx *c, const char *const *files, size_t n,
                                   allynet_error *err);
allynet_status allynet__events_cow_signed(allynet__ctx *c, const char *const *files, size_t n,
                                          allynet_error *err);
allynet_status allynet__events_unvotes(allynet__ctx *c, const char *const *files, size_t n,
                                       allynet_error *err);
allynet_status allynet__events_csv(allynet__ctx *c, const char *const *files, size_t n,
                                   allynet_error *err);

#endif
