/* fuzzreport.c — allynet's report on a fuzz series, in a private folder (fuzzreport.h). */
#include "fuzzreport.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[64];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void cleanup(void) {
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *fuzz_report(const fuzz_series *s, const char *file) {
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/allynet-fuzz-report-XXXXXX");
        if (mkdtemp(dir) == NULL) {
            fuzz_fail("cannot make a temporary folder", dir);
        }
        atexit(cleanup);
    }
    static const char *const stems[FUZZ_MAX_SNAPS] = {"s0", "s1", "s2"};
    static const char *const paths[FUZZ_MAX_SNAPS] = {"s0.json", "s1.json", "s2.json"};
    allynet_report_item items[FUZZ_MAX_SNAPS] = {{0}};
    for (size_t j = 0; j < s->n; j++) {
        items[j] = (allynet_report_item){s->g[j], stems[j], paths[j], NULL};
    }
    allynet_igraph_setup(42);
    allynet_error err = {0};
    allynet_status st = allynet_report_run(items, s->n, dir, &err);
    for (size_t j = 0; j < s->n; j++) {
        free(items[j].dir);
    }
    if (st != ALLYNET_OK) {
        fuzz_fail("the report refused a series", err.text);
    }
    char path[128], *text = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (allynet_file_read(path, &text, &len, &err) != ALLYNET_OK) {
        fuzz_fail("the report did not write", file);
    }
    return text;
}

/* A twin as text: its flags and each snapshot as node-link JSON. NULL when out of memory. */
static char *twin_key(const fuzz_series *twin, const char *file) {
    char *key = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&key, &len);
    if (f == NULL) {
        return NULL;
    }
    fprintf(f, "%s %zu %u\n", file, twin->n, twin->opts);
    for (size_t j = 0; j < twin->n; j++) {
        allynet_nodelink_write(twin->g[j], f, NULL);
    }
    fclose(f);
    return key;
}

static uint32_t hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

enum { CACHE = 256 };

char *fuzz_report_twin(const fuzz_series *twin, const char *file, fuzz_signer sign) {
    static struct { char *key, *sig; } cache[CACHE];
    char *key = twin_key(twin, file);
    if (key == NULL) {
        abort();
    }
    uint32_t h = hash(key) % CACHE;
    if (cache[h].key && strcmp(cache[h].key, key) == 0) {
        free(key);
        return strdup(cache[h].sig);
    }
    char *text = fuzz_report(twin, file), *sig = sign(twin, text);
    free(text);
    free(cache[h].key);
    free(cache[h].sig);
    cache[h].key = key;
    cache[h].sig = sig;
    return strdup(sig);
}

/* Fails, showing the first line where the signatures differ. */
static void differ(const char *file, const char *sig, const char *twin) {
    size_t line = 1;
    const char *a = sig, *b = twin, *start = sig;
    for (; *a && *a == *b; a++, b++) {
        if (*a == '\n') {
            line++;
            start = a + 1;
        }
    }
    b -= a - start;
    fprintf(stderr, "%s, line %zu of its signature: \"%.*s\" where the neutral twin has \"%.*s\"\n",
            file, line, (int)strcspn(start, "\n"), start, (int)strcspn(b, "\n"), b);
    fuzz_fail("the report's structure depends on the input's strings", file);
}

void fuzz_report_against_twin(const uint8_t *data, size_t size, const char *file,
                              fuzz_signer sign) {
    fuzz_series s, twin;
    if (!fuzz_series_build(data, size, false, &s)) {
        return;
    }
    if (!fuzz_series_build(data, size, true, &twin)) {
        fuzz_fail("the neutral twin of a series is empty", NULL);
    }
    char *sig2 = fuzz_report_twin(&twin, file, sign), *text = fuzz_report(&s, file);
    char *sig = sign(&s, text);
    if (strcmp(sig, sig2) != 0) {
        differ(file, sig, sig2);
    }
    free(sig);
    free(sig2);
    free(text);
    fuzz_series_free(&s);
    fuzz_series_free(&twin);
}
