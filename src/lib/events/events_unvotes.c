/* events_unvotes.c — UN General Assembly roll-call votes into one undirected agreement network
 * per period (a year by default). For each pair of states voting in the same roll calls:
 * agreement = (same votes + 0.5 x votes where exactly one abstained) / common votes, and the
 * S-score (Signorino & Ritter) S = 1 - 2 x mean|a - b| with yes 1, abstain 0.5, no 0, which is
 * 2 x agreement - 1. The tie weight is S, in [-1, 1]. Yes, no and abstain all count as voting.
 *
 * Memory: one byte per (roll call, state) — a vote matrix of about 6,000 x 200 for the whole
 * UN history — plus the pairs per period; it does not depend on the order of the rows. */
#include "events_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { V_ABSENT = 0, V_NO = 1, V_ABSTAIN = 2, V_YES = 3 };
enum { X_SAME = 0, X_HALF, X_OPPOSITE, X_VOTES, X_N };

typedef struct roll_call {
    allynet__date date;
    bool in_range;
    unsigned char *votes; /* by state slot, V_* */
    size_t n_votes;
} roll_call;

typedef struct unvotes {
    roll_call *rc;
    size_t n_rc, cap_rc;
    allynet__dyadmap by_rcid;
} unvotes;

static void finish_vote_tie(allynet__ctx *c, allynet_graph *g, size_t t, const double *x) {
    double n = x[X_VOTES], agree = (x[X_SAME] + 0.5 * x[X_HALF]) / n;
    json_t *a = json_pack("{s:f,s:f,s:I,s:I,s:I,s:I}", "agreement", agree, "s_score", 2 * agree - 1,
                          "votes", (json_int_t)n, "same", (json_int_t)x[X_SAME], "one_abstained",
                          (json_int_t)x[X_HALF], "opposite", (json_int_t)x[X_OPPOSITE]);
    allynet__tie_take_attrs(g, t, a);
    allynet_tie *tie = allynet_graph_tie_mut(g, t);
    bool ok = true; /* out of memory leaves the relation unset */
    if (tie->relation == NULL) {
        tie->relation = allynet__graph_intern(g, "un_vote_agreement", &ok);
    }
}

/* ---------------------------------------------------------------- roll calls */

static allynet_status add_roll_call(unvotes *u, long rcid, allynet__date d, bool in_range,
                                    bool *dup, allynet_error *err) {
    size_t i;
    *dup = allynet__dyadmap_get(&u->by_rcid, (uint64_t)rcid, &i);
    if (*dup) {
        return ALLYNET_OK;
    }
    if (u->n_rc == u->cap_rc) {
        size_t cap = u->cap_rc ? u->cap_rc * 2 : 1024;
        roll_call *p = realloc(u->rc, cap * sizeof *p);
        if (p == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        u->rc = p;
        u->cap_rc = cap;
    }
    if (!allynet__dyadmap_put(&u->by_rcid, (uint64_t)rcid, u->n_rc)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    u->rc[u->n_rc++] = (roll_call){.date = d, .in_range = in_range};
    return ALLYNET_OK;
}

static void roll_call_row(allynet__ctx *c, unvotes *u, const allynet__reader *r, long crcid,
                          long cdate, size_t width, allynet_status *st, allynet_error *err) {
    long rcid;
    allynet__date d;
    bool dup;
    if (!allynet__row_width(c, r, width, "", st, err)) {
        return;
    }
    if (!allynet__parse_long(r->fields[crcid], &rcid) || rcid < 0) {
        *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[crcid], err,
                            "rcid is not a number: '%.20s'", r->fields[crcid]);
        return;
    }
    if (!allynet__date_parse(r->fields[cdate], &d)) {
        *st = allynet__skip(c, R_DATE, r->line, (long)r->cols[cdate], err,
                            "the roll call's date is not a date: '%.20s'", r->fields[cdate]);
        return;
    }
    bool in_range = (!c->has_from || allynet__date_days(d) >= allynet__date_days(c->from)) &&
                    (!c->has_to || allynet__date_days(d) <= allynet__date_days(c->to));
    if ((*st = add_roll_call(u, rcid, d, in_range, &dup, err)) != ALLYNET_OK) {
        return;
    }
    if (dup) {
        *st = allynet__skip(c, R_DUPLICATE, r->line, 0, err, "roll call %ld listed twice", rcid);
        return;
    }
    c->rows_used++;
}

/* ---------------------------------------------------------------- votes */

static int vote_code(const char *s) {
    if (strcasecmp(s, "yes") == 0 || strcmp(s, "1") == 0) {
        return V_YES;
    }
    if (strcasecmp(s, "abstain") == 0 || strcmp(s, "2") == 0) {
        return V_ABSTAIN;
    }
    if (strcasecmp(s, "no") == 0 || strcmp(s, "3") == 0) {
        return V_NO;
    }
    return -1;
}

static allynet_status set_vote(roll_call *rc, size_t slot, int v, bool *dup, allynet_error *err) {
    if (slot >= rc->n_votes) {
        size_t n = slot < 255 ? 256 : slot * 2;
        unsigned char *p = realloc(rc->votes, n);
        if (p == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        memset(p + rc->n_votes, 0, n - rc->n_votes);
        rc->votes = p;
        rc->n_votes = n;
    }
    *dup = rc->votes[slot] != V_ABSENT;
    if (!*dup) {
        rc->votes[slot] = (unsigned char)v;
    }
    return ALLYNET_OK;
}

typedef struct vote_layout {
    long rcid, code, vote;
    size_t width;
} vote_layout;

static void vote_row(allynet__ctx *c, unvotes *u, const allynet__reader *r, const vote_layout *l,
                     allynet_status *st, allynet_error *err) {
    long rcid;
    size_t i, slot;
    bool drop = false, dup = false;
    if (!allynet__row_width(c, r, l->width, "", st, err)) {
        return;
    }
    int v = vote_code(r->fields[l->vote]);
    if (!allynet__parse_long(r->fields[l->rcid], &rcid) || v < 0) {
        long col = v < 0 ? l->vote : l->rcid;
        *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[col], err,
                            v < 0 ? "vote must be yes, no or abstain, not '%.20s'"
                                  : "rcid is not a number: '%.20s'",
                            r->fields[col]);
        return;
    }
    if (!allynet__dyadmap_get(&u->by_rcid, (uint64_t)rcid, &i)) {
        *st = allynet__skip(c, R_NO_ROLL_CALL, r->line, (long)r->cols[l->rcid], err,
                            "roll call %ld is not in the roll-call file", rcid);
        return;
    }
    if (!u->rc[i].in_range) {
        allynet__skip(c, R_OUTSIDE_RANGE, r->line, 0, NULL, "outside --from/--to");
        return;
    }
    const char *code = r->fields[l->code];
    if (code[0] == '\0') {
        *st = allynet__skip(c, R_MISSING_ACTOR, r->line, 0, err, "no country code");
        return;
    }
    *st = allynet__code_slot(c, code, allynet_dict_lookup, code, r->line, (long)r->cols[l->code],
                             &slot, &drop, err);
    if (*st != ALLYNET_OK || drop || (*st = set_vote(&u->rc[i], slot, v, &dup, err)) != 0) {
        return;
    }
    if (dup) {
        *st = allynet__skip(c, R_DUPLICATE, r->line, 0, err, "a second vote of %s in roll call %ld",
                            code, rcid);
        return;
    }
    c->rows_used++;
}

/* ---------------------------------------------------------------- reading */

typedef enum { T_ROLL_CALLS, T_VOTES } table_kind;

/* Reads one file: roll calls (when `kind` is T_ROLL_CALLS and the header has a date) or votes. */
static allynet_status read_table(allynet__ctx *c, unvotes *u, const char *path, table_kind kind,
                                 allynet_error *err) {
    allynet__reader r;
    allynet_status st = allynet__open_header(c, &r, path, ',', err);
    vote_layout l = {-1, -1, -1, 0};
    long cdate = -1;
    bool got = true;
    if (st == ALLYNET_OK) {
        l = (vote_layout){allynet__column(&r, "rcid", false),
                          allynet__column(&r, "country_code", false),
                          allynet__column(&r, "vote", false), r.nfields};
        cdate = allynet__column(&r, "date", false);
        bool is_votes = l.rcid >= 0 && l.code >= 0 && l.vote >= 0;
        bool is_rc = l.rcid >= 0 && cdate >= 0 && !is_votes;
        if (!is_votes && !is_rc) {
            st = allynet_error_set(err, ALLYNET_E_INPUT, path, 1, 1,
                                   "neither a votes table (rcid,country_code,vote) nor a "
                                   "roll-call table (rcid,date)");
        } else if (is_votes != (kind == T_VOTES)) {
            goto out; /* the other pass reads it */
        }
    }
    while (st == ALLYNET_OK && (st = allynet__reader_next(&r, &got, err)) == ALLYNET_OK && got) {
        c->rows_read++;
        if (kind == T_VOTES) {
            vote_row(c, u, &r, &l, &st, err);
        } else {
            roll_call_row(c, u, &r, l.rcid, cdate, l.width, &st, err);
        }
        allynet__progress(c, &r, false);
    }
    c->bytes += r.bytes;
out:
    allynet__reader_close(&r);
    return st;
}

/* ---------------------------------------------------------------- pairs */

static int cmp_by_period(const void *x, const void *y, void *ctx) {
    const roll_call *rc = ctx;
    const size_t *a = x, *b = y;
    long d = allynet__date_days(rc[*a].date) - allynet__date_days(rc[*b].date);
    return d < 0 ? -1 : d > 0 ? 1 : (*a > *b) - (*a < *b);
}

static void pair_counts(const unvotes *u, const size_t *rcs, size_t n, size_t s, size_t t,
                        double *x) {
    memset(x, 0, X_N * sizeof *x);
    for (size_t k = 0; k < n; k++) {
        const roll_call *rc = &u->rc[rcs[k]];
        if (s >= rc->n_votes || t >= rc->n_votes) {
            continue;
        }
        int a = rc->votes[s], b = rc->votes[t];
        if (a == V_ABSENT || b == V_ABSENT) {
            continue;
        }
        x[X_VOTES]++;
        x[a == b ? X_SAME : (a == V_ABSTAIN || b == V_ABSTAIN) ? X_HALF : X_OPPOSITE]++;
    }
}

/* Adds the ties of one period: the roll calls rcs[0..n). */
static allynet_status period_ties(allynet__ctx *c, const unvotes *u, const size_t *rcs, size_t n,
                                  allynet_error *err) {
    size_t b, ns = c->agg.n_actors;
    allynet_status st = allynet__bucket_for(c, u->rc[rcs[0]].date, &b, err);
    for (size_t s = 0; s < ns && st == ALLYNET_OK; s++) {
        for (size_t t = s + 1; t < ns && st == ALLYNET_OK; t++) {
            double x[X_N];
            pair_counts(u, rcs, n, s, t, x);
            if (x[X_VOTES] >= c->o->min_votes && x[X_VOTES] > 0) {
                double agree = (x[X_SAME] + 0.5 * x[X_HALF]) / x[X_VOTES];
                st = allynet__agg_add(&c->agg, b, s, t, 2 * agree - 1, (long)x[X_VOTES], x, err);
            }
        }
    }
    return st;
}

static allynet_status build_ties(allynet__ctx *c, const unvotes *u, allynet_error *err) {
    size_t *order = malloc((u->n_rc ? u->n_rc : 1) * sizeof *order), n = 0;
    if (order == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < u->n_rc; i++) {
        if (u->rc[i].in_range && u->rc[i].n_votes > 0) {
            order[n++] = i;
        }
    }
    qsort_r(order, n, sizeof *order, cmp_by_period, u->rc);
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0, j; i < n && st == ALLYNET_OK; i = j) {
        allynet__period p, q;
        allynet__period_of(u->rc[order[i]].date, c->o->period, c->o->window, c->o->origin, &p);
        for (j = i + 1; j < n; j++) {
            allynet__period_of(u->rc[order[j]].date, c->o->period, c->o->window, c->o->origin, &q);
            if (strcmp(p.key, q.key) != 0) {
                break;
            }
        }
        st = period_ties(c, u, order + i, j - i, err);
    }
    free(order);
    return st;
}

allynet_status allynet__events_unvotes(allynet__ctx *c, const char *const *files, size_t n,
                                       allynet_error *err) {
    unvotes u = {0};
    allynet__dyadmap_init(&u.by_rcid);
    c->code_attr = "iso2";
    c->agg.directed = false;
    c->agg.nextra = X_N;
    c->finish = finish_vote_tie;
    c->title = "UN General Assembly vote agreement";
    c->weighting = "S-score (Signorino-Ritter; yes 1, abstain 0.5, no 0): S = 1 - 2 x mean|a-b| "
                   "= 2 x agreement - 1, in [-1, 1]; events = common roll calls";
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(files[i], "-") == 0) {
            return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                     "--format unvotes reads its files twice: '-' cannot be one");
        }
    }
    for (int pass = 0; pass < 2 && st == ALLYNET_OK; pass++) {
        for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
            st = read_table(c, &u, files[i], pass == 0 ? T_ROLL_CALLS : T_VOTES, err);
        }
    }
    if (st == ALLYNET_OK && u.n_rc == 0) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, files[0], 0, 0,
                               "no roll calls: pass the roll-call table (rcid,...,date) with "
                               "the votes");
    }
    if (st == ALLYNET_OK) {
        st = build_ties(c, &u, err);
    }
    for (size_t i = 0; i < u.n_rc; i++) {
        free(u.rc[i].votes);
    }
    free(u.rc);
    allynet__dyadmap_destroy(&u.by_rcid);
    return st;
}
