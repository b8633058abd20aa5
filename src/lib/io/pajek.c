/* pajek.c — Pajek .net written: *Vertices labelled by actor id, then *Arcs (directed graph) or
 * *Edges (undirected) with the signed weight. Labels are always quoted, with '"' and '\' escaped
 * by a backslash (as NetworkX's read_pajek, which splits lines like a POSIX shell, reads them);
 * an id with a line break cannot be carried and is refused. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

static void quoted(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            fputc('\\', f);
        }
        fputc(*s, f);
    }
    fputc('"', f);
}

allynet_status allynet_pajek_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    size_t n = allynet_graph_actor_count(g), m = allynet_graph_tie_count(g);
    for (size_t i = 0; i < n; i++) {
        if (strpbrk(allynet_graph_actor(g, i)->id, "\r\n") != NULL) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "actor %zu's id holds a line break, which Pajek cannot carry",
                                     i + 1);
        }
    }
    const char *name = allynet_graph_name(g);
    if (name != NULL) {
        fputs("*Network ", f);
        for (const char *p = name; *p; p++) {
            fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
        }
        fputc('\n', f);
    }
    fprintf(f, "*Vertices %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%zu ", i + 1);
        quoted(f, allynet_graph_actor(g, i)->id);
        fputc('\n', f);
    }
    fputs(allynet_graph_directed(g) ? "*Arcs\n" : "*Edges\n", f);
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        char w[40];
        allynet__real_format(w, t->weight);
        fprintf(f, "%zu %zu %s\n", t->source + 1, t->target + 1, w);
    }
    return fflush(f) == 0 && !ferror(f)
               ? ALLYNET_OK
               : allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the graph");
}
