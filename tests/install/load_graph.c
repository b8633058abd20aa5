/* load_graph.c — a program outside the project, built against the installed library with
 * `pkg-config --cflags --libs allynet`: loads a graph in any format allynet reads and prints its
 * actors, ties and summary. Used by tests/python/install_check.py. */
#include <allynet.h>

#include <stdio.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: load_graph GRAPH\n");
        return 2;
    }
    allynet_graph *g = NULL;
    allynet_error err = {0};
    if (allynet_graph_load(argv[1], &g, &err) != ALLYNET_OK) {
        fprintf(stderr, "load_graph: %s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        return allynet_status_exit_code(err.code);
    }
    allynet_info info;
    int code = 0;
    if (allynet_info_compute(g, &info, &err) != ALLYNET_OK) {
        fprintf(stderr, "load_graph: %s\n", err.text);
        code = 1;
    } else {
        printf("allynet %s: %zu actors, %zu ties (%zu positive, %zu negative)\n", ALLYNET_VERSION,
               info.actors, info.ties, info.ties_pos, info.ties_neg);
    }
    allynet_graph_free(g);
    return code;
}
