/* cli.h — what the allynet commands share: the command table type, error printing, options. */
#ifndef ALLYNET_CLI_H
#define ALLYNET_CLI_H

#include "allynet.h"

#include <getopt.h>

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} cli_command;

/* Prints `allynet: SOURCE:LINE:COL: text` on stderr and returns the exit code of err's status. */
int cli_fail(const allynet_error *err);
/* Prints `allynet CMD: text` and a hint to --help on stderr; returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints a command's help text on stdout; returns 0. */
int cli_help(const char *text);
/* Parses options with getopt_long; handles --help (prints `help`, sets *done and *code = 0) and
 * unknown options (*done, *code = 2). Returns the option character, or -1 at the end. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd, const char *help, bool *done, int *code);
/* Loads a graph or prints the error; returns the exit code (0 when loaded). */
int cli_load(const char *path, allynet_graph **out);
/* For commands that take exactly one graph operand (argv[optind]): a usage error otherwise,
 * then cli_load. Returns the exit code (0 when loaded). */
int cli_load_operand(const char *cmd, int argc, char **argv, allynet_graph **out);
/* Reads a non-negative whole number option value (no sign, nothing after it, no overflow);
 * false when it is not one. */
bool cli_parse_count(const char *s, size_t *out);
/* A number from 0 to 1 (a probability); false otherwise. */
bool cli_parse_probability(const char *s, double *out);
/* Writes a JSON value to stdout (indented, stable precision); returns the exit code. */
int cli_print_json(const json_t *j);
/* A command's result on stdout: as JSON when `json`, else through `table`; returns the exit
 * code. */
int cli_print_result(const json_t *j, bool json, void (*table)(const json_t *));

/* A series of snapshots named on the command line (files, or folders of .json graphs). */
typedef struct cli_snapshot {
    char *path;
    char *stem; /* file name without folder and extension */
    allynet_graph *g;
} cli_snapshot;
typedef struct cli_series {
    cli_snapshot *items;
    size_t n, cap;
} cli_series;
/* Loads every graph named by argv (a folder: its .json files) and sorts them by date (a graph
 * without a date sorts by its file name). Prints the error and returns the exit code (0 when
 * loaded; free with cli_series_free either way). */
int cli_series_load(int argc, char **argv, cli_series *out);
void cli_series_free(cli_series *s);

/* Shows what long analyses report (progress.c): notes (cost estimates, approximations chosen)
 * on stderr as `allynet CMD: note: ...`, always; progress as one line rewritten in place, only
 * when stderr is a terminal. cli_progress_end clears that line and removes the handlers. */
void cli_progress_begin(const char *cmd);
void cli_progress_end(void);

/* The commands. */
int cmd_info(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_balance(int argc, char **argv);
int cmd_align(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_render(int argc, char **argv);

#endif
