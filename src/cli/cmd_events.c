/* cmd_events.c — `allynet events`: event, alliance and vote tables to one snapshot per period. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *help =
    "usage: allynet events --format F [OPTIONS] -o DIR FILE...\n\n"
    "Streams tables into one node-link snapshot per period, DIR/<period>.json (2013-01.json,\n"
    "1949.json, 2013-W05.json, 1946-1949.json), and DIR/index.json: the snapshots and the load\n"
    "statistics (rows read, used, skipped by reason with counts and the first line numbers).\n"
    "Memory grows with dyads x periods, never with rows. Actor codes go through the built-in\n"
    "dictionary; a code it does not know is kept as an actor with the code as id (COW numbers\n"
    "as COW<n>), marked \"unmapped\", and reported (--skip-unknown drops such rows instead).\n\n"
    "formats:\n"
    "  gdelt1, gdelt2  GDELT 1.0 (58 columns) / 2.0 (61 columns) event exports, tab-separated,\n"
    "                  no header. Directed ties Actor1CountryCode -> Actor2CountryCode (CAMEO\n"
    "                  codes); weight = sum of GoldsteinScale (x NumMentions with --mentions);\n"
    "                  events = rows; per tie the counts by QuadClass and CAMEO root code and\n"
    "                  the mentions. Rows without two country actors and domestic events\n"
    "                  (same country on both sides) are counted and reported. Date: SQLDATE.\n"
    "  cow, atop       alliance dyad-year tables (ccode1,ccode2,year,<type flags>), undirected.\n"
    "                  Weight = the MAXIMUM over the types in force of: defense 3, offense 3\n"
    "                  (ATOP), neutrality 2, nonaggression 2, entente 1 (COW), consultation 1\n"
    "                  (ATOP); the relation names that type; per tie the years each type was\n"
    "                  in force within the period; events = dyad-years. Rows with no type set\n"
    "                  are counted (no_alliance_type).\n"
    "  cow-signed      Doreian-Mrvar signed windows (window,start_year,end_year,source,target,\n"
    "                  sign): one undirected snapshot per window, weight +1 alliance or\n"
    "                  peace, -1 war or dispute. Node names (mostly ISO3, some COW) go\n"
    "                  through the dictionary one-to-one: two names never merge into one\n"
    "                  actor (the second keeps its name and is reported).\n"
    "  unvotes         UN General Assembly votes (rcid,country,country_code,vote) AND roll\n"
    "                  calls (rcid,...,date,...): pass both files. One undirected agreement\n"
    "                  network per year: for each pair of states voting in common roll calls,\n"
    "                  agreement = (same votes + 0.5 x votes where exactly one abstained) /\n"
    "                  common votes, and the S-score S = 1 - 2 x mean|a - b| with yes 1,\n"
    "                  abstain 0.5, no 0 (so S = 2 x agreement - 1). Weight = S in [-1, 1]:\n"
    "                  positive = agreeing more often than not. Ties keep agreement, s_score\n"
    "                  and votes (common roll calls; also the events count).\n"
    "  csv             any table with a header: --source-col, --target-col, --date-col and\n"
    "                  optional --weight-col (names or 1-based numbers; default: the column\n"
    "                  named 'weight' when there is one, else 1 per row). Dates: YYYY,\n"
    "                  YYYY-MM, YYYY-MM-DD or YYYYMMDD. Weights are summed. A row whose date\n"
    "                  is less precise than the period (a bare year for --period month) is\n"
    "                  left out and reported (date_coarser_than_period), not put on the\n"
    "                  period's first day.\n\n"
    "options:\n"
    "  --period P       year (default), month, week (ISO) or day\n"
    "  --window N       windows of N years instead (aligned on years = --origin mod N)\n"
    "  --origin Y       alignment year of the windows (default 0: decades for N = 10)\n"
    "  --from D --to D  keep rows dated in [D, D] (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --strict         the first malformed row is fatal (exit 2, FILE:LINE:COL)\n"
    "  --mentions       GDELT: weight each event by NumMentions\n"
    "  --skip-unknown   drop rows whose actor codes the dictionary does not know\n"
    "  --min-votes N    unvotes: pairs need N common roll calls (default 1)\n"
    "  --source-col C --target-col C --weight-col C --date-col C   csv columns\n"
    "  --delimiter X    csv delimiter (default ','; 'tab' for tabs)\n"
    "  --undirected     csv: undirected ties\n"
    "  --actors FILE    extra actor dictionary rows, in graphs/actors.tsv's format (id, iso2,\n"
    "                   cow_code, cow_abbr, name, kind, cameo, aliases_short; tab-separated,\n"
    "                   one header line): codes the tables use, looked up before the built-in\n"
    "                   dictionary (later rows win), like extract --actors\n"
    "  --json           print index.json on stdout too\n"
    "  -o DIR           the output folder (created when missing; required)\n\n"
    "Malformed rows (truncated, wrong column count, non-numeric values, bad or out-of-range\n"
    "dates, unknown codes) are counted with their first line numbers and reported on stderr\n"
    "and in index.json. An empty file is an error (exit 2); a file whose rows are all skipped\n"
    "gives zero snapshots and a warning. FILE '-' reads stdin.\n";

typedef struct progress_state {
    bool shown;
    double t0, last;
} progress_state;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress(void *ctx, const char *file, long rows, uint64_t bytes, bool done) {
    progress_state *p = ctx;
    double t = now();
    if (p->t0 == 0) {
        p->t0 = p->last = t;
    }
    if (!done && t - p->last < 1.0) {
        return;
    }
    p->last = t;
    double dt = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
    fprintf(stderr, "\rallynet events: %s: %ld rows, %.0f rows/s, %.1f MB/s   ", file, rows,
            (double)rows / dt, (double)bytes / dt / 1e6);
    p->shown = true;
    if (done) {
        fputc('\n', stderr);
        p->t0 = 0;
    }
}

/* One line naming the codes the dictionary does not know, the most frequent first. */
static void unknown_codes(const json_t *stats, bool dropped) {
    const char *code, *best[8] = {0};
    long long rows[8] = {0};
    size_t total = 0;
    json_t *e;
    json_object_foreach(json_object_get(stats, "codes"), code, e) {
        if (json_is_true(json_object_get(e, "known"))) {
            continue;
        }
        total++;
        long long r = json_integer_value(json_object_get(e, "rows"));
        for (int i = 0; i < 8; i++) {
            if (best[i] == NULL || r > rows[i] || (r == rows[i] && strcmp(code, best[i]) < 0)) {
                memmove(best + i + 1, best + i, (7 - (size_t)i) * sizeof *best);
                memmove(rows + i + 1, rows + i, (7 - (size_t)i) * sizeof *rows);
                best[i] = code, rows[i] = r;
                break;
            }
        }
    }
    if (total == 0) {
        return;
    }
    fprintf(stderr, "allynet events: warning: %zu codes not in the actor dictionary, %s:", total,
            dropped ? "their rows dropped" : "kept as ids");
    for (int i = 0; i < 8 && best[i]; i++) {
        fprintf(stderr, " %s (%lld)", best[i], rows[i]);
    }
    fprintf(stderr, "%s\n", total > 8 ? " ..." : "");
}

static void report_stats(const json_t *index, bool dropped) {
    const json_t *stats = json_object_get(index, "stats");
    size_t n = json_array_size(json_object_get(index, "snapshots"));
    const char *groups[] = {"skipped", "warnings"};
    fprintf(stderr, "allynet events: %lld rows read, %lld used, %zu snapshots\n",
            (long long)json_integer_value(json_object_get(stats, "rows_read")),
            (long long)json_integer_value(json_object_get(stats, "rows_used")), n);
    for (int g = 0; g < 2; g++) {
        const char *reason;
        json_t *e;
        json_object_foreach(json_object_get(stats, groups[g]), reason, e) {
            fprintf(stderr, "allynet events: %s: %s: %lld %s, first at", g ? "warning" : "skipped",
                    reason, (long long)json_integer_value(json_object_get(e, "count")),
                    strcmp(reason, "unknown_code") == 0 ? "codes in rows" : "rows");
            size_t i;
            json_t *loc;
            json_array_foreach(json_object_get(e, "first"), i, loc) {
                fprintf(stderr, " %s:%lld", json_string_value(json_object_get(loc, "file")),
                        (long long)json_integer_value(json_object_get(loc, "line")));
            }
            fputc('\n', stderr);
        }
    }
    unknown_codes(stats, dropped);
    if (n == 0) {
        fprintf(stderr, "allynet events: warning: no snapshot written (no usable row)\n");
    }
}

static bool set_int(const char *s, int lo, int hi, int *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi) {
        return false;
    }
    *out = (int)v;
    return true;
}

/* Applies one option to o; returns 0, or the exit code of a usage error. */
static int apply(int c, allynet_events_options *o, bool *have_format, const char **dir) {
    allynet_error err = {0};
    switch (c) {
    case 'f':
        *have_format = true;
        return allynet_events_format_parse(optarg, &o->format, &err)
                   ? cli_usage("events", "%s", err.text)
                   : 0;
    case 'p':
        return allynet_period_parse(optarg, &o->period, &err) ? cli_usage("events", "%s", err.text)
                                                              : 0;
    case 'w':
        return set_int(optarg, 1, 1000, &o->window)
                   ? 0
                   : cli_usage("events", "--window takes 1..1000 years");
    case 'O':
        return set_int(optarg, -9999, 9999, &o->origin)
                   ? 0
                   : cli_usage("events", "--origin takes a year");
    case 'm':
        return set_int(optarg, 1, 1000000, &o->min_votes)
                   ? 0
                   : cli_usage("events", "--min-votes takes a count >= 1");
    case 'd':
        if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0) {
            o->delimiter = '\t';
        } else if (strlen(optarg) == 1 && optarg[0] != '"' && optarg[0] != '\n') {
            o->delimiter = optarg[0];
        } else {
            return cli_usage("events", "--delimiter takes one character or 'tab'");
        }
        return 0;
    case 'o':
        *dir = optarg;
        return 0;
    }
    return 0;
}

int cmd_events(int argc, char **argv) {
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"period", required_argument, NULL, 'p'},
                                         {"window", required_argument, NULL, 'w'},
                                         {"origin", required_argument, NULL, 'O'},
                                         {"strict", no_argument, NULL, 's'},
                                         {"mentions", no_argument, NULL, 'M'},
                                         {"skip-unknown", no_argument, NULL, 'k'},
                                         {"undirected", no_argument, NULL, 'u'},
                                         {"source-col", required_argument, NULL, 1},
                                         {"target-col", required_argument, NULL, 2},
                                         {"weight-col", required_argument, NULL, 3},
                                         {"date-col", required_argument, NULL, 4},
                                         {"delimiter", required_argument, NULL, 'd'},
                                         {"from", required_argument, NULL, 5},
                                         {"to", required_argument, NULL, 6},
                                         {"min-votes", required_argument, NULL, 'm'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"actors", required_argument, NULL, 'a'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    allynet_events_options o;
    allynet_events_options_init(&o, ALLYNET_EVENTS_CSV);
    const char *dir = NULL;
    bool done = false, have_format = false, json = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "o:h", opts, "events", help, &done, &code)) != -1) {
        o.strict |= c == 's';
        o.mentions |= c == 'M';
        o.skip_unknown |= c == 'k';
        o.undirected |= c == 'u';
        json |= c == 'j';
        o.source_col = c == 1 ? optarg : o.source_col;
        o.target_col = c == 2 ? optarg : o.target_col;
        o.weight_col = c == 3 ? optarg : o.weight_col;
        o.date_col = c == 4 ? optarg : o.date_col;
        o.from = c == 5 ? optarg : o.from;
        o.to = c == 6 ? optarg : o.to;
        o.actors_path = c == 'a' ? optarg : o.actors_path;
        if ((code = apply(c, &o, &have_format, &dir)) != 0) {
            return code;
        }
    }
    if (done) {
        return code;
    }
    if (!have_format) {
        return cli_usage("events", "--format is required");
    }
    if (dir == NULL) {
        return cli_usage("events", "-o DIR is required");
    }
    if (optind >= argc) {
        return cli_usage("events", "expects at least one table file");
    }
    progress_state ps = {0};
    if (isatty(2)) {
        o.progress = progress;
        o.progress_ctx = &ps;
    }
    allynet_error err = {0};
    json_t *index = NULL;
    if (allynet_events_run(&o, (const char *const *)argv + optind, (size_t)(argc - optind), dir,
                           &index, &err) != ALLYNET_OK) {
        if (ps.shown) {
            fputc('\n', stderr);
        }
        return cli_fail(&err);
    }
    report_stats(index, o.skip_unknown);
    code = json ? cli_print_json(index) : 0;
    json_decref(index);
    return code;
}
