/* events.c — `allynet events`: the driver shared by the table loaders. Options, load statistics
 * (rows read, used, skipped by reason with the first line numbers), actor codes through the
 * dictionary, and writing one snapshot per period plus index.json. */
#include "events_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const format_names[] = {"gdelt1",     "gdelt2",  "cow", "atop",
                                           "cow-signed", "unvotes", "csv"};
static const char *const period_names[] = {"year", "month", "week", "day"};
static const char *const reason_names[R_N] = {
    "truncated",        "wrong_columns", "bad_number", "bad_date",
    "unknown_code",     "missing_actor", "self_tie",   "outside_range",
    "no_alliance_type", "no_roll_call",  "duplicate",  "date_coarser_than_period"};

void allynet_events_options_init(allynet_events_options *o, allynet_events_format format) {
    memset(o, 0, sizeof *o);
    o->format = format;
    o->period = ALLYNET_PERIOD_YEAR;
    o->delimiter = ',';
    o->min_votes = 1;
}

allynet_status allynet_events_format_parse(const char *name, allynet_events_format *out,
                                           allynet_error *err) {
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (allynet_events_format)i;
            return ALLYNET_OK;
        }
    }
    return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                             "unknown format '%s' (gdelt1, gdelt2, cow, atop, cow-signed, "
                             "unvotes, csv)",
                             name);
}

allynet_status allynet_period_parse(const char *name, allynet_period_kind *out,
                                    allynet_error *err) {
    for (size_t i = 0; i < sizeof period_names / sizeof *period_names; i++) {
        if (strcmp(name, period_names[i]) == 0) {
            *out = (allynet_period_kind)i;
            return ALLYNET_OK;
        }
    }
    return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                             "unknown period '%s' (year, month, week, day)", name);
}

/* ---------------------------------------------------------------- statistics */

allynet_status allynet__skip(allynet__ctx *c, allynet__reason reason, long line, long col,
                             allynet_error *err, const char *fmt, ...) {
    long k = c->nfirst[reason];
    allynet__loc *last = k > 0 ? &c->first[reason][k - 1] : NULL;
    if (k < ALLYNET__FIRST_LINES && !(last && last->line == line && last->file == c->file)) {
        c->first[reason][k] = (allynet__loc){c->file, line};
        c->nfirst[reason]++;
    }
    c->count[reason]++;
    if (!c->o->strict || reason >= R_MALFORMED_END) {
        return ALLYNET_OK;
    }
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return allynet_error_set(err, ALLYNET_E_INPUT, c->file, (int)line, (int)(col > 0 ? col : 1),
                             "%s (--strict)", text);
}

bool allynet__in_range(allynet__ctx *c, allynet__date d, long line) {
    long x = allynet__date_days(d);
    if ((c->has_from && x < allynet__date_days(c->from)) ||
        (c->has_to && x > allynet__date_days(c->to))) {
        allynet__skip(c, R_OUTSIDE_RANGE, line, 0, NULL, "outside --from/--to");
        return false;
    }
    return true;
}

allynet_status allynet__bucket_for(allynet__ctx *c, allynet__date d, size_t *b,
                                   allynet_error *err) {
    allynet__period p;
    allynet__period_of(d, c->o->period, c->o->window, c->o->origin, &p);
    return allynet__agg_bucket(&c->agg, &p, b, err);
}

void allynet__progress(allynet__ctx *c, const allynet__reader *r, bool done) {
    if (c->o->progress != NULL && (done || (r->records & 0xffff) == 0)) {
        c->o->progress(c->o->progress_ctx, c->file, r->records, r->bytes, done);
    }
}

bool allynet__parse_double(const char *s, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v)) {
        return false;
    }
    *out = v;
    return true;
}

bool allynet__parse_long(const char *s, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || errno == ERANGE) {
        return false;
    }
    *out = v;
    return true;
}

long allynet__column(const allynet__reader *r, const char *name, bool numeric) {
    long k;
    if (numeric && allynet__parse_long(name, &k)) {
        return k >= 1 && (size_t)k <= r->nfields ? k - 1 : -1;
    }
    for (size_t i = 0; i < r->nfields; i++) {
        if (strcasecmp(r->fields[i], name) == 0) {
            return (long)i;
        }
    }
    return -1;
}

allynet_status allynet__open_header(allynet__ctx *c, allynet__reader *r, const char *path,
                                    char delim, allynet_error *err) {
    bool got = false;
    c->file = strcmp(path, "-") == 0 ? "<stdin>" : path;
    allynet_status st = allynet__reader_open(r, path, delim, true, err);
    if (st == ALLYNET_OK) {
        st = allynet__reader_next(r, &got, err);
    }
    if (st == ALLYNET_OK && !got) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, path, 1, 1,
                               r->bytes == 0 ? "empty file" : "no header line");
    }
    return st;
}

bool allynet__row_width(allynet__ctx *c, const allynet__reader *r, size_t want, const char *hint,
                        allynet_status *st, allynet_error *err) {
    if (r->nfields == want) {
        return true;
    }
    if (r->nfields < want && (r->unterminated || r->open_quote)) {
        *st = allynet__skip(c, R_TRUNCATED, r->line, 1, err,
                            "truncated row: %zu of %zu fields, the file ends mid-row", r->nfields,
                            want);
    } else {
        *st = allynet__skip(c, R_COLUMNS, r->line, 1, err, "%zu fields, expected %zu%s", r->nfields,
                            want, hint);
    }
    return false;
}

/* ---------------------------------------------------------------- actor codes */

static allynet_status remember_code(allynet__ctx *c, const char *code, size_t slot, bool known,
                                    size_t *idx, allynet_error *err) {
    if (c->n_codes == c->cap_codes) {
        size_t cap = c->cap_codes ? c->cap_codes * 2 : 64;
        char **k = realloc(c->code_keys, cap * sizeof *k);
        size_t *s = k ? realloc(c->code_slot, cap * sizeof *s) : NULL;
        bool *kn = s ? realloc(c->code_known, cap * sizeof *kn) : NULL;
        long *r = kn ? realloc(c->code_rows, cap * sizeof *r) : NULL;
        c->code_keys = k ? k : c->code_keys;
        c->code_slot = s ? s : c->code_slot;
        c->code_known = kn ? kn : c->code_known;
        c->code_rows = r ? r : c->code_rows;
        if (r == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        c->cap_codes = cap;
    }
    char *key = strdup(code);
    if (key == NULL || !allynet__strmap_put(&c->code_slots, key, c->n_codes)) {
        free(key);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    c->code_keys[c->n_codes] = key;
    c->code_slot[c->n_codes] = slot;
    c->code_known[c->n_codes] = known;
    c->code_rows[c->n_codes] = 0;
    *idx = c->n_codes++;
    return ALLYNET_OK;
}

static allynet_status new_code(allynet__ctx *c, const char *code, allynet__lookup_fn lookup,
                               const char *fallback, size_t *idx, allynet_error *err) {
    const allynet_actor_info *info = allynet__actors_find(&c->actors, code);
    info = info ? info : lookup(code);
    json_t *attrs = json_object();
    allynet_status st = ALLYNET_OK;
    size_t slot = 0;
    if (info != NULL && c->injective && allynet__strmap_get(&c->agg.actor_ids, info->id, &slot)) {
        info = NULL; /* another code of this table already stands for that actor */
        json_object_set_new(attrs, "ambiguous", json_string(c->agg.actors[slot].id));
    }
    if (attrs == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (info != NULL) {
        if (info->cow_code >= 0) {
            json_object_set_new(attrs, "cow_code", json_integer(info->cow_code));
        }
        if (info->iso2[0]) {
            json_object_set_new(attrs, "iso2", json_string(info->iso2));
        }
        st = allynet__agg_actor(&c->agg, info->id, info->name, info->kind, attrs, &slot, err);
    } else {
        long num;
        const char *key = c->code_attr ? c->code_attr : "code";
        json_object_set_new(attrs, "unmapped", json_true());
        json_object_set_new(attrs, key,
                            c->code_numeric && allynet__parse_long(code, &num) ? json_integer(num)
                                                                               : json_string(code));
        char alt[80];
        if (c->injective && allynet__strmap_get(&c->agg.actor_ids, fallback, &slot)) {
            snprintf(alt, sizeof alt, "%.60s_", fallback); /* the name is some other's id */
            fallback = alt;
        }
        st = allynet__agg_actor(&c->agg, fallback, NULL, NULL, attrs, &slot, err);
    }
    return st == ALLYNET_OK ? remember_code(c, code, slot, info != NULL, idx, err) : st;
}

allynet_status allynet__code_slot(allynet__ctx *c, const char *code, allynet__lookup_fn lookup,
                                  const char *fallback, long line, long col, size_t *slot,
                                  bool *drop, allynet_error *err) {
    size_t idx;
    allynet_status st = ALLYNET_OK;
    *drop = false;
    if (!allynet__strmap_get(&c->code_slots, code, &idx) &&
        (st = new_code(c, code, lookup, fallback, &idx, err)) != ALLYNET_OK) {
        return st;
    }
    c->code_rows[idx]++;
    *slot = c->code_slot[idx];
    if (!c->code_known[idx]) {
        *drop = c->o->skip_unknown;
        return allynet__skip(c, R_UNKNOWN_CODE, line, col, err,
                             "unknown actor code '%s' (not in the actor dictionary)", code);
    }
    return ALLYNET_OK;
}

/* ---------------------------------------------------------------- writing */

static json_t *loc_list(const allynet__ctx *c, int r) {
    json_t *a = json_array();
    long n = c->nfirst[r];
    for (long i = 0; i < n && a; i++) {
        json_array_append_new(a, json_pack("{s:s,s:I}", "file", c->first[r][i].file, "line",
                                           (json_int_t)c->first[r][i].line));
    }
    return a;
}

static json_t *stats_json(const allynet__ctx *c) {
    json_t *skipped = json_object(), *warned = json_object(), *codes = json_object();
    long skipped_rows = 0;
    for (int r = 0; r < R_N; r++) {
        if (c->count[r] == 0) {
            continue;
        }
        json_t *e = json_pack("{s:I,s:b,s:o}", "count", (json_int_t)c->count[r], "malformed",
                              r < R_MALFORMED_END, "first", loc_list(c, r));
        json_object_set_new(r == R_UNKNOWN_CODE && !c->o->skip_unknown ? warned : skipped,
                            reason_names[r], e);
    }
    for (size_t i = 0; i < c->n_codes; i++) {
        const char *id = c->agg.actors[c->code_slot[i]].id;
        json_object_set_new(codes, c->code_keys[i],
                            json_pack("{s:s,s:I,s:b}", "id", id, "rows",
                                      (json_int_t)c->code_rows[i], "known", c->code_known[i]));
    }
    skipped_rows = c->rows_read - c->rows_used;
    return json_pack("{s:I,s:I,s:I,s:I,s:o,s:o,s:o}", "rows_read", (json_int_t)c->rows_read,
                     "rows_used", (json_int_t)c->rows_used, "rows_skipped",
                     (json_int_t)skipped_rows, "bytes", (json_int_t)c->bytes, "skipped", skipped,
                     "warnings", warned, "codes", codes);
}

static json_t *sources_json(const char *const *files, size_t n, const char *format) {
    json_t *a = json_array();
    for (size_t i = 0; i < n && a; i++) {
        const char *slash = strrchr(files[i], '/');
        json_array_append_new(a, json_pack("{s:s,s:s,s:s}", "id", slash ? slash + 1 : files[i],
                                           "path", files[i], "format", format));
    }
    return a;
}

static allynet_status finish_bucket(allynet__ctx *c, allynet__bucket *b, json_t *sources,
                                    allynet_error *err) {
    allynet_graph *g = b->g;
    if (c->finish != NULL) {
        for (size_t t = 0; t < allynet_graph_tie_count(g); t++) {
            c->finish(c, g, t, b->extra ? b->extra + t * c->agg.nextra : NULL);
        }
    }
    char start[11], end[11], name[160];
    allynet__date_format(b->period.start, start);
    allynet__date_format(b->period.end, end);
    snprintf(name, sizeof name, "%s, %s", c->title, b->period.key);
    json_t *m = allynet_graph_meta(g);
    json_object_set_new(m, "name", json_string(name));
    json_object_set_new(m, "date", json_string(start));
    json_object_set_new(
        m, "period", json_pack("{s:s,s:s,s:s}", "key", b->period.key, "start", start, "end", end));
    json_object_set_new(m, "sources", json_incref(sources));
    json_object_set_new(m, "format", json_string(format_names[c->o->format]));
    json_object_set_new(m, "weighting", json_string(c->weighting));
    json_object_set_new(m, "rows", json_integer(b->rows));
    return allynet_graph_sort(g, err);
}

/* Writes one snapshot to a new temporary file beside `path` (registered, so a caught signal
 * removes it); *tmp receives its name. */
static allynet_status write_tmp(const allynet_graph *g, const char *path, char **tmp,
                                allynet_error *err) {
    int fd = -1;
    *tmp = allynet__tmp_create(path, false, &fd);
    FILE *f = *tmp ? fdopen(fd, "wb") : NULL;
    if (f == NULL) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
        }
        return allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    fchmod(fd, 0644);
    allynet_status st = allynet_nodelink_write(g, f, err);
    int e = errno;
    if (ferror(f)) {
        allynet_error_clear(err);
        st = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "write error: %s",
                               strerror(e ? e : EIO));
    }
    if (st == ALLYNET_OK && fflush(f) == 0) {
        sync_file_range(fileno(f), 0, 0, SYNC_FILE_RANGE_WRITE); /* start writeback: a hint */
    }
    if (fclose(f) != 0 && st == ALLYNET_OK) {
        st = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "write error: %s", strerror(errno));
    }
    return st;
}

static json_t *snapshot_entry(const allynet__bucket *b, const char *file) {
    const json_t *m = allynet_graph_meta_const(b->g);
    return json_pack("{s:s,s:s,s:O,s:I,s:I,s:I}", "file", file, "date", allynet_graph_date(b->g),
                     "period", json_object_get(m, "period"), "actors",
                     (json_int_t)allynet_graph_actor_count(b->g), "ties",
                     (json_int_t)allynet_graph_tie_count(b->g), "rows", (json_int_t)b->rows);
}

/* Writes a temporary file's data to the disk. */
static allynet_status sync_file(const char *tmp, allynet_error *err) {
    int fd = open(tmp, O_RDONLY);
    if (fd < 0 || fdatasync(fd) != 0) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
        }
        return allynet_error_set(err, ALLYNET_E_IO, tmp, 0, 0, "cannot sync: %s", strerror(e));
    }
    close(fd);
    return ALLYNET_OK;
}

/* Writes every snapshot atomically as a batch: all go to temporary files first, then each is
 * synced (after the first, the journal commit is shared: syncing N files written together costs
 * about one commit, not N, as interleaved write-sync-rename would), then they are renamed into
 * place. On error the temporary files are removed and nothing is renamed. */
static allynet_status write_all(allynet__ctx *c, const char *const *files, size_t n,
                                const char *dir, json_t *snaps, allynet_error *err) {
    json_t *sources = sources_json(files, n, format_names[c->o->format]);
    size_t len = strlen(dir) + 80, nb = c->agg.n_buckets, done = 0;
    char *path = malloc(len), **tmp = calloc(nb + 1, sizeof *tmp);
    allynet_status st = sources && tmp && path ? ALLYNET_OK : ALLYNET_E_NOMEM;
    allynet__agg_sort(&c->agg);
    for (; st == ALLYNET_OK && done < nb; done++) {
        allynet__bucket *b = &c->agg.buckets[done];
        if (b->rows == 0) {
            continue; /* every row of the period was skipped: no snapshot */
        }
        snprintf(path, len, "%s/%s.json", dir, b->period.key);
        if ((st = finish_bucket(c, b, sources, err)) == ALLYNET_OK) {
            st = write_tmp(b->g, path, &tmp[done], err);
        }
    }
    for (size_t i = 0; st == ALLYNET_OK && i < done; i++) {
        if (tmp[i] != NULL) {
            st = sync_file(tmp[i], err);
        }
    }
    int fd = st == ALLYNET_OK ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
    for (size_t i = 0; tmp && path && i < done; i++) {
        const allynet__bucket *b = &c->agg.buckets[i];
        if (tmp[i] == NULL) {
            continue;
        }
        snprintf(path, len, "%s/%s.json", dir, b->period.key);
        if (st != ALLYNET_OK) {
            unlink(tmp[i]);
        } else if (rename(tmp[i], path) != 0) {
            st = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot rename: %s",
                                   strerror(errno));
            unlink(tmp[i]);
        } else {
            json_array_append_new(snaps, snapshot_entry(b, strrchr(path, '/') + 1));
        }
        allynet__tmp_forget(tmp[i]);
        free(tmp[i]);
    }
    if (fd >= 0) {
        fsync(fd); /* the renames */
        close(fd);
    }
    free(tmp);
    free(path);
    json_decref(sources);
    return st == ALLYNET_E_NOMEM ? allynet_error_set(err, st, NULL, 0, 0, "out of memory") : st;
}

static allynet_status write_index(const char *dir, json_t *index, allynet_error *err);

/* mkdir -p: creates dir and its missing parents. */
static allynet_status make_dir(const char *dir, allynet_error *err) {
    char *p = strdup(dir);
    int rc = p ? 0 : -1;
    for (char *s = p ? p + 1 : NULL; s && rc == 0; s++) {
        bool last = *s == '\0';
        if (*s == '/' || last) {
            *s = '\0';
            rc = mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
            *s = last ? '\0' : '/';
            if (last) {
                break;
            }
        }
    }
    free(p);
    struct stat st;
    if (rc != 0 || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return allynet_error_set(err, ALLYNET_E_IO, dir, 0, 0, "cannot create the folder: %s",
                                 p ? strerror(errno) : "out of memory");
    }
    return ALLYNET_OK;
}

static allynet_status load(allynet__ctx *c, const char *const *files, size_t n,
                           allynet_error *err) {
    switch (c->o->format) {
    case ALLYNET_EVENTS_GDELT1:
    case ALLYNET_EVENTS_GDELT2:
        return allynet__events_gdelt(c, files, n, err);
    case ALLYNET_EVENTS_COW:
    case ALLYNET_EVENTS_ATOP:
        return allynet__events_cow(c, files, n, err);
    case ALLYNET_EVENTS_COW_SIGNED:
        return allynet__events_cow_signed(c, files, n, err);
    case ALLYNET_EVENTS_UNVOTES:
        return allynet__events_unvotes(c, files, n, err);
    case ALLYNET_EVENTS_CSV:
        return allynet__events_csv(c, files, n, err);
    }
    return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown format");
}

static allynet_status check_options(allynet__ctx *c, allynet_error *err) {
    const allynet_events_options *o = c->o;
    if (o->window < 0 || o->window > 1000) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "--window must be between 1 and 1000 years");
    }
    if (o->from && !(c->has_from = allynet__date_parse(o->from, &c->from))) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "--from: bad date '%s'",
                                 o->from);
    }
    if (o->to && !(c->has_to = allynet__date_parse(o->to, &c->to))) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "--to: bad date '%s'", o->to);
    }
    if (c->has_to && strlen(o->to) <= 7) { /* --to 2013 means the end of 2013 */
        allynet__period p;
        allynet__period_of(c->to, strlen(o->to) == 4 ? ALLYNET_PERIOD_YEAR : ALLYNET_PERIOD_MONTH,
                           0, 0, &p);
        c->to = p.end;
    }
    return ALLYNET_OK;
}

static void ctx_destroy(allynet__ctx *c) {
    allynet__agg_destroy(&c->agg);
    for (size_t i = 0; i < c->n_codes; i++) {
        free(c->code_keys[i]);
    }
    free(c->code_keys);
    free(c->code_slot);
    free(c->code_known);
    free(c->code_rows);
    allynet__strmap_destroy(&c->code_slots);
}

/* What a snapshot spans, for the index. */
static const char *period_label(const allynet_events_options *o) {
    if (o->format == ALLYNET_EVENTS_COW_SIGNED) {
        return "window (as in the table)";
    }
    return o->window > 0 ? "window" : period_names[o->period];
}

allynet_status allynet_events_run(const allynet_events_options *o, const char *const *files,
                                  size_t n, const char *dir, json_t **index, allynet_error *err) {
    allynet__ctx c = {.o = o, .title = "events", .weighting = ""};
    allynet__strmap_init(&c.code_slots);
    allynet__agg_init(&c.agg, true, 0, false);
    json_t *idx = NULL, *snaps = json_array();
    if (index) {
        *index = NULL;
    }
    allynet_status st = check_options(&c, err);
    if (st == ALLYNET_OK && o->actors_path) {
        st = allynet__actors_load(o->actors_path, &c.actors, err);
    }
    if (st == ALLYNET_OK) {
        st = load(&c, files, n, err);
    }
    if (st == ALLYNET_OK) {
        st = make_dir(dir, err);
    }
    if (st == ALLYNET_OK) {
        st = write_all(&c, files, n, dir, snaps, err);
    }
    if (st == ALLYNET_OK) {
        idx = json_pack("{s:s,s:s,s:i,s:s,s:o,s:O,s:o}", "format", format_names[o->format],
                        "period", period_label(o), "window", o->window, "weighting", c.weighting,
                        "sources", sources_json(files, n, format_names[o->format]), "snapshots",
                        snaps, "stats", stats_json(&c));
        st = idx ? write_index(dir, idx, err)
                 : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (st == ALLYNET_OK && index) {
        *index = json_incref(idx);
    }
    json_decref(idx);
    json_decref(snaps);
    ctx_destroy(&c);
    allynet__actors_free(&c.actors);
    return st;
}

static allynet_status dump_index(FILE *f, void *ctx, allynet_error *err) {
    if (json_dumpf(ctx, f, JSON_INDENT(2) | ALLYNET__JSON_FLAGS) != 0 || fputc('\n', f) == EOF) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}

static allynet_status write_index(const char *dir, json_t *index, allynet_error *err) {
    size_t len = strlen(dir) + 16;
    char *path = malloc(len);
    if (path == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    snprintf(path, len, "%s/index.json", dir);
    allynet_status st = allynet_write_atomic(path, dump_index, index, err);
    free(path);
    return st;
}
