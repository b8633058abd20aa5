/* fuzz_write_dot.c — libFuzzer target for the DOT writer: a snapshot with arbitrary ids, names,
 * kinds, relations and graph name (fuzzgraph.h) is written as DOT, then read by Graphviz's own
 * parser (cgraph) and by allynet's DOT loader. Both must find every actor once under its id (as
 * the writer's encoding, io/dotname.c, promises) and every tie with its sign, weight and
 * relation; the graph keeps its name and date. */
#include "fuzzgraph.h"

#include "io/io_int.h"

#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An attribute of obj as the writer encoded it, decoded; fails when it differs from want.
 * cgraph gives an attribute never set as "", so an empty value and none are the same in DOT
 * (an actor named "" reads back without a name). */
static void expect_attr(void *obj, const char *key, const char *want) {
    char *raw = agget(obj, (char *)key);
    char *got = raw && *raw ? allynet__dot_unname(raw) : NULL;
    want = want && *want ? want : NULL;
    bool same = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
    if (!same) {
        fprintf(stderr, "%s: wrote \"%s\", read \"%s\"\n", key, want ? want : "(none)",
                got ? got : "(none)");
        fuzz_fail("an attribute changed through cgraph", key);
    }
    free(got);
}

/* The actor a cgraph node stands for; fails when its name decodes to no actor. */
static size_t actor_of(const allynet_graph *g, Agnode_t *n) {
    char *id = allynet__dot_unname(agnameof(n));
    long v = id ? allynet_graph_find_actor(g, id) : -1;
    if (v < 0) {
        fuzz_fail("a node name does not decode to an actor id", agnameof(n));
    }
    free(id);
    return (size_t)v;
}

static void check_nodes(const allynet_graph *g, Agraph_t *dg) {
    size_t n = allynet_graph_actor_count(g);
    bool seen[FUZZ_MAX_ACTORS] = {false};
    if ((size_t)agnnodes(dg) != n) {
        fuzz_fail("cgraph counts another number of nodes than actors written", NULL);
    }
    for (Agnode_t *v = agfstnode(dg); v; v = agnxtnode(dg, v)) {
        size_t a = actor_of(g, v);
        if (seen[a]) {
            fuzz_fail("two nodes decode to one actor", agnameof(v));
        }
        seen[a] = true;
        expect_attr(v, "name", allynet_graph_actor(g, a)->name);
        expect_attr(v, "kind", allynet_graph_actor(g, a)->kind);
    }
}

static void check_edge(const allynet_graph *g, Agedge_t *e) {
    size_t s = actor_of(g, agtail(e)), t = actor_of(g, aghead(e));
    long k = allynet_graph_find_tie(g, s, t);
    if (k < 0) {
        fuzz_fail("an edge that is no tie", agnameof(agtail(e)));
    }
    const allynet_tie *tie = allynet_graph_tie(g, (size_t)k);
    char num[40];
    snprintf(num, sizeof num, "%.12g", fabs(tie->weight));
    expect_attr(e, "weight", num);
    expect_attr(e, "sign", tie->weight > 0 ? "1" : tie->weight < 0 ? "-1" : "0");
    expect_attr(e, "relation", tie->relation);
}

/* Graphviz's own reading of the text. */
static void check_cgraph(const allynet_graph *g, const char *text) {
    allynet__gv_quiet();
    Agraph_t *dg = agmemread(text);
    if (dg == NULL || agerrors() > 0) {
        fuzz_fail("cgraph cannot read the DOT written", aglasterr());
    }
    if ((agisdirected(dg) != 0) != allynet_graph_directed(g)) {
        fuzz_fail("the direction changed", NULL);
    }
    check_nodes(g, dg);
    if ((size_t)agnedges(dg) != allynet_graph_tie_count(g)) {
        fuzz_fail("cgraph counts another number of edges than ties written", NULL);
    }
    for (Agnode_t *v = agfstnode(dg); v; v = agnxtnode(dg, v)) {
        for (Agedge_t *e = agfstout(dg, v); e; e = agnxtout(dg, e)) {
            check_edge(g, e);
        }
    }
    const char *name = allynet_graph_name(g);
    char *gname = allynet__dot_unname(agnameof(dg));
    if (gname == NULL || strcmp(gname, name ? name : "allynet") != 0) {
        fuzz_fail("the graph's name changed", agnameof(dg));
    }
    free(gname);
    expect_attr(dg, "date", allynet_graph_date(g));
    agclose(dg);
}

/* Equal strings, "" and NULL alike (see expect_attr). */
static bool same_str(const char *a, const char *b) {
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* allynet's DOT loader on the text: the same snapshot (both sorted). */
static void check_loader(const allynet_graph *g, const char *text, size_t len) {
    allynet_graph *back = NULL;
    allynet_error err = {0};
    if (allynet_dot_parse(text, len, "written", &back, &err) != ALLYNET_OK ||
        allynet_graph_sort(back, NULL) != ALLYNET_OK) {
        fuzz_fail("allynet cannot read the DOT it wrote", err.text);
    }
    if (allynet_graph_actor_count(back) != allynet_graph_actor_count(g) ||
        allynet_graph_tie_count(back) != allynet_graph_tie_count(g)) {
        fuzz_fail("the loader finds other counts", NULL);
    }
    for (size_t i = 0; i < allynet_graph_actor_count(g); i++) {
        const allynet_actor *a = allynet_graph_actor(g, i), *b = allynet_graph_actor(back, i);
        if (!same_str(a->id, b->id) || !same_str(a->name, b->name) || !same_str(a->kind, b->kind)) {
            fuzz_fail("an actor changed through the loader", a->id);
        }
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *a = allynet_graph_tie(g, i), *b = allynet_graph_tie(back, i);
        if (a->source != b->source || a->target != b->target || a->weight != b->weight ||
            !same_str(a->relation, b->relation)) {
            fuzz_fail("a tie changed through the loader", allynet_graph_actor(g, a->source)->id);
        }
    }
    if (!same_str(allynet_graph_date(g), allynet_graph_date(back))) {
        fuzz_fail("the date changed through the loader", allynet_graph_date(g));
    }
    allynet_graph_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_series s;
    if (!fuzz_series_build(data, size, false, &s)) {
        return 0;
    }
    for (size_t j = 0; j < s.n; j++) {
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (f == NULL) {
            abort();
        }
        allynet_error err = {0};
        allynet_status st = allynet_dot_write(s.g[j], f, &err);
        fclose(f);
        if (st != ALLYNET_OK) {
            fuzz_fail("the DOT writer refused a snapshot", err.text);
        }
        check_cgraph(s.g[j], text);
        check_loader(s.g[j], text, len);
        free(text);
    }
    fuzz_series_free(&s);
    return 0;
}
