/* cmd_render.c — `allynet render [options] -o OUT G`: a snapshot as a network diagram. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet render [options] [-o OUT.svg|.png|.pdf|.dot] G\n\n"
    "Draws a snapshot with Graphviz. Ties are blue (cooperation) or vermillion and dashed\n"
    "(conflict), as wide as their |weight| (0.8 to 5 pt, scaled to the widest), with arrowheads\n"
    "for one-way ties and one line with two heads for a reciprocal pair of the same sign.\n"
    "Cooperative ties pull their ends together and hostile ties push them apart (neato, fdp).\n"
    "Nodes are filled by bloc or community and their labels sized by a metric; the title block\n"
    "above the drawing holds the date and the legend. SVG output has tooltips (weight, relation,\n"
    "events). The same input and options give the same bytes.\n\n"
    "  -o, --output FILE      write here, atomically (default: stdout); the extension chooses\n"
    "                         the format unless --format is given\n"
    "  -f, --format F         svg, png, pdf or dot (the laid-out graph with positions)\n"
    "  -l, --layout L         neato (default), fdp, sfdp (large graphs), circo or dot\n"
    "      --color-by C       bloc (default: the two signed blocs of 'communities --method\n"
    "                         blocs'), community (Leiden communities of cooperative ties) or\n"
    "                         none\n"
    "      --size-by M        strength (default: sum of |weight|), degree, betweenness,\n"
    "                         pagerank (of cooperation) or none\n"
    "      --label L          name (default) or id\n"
    "      --clusters         draw each group as a cluster (fdp and dot)\n"
    "      --title TEXT       the title (default: the graph's name)\n"
    "      --no-legend        only the title and the date above the drawing\n"
    "      --seed N           start of the neato and fdp layouts (default 42)\n"
    "      --positions-from P reuse the node positions of P (x and y, or pos, on its actors);\n"
    "                         actors new here are placed around them (neato, fdp)\n"
    "      --save-positions F write G with every actor's position (x, y in points) to F\n"
    "      --strict-size      refuse a graph too large for the layout (more than 1000 actors\n"
    "                         outside sfdp, more than 200 ties in circo or dot) instead of\n"
    "                         switching\n"
    "                         to sfdp\n"
    "      --top N            draw only the N strongest actors (largest sum of |weight| of\n"
    "                         their ties; equal ones by id) and the ties among them; the\n"
    "                         subtitle says so, and --save-positions saves that selection\n\n"
    "Graphs of more than 10000 actors or 100000 ties are refused (exit 2): their layout would\n"
    "take hours and gigabytes (50,000 actors and 500,000 ties ran past 5 minutes and 1.4 GB)\n"
    "and the drawing could not be read. Draw a selection with --top N, or open the graph in\n"
    "Gephi ('allynet convert G OUT.gexf').\n";

typedef struct {
    allynet_render_options o;
    const char *out, *format, *positions_from, *save_positions;
    size_t top; /* 0: every actor */
} render_args;

/* Parses one value option into its enum; returns 0 or the usage exit code. */
static int enum_option(int c, const char *v, render_args *a) {
    bool ok = true;
    const char *what = "";
    switch (c) {
    case 'f':
        a->format = v;
        ok = allynet_render_format_parse(v, &a->o.format);
        what = "format (svg, png, pdf, dot)";
        break;
    case 'l':
        ok = allynet_layout_parse(v, &a->o.layout);
        what = "layout (neato, fdp, sfdp, circo, dot)";
        break;
    case 'C':
        ok = allynet_color_by_parse(v, &a->o.color_by);
        what = "--color-by (bloc, community, none)";
        break;
    case 'S':
        ok = allynet_size_by_parse(v, &a->o.size_by);
        what = "--size-by (strength, degree, betweenness, pagerank, none)";
        break;
    case 'L':
        ok = allynet_label_by_parse(v, &a->o.label_by);
        what = "--label (name, id)";
        break;
    default:
        break;
    }
    return ok ? 0 : cli_usage("render", "unknown %s: '%s'", what, v);
}

static int parse(int argc, char **argv, render_args *a, bool *done) {
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"layout", required_argument, NULL, 'l'},
                                         {"engine", required_argument, NULL, 'l'},
                                         {"color-by", required_argument, NULL, 'C'},
                                         {"size-by", required_argument, NULL, 'S'},
                                         {"label", required_argument, NULL, 'L'},
                                         {"clusters", no_argument, NULL, 'k'},
                                         {"title", required_argument, NULL, 'T'},
                                         {"no-legend", no_argument, NULL, 'n'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"positions-from", required_argument, NULL, 'p'},
                                         {"save-positions", required_argument, NULL, 'P'},
                                         {"strict-size", no_argument, NULL, 'x'},
                                         {"top", required_argument, NULL, 't'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "o:f:l:h", opts, "render", help, done, &code)) != -1) {
        if (c == 'o') {
            a->out = optarg;
        } else if (c == 'k' || c == 'n' || c == 'x') {
            a->o.clusters = a->o.clusters || c == 'k';
            a->o.legend = a->o.legend && c != 'n';
            a->o.switch_large = a->o.switch_large && c != 'x';
        } else if (c == 'T') {
            a->o.title = optarg;
        } else if (c == 's' || c == 't') {
            size_t v;
            if (!cli_parse_count(optarg, &v) || (c == 't' && v == 0)) {
                return cli_usage("render", "%s expects a whole number%s, not '%s'",
                                 c == 's' ? "--seed" : "--top", c == 's' ? "" : " above 0", optarg);
            }
            if (c == 's') {
                a->o.seed = (unsigned long)v;
            } else {
                a->top = v;
            }
        } else if (c == 'p' || c == 'P') {
            *(c == 'p' ? &a->positions_from : &a->save_positions) = optarg;
        } else if ((code = enum_option(c, optarg, a)) != 0) {
            return code;
        }
    }
    return code;
}

/* Chooses the format from the output's extension when --format is absent. */
static int pick_format(render_args *a) {
    if (a->format || strcmp(a->out, "-") == 0) {
        return 0;
    }
    if (!allynet_render_format_from_path(a->out, &a->o.format)) {
        return cli_usage("render", "unknown output format for '%s' (use .svg, .png, .pdf or .dot)",
                         a->out);
    }
    return 0;
}

static int run(allynet_graph *g, render_args *a, const char *input) {
    allynet_graph *pos = NULL;
    int code = a->positions_from ? cli_load(a->positions_from, &pos) : 0;
    if (code != 0) {
        return code;
    }
    a->o.positions = pos;
    if (a->o.title == NULL && allynet_graph_name(g) == NULL) { /* name the drawing by its file */
        const char *slash = strrchr(input, '/');
        a->o.title = strcmp(input, "-") == 0 ? NULL : slash ? slash + 1 : input;
    }
    allynet_error err = {0};
    allynet_render_result r;
    allynet_status st = allynet_render_file(g, &a->o, a->out, &r, &err);
    if (st == ALLYNET_OK && r.warning[0]) {
        fprintf(stderr, "allynet render: warning: %s\n", r.warning);
    }
    if (st == ALLYNET_OK && a->save_positions) {
        st = allynet_render_store_positions(g, &r, &err);
        if (st == ALLYNET_OK) {
            st = allynet_graph_save(g, a->save_positions, &err);
        }
    }
    if (st != ALLYNET_OK) {
        if (err.source[0] == '\0') { /* name the input when it is at fault */
            snprintf(err.source, sizeof err.source, "%s", st == ALLYNET_E_INPUT ? input : a->out);
        }
        code = cli_fail(&err);
    }
    allynet_render_result_destroy(&r);
    allynet_graph_free(pos);
    return code;
}

int cmd_render(int argc, char **argv) {
    render_args a = {.out = "-"};
    allynet_render_options_init(&a.o);
    bool done = false;
    int code = parse(argc, argv, &a, &done);
    if (done || code != 0) {
        return code;
    }
    if (argc - optind != 1) {
        return cli_usage("render", "expects one graph file");
    }
    if ((code = pick_format(&a)) != 0) {
        return code;
    }
    allynet_graph *g = NULL;
    if ((code = cli_load(argv[optind], &g)) != 0) {
        return code;
    }
    allynet_error err = {0};
    allynet_graph *sel = NULL; /* --top: the strongest actors */
    size_t n = allynet_graph_actor_count(g);
    if (allynet_graph_sort(g, &err) != ALLYNET_OK ||
        (a.top > 0 && a.top < n && allynet_render_top(g, a.top, &sel, &err) != ALLYNET_OK)) {
        code = cli_fail(&err);
    } else {
        a.o.selected_from = sel ? n : 0;
        cli_progress_begin("render");
        code = run(sel ? sel : g, &a, argv[optind]);
        cli_progress_end();
    }
    allynet_graph_free(sel);
    allynet_graph_free(g);
    return code;
}
