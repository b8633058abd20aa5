/* cmd_info.c — `allynet info G`: a snapshot's summary as a table or JSON. */
#include "cli.h"

static const char *help =
    "usage: allynet info [--json] G\n\n"
    "Summarises a snapshot: actors, ties split by sign, density (ties over possible ordered\n"
    "pairs; unordered when undirected), weakly and strongly connected components, isolates,\n"
    "event count and date. G is .json (node-link), .dot/.gv or .csv; '-' reads JSON on stdin.\n\n"
    "  --json   machine-readable JSON on stdout\n";

static void print_table(const allynet_graph *g, const allynet_info *i) {
    const char *name = allynet_graph_name(g), *date = allynet_graph_date(g);
    printf("name        %s\n", name ? name : "(none)");
    printf("date        %s\n", date ? date : "(none)");
    printf("directed    %s\n", allynet_graph_directed(g) ? "yes" : "no");
    printf("actors      %zu\n", i->actors);
    printf("ties        %zu (%zu positive, %zu negative, %zu zero)\n", i->ties, i->ties_pos,
           i->ties_neg, i->ties_zero);
    printf("weight      %+.2f positive, %+.2f negative\n", i->weight_pos, i->weight_neg);
    printf("events      %ld\n", i->events);
    printf("density     %.4f\n", i->density);
    printf("components  %zu weak, %zu strong\n", i->weak_components, i->strong_components);
    printf("isolates    %zu\n", i->isolates);
}

int cmd_info(int argc, char **argv) {
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {0}};
    bool json = false, done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "jh", opts, "info", help, &done, &code)) != -1) {
        json = json || c == 'j';
    }
    if (done) {
        return code;
    }
    allynet_graph *g = NULL;
    if ((code = cli_load_operand("info", argc, argv, &g)) != 0) {
        return code;
    }
    allynet_error err = {0};
    allynet_info info;
    if (allynet_info_compute(g, &info, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    } else if (json) {
        json_t *j = allynet_info_to_json(g, &info);
        code = j ? cli_print_json(j) : 1;
        json_decref(j);
    } else {
        print_table(g, &info);
    }
    allynet_graph_free(g);
    return code;
}
