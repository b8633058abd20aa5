/* cmd_report.c — `allynet report G...|DIR`: the main job, every capability for a set of
 * snapshots written as one report (report.md, report.json, a folder per snapshot). */
#include "cli.h"

#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *help =
    "usage: allynet report [-o DIR] G...|FOLDER\n\n"
    "Runs every analysis on a set of snapshots and writes one report: DIR/report.md (for\n"
    "people), DIR/report.json (for scripts) and DIR/<snapshot>/ with each snapshot's files.\n"
    "A FOLDER argument takes every .json graph in it. Snapshots are ordered by date.\n\n"
    "  -o DIR   where to write (default: output)\n";

typedef struct {
    char *path;
    char *stem;
    allynet_graph *g;
} input;

static int by_date(const void *a, const void *b) {
    const input *x = a, *y = b;
    const char *dx = allynet_graph_date(x->g), *dy = allynet_graph_date(y->g);
    int c = strcmp(dx ? dx : "", dy ? dy : "");
    return c ? c : strcmp(x->stem, y->stem);
}

static int add_path(input **in, size_t *n, size_t *cap, const char *path) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        input *p = realloc(*in, *cap * sizeof *p);
        if (p == NULL) {
            return 1;
        }
        *in = p;
    }
    input *it = &(*in)[(*n)++];
    it->path = strdup(path);
    char *copy = strdup(path);
    char *base = copy ? basename(copy) : NULL;
    it->stem = base ? strdup(base) : NULL;
    free(copy);
    it->g = NULL;
    if (it->path == NULL || it->stem == NULL) {
        return 1;
    }
    char *dot = strrchr(it->stem, '.');
    if (dot && dot != it->stem) {
        *dot = '\0';
    }
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every .json file of a folder, in name order. */
static int add_folder(input **in, size_t *n, size_t *cap, const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "allynet: %s:0:0: cannot open the folder\n", dir);
        return 2;
    }
    char **names = NULL;
    size_t k = 0, kcap = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        /* index.json is the listing `allynet events` writes beside its snapshots */
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 &&
            strcmp(e->d_name, "index.json") != 0) {
            if (k == kcap) {
                kcap = kcap ? kcap * 2 : 16;
                char **p = realloc(names, kcap * sizeof *p);
                if (p == NULL) {
                    break;
                }
                names = p;
            }
            size_t plen = strlen(dir) + len + 2;
            size_t dlen = strlen(dir);
            while (dlen > 1 && dir[dlen - 1] == '/') {
                dlen--; /* "graphs/" names its files graphs/x.json, not graphs//x.json */
            }
            names[k] = malloc(plen);
            if (names[k]) {
                snprintf(names[k++], plen, "%.*s/%s", (int)dlen, dir, e->d_name);
            }
        }
    }
    closedir(d);
    qsort(names, k, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < k; i++) {
        rc = rc ? rc : add_path(in, n, cap, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int collect(int argc, char **argv, input **in, size_t *n) {
    size_t cap = 0;
    for (int i = 0; i < argc; i++) {
        struct stat st;
        int rc = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? add_folder(in, n, &cap, argv[i])
                                                                : add_path(in, n, &cap, argv[i]);
        if (rc) {
            return rc;
        }
    }
    return 0;
}

int cmd_report(int argc, char **argv) {
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'}, {0}};
    const char *dir = "output";
    bool done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "+o:h", opts, "report", help, &done, &code)) != -1) {
        if (c == 'o') {
            dir = optarg;
        }
    }
    if (done) {
        return code;
    }
    if (optind >= argc) {
        return cli_usage("report", "expects graphs or a folder of graphs");
    }
    input *in = NULL;
    size_t n = 0;
    code = collect(argc - optind, argv + optind, &in, &n);
    for (size_t i = 0; i < n && code == 0; i++) {
        code = cli_load(in[i].path, &in[i].g);
    }
    if (code == 0 && n == 0) {
        code = cli_usage("report", "found no .json graphs");
    }
    allynet_report_item *items = code == 0 ? calloc(n, sizeof *items) : NULL;
    if (code == 0 && items != NULL) {
        qsort(in, n, sizeof *in, by_date);
        for (size_t i = 0; i < n; i++) {
            items[i] = (allynet_report_item){in[i].g, in[i].stem, in[i].path, NULL};
        }
        allynet_error err = {0};
        if (allynet_report_run(items, n, dir, &err) != ALLYNET_OK) {
            code = cli_fail(&err);
        } else if (isatty(2)) {
            fprintf(stderr, "allynet: report for %zu snapshots written to %s/report.md\n", n, dir);
        }
        for (size_t i = 0; i < n; i++) {
            free(items[i].dir);
        }
    } else if (code == 0) {
        code = 1;
    }
    free(items);
    for (size_t i = 0; i < n; i++) {
        free(in[i].path);
        free(in[i].stem);
        allynet_graph_free(in[i].g);
    }
    free(in);
    return code;
}
