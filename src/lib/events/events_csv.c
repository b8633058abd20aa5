/* events_csv.c — any delimited table with a header into snapshots: the source, target, date and
 * (optional) weight columns named by the user; weights summed per dyad and period. */
#include "events_internal.h"

#include <string.h>

typedef struct layout {
    long src, tgt, date, weight; /* weight -1: 1 per row */
    size_t width;
} layout;

static allynet_status find_columns(const allynet_events_options *o, const allynet__reader *r,
                                   layout *l, allynet_error *err) {
    const char *names[4] = {o->source_col, o->target_col, o->date_col, o->weight_col};
    const char *opts[4] = {"--source-col", "--target-col", "--date-col", "--weight-col"};
    long *cols[4] = {&l->src, &l->tgt, &l->date, &l->weight};
    l->width = r->nfields;
    for (int i = 0; i < 4; i++) {
        *cols[i] = -1;
        if (names[i] == NULL) {
            /* a column named "weight" is the weight unless another is named */
            *cols[i] = i == 3 ? allynet__column(r, "weight", false) : -1;
            continue;
        }
        if ((*cols[i] = allynet__column(r, names[i], true)) < 0) {
            return allynet_error_set(err, ALLYNET_E_INPUT, r->path, (int)r->line, 1,
                                     "%s '%s': no such column in the header", opts[i], names[i]);
        }
    }
    return ALLYNET_OK;
}

/* Whether a date (already parsed) is less precise than the snapshots' period: a bare year
 * (YYYY) for month, week or day periods, a month (YYYY-MM, YYYYMM) for weeks or days. Such a
 * row would land on the period's first day. */
static bool coarse(const allynet_events_options *o, const char *date) {
    size_t n = strlen(date);
    int precision = n == 4 ? 0 : n == 6 || n == 7 ? 1 : 2; /* year, month, day */
    int needed = o->window > 0 || o->period == ALLYNET_PERIOD_YEAR ? 0
                 : o->period == ALLYNET_PERIOD_MONTH               ? 1
                                                                   : 2;
    return precision < needed;
}

static void csv_row(allynet__ctx *c, const allynet__reader *r, const layout *l, allynet_status *st,
                    allynet_error *err) {
    char **f = r->fields;
    allynet__date d;
    double w = 1;
    size_t s, t, b;
    bool d1 = false, d2 = false;
    if (!allynet__row_width(c, r, l->width, "", st, err)) {
        return;
    }
    if (!allynet__date_parse(f[l->date], &d)) {
        *st = allynet__skip(c, R_DATE, r->line, (long)r->cols[l->date], err,
                            "not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD): '%.30s'",
                            f[l->date]);
        return;
    }
    if (!allynet__in_range(c, d, r->line)) {
        return;
    }
    if (coarse(c->o, f[l->date])) {
        *st = allynet__skip(c, R_COARSE_DATE, r->line, (long)r->cols[l->date], err,
                            "the date '%.30s' is less precise than the period", f[l->date]);
        return;
    }
    if (l->weight >= 0 && !allynet__parse_double(f[l->weight], &w)) {
        *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[l->weight], err,
                            "the weight is not a finite number: '%.30s'", f[l->weight]);
        return;
    }
    if (f[l->src][0] == '\0' || f[l->tgt][0] == '\0') {
        *st = allynet__skip(c, R_MISSING_ACTOR, r->line, 0, err, "empty source or target");
        return;
    }
    *st = allynet__code_slot(c, f[l->src], allynet_dict_lookup, f[l->src], r->line,
                             (long)r->cols[l->src], &s, &d1, err);
    if (*st == ALLYNET_OK) {
        *st = allynet__code_slot(c, f[l->tgt], allynet_dict_lookup, f[l->tgt], r->line,
                                 (long)r->cols[l->tgt], &t, &d2, err);
    }
    if (*st != ALLYNET_OK || d1 || d2) {
        return;
    }
    if (s == t) {
        *st = allynet__skip(c, R_SELF_TIE, r->line, 0, err, "source and target are one actor");
        return;
    }
    if ((*st = allynet__bucket_for(c, d, &b, err)) == ALLYNET_OK &&
        (*st = allynet__agg_add(&c->agg, b, s, t, w, 1, NULL, err)) == ALLYNET_OK) {
        c->rows_used++;
    }
}

allynet_status allynet__events_csv(allynet__ctx *c, const char *const *files, size_t n,
                                   allynet_error *err) {
    const allynet_events_options *o = c->o;
    if (o->source_col == NULL || o->target_col == NULL || o->date_col == NULL) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "--format csv needs --source-col, --target-col and --date-col");
    }
    c->code_attr = "code";
    c->agg.directed = !o->undirected;
    c->title = "events";
    c->weighting = "number of rows of a dyad (weight 1 per row)";
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        allynet__reader r;
        layout l;
        bool got = true;
        st = allynet__open_header(c, &r, files[i], o->delimiter ? o->delimiter : ',', err);
        if (st == ALLYNET_OK) {
            st = find_columns(o, &r, &l, err);
        }
        if (st == ALLYNET_OK && l.weight >= 0) {
            c->weighting = "sum of the weight column over the rows of a dyad";
        }
        while (st == ALLYNET_OK && (st = allynet__reader_next(&r, &got, err)) == ALLYNET_OK &&
               got) {
            c->rows_read++;
            csv_row(c, &r, &l, &st, err);
            allynet__progress(c, &r, false);
        }
        c->bytes += r.bytes;
        allynet__reader_close(&r);
    }
    return st;
}
