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

/* What a target makes of `file` of a series' report: its signature, a new string (the text is
 * the target's to change). */
typedef char *(*fuzz_signer)(const fuzz_series *s, char *text);

/* The signature of the neutral twin's report, from `sign` on `file`. A twin depends only on the
 * input's structure, so the many mutations that change only its strings meet a twin again:
 * the last 256 twins' signatures are kept, and such a run writes one report, not two. Returns
 * a new string. */
char *fuzz_report_twin(const fuzz_series *twin, const char *file, fuzz_signer sign);

/* The report targets' run on an input: its series and neutral twin (fuzzgraph.h), `sign` on
 * `file` of both reports (the twin's kept, fuzz_report_twin); fails when the two signatures
 * differ, naming the first line that does. Inputs without a series are left alone. */
void fuzz_report_against_twin(const uint8_t *data, size_t size, const char *file, fuzz_signer sign);

#endif
