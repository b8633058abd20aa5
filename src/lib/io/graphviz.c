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

static const char *attr(void *obj, const char *name) {
    char *v = agget(obj, (char *)name);
    return v && *v ? v : NULL;
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
        const char *name = attr(n, "name");
        if (name == NULL) {
            name = attr(n, "label");
        }
        if (name && strcmp(name, "\\N") == 0) {
            name = NULL;
        }
        allynet_error e = {0};
        if (allynet_graph_add_actor(g, agnameof(n), name, attr(n, "kind"), NULL, &e) !=
            ALLYNET_OK) {
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
    if (es && (!parse_number(es, &ev) || ev < 1 || ev != floor(ev))) {
        return allynet_error_set(err, ALLYNET_E_INPUT, src, 0, 0,
                                 "edge %s -> %s: events must be a whole number >= 1", s, t);
    }
    size_t a = (size_t)allynet_graph_find_actor(g, s), b = (size_t)allynet_graph_find_actor(g, t);
    allynet_error e2 = {0};
    if (allynet_graph_add_tie(g, a, b, w, attr(e, "relation"), (long)ev, NULL, NULL, &e2) !=
        ALLYNET_OK) {
        return allynet_error_set(err, e2.code, src, 0, 0, "%s", e2.text);
    }
    return ALLYNET_OK;
}

allynet_status allynet_dot_parse(const char *buf, size_t len, const char *source,
                                 allynet_graph **out, allynet_error *err) {
    *out = NULL;
    source = source ? source : "<buffer>";
    if (memchr(buf, '\0', len) != NULL || !allynet__utf8_valid(buf, len)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, 0, 0,
                                 "the DOT file is not valid UTF-8 text");
    }
    allynet__gv_quiet();
    Agraph_t *dg = agmemread(buf);
    if (dg == NULL || agerrors() > 0) {
        if (dg) {
            agclose(dg);
        }
        return allynet_error_set(err, ALLYNET_E_INPUT, source, 0, 0, "malformed DOT: %s",
                                 gv_message[0] ? gv_message : "no graph found");
    }
    allynet_graph *g = allynet_graph_new(agisdirected(dg));
    allynet_status st =
        g ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    if (st == ALLYNET_OK) {
        st = dot_nodes(dg, g, source, err);
    }
    for (Agnode_t *n = agfstnode(dg); n && st == ALLYNET_OK; n = agnxtnode(dg, n)) {
        for (Agedge_t *e = agfstout(dg, n); e && st == ALLYNET_OK; e = agnxtout(dg, e)) {
            st = dot_edge(e, g, source, err);
        }
    }
    const char *date = attr(dg, "date"), *name = attr(dg, "name");
    if (st == ALLYNET_OK && date) {
        json_object_set_new(allynet_graph_meta(g), "date", json_string(date));
    }
    if (st == ALLYNET_OK) {
        const char *gname = name ? name : agnameof(dg);
        if (gname && *gname && gname[0] != '%') {
            json_object_set_new(allynet_graph_meta(g), "name", json_string(gname));
        }
    }
    agclose(dg);
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        return st;
    }
    *out = g;
    return ALLYNET_OK;
}

static void set(void *obj, const char *k, const char *v) {
    agsafeset(obj, (char *)k, (char *)v, "");
}

allynet_status allynet_dot_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    allynet__gv_quiet();
    const char *name = allynet_graph_name(g);
    Agraph_t *dg = agopen((char *)(name ? name : "allynet"),
                          allynet_graph_directed(g) ? Agdirected : Agundirected, NULL);
    if (dg == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (allynet_graph_date(g)) {
        set(dg, "date", allynet_graph_date(g));
    }
    size_t n = allynet_graph_actor_count(g);
    Agnode_t **nodes = calloc(n + 1, sizeof *nodes);
    for (size_t i = 0; nodes && i < n; i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        nodes[i] = agnode(dg, a->id, 1);
        if (a->name) {
            set(nodes[i], "name", a->name);
        }
        if (a->kind) {
            set(nodes[i], "kind", a->kind);
        }
    }
    char num[40];
    for (size_t i = 0; nodes && i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        Agedge_t *e = agedge(dg, nodes[t->source], nodes[t->target], NULL, 1);
        /* Graphviz's weight must not be negative: the sign is its own attribute. */
        snprintf(num, sizeof num, "%.12g", fabs(t->weight));
        set(e, "weight", num);
        set(e, "sign", t->weight > 0 ? "1" : t->weight < 0 ? "-1" : "0");
        if (t->relation) {
            set(e, "relation", t->relation);
        }
        snprintf(num, sizeof num, "%ld", t->events);
        set(e, "events", num);
    }
    int rc = nodes ? agwrite(dg, f) : -1;
    free(nodes);
    agclose(dg);
    if (rc != 0 || ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write DOT");
    }
    return ALLYNET_OK;
}
