/* fuzzreport.h — runs allynet's report on a fuzz series (fuzzgraph.h) for the report writers'
 * targets (fuzz_write_markdown.c, fuzz_write_html.c). */
#ifndef ALLYNET_FUZZ_REPORT_H
#define ALLYNET_FUZZ_REPORT_H

#include "fuzzgraph.h"

/* Writes the report of s (snapshots named s0, s1, ... from files s0.json, ...) into a private
 * folder (made once per process, removed at exit) with igraph's generator seeded afresh, and
 * returns the contents of `file` there (free with free()). Fails the run when the report
 * refuses the series. */
char *fuzz_report(const fuzz_series *s, const char *file);

#endif
