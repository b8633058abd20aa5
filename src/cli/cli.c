/* cli.c — helpers every command uses: error lines, usage errors, option parsing, loading. */
#include "cli.h"

#include <errno.h>

#include <stdarg.h>
#include <string.h>

int cli_fail(const allynet_error *err) {
    int e = errno;
    if (err->code == ALLYNET_E_IO && err->source[0] == '\0' && ferror(stdout)) {
        /* A writer's error on stdout: name it, with the stream's reason. */
        fprintf(stderr, "allynet: <stdout>:0:0: write error: %s\n",
                e ? strerror(e) : "part of the output was lost");
        return 1;
    }
    if (err->source[0] && err->line > 0) {
        fprintf(stderr, "allynet: %s:%d:%d: %s\n", err->source, err->line, err->column, err->text);
    } else if (err->source[0]) {
        fprintf(stderr, "allynet: %s:0:0: %s\n", err->source, err->text);
    } else {
        fprintf(stderr, "allynet: %s\n", err->text[0] ? err->text : "unknown error");
    }
    int code = allynet_status_exit_code(err->code);
    return code ? code : 1;
}

int cli_usage(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "allynet %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see 'allynet %s --help')\n", cmd);
    va_end(ap);
    return 2;
}

int cli_help(const char *text) {
    fputs(text, stdout);
    return 0;
}

/* The long options with --help added when the command's table lacks it (into buf, which holds
 * `cap` entries); the table itself when it has it or is too long to copy. */
static const struct option *with_help(const struct option *longopts, struct option *buf,
                                      size_t cap) {
    static const struct option help_only[] = {{"help", no_argument, NULL, 'h'}, {0}};
    if (longopts == NULL) {
        return help_only;
    }
    size_t n = 0;
    for (; longopts[n].name; n++) {
        if (strcmp(longopts[n].name, "help") == 0) {
            return longopts;
        }
    }
    if (n + 2 > cap) {
        return longopts;
    }
    memcpy(buf, longopts, n * sizeof *buf);
    buf[n] = help_only[0];
    buf[n + 1] = help_only[1];
    return buf;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd, const char *help, bool *done, int *code) {
    /* GNU order: options anywhere among the operands ('--' ends them). A leading '+' (stop at
     * the first operand) is dropped, so every command permutes. */
    static struct option buf[128];
    while (*shortopts == '+') {
        shortopts++;
    }
    opterr = 0;
    int c = getopt_long(argc, argv, shortopts, with_help(longopts, buf, 128), NULL);
    if (c == 'h') {
        *done = true;
        *code = cli_help(help);
    } else if (c == '?') {
        *done = true;
        if (optopt) {
            *code = cli_usage(cmd, "option -%c is unknown or needs a value", optopt);
        } else {
            *code = cli_usage(cmd, "unknown option %s", argv[optind - 1]);
        }
    } else if (c == ':') {
        *done = true;
        *code = cli_usage(cmd, "option needs a value");
    }
    return *done ? -1 : c;
}

int cli_load(const char *path, allynet_graph **out) {
    allynet_error err = {0};
    if (allynet_graph_load(path, out, &err) != ALLYNET_OK) {
        return cli_fail(&err);
    }
    return 0;
}

int cli_load_operand(const char *cmd, int argc, char **argv, allynet_graph **out) {
    if (argc - optind != 1) {
        return cli_usage(cmd, "expects one graph file");
    }
    return cli_load(argv[optind], out);
}

bool cli_parse_count(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 || v > SIZE_MAX) {
        return false;
    }
    *out = (size_t)v;
    return true;
}

bool cli_parse_probability(const char *s, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || errno != 0 || !(v >= 0.0 && v <= 1.0)) {
        return false;
    }
    *out = v;
    return true;
}

int cli_print_json(const json_t *j) {
    if (json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(12)) != 0 ||
        fputc('\n', stdout) == EOF) {
        fprintf(stderr, "allynet: <stdout>:0:0: write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}

int cli_print_result(const json_t *j, bool json, void (*table)(const json_t *)) {
    if (json) {
        return cli_print_json(j);
    }
    table(j);
    return 0;
}
