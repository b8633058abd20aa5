/* fuzz_write_gnuplot.c — libFuzzer target for the timeline chart's gnuplot script and data file
 * (series/timeline_plot.c), checked without running gnuplot. Snapshots with arbitrary ids,
 * names and dates (fuzzgraph.h) become a timeline document, and:
 * - the script is the same as for the neutral twin of the input (no byte of an id or a label
 *   reaches it);
 * - the script is plain: every string literal closes on its line and does not name a pipe
 *   ('<' or '|'), and outside them are only the words allynet's charts use, numbers and
 *   punctuation (so no `!` shell line, no `system(`, backquote or `@` macro);
 * - the data file is a table: one header row and one row per snapshot, every row with the
 *   header's number of tab-separated fields, no field that gnuplot would read as quoted or as a
 *   comment, and the header names the chosen actors by their ids. */
#include "fuzzgraph.h"

#include "series/figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const words[] = {
    "set",          "unset",   "terminal",  "svg",       "pngcairo",  "size",  "noenhanced",
    "font",         "output",  "outfile",   "datafile",  "separator", "key",   "outside",
    "right",        "top",     "grid",      "style",     "data",      "lines", "linespoints",
    "lmargin",      "rmargin", "at",        "screen",    "xdata",     "time",  "timefmt",
    "format",       "x",       "multiplot", "layout",    "title",     "plot",  "using",
    "columnheader", "xtic",    "yrange",    "autoscale", "y",         NULL};

static bool known_word(const char *w, size_t n) {
    for (size_t i = 0; words[i]; i++) {
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) {
            return true;
        }
    }
    return false;
}

static bool alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A string literal from p (at its quote) to its closing quote on the same line; returns the
 * byte after it. '' in single quotes and \x in double quotes are escapes, as gnuplot reads them. */
static const char *literal(const char *p) {
    char q = *p++;
    if (*p == '<' || *p == '|') {
        fuzz_fail("a string literal names a pipe", p);
    }
    for (; *p && *p != '\n'; p++) {
        if (q == '"' && *p == '\\' && p[1] && p[1] != '\n') {
            p++;
        } else if (*p == q && q == '\'' && p[1] == '\'') {
            p++;
        } else if (*p == q) {
            return p + 1;
        }
    }
    fuzz_fail("a string literal does not close on its line", NULL);
}

static void check_script(const char *s) {
    bool line_start = true;
    for (const char *p = s; *p;) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == ' ') {
            line_start = line_start || c == '\n';
            p++;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            fuzz_fail("a control byte in the script", NULL);
        }
        if (line_start && c == '!') {
            fuzz_fail("a shell line in the script", p);
        }
        line_start = false;
        if (c == '\'' || c == '"') {
            p = literal(p);
        } else if (alpha((char)c)) {
            const char *w = p;
            while (alpha(*p) || (*p >= '0' && *p <= '9')) {
                p++;
            }
            if (!known_word(w, (size_t)(p - w))) {
                fuzz_fail("a word outside the charts' vocabulary", w);
            }
        } else if (c == '\\') {
            if (p[1] != '\n') {
                fuzz_fail("a backslash that continues no line", p);
            }
            p++;
        } else if ((c >= '0' && c <= '9') || strchr(",:()[]*.-+", c) != NULL) {
            p++;
        } else {
            fuzz_fail("a character outside the charts' script", p);
        }
    }
}

/* A field as the data file carries it: control bytes as spaces, '"' as '\'' ("?" if empty). */
static char *as_field(const char *s) {
    const char *v = s && *s ? s : "?";
    char *out = strdup(v);
    for (char *p = out; p && *p; p++) {
        unsigned char c = (unsigned char)*p;
        *p = c < 0x20 || c == 0x7f ? ' ' : c == '"' ? '\'' : *p;
    }
    return out;
}

enum { MAX_FIELDS = 2 + 9 + FUZZ_MAX_ACTORS };

/* Splits a line at its tabs in place into f; fails unless it has `width` fields that gnuplot
 * reads as plain fields (no control byte, no quote) and it is no comment. */
static void split_row(char *line, size_t width, char **f) {
    size_t n = 0;
    if (line[0] == '#') {
        fuzz_fail("a data row gnuplot reads as a comment", line);
    }
    for (char *p = line; n < MAX_FIELDS; n++) {
        f[n] = p;
        for (; *p && *p != '\t'; p++) {
            if ((unsigned char)*p < 0x20 || *p == '"' || *p == 0x7f) {
                fuzz_fail("a data field gnuplot would not read as one", f[n]);
            }
        }
        if (*p == '\0') {
            n++;
            break;
        }
        *p++ = '\0';
    }
    if (n != width) {
        fuzz_fail("a data row is not as wide as the header", line);
    }
}

/* Fails unless field is `value` as the data file carries it. */
static void expect_field(const char *field, const char *value, const char *what) {
    char *want = as_field(value);
    if (want == NULL || strcmp(field, want) != 0) {
        fuzz_fail(what, value);
    }
    free(want);
}

static void check_data(char *d, const json_t *tl, const allynet_timeline_view *view) {
    const char *metric;
    size_t *idx = NULL, n = 0, rows = 0;
    if (allynet__timeline_pick(tl, view, &metric, &idx, &n, NULL) != ALLYNET_OK) {
        fuzz_fail("the view was not picked twice alike", NULL);
    }
    const json_t *snaps = json_object_get(tl, "snapshots"), *actors = json_object_get(tl, "actors");
    for (char *line = d, *next; *line; line = next, rows++) {
        char *f[MAX_FIELDS];
        if ((next = strchr(line, '\n')) == NULL) {
            fuzz_fail("the data file does not end its last line", NULL);
        }
        *next++ = '\0';
        split_row(line, 2 + 9 + n, f);
        if (rows == 0 && strcmp(f[0], "x") != 0) {
            fuzz_fail("the header row does not start with x", f[0]);
        }
        for (size_t i = 0; rows == 0 && i < n; i++) {
            const json_t *a = json_array_get(actors, idx[i]);
            expect_field(f[11 + i], json_string_value(json_object_get(a, "id")),
                         "an actor's column is not headed by its id");
        }
        if (rows > 0) {
            const json_t *s = json_array_get(snaps, rows - 1);
            expect_field(f[1], json_string_value(json_object_get(s, "label")),
                         "a snapshot's label changed");
        }
    }
    if (rows != json_array_size(snaps) + 1) {
        fuzz_fail("not one data row per snapshot", NULL);
    }
    free(idx);
}

/* The timeline of the series and the chart's script and data for the view. */
static void chart(const fuzz_series *s, const allynet_timeline_view *view, json_t **tl,
                  char **script, char **data) {
    const char *labels[FUZZ_MAX_SNAPS];
    for (size_t j = 0; j < s->n; j++) {
        const char *name = allynet_graph_name(s->g[j]);
        labels[j] = name ? name : "snapshot";
    }
    allynet_error err = {0};
    if (allynet_timeline_run((const allynet_graph *const *)s->g, labels, s->n, 42,
                             ALLYNET_COMM_LEIDEN, tl, &err) != ALLYNET_OK) {
        fuzz_fail("no timeline for a series of snapshots", err.text);
    }
    if (allynet__timeline_plot_text(*tl, view, (s->opts & 16) ? "pngcairo" : "svg", script, data,
                                    &err) != ALLYNET_OK) {
        fuzz_fail("no chart for a timeline", err.text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_series s, twin;
    if (!fuzz_series_build(data, size, false, &s)) {
        return 0;
    }
    allynet_igraph_setup(42); /* allynet's igraph handlers, the generator seeded afresh */
    if (!fuzz_series_build(data, size, true, &twin)) {
        fuzz_fail("the neutral twin of a series is empty", NULL);
    }
    allynet_timeline_view view = {0};
    size_t m = s.opts & 7;
    view.metric = m < ALLYNET__M_COUNT ? allynet__metric_names[m] : NULL;
    view.top = (s.opts >> 3) & 1 ? 2 : 0;
    json_t *tl = NULL, *tl2 = NULL;
    char *script = NULL, *d = NULL, *script2 = NULL, *d2 = NULL;
    chart(&s, &view, &tl, &script, &d);
    chart(&twin, &view, &tl2, &script2, &d2);
    check_script(script);
    if (strcmp(script, script2) != 0) {
        fprintf(stderr, "--- script\n%s--- neutral twin's\n%s", script, script2);
        fuzz_fail("the script depends on the input's strings", NULL);
    }
    check_data(d, tl, &view);
    free(script);
    free(script2);
    free(d);
    free(d2);
    json_decref(tl);
    json_decref(tl2);
    fuzz_series_free(&s);
    fuzz_series_free(&twin);
    return 0;
}
