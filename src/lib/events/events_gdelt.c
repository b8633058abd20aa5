/* events_gdelt.c — GDELT 1.0 and 2.0 event exports (tab-separated, no header) streamed into
 * directed snapshots: Actor1CountryCode -> Actor2CountryCode, weight = sum of GoldsteinScale
 * (x NumMentions with --mentions), events = rows, and per tie the counts by QuadClass, by CAMEO
 * root code and the sum of mentions. */
#include "events_internal.h"

#include <string.h>

/* 0-based columns, the same in 1.0 and 2.0 up to index 38 */
enum {
    C_SQLDATE = 1,
    C_A1COUNTRY = 7,
    C_A2COUNTRY = 17,
    C_ROOT = 28,
    C_QUAD = 29,
    C_GOLDSTEIN = 30,
    C_MENTIONS = 31,
};

/* the accumulators per tie */
enum { X_QUAD = 0, X_MENTIONS = 4, X_ROOT = 5, X_N = X_ROOT + 20 };

static const char *const quad_names[4] = {"verbal_cooperation", "material_cooperation",
                                          "verbal_conflict", "material_conflict"};

static void finish_tie(allynet__ctx *c, allynet_graph *g, size_t t, const double *x) {
    if (x == NULL) {
        return;
    }
    json_t *attrs = json_object(), *quad = json_object(), *root = json_object();
    int best = 0;
    for (int q = 0; q < 4; q++) {
        json_object_set_new(quad, quad_names[q], json_integer((json_int_t)x[X_QUAD + q]));
        best = x[X_QUAD + q] > x[X_QUAD + best] ? q : best;
    }
    for (int r = 0; r < 20; r++) {
        char key[3] = {(char)('0' + (r + 1) / 10), (char)('0' + (r + 1) % 10), 0};
        if (x[X_ROOT + r] > 0) {
            json_object_set_new(root, key, json_integer((json_int_t)x[X_ROOT + r]));
        }
    }
    json_object_set_new(attrs, "quad_class", quad);
    json_object_set_new(attrs, "cameo_root", root);
    json_object_set_new(attrs, "mentions", json_integer((json_int_t)x[X_MENTIONS]));
    allynet__tie_take_attrs(g, t, attrs);
    allynet_tie *tie = allynet_graph_tie_mut(g, t);
    bool ok = true; /* out of memory leaves the relation unset */
    if (tie->relation == NULL) {
        tie->relation = allynet__graph_intern(g, quad_names[best], &ok);
    }
}

/* Checks the column count; false (after counting the reason) when the row is unusable. */
static bool check_columns(allynet__ctx *c, const allynet__reader *r, size_t want,
                          allynet_status *st, allynet_error *err) {
    const char *hint = "";
    if (r->nfields == 61 && want == 58) {
        hint = " (a GDELT 2.0 row? use --format gdelt2)";
    } else if (r->nfields == 58 && want == 61) {
        hint = " (a GDELT 1.0 row? use --format gdelt1)";
    }
    return allynet__row_width(c, r, want, hint, st, err);
}

typedef struct row {
    double goldstein;
    long mentions, quad;
    int root;
} row;

/* Reads the numeric fields; false (after counting) when one is malformed. */
static bool numbers(allynet__ctx *c, const allynet__reader *r, row *x, allynet_status *st,
                    allynet_error *err) {
    char **f = r->fields;
    int bad = -1;
    if (!allynet__parse_double(f[C_GOLDSTEIN], &x->goldstein) || x->goldstein < -10 ||
        x->goldstein > 10) {
        bad = C_GOLDSTEIN;
    } else if (!allynet__parse_long(f[C_MENTIONS], &x->mentions) || x->mentions < 0) {
        bad = C_MENTIONS;
    } else if (!allynet__parse_long(f[C_QUAD], &x->quad) || x->quad < 1 || x->quad > 4) {
        bad = C_QUAD;
    }
    if (bad >= 0) {
        static const char *names[] = {
            [C_GOLDSTEIN] = "GoldsteinScale", [C_MENTIONS] = "NumMentions", [C_QUAD] = "QuadClass"};
        *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[bad], err,
                            "%s is not a valid number: '%.40s'", names[bad], f[bad]);
        return false;
    }
    const char *rc = f[C_ROOT];
    x->root = -1;
    if (rc[0] >= '0' && rc[0] <= '2' && rc[1] >= '0' && rc[1] <= '9' && rc[2] == '\0') {
        int v = (rc[0] - '0') * 10 + (rc[1] - '0');
        x->root = v >= 1 && v <= 20 ? v - 1 : -1;
    }
    return true;
}

typedef struct date_cache {
    char text[9];
    bool valid, in_range;
    allynet__date date;
    size_t bucket;
} date_cache;

/* The bucket of the row's SQLDATE; false when the date is bad or outside --from/--to. */
static bool row_bucket(allynet__ctx *c, const allynet__reader *r, date_cache *dc, size_t *b,
                       allynet_status *st, allynet_error *err) {
    const char *s = r->fields[C_SQLDATE];
    if (!dc->valid || strncmp(s, dc->text, 9) != 0) {
        dc->valid = false;
        if (strlen(s) != 8 || !allynet__date_parse(s, &dc->date)) {
            *st = allynet__skip(c, R_DATE, r->line, (long)r->cols[C_SQLDATE], err,
                                "SQLDATE is not a date YYYYMMDD: '%.20s'", s);
            return false;
        }
        memcpy(dc->text, s, 9);
        dc->in_range = true;
        if ((*st = allynet__bucket_for(c, dc->date, &dc->bucket, err)) != ALLYNET_OK) {
            return false;
        }
        dc->valid = true;
    }
    if (!allynet__in_range(c, dc->date, r->line)) {
        return false;
    }
    *b = dc->bucket;
    return true;
}

/* One data row; *st is set only on a fatal error. */
static void one_row(allynet__ctx *c, const allynet__reader *r, size_t want, date_cache *dc,
                    allynet_status *st, allynet_error *err) {
    row x;
    size_t b, s, t;
    bool drop1, drop2;
    if (!check_columns(c, r, want, st, err) || !row_bucket(c, r, dc, &b, st, err) ||
        !numbers(c, r, &x, st, err)) {
        return;
    }
    const char *a1 = r->fields[C_A1COUNTRY], *a2 = r->fields[C_A2COUNTRY];
    if (a1[0] == '\0' || a2[0] == '\0') {
        *st = allynet__skip(c, R_MISSING_ACTOR, r->line, 0, err, "no country actor");
        return;
    }
    if ((*st = allynet__code_slot(c, a1, allynet_dict_lookup, a1, r->line,
                                  (long)r->cols[C_A1COUNTRY], &s, &drop1, err)) != ALLYNET_OK ||
        (*st = allynet__code_slot(c, a2, allynet_dict_lookup, a2, r->line,
                                  (long)r->cols[C_A2COUNTRY], &t, &drop2, err)) != ALLYNET_OK ||
        drop1 || drop2) {
        return;
    }
    if (s == t) {
        *st = allynet__skip(c, R_SELF_TIE, r->line, 0, err, "domestic event");
        return;
    }
    double extra[X_N] = {0};
    extra[X_QUAD + x.quad - 1] = 1;
    extra[X_MENTIONS] = (double)x.mentions;
    if (x.root >= 0) {
        extra[X_ROOT + x.root] = 1;
    }
    double w = c->o->mentions ? x.goldstein * (double)x.mentions : x.goldstein;
    if ((*st = allynet__agg_add(&c->agg, b, s, t, w, 1, extra, err)) == ALLYNET_OK) {
        c->rows_used++;
    }
}

static allynet_status load_file(allynet__ctx *c, const char *path, size_t want,
                                allynet_error *err) {
    allynet__reader r;
    allynet_status st = allynet__reader_open(&r, path, '\t', false, err);
    date_cache dc = {.valid = false};
    bool got = true;
    c->file = strcmp(path, "-") == 0 ? "<stdin>" : path;
    while (st == ALLYNET_OK && (st = allynet__reader_next(&r, &got, err)) == ALLYNET_OK && got) {
        c->rows_read++;
        one_row(c, &r, want, &dc, &st, err);
        allynet__progress(c, &r, false);
    }
    if (st == ALLYNET_OK && r.bytes == 0) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, path, 1, 1, "empty file");
    }
    if (st == ALLYNET_OK) {
        allynet__progress(c, &r, true);
    }
    c->bytes += r.bytes;
    allynet__reader_close(&r);
    return st;
}

allynet_status allynet__events_gdelt(allynet__ctx *c, const char *const *files, size_t n,
                                     allynet_error *err) {
    bool v2 = c->o->format == ALLYNET_EVENTS_GDELT2;
    c->code_attr = "cameo";
    c->agg.directed = true;
    c->agg.nextra = X_N;
    c->finish = finish_tie;
    c->title = v2 ? "GDELT 2.0 events" : "GDELT 1.0 events";
    c->weighting = c->o->mentions ? "sum of GoldsteinScale x NumMentions over the events of a "
                                    "directed dyad; events = number of event rows"
                                  : "sum of GoldsteinScale over the events of a directed dyad "
                                    "(-10..+10 each); events = number of event rows";
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        st = load_file(c, files[i], v2 ? 61 : 58, err);
    }
    return st;
}
