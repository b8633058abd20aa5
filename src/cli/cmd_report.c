/* cmd_report.c — `allynet report G...|DIR`: the main job, every capability for a set of
 * snapshots written as one report (report.html, report.md, report.json, a folder per
 * snapshot). */
#include "cli.h"

#include <stdlib.h>
#include <unistd.h>

static const char *help =
    "usage: allynet report [-o DIR] [--positions-from G] [--quiet] G...|FOLDER\n\n"
    "Runs every analysis on a set of snapshots and writes one report: DIR/report.html (one\n"
    "self-contained page: findings, a time slider over the snapshots, diagrams with the evidence\n"
    "of each tie on hover, sortable tables, a glossary), DIR/report.md (for reading as text),\n"
    "DIR/report.json (for scripts) and DIR/<snapshot>/ with each snapshot's files.\n"
    "A FOLDER argument takes every .json graph in it (but the index.json `allynet events`\n"
    "writes). Snapshots are ordered by date. Progress goes to stderr when it is a terminal.\n\n"
    "  -o DIR               where to write (default: output)\n"
    "  --positions-from G   keep the positions of G's actors (\"x\", \"y\", as written by\n"
    "                       `allynet render --save-positions`) in report.html's layout\n"
    "  -q, --quiet          no progress and no closing line on stderr\n";

/* Progress on stderr: one line rewritten in place. */
static void progress(void *ctx, size_t done, size_t total, const char *stage) {
    (void)ctx;
    if (total > 1) {
        fprintf(stderr, "\rallynet report: %s %zu/%zu ", stage, done + 1, total);
    } else {
        fprintf(stderr, "\rallynet report: %-24s", stage);
    }
    fflush(stderr);
}

/* Runs the report over a loaded series; returns the exit code. */
static int run(const cli_series *s, const char *dir, const allynet_graph *positions, bool quiet) {
    allynet_report_item *items = calloc(s->n, sizeof *items);
    if (items == NULL) {
        fprintf(stderr, "allynet: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < s->n; i++) {
        items[i] = (allynet_report_item){s->items[i].g, s->items[i].stem, s->items[i].path, NULL};
    }
    bool tty = !quiet && isatty(2);
    allynet_report_options o;
    allynet_report_options_init(&o);
    o.positions = positions;
    o.progress = tty ? progress : NULL;
    allynet_error err = {0};
    int code = 0;
    allynet_status st = allynet_report_run_with(items, s->n, dir, &o, &err);
    if (tty) {
        fputs("\r\033[K", stderr);
    }
    if (st != ALLYNET_OK) {
        code = cli_fail(&err);
    } else if (tty) {
        fprintf(stderr, "allynet: report for %zu snapshots written to %s/report.html\n", s->n, dir);
    }
    for (size_t i = 0; i < s->n; i++) {
        free(items[i].dir);
    }
    free(items);
    return code;
}

int cmd_report(int argc, char **argv) {
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"positions-from", required_argument, NULL, 'P'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    const char *dir = "output", *positions_path = NULL;
    bool done = false, quiet = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "o:qh", opts, "report", help, &done, &code)) != -1) {
        if (c == 'o') {
            dir = optarg;
        } else if (c == 'P') {
            positions_path = optarg;
        } else if (c == 'q') {
            quiet = true;
        }
    }
    if (done) {
        return code;
    }
    if (optind >= argc) {
        return cli_usage("report", "expects graphs or a folder of graphs");
    }
    allynet_graph *positions = NULL;
    if (positions_path != NULL && (code = cli_load(positions_path, &positions)) != 0) {
        return code;
    }
    cli_series s;
    code = cli_series_load(argc - optind, argv + optind, &s);
    if (code == 0 && s.n == 0) {
        code = cli_usage("report", "found no .json graphs");
    }
    if (code == 0) {
        code = run(&s, dir, positions, quiet);
    }
    cli_series_free(&s);
    allynet_graph_free(positions);
    return code;
}
