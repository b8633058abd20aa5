/* cmd_extract.c — `allynet extract TEXT...`: news text to a signed snapshot with evidence, or
 * (--events) the coded events one per line like an event-data coder. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet extract [--date D] [--actors FILE] [--lexicon FILE] [--min-confidence P]\n"
    "                       [--events [--json] [--features]] [--max-evidence N] [-o G.json]\n"
    "                       TEXT...\n\n"
    "Reads news text (UTF-8; '-' is stdin), finds the actors it names (countries, capitals and\n"
    "seats of power, leaders within their terms, organs, armed groups) and the relations between\n"
    "them (CAMEO-coded cues with Goldstein weights), and writes the snapshot: one tie per\n"
    "directed dyad with the summed weight, the event count and evidence as byte spans into the\n"
    "source. A text may start with a line `date YYYY-MM-DD` giving its date, or with the\n"
    "metadata lines of a news scrape (`date: YYYY-MM-DD`, `source: URL`, `url:`, `link:`,\n"
    "`author:`, `byline:`, `published:`, `updated:`), which are skipped. An event the\n"
    "headline and the first sentence both report is weighed once (its spans are all kept).\n\n"
    "Every evidence span and tie carries a `confidence`: the probability that it is right,\n"
    "from a model fitted on texts with gold ties (graphs/confidence.tsv, refitted by\n"
    "scripts/fit-confidence). A tie's is judged per document (the spans of its sign and how\n"
    "many sentences say it); a tie drawn from several documents keeps the highest.\n\n"
    "  --date D          the snapshot date (YYYY-MM-DD), overriding the texts' headers; leaders\n"
    "                    count for their country only while in office on this date\n"
    "  --actors FILE     more actor surfaces (aliases TSV: surface actor type from to note)\n"
    "  --lexicon FILE    more cues (lexicon TSV: cue pos cameo weight relation hints forms)\n"
    "  --min-confidence P  leave out spans, and a document's ties, whose confidence is\n"
    "                    below P (0 to 1; default 0: keep all, the confidence is shown)\n"
    "  --events          print the coded events (TSV with a header; JSON lines with --json)\n"
    "                    instead of the graph; the graph is still written with -o\n"
    "  --features        with --events, a last column (key) naming what the model weighed\n"
    "  --max-evidence N  evidence spans kept per tie (default 20; the rest are counted in\n"
    "                    evidence_dropped)\n"
    "  --stats           print bytes, sentences and events read on stderr\n"
    "  -o FILE           write the graph here (atomically; default: stdout)\n\n"
    "Document ids in evidence and graph.sources are the input's file name (stdin: 'stdin'),\n"
    "with -2, -3, ... for repeated names, so extracting parts of a corpus and merging them\n"
    "('allynet merge') gives the same ties as extracting the whole.\n";

typedef struct {
    bool json, features;
} event_out;

/* The names of the event's features, comma-separated. */
static void feature_names(uint32_t f, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    for (unsigned k = 0; allynet_extract_feature_name(k) != NULL; k++) {
        if ((f >> k) & 1) {
            int w =
                snprintf(buf + n, size - n, "%s%s", n ? "," : "", allynet_extract_feature_name(k));
            n += w > 0 && (size_t)w < size - n ? (size_t)w : 0;
        }
    }
}

static void print_event(const allynet_extract_event *ev, void *ctx) {
    const event_out *o = ctx;
    char feats[1024];
    feature_names(ev->features, feats, sizeof feats);
    if (o->json) {
        json_t *j = json_pack("{s:s, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:f, s:s, s:f}", "doc",
                              ev->doc, "start", (json_int_t)ev->start, "end", (json_int_t)ev->end,
                              "date", ev->date, "source", ev->source, "target", ev->target, "cue",
                              ev->cue, "cameo", ev->cameo, "weight", ev->weight, "relation",
                              ev->relation, "confidence", ev->confidence);
        if (j != NULL && o->features) {
            json_object_set_new(j, "features", json_string(feats));
        }
        if (j != NULL) {
            json_dumpf(j, stdout, JSON_COMPACT | JSON_REAL_PRECISION(12));
            fputc('\n', stdout);
            json_decref(j);
        }
        return;
    }
    printf("%s\t%zu\t%zu\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%.2f%s%s\n", ev->doc, ev->start, ev->end,
           ev->date, ev->source, ev->target, ev->cameo, ev->cue, ev->weight, ev->relation,
           ev->confidence, o->features ? "\t" : "", o->features ? feats : "");
}

/* The document id of argv path i: its file name, made unique among the inputs. */
static char *doc_id(char **paths, int i) {
    const char *p = strcmp(paths[i], "-") == 0 ? "stdin" : paths[i];
    const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
    int same = 0;
    for (int k = 0; k < i; k++) {
        const char *q = strcmp(paths[k], "-") == 0 ? "stdin" : paths[k];
        const char *qb = strrchr(q, '/') ? strrchr(q, '/') + 1 : q;
        same += strcmp(qb, base) == 0;
    }
    char *id = malloc(strlen(base) + 16);
    if (id != NULL) {
        if (same) {
            sprintf(id, "%s-%d", base, same + 1);
        } else {
            strcpy(id, base);
        }
    }
    return id;
}

static int run(allynet_extractor *x, char **paths, int n, const char *out, bool events,
               bool stats) {
    allynet_error err = {0};
    size_t bytes = 0, sentences = 0, evs = 0;
    for (int i = 0; i < n; i++) {
        char *id = doc_id(paths, i);
        allynet_extract_stats st;
        allynet_status s = id ? allynet_extract_file(x, paths[i], id, &st, &err)
                              : allynet_error_set(&err, ALLYNET_E_NOMEM, "", 0, 0, "no memory");
        free(id);
        if (s != ALLYNET_OK) {
            return cli_fail(&err);
        }
        bytes += st.bytes;
        sentences += st.sentences;
        evs += st.events;
        if (st.invalid_bytes) {
            fprintf(stderr,
                    "allynet: warning: %s: %zu invalid UTF-8 byte%s replaced (first at byte %zu)\n",
                    paths[i], st.invalid_bytes, st.invalid_bytes == 1 ? "" : "s", st.first_invalid);
        }
    }
    if (stats) {
        fprintf(stderr, "allynet: extract: %zu bytes, %zu sentences, %zu events\n", bytes,
                sentences, evs);
    }
    allynet_graph *g = NULL;
    int code = 0;
    if (allynet_extractor_take_graph(x, &g, &err) != ALLYNET_OK) {
        return cli_fail(&err);
    }
    if ((!events || strcmp(out, "-") != 0) && allynet_graph_save(g, out, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    allynet_graph_free(g);
    return code;
}

int cmd_extract(int argc, char **argv) {
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {"actors", required_argument, NULL, 'a'},
                                         {"lexicon", required_argument, NULL, 'l'},
                                         {"events", no_argument, NULL, 'e'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"max-evidence", required_argument, NULL, 'm'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"stats", no_argument, NULL, 's'},
                                         {"min-confidence", required_argument, NULL, 'c'},
                                         {"features", no_argument, NULL, 'f'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    allynet_extract_options o = {0};
    const char *out = "-";
    bool done = false, events = false, stats = false;
    event_out eo = {false, false};
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "d:a:l:ejm:o:h", opts, "extract", help, &done, &code)) !=
           -1) {
        switch (c) {
        case 'd':
            o.date = optarg;
            break;
        case 'a':
            o.actors_path = optarg;
            break;
        case 'l':
            o.lexicon_path = optarg;
            break;
        case 'e':
            events = true;
            break;
        case 'j':
            eo.json = true;
            break;
        case 'o':
            out = optarg;
            break;
        case 's':
            stats = true;
            break;
        case 'c':
            if (!cli_parse_probability(optarg, &o.min_confidence)) {
                return cli_usage("extract", "--min-confidence expects a number from 0 to 1");
            }
            break;
        case 'f':
            eo.features = true;
            break;
        case 'm':
            if (!cli_parse_count(optarg, &o.max_evidence) || o.max_evidence == 0) {
                return cli_usage("extract", "--max-evidence expects a positive number");
            }
            break;
        default:
            break;
        }
    }
    if (done) {
        return code;
    }
    if (optind >= argc) {
        return cli_usage("extract", "expects at least one text file ('-' for stdin)");
    }
    if (events) {
        o.on_event = print_event;
        o.ctx = &eo;
        if (!eo.json) {
            printf("doc\tstart\tend\tdate\tsource\ttarget\tcameo\tcue\tweight\trelation\t"
                   "confidence%s\n",
                   eo.features ? "\tfeatures" : "");
        }
    }
    allynet_extractor *x = NULL;
    allynet_error err = {0};
    if (allynet_extractor_new(&o, &x, &err) != ALLYNET_OK) {
        return cli_fail(&err);
    }
    code = run(x, argv + optind, argc - optind, out, events, stats);
    allynet_extractor_free(x);
    return code;
}
