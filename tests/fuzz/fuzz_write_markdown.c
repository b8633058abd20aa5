/* fuzz_write_markdown.c — libFuzzer target for report.md: the report of snapshots with arbitrary
 * ids, names, relations, evidence and dates (fuzzgraph.h) must have the Markdown structure of
 * the report of the input's neutral twin (plain strings in the same roles), line by line: the
 * same kinds of lines (headings and their level, list items, table rows and their cells, ...)
 * and the same Markdown syntax characters outside escapes. And every table holds together: a
 * header, its delimiter row, and rows as wide as the header; the overview has one row per
 * snapshot. A value from input can thus neither end a table cell, start a list or a heading,
 * nor open a link, emphasis or code span. */
#include "fuzzreport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libglib-2.0.so\n";
}

/* The cells of a table row: the '|' outside backslash escapes, less the outer two. */
static size_t cells(const char *line) {
    size_t bars = 0;
    for (const char *p = line; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == '|') {
            bars++;
        }
    }
    return bars - 1;
}

static bool delimiter_row(const char *line) {
    return strspn(line, "|-: ") == strlen(line) && strstr(line, "---") != NULL;
}

/* What a line is, as CommonMark sees its start: blank, heading (with level), table row (with
 * cells), list item, ordered item, block quote, code block, setext underline, or text; then
 * the syntax characters outside escapes. Written to sig (one line). */
static void signature(const char *line, FILE *sig) {
    size_t hashes = strspn(line, "#"), digits = strspn(line, "0123456789");
    if (*line == '\0') {
        fputs("blank", sig);
    } else if (hashes >= 1 && hashes <= 6 && (line[hashes] == ' ' || !line[hashes])) {
        fprintf(sig, "h%zu", hashes);
    } else if (*line == '|') {
        fprintf(sig, "%s%zu", delimiter_row(line) ? "delim" : "row", cells(line));
    } else if (strchr("-+*", *line) && line[1] == ' ') {
        fputs("item", sig);
    } else if (digits > 0 && strchr(".)", line[digits]) && line[digits + 1] == ' ') {
        fputs("ordered", sig);
    } else if (*line == '>' || strncmp(line, "    ", 4) == 0 || *line == '\t') {
        fputs("quote-or-code", sig);
    } else if (strspn(line, "=") == strlen(line) || strspn(line, "-") == strlen(line)) {
        fputs("underline", sig);
    } else {
        fputs("text", sig);
    }
    fputc(' ', sig);
    for (const char *p = line; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
        } else if (strchr("*_`[]|#~!<>", *p)) {
            fputc(*p, sig);
        }
    }
    fputc('\n', sig);
}

/* A table ends: one listing snapshots (the overview, the timeline) has a row for each. */
static size_t table_end(const char *header, size_t rows, size_t snapshots) {
    bool per_snapshot = header && strncmp(header, "| snapshot |", 12) == 0;
    if (per_snapshot && rows != snapshots + 2) {
        fuzz_fail("a table of the snapshots has not one row for each", header);
    }
    return per_snapshot;
}

/* Checks each table of md and returns md's signature (free with free()). */
static char *check(char *md, size_t snapshots) {
    char *sig = NULL;
    const char *header = NULL;
    size_t len = 0, width = 0, row = 0, per_snapshot = 0;
    FILE *f = open_memstream(&sig, &len);
    if (f == NULL) {
        abort();
    }
    for (char *line = md, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        }
        signature(line, f);
        if (*line != '|') {
            per_snapshot += row > 0 ? table_end(header, row, snapshots) : 0;
            row = 0;
            continue;
        }
        if (++row == 1) {
            header = line;
            width = cells(line);
        } else if (row == 2 && !delimiter_row(line)) {
            fuzz_fail("a table's second row is not its delimiter row", line);
        } else if (cells(line) != width) {
            fuzz_fail("a table row is not as wide as its header", line);
        }
    }
    per_snapshot += row > 0 ? table_end(header, row, snapshots) : 0;
    fclose(f);
    if (per_snapshot < 2) {
        fuzz_fail("the overview or the timeline table is missing", NULL);
    }
    return sig;
}

static char *sign(const fuzz_series *s, char *md) {
    return check(md, s->n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_report_against_twin(data, size, "report.md", sign);
    return 0;
}
