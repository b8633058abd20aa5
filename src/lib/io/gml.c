/* gml.c — GML written, in the dialect NetworkX and igraph read: ASCII only, '"' and '&' as
 * &quot; and &amp;, every other character outside printable ASCII as an &#N; reference; nodes
 * numbered from 0 with label = actor id; edges with the tie's fields and attributes as keys
 * (objects and arrays as JSON text; reals always with a decimal point). Attribute names that are
 * not GML keys (a letter, then letters, digits or '_') or that clash with id, label, source and
 * target are left out. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

/* The code point of the UTF-8 sequence at s (valid UTF-8), its length in *len. */
static unsigned long code_point(const unsigned char *s, int *len) {
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    int n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
    unsigned long c = s[0] & (0x7F >> n);
    for (int i = 1; i < n && s[i]; i++) {
        c = (c << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return c;
}

static void gml_string(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int len;
        unsigned long c = code_point(p, &len);
        if (c == '"' || c == '&') {
            fputs(c == '"' ? "&quot;" : "&amp;", f); /* named: igraph reads only these */
        } else if (c >= 0x20 && c < 0x7F) {
            fputc((int)c, f);
        } else {
            fprintf(f, "&#%lu;", c);
        }
        for (int i = 0; i < len && *p; i++) {
            p++;
        }
    }
    fputc('"', f);
}

static bool gml_key(const char *k) {
    static const char *const reserved[] = {"id",    "label", "source", "target",
                                           "graph", "node",  "edge",   NULL};
    if (!((*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z'))) {
        return false;
    }
    for (const char *p = k; *p; p++) {
        if (!(*p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= 'a' && *p <= 'z'))) {
            return false;
        }
    }
    for (int i = 0; reserved[i]; i++) {
        if (strcmp(k, reserved[i]) == 0) {
            return false;
        }
    }
    return true;
}

/* One `key value` line of a column's text. */
static void gml_value(FILE *f, const char *indent, const allynet__column *c, const char *text) {
    fprintf(f, "%s%s ", indent, c->name);
    if (c->type == ALLYNET__COL_LONG) {
        fputs(text, f);
    } else if (c->type == ALLYNET__COL_BOOL) {
        fputs(strcmp(text, "true") == 0 ? "1" : "0", f);
    } else if (c->type == ALLYNET__COL_DOUBLE) {
        const char *e = strpbrk(text, "eE");
        if (strchr(text, '.') || strstr(text, "inf") || strstr(text, "nan")) {
            fputs(text, f);
        } else if (e) {
            fprintf(f, "%.*s.0%s", (int)(e - text), text, e); /* NetworkX needs the point */
        } else {
            fprintf(f, "%s.0", text);
        }
    } else {
        gml_string(f, text);
    }
    fputc('\n', f);
}

static bool write_items(FILE *f, const allynet_graph *g, bool tie, const allynet__columns *c) {
    size_t n = tie ? allynet_graph_tie_count(g) : allynet_graph_actor_count(g);
    for (size_t i = 0; i < n; i++) {
        fputs(tie ? "  edge [\n" : "  node [\n", f);
        if (tie) {
            const allynet_tie *t = allynet_graph_tie(g, i);
            fprintf(f, "    source %zu\n    target %zu\n", t->source, t->target);
        } else {
            fprintf(f, "    id %zu\n    label ", i);
            gml_string(f, allynet_graph_actor(g, i)->id);
            fputc('\n', f);
        }
        for (size_t j = 0; j < c->n; j++) {
            char *text;
            if (!allynet__column_text(g, tie, i, &c->v[j], &text)) {
                return false;
            }
            if (text && gml_key(c->v[j].name)) {
                gml_value(f, "    ", &c->v[j], text);
            }
            free(text);
        }
        fputs("  ]\n", f);
    }
    return true;
}

static bool write_meta(FILE *f, const allynet_graph *g) {
    const json_t *meta = allynet_graph_meta_const(g);
    allynet__columns c;
    bool ok = allynet__columns_of_object(meta, &c, NULL) == ALLYNET_OK;
    for (size_t j = 0; ok && j < c.n; j++) {
        char *text = allynet__value_text(json_object_get(meta, c.v[j].name), c.v[j].type);
        ok = text != NULL;
        if (ok && gml_key(c.v[j].name) && strcmp(c.v[j].name, "directed") != 0) {
            gml_value(f, "  ", &c.v[j], text);
        }
        free(text);
    }
    allynet__columns_destroy(&c);
    return ok;
}

allynet_status allynet_gml_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    allynet__columns nodes = {0}, ties = {0};
    allynet_status st = allynet__columns_of(g, false, &nodes, err);
    if (st == ALLYNET_OK) {
        st = allynet__columns_of(g, true, &ties, err);
    }
    if (st == ALLYNET_OK) {
        fprintf(f, "graph [\n  directed %d\n", allynet_graph_directed(g) ? 1 : 0);
        if (!write_meta(f, g) || !write_items(f, g, false, &nodes) ||
            !write_items(f, g, true, &ties)) {
            st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    if (st == ALLYNET_OK) {
        fputs("]\n", f);
        if (fflush(f) != 0 || ferror(f)) {
            st = allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the graph");
        }
    }
    allynet__columns_destroy(&nodes);
    allynet__columns_destroy(&ties);
    return st;
}
