/* cmd_align.c — `allynet align G`: every actor's alignment toward two poles, tie-profile
 * similarity of dyads and polarization, as a table or JSON. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet align [--poles A,B] [--json] [--dyads] [--top N] [--signs] G\n"
    "       (also [--scan-limit N] [--exact]: large snapshots, below)\n\n"
    "Alignment of every actor toward two poles: two actors (--poles USA,RUS) or, by default,\n"
    "the two blocs of the frustration bipartition (see 'allynet balance --help'; bloc 0 is\n"
    "pole A).\n\n"
    "Tie profiles. Ties are folded into one signed edge per pair (the sum of both directions, as\n"
    "in 'balance'). Actor i's profile is a vector over all n actors: x_ik = w_ik / max|w| (the\n"
    "sign alone with --signs), 0 without a tie, and x_ii = +1.\n"
    "  S-score (Signorino & Ritter 1999): S_ij = 1 - 2 d_ij / d_max, d_ij = sum_k |x_ik - x_jk|\n"
    "    (absolute differences), d_max = 2n, the largest distance for values in [-1, 1].\n"
    "  Cohen's kappa and Scott's pi (Hage 2011) on the sign categories (-, 0, +) of the same\n"
    "    profiles: (p_o - p_e) / (1 - p_e), chance agreement p_e from each actor's own category\n"
    "    shares (kappa) or their pooled shares (pi); null when p_e = 1.\n"
    "  Alignment, from the actor's own ties when it has ties into the poles (basis \"ties\"):\n"
    "    a_i = (t_A - t_B) / (|t_A| + |t_B|), t_P the sum of its tie values to P's members;\n"
    "    otherwise from its profile (basis \"profile\"): a_i = (d_iB - d_iA) / d_AB, a bloc\n"
    "    pole being its members' mean profile (in [-1, 1] by the triangle inequality). +1 is\n"
    "    pole A, -1 pole B; an actor pole scores +1 / -1 itself. Both scores are in the JSON\n"
    "    (tie_alignment, profile_alignment); s_a and s_b are the S-scores toward each pole.\n"
    "  Polarization: index = mean |profile alignment| over actors with ties (poles excluded):\n"
    "    0 when all sit midway between the poles' profiles, 1 when each sits on one; bloc_fit =\n"
    "    (|w| of ties consistent with the split by the sign of alignment - |w| of the others) /\n"
    "    their total. Null when undefined (a single bloc, no ties).\n\n"
    "\"dyads\" holds the --top N (default 10) most and least similar pairs by S; --dyads lists\n"
    "every pair instead. A pole that is not an actor, or the same pole twice, is an error (2).\n\n"
    "  --json        machine-readable JSON on stdout\n"
    "  --poles A,B   the two pole actors\n"
    "  --dyads       every pair in \"dyads\"\n"
    "  --top N       pairs at each end of the S ranking (default 10)\n"
    "  --signs       profiles of signs instead of scaled weights\n\n"
    "Large snapshots. Comparing every pair is O(n^2): above --scan-limit actors (default\n"
    "5000) the --top pairs are found without it (the pairs that are tied or share a partner\n"
    "are compared, the others in order of a bound that their S cannot pass), with the same S\n"
    "values; among pairs of equal S others may be listed, and \"approximations\" says so.\n"
    "--dyads is refused there (50,000 actors are 1.25e9 pairs): use --top N. The bloc poles\n"
    "come from the budgeted frustration search on large blocks (see 'allynet balance --help').\n"
    "Progress goes to stderr when it is a terminal.\n"
    "  --scan-limit N  the most actors for the full scan and --dyads (default 5000)\n"
    "  --exact       the full scan of every pair and the full frustration search\n";

static void print_table(const json_t *j) {
    const json_t *poles = json_object_get(j, "poles");
    if (json_is_string(json_array_get(poles, 0))) {
        printf("poles: A = %s, B = %s\n", json_string_value(json_array_get(poles, 0)),
               json_string_value(json_array_get(poles, 1)));
    } else {
        printf("poles: A = bloc 0, B = bloc 1 of the frustration bipartition\n");
    }
    printf("%-10s %10s %-8s %8s %8s\n", "actor", "alignment", "basis", "S(A)", "S(B)");
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(j, "actors"), i, a) {
        const json_t *al = json_object_get(a, "alignment");
        char buf[32] = "n/a";
        if (json_is_number(al)) {
            snprintf(buf, sizeof buf, "%+.4f", json_number_value(al));
        }
        const char *basis = json_string_value(json_object_get(a, "basis"));
        printf("%-10s %10s %-8s %8.4f %8.4f\n", json_string_value(json_object_get(a, "id")), buf,
               basis ? basis : "-", json_number_value(json_object_get(a, "s_a")),
               json_number_value(json_object_get(a, "s_b")));
    }
    const json_t *pol = json_object_get(j, "polarization");
    const json_t *ix = json_object_get(pol, "index"), *fit = json_object_get(pol, "bloc_fit");
    char a_buf[32] = "n/a", f_buf[32] = "n/a";
    if (json_is_number(ix)) {
        snprintf(a_buf, sizeof a_buf, "%.4f", json_number_value(ix));
    }
    if (json_is_number(fit)) {
        snprintf(f_buf, sizeof f_buf, "%.4f", json_number_value(fit));
    }
    printf("polarization index %s, bloc fit %s\n", a_buf, f_buf);
    const json_t *note = json_object_get(j, "note");
    if (json_is_string(note)) {
        printf("note: %s\n", json_string_value(note));
    }
}

static int split_poles(char *arg, allynet_align_options *o) {
    char *comma = strchr(arg, ',');
    if (comma == NULL || comma == arg || comma[1] == '\0' || strchr(comma + 1, ',')) {
        return cli_usage("align", "--poles expects two actor ids, A,B, not '%s'", arg);
    }
    *comma = '\0';
    o->pole_a = arg;
    o->pole_b = comma + 1;
    return 0;
}

/* Loads the operand, computes and prints; returns the exit code. */
static int run(int argc, char **argv, const allynet_align_options *o, bool json) {
    allynet_graph *g = NULL;
    int code = cli_load_operand("align", argc, argv, &g);
    if (code != 0) {
        return code;
    }
    allynet_error err = {0};
    json_t *j = NULL;
    cli_progress_begin("align");
    allynet_status st = allynet_align_compute(g, o, &j, &err);
    cli_progress_end();
    if (st != ALLYNET_OK) {
        if (err.source[0] == '\0') {
            snprintf(err.source, sizeof err.source, "%s", argv[optind]);
        }
        code = cli_fail(&err);
    } else {
        code = cli_print_result(j, json, print_table);
    }
    json_decref(j);
    allynet_graph_free(g);
    return code;
}

int cmd_align(int argc, char **argv) {
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"poles", required_argument, NULL, 'p'},
                                         {"dyads", no_argument, NULL, 'd'},
                                         {"top", required_argument, NULL, 't'},
                                         {"signs", no_argument, NULL, 's'},
                                         {"scan-limit", required_argument, NULL, 'l'},
                                         {"exact", no_argument, NULL, 'X'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    allynet_align_options o;
    allynet_align_options_init(&o);
    bool json = false, done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "jh", opts, "align", help, &done, &code)) != -1) {
        if (c == 'j') {
            json = true;
        } else if (c == 'd') {
            o.all_dyads = true;
        } else if (c == 's' || c == 'X') {
            o.signs = o.signs || c == 's';
            o.exact = o.exact || c == 'X';
        } else if (c == 'l' && !cli_parse_count(optarg, &o.scan_limit)) {
            return cli_usage("align", "--scan-limit expects a non-negative integer, not '%s'",
                             optarg);
        } else if (c == 'p' && (code = split_poles(optarg, &o)) != 0) {
            return code;
        } else if (c == 't' && !cli_parse_count(optarg, &o.top)) {
            return cli_usage("align", "--top expects a non-negative integer, not '%s'", optarg);
        }
    }
    if (done) {
        return code;
    }
    return run(argc, argv, &o, json);
}
