/* csvedges.c — the plain CSV edge list: source,target,weight[,relation,date], via libcsv. */
#include "core/internal.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { COL_SOURCE, COL_TARGET, COL_WEIGHT, COL_RELATION, COL_DATE, COL_EVENTS, N_COLS };
static const char *col_names[N_COLS] = {"source", "target", "weight", "relation", "date", "events"};
#define MAX_FIELDS 64

typedef struct {
    allynet_graph *g;
    const char *src;
    allynet_error *err;
    allynet_status st;
    char *fields[MAX_FIELDS];
    size_t n_fields;
    long row;        /* 1-based record number */
    int col[N_COLS]; /* field index of each column, -1 when absent */
    bool header_done;
} csv_ctx;

static void on_field(void *s, size_t len, void *data) {
    csv_ctx *c = data;
    if (c->st != ALLYNET_OK) {
        return;
    }
    if (c->n_fields == MAX_FIELDS) {
        c->st = allynet_error_set(c->err, ALLYNET_E_INPUT, c->src, (int)c->row + 1, 0,
                                  "more than %d fields in a row", MAX_FIELDS);
        return;
    }
    char *f = malloc(len + 1);
    if (f == NULL) {
        c->st = allynet_error_set(c->err, ALLYNET_E_NOMEM, c->src, 0, 0, "out of memory");
        return;
    }
    memcpy(f, s ? s : "", len);
    f[len] = '\0';
    c->fields[c->n_fields++] = f;
}

static const char *field(csv_ctx *c, int which) {
    int i = c->col[which];
    return i >= 0 && (size_t)i < c->n_fields ? c->fields[i] : NULL;
}

static bool read_header(csv_ctx *c) {
    if (c->n_fields == 0 || strcasecmp(c->fields[0], "source") != 0) {
        return false;
    }
    for (int k = 0; k < N_COLS; k++) {
        c->col[k] = -1;
    }
    for (size_t i = 0; i < c->n_fields; i++) {
        for (int k = 0; k < N_COLS; k++) {
            if (strcasecmp(c->fields[i], col_names[k]) == 0) {
                c->col[k] = (int)i;
            }
        }
        if (strcasecmp(c->fields[i], "sign") == 0 && c->col[COL_WEIGHT] < 0) {
            c->col[COL_WEIGHT] = (int)i;
        }
    }
    return true;
}

static allynet_status add_endpoint(csv_ctx *c, const char *id, size_t *out) {
    const allynet_actor_info *info = allynet_dict_lookup(id);
    const char *name = info && strcmp(info->id, id) == 0 ? info->name : NULL;
    const char *kind = info && strcmp(info->id, id) == 0 ? info->kind : NULL;
    allynet_error e = {0};
    allynet_status st = allynet_graph_add_actor(c->g, id, name, kind, out, &e);
    return st == ALLYNET_OK ? st
                            : allynet_error_set(c->err, st, c->src, (int)c->row, 1, "%s", e.text);
}

static void take_row(csv_ctx *c) {
    const char *s = field(c, COL_SOURCE), *t = field(c, COL_TARGET);
    if (s == NULL || t == NULL || !*s || !*t) {
        c->st = allynet_error_set(c->err, ALLYNET_E_INPUT, c->src, (int)c->row, 1,
                                  "a row needs a source and a target");
        return;
    }
    double w = 1.0;
    const char *ws = field(c, COL_WEIGHT);
    if (ws != NULL && *ws) {
        char *end;
        errno = 0;
        w = strtod(ws, &end);
        if (*end != '\0' || end == ws || !isfinite(w) || errno == ERANGE) {
            c->st = allynet_error_set(c->err, ALLYNET_E_INPUT, c->src, (int)c->row, 1,
                                      "weight \"%.40s\" is not a finite number", ws);
            return;
        }
    }
    long events = 1;
    const char *es = field(c, COL_EVENTS);
    if (es != NULL && *es) {
        char *end;
        events = strtol(es, &end, 10);
        if (*end != '\0' || events < 1) {
            c->st = allynet_error_set(c->err, ALLYNET_E_INPUT, c->src, (int)c->row, 1,
                                      "events \"%.40s\" is not a whole number >= 1", es);
            return;
        }
    }
    size_t a, b, idx;
    if ((c->st = add_endpoint(c, s, &a)) != ALLYNET_OK ||
        (c->st = add_endpoint(c, t, &b)) != ALLYNET_OK) {
        return;
    }
    const char *rel = field(c, COL_RELATION);
    allynet_error e = {0};
    c->st = allynet_graph_add_tie(c->g, a, b, w, rel && *rel ? rel : NULL, events, NULL, &idx, &e);
    if (c->st != ALLYNET_OK) {
        allynet_error_set(c->err, c->st, c->src, (int)c->row, 1, "%s", e.text);
        return;
    }
    const char *date = field(c, COL_DATE);
    if (date && *date) {
        json_t *attrs = json_pack("{ss}", "date", date);
        allynet__tie_take_attrs(c->g, idx, attrs);
    }
}

static void on_row(int term, void *data) {
    (void)term;
    csv_ctx *c = data;
    c->row++;
    if (c->st == ALLYNET_OK && !(c->n_fields == 1 && c->fields[0][0] == '\0')) {
        if (!c->header_done) {
            c->header_done = true;
            if (!read_header(c)) {
                take_row(c);
            }
        } else {
            take_row(c);
        }
    }
    for (size_t i = 0; i < c->n_fields; i++) {
        free(c->fields[i]);
    }
    c->n_fields = 0;
}

allynet_status allynet_csv_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err) {
    *out = NULL;
    source = source ? source : "<buffer>";
    if (!allynet__utf8_valid(buf, len)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, 0, 0, "the file is not valid UTF-8");
    }
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3; /* a UTF-8 byte order mark, as spreadsheets write */
        len -= 3;
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul != NULL) {
        int line, col;
        allynet__position(buf, (size_t)(nul - buf), &line, &col);
        return allynet_error_set(err, ALLYNET_E_INPUT, source, line, col,
                                 "a NUL byte in the CSV text");
    }
    csv_ctx c = {.src = source, .err = err, .col = {0, 1, 2, 3, 4, -1}};
    c.g = allynet_graph_new(true);
    struct csv_parser p;
    if (c.g == NULL || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        allynet_graph_free(c.g);
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    allynet__graph_bulk_begin(c.g); /* repeated dyads are summed once, at the end */
    if (csv_parse(&p, buf, len, on_field, on_row, &c) != len && c.st == ALLYNET_OK) {
        c.st = allynet_error_set(err, ALLYNET_E_INPUT, source, (int)c.row + 1, 0,
                                 "malformed CSV: %s", csv_strerror(csv_error(&p)));
    }
    if (c.st == ALLYNET_OK && csv_fini(&p, on_field, on_row, &c) != 0 && c.st == ALLYNET_OK) {
        c.st = allynet_error_set(err, ALLYNET_E_INPUT, source, (int)c.row + 1, 0,
                                 "malformed CSV: %s", csv_strerror(csv_error(&p)));
    }
    for (size_t i = 0; i < c.n_fields; i++) {
        free(c.fields[i]);
    }
    csv_free(&p);
    if (c.st == ALLYNET_OK) {
        c.st = allynet__graph_bulk_end(c.g, err);
        allynet__error_source(err, source);
    }
    if (c.st != ALLYNET_OK) {
        allynet_graph_free(c.g);
        return c.st;
    }
    *out = c.g;
    return ALLYNET_OK;
}

static void put_field(FILE *f, const char *s, bool last) {
    if (s && *s) {
        csv_fwrite(f, s, strlen(s));
    }
    fputc(last ? '\n' : ',', f);
}

allynet_status allynet_csv_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    fputs("source,target,weight,relation,events,date\n", f);
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        put_field(f, allynet_graph_actor(g, t->source)->id, false);
        put_field(f, allynet_graph_actor(g, t->target)->id, false);
        fprintf(f, "%.12g,", t->weight);
        put_field(f, t->relation, false);
        fprintf(f, "%ld,", t->events);
        put_field(f, json_string_value(json_object_get(t->attrs, "date")), true);
    }
    if (ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the CSV");
    }
    return ALLYNET_OK;
}
