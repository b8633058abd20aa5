/* graphviz.c — DOT read and write through cgraph, and Graphviz's global error setup, which
 * render/graphviz_draw.c (layout and drawing through gvc) shares. (Graphviz 2.4x takes `char *`
 * and keeps global error state; the two files are the only ones that include it.) */
#include "io_int.h"

#include <graphviz/cgraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static char gv_message[512];

/* Graphviz reports errors through a global callback; keep the first line of the last one. */
static int gv_error_sink(char *msg) {
    if (gv_message[0] == '\0') {
        snprintf(gv_message, sizeof gv_message, "%s", msg);
        char *nl = strchr(gv_message, '\n');
        if (nl) {
            *nl = '\0';
        }
    }
    return 0;
}

void allynet__gv_quiet(void) {
    gv_message[0] = '\0';
    agseterr(AGMAX);
    agseterrf(gv_error_sink);
    agreseterrors();
}

/* An attribute's value, decoded (dotname.c), in one of a few rotating buffers; NULL when unset
 * or empty (or out of memory, which the caller's next allocation reports). */
static const char *attr(void *obj, const char *name) {
    static char *ring[4];
    static unsigned next;
    char *v = agget(obj, (char *)name);
    if (v == NULL || *v == '\0') {
        return NULL;
    }
    unsigned k = next++ % 4;
    free(ring[k]);
    ring[k] = allynet__dot_unname(v);
    return ring[k];
}

static bool parse_number(const char *s, double *out) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !isfinite(v)) {
        return false;
    }
    *out = v;
    return true;
}

static allynet_status dot_nodes(Agraph_t *dg, allynet_graph *g, const char *src,
                                allynet_error *err) {
    for (Agnode_t *n = agfstnode(dg); n; n = agnxtnode(dg, n)) {
        if (agnameof(n)[0] == '%') {
            return allynet_error_set(err, ALLYNET_E_INPUT, src, 0, 0,
                                     "a node name starts with '%%', which Graphviz reads as its "
                                     "own number (it became \"%s\"); write it \"\\%%...\"",
                                     agnameof(n));
        }
        /* A label written \N is Graphviz's "the node's name", not a name; it is told apart
         * before decoding, since an actor named \N is written \\N. */
        const char *key = "name", *raw = agget(n, "name");
        if (raw == NULL || *raw == '\0') {
            key = "label";
            raw = agget(n, "label");
        }
        const char *name = raw && strcmp(raw, "\\N") != 0 ? attr(n, key) : NULL;
        allynet_error e = {0};
        char *id = allynet__dot_unname(agnameof(n));
        allynet_status st =
            id ? allynet_graph_add_actor(g, id, name, attr(n, "kind"), NULL, &e)
               : allynet_error_set(&e, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        free(id);
        if (st != ALLYNET_OK) {
            return allynet_error_set(err, e.code, src, 0, 0, "node \"%s\": %s", agnameof(n),
                                     e.text);
        }
    }
    return ALLYNET_OK;
}

static allynet_status dot_edge(Agedge_t *e, allynet_graph *g, const char *src, allynet_error *err) {
    const char *s = agnameof(agtail(e)), *t = agnameof(aghead(e));
    double w = 1.0, sign = 1.0;
    const char *ws = attr(e, "weight"), *ss = attr(e, "sign"), *es = attr(e, "events");
    if ((ws && !parse_number(ws, &w)) || (ss && !parse_number(ss, &sign))) {
        return allynet_error_set(err, ALLYNET_E_INPUT, src, 0, 0,
                                 "edge %s -> %s: weight and sign must be finite numbers", s, t);
    }
    if (ss) {
        w = sign < 0 ? -fabs(w) : sign > 0 ? fabs(w) : 0.0;
    }
    double ev = 1;
    /* 2^62: a count a long holds, with room for sums (ALLYNET_MAX_EVENTS). */
    if (es && (!parse_number(es, &ev) || ev < 1 || ev != floor(ev) || ev > ALLYNET_MAX_EVENTS)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, src, 0, 0,
                                 "edge %s -> %s: events must be a whole number from 1 to 2^62", s,
                                 t);
    }
    char *sid = allynet__dot_unname(s), *tid = allynet__dot_unname(t);
    long fa = sid ? allynet_graph_find_actor(g, sid) : -1,
         fb = tid ? allynet_graph_find_actor(g, tid) : -1;
    free(sid);
    free(tid);
    if (fa < 0 || fb < 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, src, 0, 0, "out of memory");
    }
    size_t a = (size_t)fa, b = (size_t)fb;
    allynet_error e2 = {0};
    if (allynet_graph_add_tie(g, a, b, w, attr(e, "relation"), (long)ev, NULL, NULL, &e2) !=
        ALLYNET_OK) {
        return allynet_error_set(err, e2.code, src, 0, 0, "%s", e2.text);
    }
    return ALLYNET_OK;
}

/* Graphviz's queued error (under agseterr(AGMAX) the callback may not see it), when the callback
 * kept none. */
static void take_last_error(void) {
    char *msg = gv_message[0] ? NULL : aglasterr();
    if (msg != NULL) {
        gv_error_sink(msg);
    }
    free(msg);
}

/* A DOT syntax error as cgraph words it ("syntax error in line 3 near 'x'"): its line. */
static int error_line(const char *msg) {
    const char *p = strstr(msg, "line ");
    return p ? atoi(p + 5) : 0;
}

/* The graph's own name and date, when it has them. */
static void dot_meta(Agraph_t *dg, allynet_graph *g) {
    const char *date = attr(dg, "date"), *name = attr(dg, "name");
    if (date) {
        json_object_set_new(allynet_graph_meta(g), "date", json_string(date));
    }
    char *gname = name ? strdup(name) : allynet__dot_unname(agnameof(dg));
    if (gname && *gname && agnameof(dg)[0] != '%') {
        json_object_set_new(allynet_graph_meta(g), "name", json_string(gname));
    }
    free(gname);
}

/* Reads the one graph of a DOT text: a syntax error names its line; a second graph is an error
 * (allynet reads one snapshot per file), not silently dropped. */
static allynet_status dot_read(const char *buf, size_t len, const char *source, Agraph_t **out,
                               allynet_error *err) {
    *out = NULL;
    FILE *f = fmemopen((void *)buf, len, "r");
    if (f == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    allynet__gv_quiet();
    Agraph_t *dg = agread(f, NULL), *second = NULL;
    take_last_error();
    allynet_status st = ALLYNET_OK;
    if (dg == NULL || agerrors() > 0) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, error_line(gv_message), 0,
                               "malformed DOT: %s",
                               gv_message[0] ? gv_message : "no graph found (an empty file?)");
    } else if ((second = agread(f, NULL)) != NULL || (take_last_error(), agerrors() > 0)) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, error_line(gv_message), 0,
                               second ? "a second graph after the first: allynet reads one graph "
                                        "per DOT file%s"
                                      : "after the graph: %s",
                               second ? "" : gv_message);
    }
    if (second) {
        agclose(second);
    }
    fclose(f);
    if (st != ALLYNET_OK && dg) {
        agclose(dg);
        dg = NULL;
    }
    *out = dg;
    return st;
}

allynet_status allynet_dot_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err) {
    *out = NULL;
    source = source ? source : "<buffer>";
    if (memchr(buf, '\0', len) != NULL || !allynet__utf8_valid(buf, len)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, 0, 0,
                                 "the DOT file is not valid UTF-8 text");
    }
    Agraph_t *dg = NULL;
    allynet_status st = dot_read(buf, len, source, &dg, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    allynet_graph *g = allynet_graph_new(agisdirected(dg));
    st = g ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    if (st == ALLYNET_OK) {
        st = dot_nodes(dg, g, source, err);
    }
    for (Agnode_t *n = agfstnode(dg); n && st == ALLYNET_OK; n = agnxtnode(dg, n)) {
        for (Agedge_t *e = agfstout(dg, n); e && st == ALLYNET_OK; e = agnxtout(dg, e)) {
            st = dot_edge(e, g, source, err);
        }
    }
    if (st == ALLYNET_OK) {
        dot_meta(dg, g);
    }
    agclose(dg);
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        return st;
    }
    *out = g;
    return ALLYNET_OK;
}

/* Sets an attribute to a value from the graph, encoded (dotname.c); false when out of memory. */
static bool set(void *obj, const char *k, const char *v) {
    char *enc = allynet__dot_name(v);
    if (enc) {
        agsafeset(obj, (char *)k, enc, "");
    }
    free(enc);
    return enc != NULL;
}

/* The nodes of the actors, named by their encoded ids; false when out of memory. */
static bool write_nodes(const allynet_graph *g, Agraph_t *dg, Agnode_t **nodes) {
    bool ok = true;
    for (size_t i = 0; ok && i < allynet_graph_actor_count(g); i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        char *id = allynet__dot_name(a->id);
        nodes[i] = id ? agnode(dg, id, 1) : NULL;
        free(id);
        ok = nodes[i] != NULL && (a->name == NULL || set(nodes[i], "name", a->name)) &&
             (a->kind == NULL || set(nodes[i], "kind", a->kind));
    }
    return ok;
}

allynet_status allynet_dot_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    allynet__gv_quiet();
    const char *name = allynet_graph_name(g);
    char *gname = allynet__dot_name(name ? name : "allynet");
    Agraph_t *dg =
        gname ? agopen(gname, allynet_graph_directed(g) ? Agdirected : Agundirected, NULL) : NULL;
    free(gname);
    if (dg == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    bool ok = allynet_graph_date(g) == NULL || set(dg, "date", allynet_graph_date(g));
    Agnode_t **nodes = calloc(allynet_graph_actor_count(g) + 1, sizeof *nodes);
    ok = ok && nodes && write_nodes(g, dg, nodes);
    char num[40];
    for (size_t i = 0; ok && i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        Agedge_t *e = agedge(dg, nodes[t->source], nodes[t->target], NULL, 1);
        /* Graphviz's weight must not be negative: the sign is its own attribute. */
        snprintf(num, sizeof num, "%.12g", fabs(t->weight));
        ok = e && set(e, "weight", num) &&
             set(e, "sign",
                 t->weight > 0   ? "1"
                 : t->weight < 0 ? "-1"
                                 : "0") &&
             (t->relation == NULL || set(e, "relation", t->relation));
        snprintf(num, sizeof num, "%ld", t->events);
        ok = ok && set(e, "events", num);
    }
    int rc = ok ? agwrite(dg, f) : -1;
    free(nodes);
    agclose(dg);
    if (!ok) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (rc != 0 || ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}
