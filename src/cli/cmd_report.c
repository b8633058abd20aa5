/* cmd_report.c — `allynet report G...|DIR`: the main job, every capability for a set of
 * snapshots written as one report (report.md, report.json, a folder per snapshot). */
#include "cli.h"

#include <stdlib.h>
#include <unistd.h>

static const char *help =
    "usage: allynet report [-o DIR] G...|FOLDER\n\n"
    "Runs every analysis on a set of snapshots and writes one report: DIR/report.md (for\n"
    "people), DIR/report.json (for scripts) and DIR/<snapshot>/ with each snapshot's files.\n"
    "A FOLDER argument takes every .json graph in it (but the index.json `allynet events`\n"
    "writes). Snapshots are ordered by date.\n\n"
    "  -o DIR   where to write (default: output)\n";

/* Runs the report over a loaded series; returns the exit code. */
static int run(const cli_series *s, const char *dir) {
    allynet_report_item *items = calloc(s->n, sizeof *items);
    if (items == NULL) {
        fprintf(stderr, "allynet: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < s->n; i++) {
        items[i] = (allynet_report_item){s->items[i].g, s->items[i].stem, s->items[i].path, NULL};
    }
    allynet_error err = {0};
    int code = 0;
    if (allynet_report_run(items, s->n, dir, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    } else if (isatty(2)) {
        fprintf(stderr, "allynet: report for %zu snapshots written to %s/report.md\n", s->n, dir);
    }
    for (size_t i = 0; i < s->n; i++) {
        free(items[i].dir);
    }
    free(items);
    return code;
}

int cmd_report(int argc, char **argv) {
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'}, {0}};
    const char *dir = "output";
    bool done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "o:h", opts, "report", help, &done, &code)) != -1) {
        if (c == 'o') {
            dir = optarg;
        }
    }
    if (done) {
        return code;
    }
    if (optind >= argc) {
        return cli_usage("report", "expects graphs or a folder of graphs");
    }
    cli_series s;
    code = cli_series_load(argc - optind, argv + optind, &s);
    if (code == 0 && s.n == 0) {
        code = cli_usage("report", "found no .json graphs");
    }
    if (code == 0) {
        code = run(&s, dir);
    }
    cli_series_free(&s);
    return code;
}
