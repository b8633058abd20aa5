/* events_cow.c — alliance tables into undirected snapshots: COW and ATOP dyad-year tables (COW
 * state codes) and the Doreian-Mrvar signed windows (COW abbreviations, one snapshot per window).
 *
 * Alliance weights, by the obligation a type carries: defence 3, offence 3 (ATOP), neutrality 2,
 * non-aggression 2, entente 1 (COW), consultation 1 (ATOP). A tie's weight is the MAXIMUM over
 * the types in force (the types nest: a defence pact usually also commits to consult and not to
 * attack, so a sum would count one treaty several times); its relation names that type; and
 * its attributes count, per type, the years in force inside the period. */
#include "events_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct type_def {
    const char *column, *name;
    double weight;
} type_def;

static const type_def cow_types[] = {{"cow_defense", "defense", 3},
                                     {"cow_neutral", "neutrality", 2},
                                     {"cow_nonagg", "nonaggression", 2},
                                     {"cow_entente", "entente", 1}};
static const type_def atop_types[] = {{"atop_defense", "defense", 3},
                                      {"atop_offense", "offense", 3},
                                      {"atop_neutral", "neutrality", 2},
                                      {"atop_nonagg", "nonaggression", 2},
                                      {"atop_consul", "consultation", 1}};
enum { MAX_TYPES = 5 };

typedef struct layout {
    long c1, c2, year, type[MAX_TYPES];
    const type_def *types;
    size_t ntypes, width;
} layout;

static const type_def *types_of(const allynet__ctx *c, size_t *n) {
    bool atop = c->o->format == ALLYNET_EVENTS_ATOP;
    *n = atop ? 5 : 4;
    return atop ? atop_types : cow_types;
}

static void finish_alliance(allynet__ctx *c, allynet_graph *g, size_t t, const double *x) {
    size_t n;
    const type_def *types = types_of(c, &n);
    json_t *attrs = json_object();
    int best = -1;
    for (size_t k = 0; k < n && x; k++) {
        if (x[k] > 0) {
            json_object_set_new(attrs, types[k].name, json_integer((json_int_t)x[k]));
            best = best < 0 || types[k].weight > types[best].weight ? (int)k : best;
        }
    }
    allynet__tie_take_attrs(g, t, attrs);
    allynet_tie *tie = allynet_graph_tie_mut(g, t);
    bool ok = true; /* out of memory leaves the relation unset */
    if (best >= 0 && tie->relation == NULL) {
        tie->relation = allynet__graph_intern(g, types[best].name, &ok);
    }
}

/* COW state numbers that stand for another actor in some years than the dictionary's one: 255
 * is Prussia before Germany (1871), 325 Sardinia before Italy (1861), 345 Serbia before
 * Yugoslavia (1918) and again after Serbia and Montenegro (2006). Years inclusive. */
static const struct {
    int code, from, to;
    const char *id;
} eras[] = {
    {255, 1, 1870, "PRU"}, {325, 1, 1860, "SAR"}, {345, 1, 1917, "SRB"}, {345, 2006, 9999, "SRB"}};

/* The key of a state number in a year: the number itself, or "345:SRB" when in that year the
 * number stands for the actor after the colon (lookup_cow_text reads both). */
static const char *cow_key(const char *code, long year, char buf[48]) {
    long v;
    for (size_t i = 0; allynet__parse_long(code, &v) && i < sizeof eras / sizeof *eras; i++) {
        if (eras[i].code == v && year >= eras[i].from && year <= eras[i].to) {
            snprintf(buf, 48, "%.20s:%s", code, eras[i].id);
            return buf;
        }
    }
    return code;
}

static const allynet_actor_info *lookup_cow_text(const char *code) {
    long v;
    const char *era = strchr(code, ':');
    if (era) {
        return allynet_dict_lookup(era + 1);
    }
    return allynet__parse_long(code, &v) && v >= 0 && v < 100000 ? allynet_dict_lookup_cow((int)v)
                                                                 : NULL;
}

static allynet_status find_columns(allynet__ctx *c, const allynet__reader *r, layout *l,
                                   allynet_error *err) {
    l->types = types_of(c, &l->ntypes);
    l->c1 = allynet__column(r, "ccode1", false);
    l->c2 = allynet__column(r, "ccode2", false);
    l->year = allynet__column(r, "year", false);
    const char *missing = l->c1 < 0 ? "ccode1" : l->c2 < 0 ? "ccode2" : l->year < 0 ? "year" : NULL;
    for (size_t k = 0; k < l->ntypes; k++) {
        l->type[k] = allynet__column(r, l->types[k].column, false);
        missing = missing ? missing : l->type[k] < 0 ? l->types[k].column : NULL;
    }
    l->width = r->nfields;
    if (missing) {
        return allynet_error_set(err, ALLYNET_E_INPUT, r->path, (int)r->line, 1,
                                 "no column '%s' in the header (is this a %s table?)", missing,
                                 c->o->format == ALLYNET_EVENTS_ATOP ? "ATOP" : "COW");
    }
    return ALLYNET_OK;
}

/* Reads the year and the flags; false (after counting) when malformed or no type is set. */
static bool alliance_fields(allynet__ctx *c, const allynet__reader *r, const layout *l,
                            allynet__date *d, double *x, double *w, allynet_status *st,
                            allynet_error *err) {
    char **f = r->fields;
    long year, v;
    if (!allynet__parse_long(f[l->year], &year) || year < 1 || year > 9999) {
        *st = allynet__skip(c, R_DATE, r->line, (long)r->cols[l->year], err,
                            "year is not a year: '%.20s'", f[l->year]);
        return false;
    }
    *d = (allynet__date){(int)year, 1, 1};
    *w = 0;
    for (size_t k = 0; k < l->ntypes; k++) {
        const char *s = f[l->type[k]];
        if (!allynet__parse_long(s, &v) || (v != 0 && v != 1)) {
            *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[l->type[k]], err,
                                "%s must be 0 or 1, not '%.20s'", l->types[k].column, s);
            return false;
        }
        x[k] = (double)v;
        *w = v && l->types[k].weight > *w ? l->types[k].weight : *w;
    }
    if (*w == 0) {
        *st = allynet__skip(c, R_NO_TYPE, r->line, 0, err, "no alliance type is set");
        return false;
    }
    return allynet__in_range(c, *d, r->line);
}

/* The actor slots of a row's two codes; `year` (> 0) reads COW numbers by their era. */
static allynet_status dyad_slots(allynet__ctx *c, const allynet__reader *r, long c1, long c2,
                                 allynet__lookup_fn lookup, long year, size_t *s, size_t *t,
                                 bool *drop, allynet_error *err) {
    char fb1[32], fb2[32], k1[48], k2[48];
    bool numeric = year > 0;
    const char *a = r->fields[c1], *b = r->fields[c2];
    snprintf(fb1, sizeof fb1, numeric ? "COW%s" : "%s", a);
    snprintf(fb2, sizeof fb2, numeric ? "COW%s" : "%s", b);
    bool d1 = false, d2 = false;
    a = numeric ? cow_key(a, year, k1) : a;
    b = numeric ? cow_key(b, year, k2) : b;
    allynet_status st =
        allynet__code_slot(c, a, lookup, fb1, r->line, (long)r->cols[c1], s, &d1, err);
    if (st == ALLYNET_OK) {
        st = allynet__code_slot(c, b, lookup, fb2, r->line, (long)r->cols[c2], t, &d2, err);
    }
    *drop = d1 || d2;
    return st;
}

static void alliance_row(allynet__ctx *c, const allynet__reader *r, const layout *l,
                         allynet_status *st, allynet_error *err) {
    double x[MAX_TYPES], w;
    allynet__date d;
    long c1, c2;
    size_t s, t, b;
    bool drop;
    if (!allynet__row_width(c, r, l->width, "", st, err) ||
        !alliance_fields(c, r, l, &d, x, &w, st, err)) {
        return;
    }
    for (int k = 0; k < 2; k++) {
        long col = k ? l->c2 : l->c1;
        if (!allynet__parse_long(r->fields[col], k ? &c2 : &c1) || (k ? c2 : c1) < 0) {
            *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[col], err,
                                "a COW state code must be a number, not '%.20s'", r->fields[col]);
            return;
        }
    }
    *st = dyad_slots(c, r, l->c1, l->c2, lookup_cow_text, d.y, &s, &t, &drop, err);
    if (*st != ALLYNET_OK || drop) {
        return;
    }
    if (s == t) {
        *st = allynet__skip(c, R_SELF_TIE, r->line, 0, err, "a state allied with itself");
        return;
    }
    if ((*st = allynet__bucket_for(c, d, &b, err)) == ALLYNET_OK &&
        (*st = allynet__agg_add(&c->agg, b, s, t, w, 1, x, err)) == ALLYNET_OK) {
        c->rows_used++;
    }
}

allynet_status allynet__events_cow(allynet__ctx *c, const char *const *files, size_t n,
                                   allynet_error *err) {
    bool atop = c->o->format == ALLYNET_EVENTS_ATOP;
    c->agg.directed = false;
    c->agg.max_weight = true;
    c->code_attr = "cow_code";
    c->code_numeric = true;
    c->agg.nextra = atop ? 5 : 4;
    c->finish = finish_alliance;
    c->title = atop ? "ATOP alliances" : "COW alliances";
    c->weighting = atop ? "max over the alliance types in force: defense 3, offense 3, neutrality "
                          "2, nonaggression 2, consultation 1; events = dyad-years"
                        : "max over the alliance types in force: defense 3, neutrality 2, "
                          "nonaggression 2, entente 1; events = dyad-years";
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        allynet__reader r;
        layout l;
        bool got = true;
        st = allynet__open_header(c, &r, files[i], ',', err);
        if (st == ALLYNET_OK) {
            st = find_columns(c, &r, &l, err);
        }
        while (st == ALLYNET_OK && (st = allynet__reader_next(&r, &got, err)) == ALLYNET_OK &&
               got) {
            c->rows_read++;
            alliance_row(c, &r, &l, &st, err);
            allynet__progress(c, &r, false);
        }
        c->bytes += r.bytes;
        allynet__reader_close(&r);
    }
    return st;
}

/* ---------------------------------------------------------------- Doreian-Mrvar windows
 *
 * The node names of these networks mix naming schemes: mostly ISO 3166 alpha-3 (AUS is
 * Australia, AUT Austria, GBR, FRA), some COW abbreviations (GFR, GDR, UKI for Ukraine). They
 * go through the general dictionary lookup (ids first), and the mapping is kept one-to-one: a
 * second name that would land on an actor already taken keeps its own name as id and is
 * reported, so that no two of the published nodes are ever merged. */

typedef struct signed_layout {
    long start, end, src, tgt, sign;
    size_t width;
} signed_layout;

static bool window_period(allynet__ctx *c, const allynet__reader *r, const signed_layout *l,
                          allynet__period *p, allynet_status *st, allynet_error *err) {
    long y0, y1;
    if (!allynet__parse_long(r->fields[l->start], &y0) ||
        !allynet__parse_long(r->fields[l->end], &y1) || y0 < 1 || y1 > 9999 || y1 < y0) {
        *st = allynet__skip(c, R_DATE, r->line, (long)r->cols[l->start], err,
                            "start_year and end_year must be years with start <= end");
        return false;
    }
    memset(p, 0, sizeof *p);
    p->start = (allynet__date){(int)y0, 1, 1};
    p->end = (allynet__date){(int)y1, 12, 31};
    snprintf(p->key, sizeof p->key, "%04d-%04d", (int)y0 % 10000, (int)y1 % 10000);
    return allynet__in_range(c, p->start, r->line);
}

static void signed_row(allynet__ctx *c, const allynet__reader *r, const signed_layout *l,
                       allynet_status *st, allynet_error *err) {
    allynet__period p;
    long sign;
    size_t s, t, b;
    bool drop;
    if (!allynet__row_width(c, r, l->width, "", st, err) || !window_period(c, r, l, &p, st, err)) {
        return;
    }
    if (!allynet__parse_long(r->fields[l->sign], &sign) || (sign != 1 && sign != -1)) {
        *st = allynet__skip(c, R_NUMBER, r->line, (long)r->cols[l->sign], err,
                            "sign must be 1 or -1, not '%.20s'", r->fields[l->sign]);
        return;
    }
    if (r->fields[l->src][0] == '\0' || r->fields[l->tgt][0] == '\0') {
        *st = allynet__skip(c, R_MISSING_ACTOR, r->line, 0, err, "empty source or target");
        return;
    }
    *st = dyad_slots(c, r, l->src, l->tgt, allynet_dict_lookup, 0, &s, &t, &drop, err);
    if (*st != ALLYNET_OK || drop) {
        return;
    }
    if (s == t) {
        *st = allynet__skip(c, R_SELF_TIE, r->line, 0, err, "a state tied to itself");
        return;
    }
    if ((*st = allynet__agg_bucket(&c->agg, &p, &b, err)) == ALLYNET_OK &&
        (*st = allynet__agg_add(&c->agg, b, s, t, (double)sign, 1, NULL, err)) == ALLYNET_OK) {
        c->rows_used++;
    }
}

static void finish_signed(allynet__ctx *c, allynet_graph *g, size_t t, const double *x) {
    allynet_tie *tie = allynet_graph_tie_mut(g, t);
    bool ok = true; /* out of memory leaves the relation unset */
    if (tie->relation == NULL) {
        tie->relation =
            allynet__graph_intern(g, tie->weight > 0 ? "alliance_or_peace" : "dispute_or_war", &ok);
    }
}

static allynet_status signed_columns(const allynet__reader *r, signed_layout *l,
                                     allynet_error *err) {
    l->start = allynet__column(r, "start_year", false);
    l->end = allynet__column(r, "end_year", false);
    l->src = allynet__column(r, "source", false);
    l->tgt = allynet__column(r, "target", false);
    l->sign = allynet__column(r, "sign", false);
    l->width = r->nfields;
    const char *missing = l->start < 0  ? "start_year"
                          : l->end < 0  ? "end_year"
                          : l->src < 0  ? "source"
                          : l->tgt < 0  ? "target"
                          : l->sign < 0 ? "sign"
                                        : NULL;
    return missing ? allynet_error_set(err, ALLYNET_E_INPUT, r->path, (int)r->line, 1,
                                       "no column '%s' in the header (window,start_year,"
                                       "end_year,source,target,sign)",
                                       missing)
                   : ALLYNET_OK;
}

allynet_status allynet__events_cow_signed(allynet__ctx *c, const char *const *files, size_t n,
                                          allynet_error *err) {
    c->agg.directed = false;
    c->finish = finish_signed;
    c->code_attr = "code";
    c->injective = true;
    c->title = "COW signed network (Doreian-Mrvar)";
    c->weighting = "sign: +1 alliance or peace treaty, -1 war or militarized dispute";
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        allynet__reader r;
        signed_layout l;
        bool got = true;
        st = allynet__open_header(c, &r, files[i], ',', err);
        if (st == ALLYNET_OK) {
            st = signed_columns(&r, &l, err);
        }
        while (st == ALLYNET_OK && (st = allynet__reader_next(&r, &got, err)) == ALLYNET_OK &&
               got) {
            c->rows_read++;
            signed_row(c, &r, &l, &st, err);
            allynet__progress(c, &r, false);
        }
        c->bytes += r.bytes;
        allynet__reader_close(&r);
    }
    return st;
}
