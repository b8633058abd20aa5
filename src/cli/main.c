/* main.c — allynet's entry point: the command table, dispatch and top-level help. */
#include "cli.h"

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
        return usage(stdout);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("allynet %s\n", ALLYNET_VERSION);
        return 0;
    }
    allynet_igraph_setup(42);
    for (size_t i = 0; i < n_commands; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "allynet: unknown command '%s' (see 'allynet --help')\n", argv[1]);
    return 2;
}
