/* main.c — allynet's entry point: the command table, dispatch and top-level help. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

static const cli_command commands[] = {
    {"info", cmd_info, "actors, ties (+/-), density, components, date"},
    {"convert", cmd_convert, "between formats by extension; a folder to one dynamic GEXF"},
    {"extract", cmd_extract, "news text -> snapshot graph with evidence"},
    {"merge", cmd_merge, "exact sum of snapshots"},
    {"metrics", cmd_metrics, "per-actor centrality, with the weight treatment of each figure"},
    {"communities", cmd_communities,
     "blocs and communities (blocs, leiden, louvain, cpm, spinglass)"},
    {"balance", cmd_balance, "structural balance: triangles, frustration index, bloc partition"},
    {"align", cmd_align, "alignment toward poles or blocs, tie-profile similarity, polarization"},
    {"events", cmd_events, "event, alliance and vote tables -> one snapshot per period"},
    {"compare", cmd_compare, "what changed between two snapshots"},
    {"timeline", cmd_timeline, "figures over time for a series of snapshots"},
    {"render", cmd_render, "network diagram (svg, png, pdf, dot) through Graphviz"},
    {"report", cmd_report, "the main job: everything for a set of snapshots, as one report"},
};
static const size_t n_commands = sizeof commands / sizeof *commands;

static int usage(FILE *f) {
    fprintf(f, "usage: allynet COMMAND [OPTIONS] ARGS...\n\n"
               "Signed, weighted alliance networks: text and tables in, metrics, blocs, balance,\n"
               "diagrams and comparisons out.\n\ncommands:\n");
    for (size_t i = 0; i < n_commands; i++) {
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(f, "\n'allynet COMMAND --help' or 'allynet help COMMAND' describes a command.\n"
               "Options may come before or after the operands; '--' ends them. Exit codes: 0 ok,\n"
               "1 failure while running, 2 bad usage or bad input.\n");
    return f == stdout ? 0 : 2;
}

/* A caught signal removes the temporary files being written, then ends the process as the signal
 * would have. */
static void on_signal(int sig) {
    allynet_tmp_remove_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void) {
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ, SIGXCPU};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        /* A signal the caller ignores (nohup, a shell's background job) stays ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
            sigaction(sigs[i], &sa, NULL);
        }
    }
}

/* Every byte a command printed must have reached stdout: a full disk or a closed pipe behind it
 * is a failure (exit 1, with the reason), not a silent loss. */
static int finish_stdout(int code) {
    errno = 0;
    bool failed = ferror(stdout) != 0;
    int e = errno;
    if (fflush(stdout) != 0) {
        failed = true;
        e = errno;
    }
    if (fclose(stdout) != 0 && !failed) {
        failed = true;
        e = errno;
    }
    if (failed && code == 0) { /* a failing command has said why already */
        fprintf(stderr, "allynet: <stdout>:0:0: write error: %s\n",
                e ? strerror(e) : "part of the output was lost");
        return 1;
    }
    return code;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        return usage(stderr);
    }
    if (strcmp(argv[1], "help") == 0 && argc > 2) {
        /* `allynet help CMD` is `allynet CMD --help` */
        for (size_t i = 0; i < n_commands; i++) {
            if (strcmp(argv[2], commands[i].name) == 0) {
                char *args[] = {argv[2], "--help", NULL};
                return commands[i].run(2, args);
            }
        }
        fprintf(stderr, "allynet: unknown command '%s' (see 'allynet --help')\n", argv[2]);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        return finish_stdout(usage(stdout));
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("allynet %s\n", ALLYNET_VERSION);
        return finish_stdout(0);
    }
    allynet_igraph_setup(42);
    catch_signals();
    for (size_t i = 0; i < n_commands; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return finish_stdout(commands[i].run(argc - 1, argv + 1));
        }
    }
    fprintf(stderr, "allynet: unknown command '%s' (see 'allynet --help')\n", argv[1]);
    return 2;
}
