/* series.c — loading a series of snapshots from the command line (graph files and folders of
 * .json graphs), ordered by date, for the commands that work over time. */
#include "cli.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int grow(cli_series *s) {
    if (s->n < s->cap) {
        return 0;
    }
    size_t cap = s->cap ? 2 * s->cap : 16;
    cli_snapshot *p = realloc(s->items, cap * sizeof *p);
    if (p == NULL) {
        return 1;
    }
    s->items = p;
    s->cap = cap;
    return 0;
}

/* The file name without folder and extension. */
static char *stem_of(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *stem = strdup(base);
    char *dot = stem ? strrchr(stem, '.') : NULL;
    if (dot && dot != stem) {
        *dot = '\0';
    }
    return stem;
}

static int add_path(cli_series *s, const char *path) {
    if (grow(s)) {
        return 1;
    }
    cli_snapshot *it = &s->items[s->n++];
    *it = (cli_snapshot){strdup(path), stem_of(path), NULL};
    return it->path && it->stem ? 0 : 1;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every .json file of a folder (in name order) but index.json, the table of contents that
 * `allynet events` writes beside its snapshots. */
static int add_folder(cli_series *s, const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "allynet: %s:0:0: cannot open the folder\n", dir);
        return 2;
    }
    char **names = NULL;
    size_t k = 0, cap = 0;
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0 ||
            strcmp(e->d_name, "index.json") == 0) {
            continue;
        }
        if (k == cap) {
            cap = cap ? 2 * cap : 16;
            char **p = realloc(names, cap * sizeof *p);
            rc = p == NULL;
            names = p ? p : names;
        }
        size_t dlen = strlen(dir);
        while (dlen > 1 && dir[dlen - 1] == '/') {
            dlen--; /* "graphs/" names its files graphs/x.json, not graphs//x.json */
        }
        size_t plen = dlen + len + 2;
        char *full = rc ? NULL : malloc(plen);
        rc = rc || full == NULL;
        if (full) {
            snprintf(full, plen, "%.*s/%s", (int)dlen, dir, e->d_name);
            names[k++] = full;
        }
    }
    closedir(d);
    if (k > 0) {
        qsort(names, k, sizeof *names, cmp_str);
    }
    for (size_t i = 0; i < k; i++) {
        rc = rc ? rc : add_path(s, names[i]);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Date order; a snapshot without a date sorts by its file name among the dates. */
static int by_date(const void *a, const void *b) {
    const cli_snapshot *x = a, *y = b;
    const char *dx = allynet_graph_date(x->g), *dy = allynet_graph_date(y->g);
    int c = strcmp(dx ? dx : x->stem, dy ? dy : y->stem);
    return c ? c : strcmp(x->stem, y->stem);
}

int cli_series_load(int argc, char **argv, cli_series *out) {
    *out = (cli_series){0};
    int code = 0;
    for (int i = 0; i < argc && code == 0; i++) {
        struct stat st;
        bool dir = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode);
        code = dir ? add_folder(out, argv[i]) : add_path(out, argv[i]);
        if (code == 1) {
            fprintf(stderr, "allynet: out of memory\n");
        }
    }
    for (size_t i = 0; i < out->n && code == 0; i++) {
        code = cli_load(out->items[i].path, &out->items[i].g);
    }
    if (code == 0 && out->n > 1) {
        qsort(out->items, out->n, sizeof *out->items, by_date);
    }
    return code;
}

void cli_series_free(cli_series *s) {
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].path);
        free(s->items[i].stem);
        allynet_graph_free(s->items[i].g);
    }
    free(s->items);
    *s = (cli_series){0};
}
