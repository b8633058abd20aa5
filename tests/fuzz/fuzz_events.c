/* fuzz_events.c — a libFuzzer target for the table loaders of `allynet events`. The first byte
 * of the input picks the format (mod 7), --strict (bit 3) and the period; the rest is the table
 * (for unvotes: the votes, a form feed, then the roll calls). Every run either writes snapshots
 * or fails with an error that explains itself. */
#include "allynet.h"

#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void put(const char *path, const uint8_t *p, size_t n) {
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        fwrite(p, 1, n, f);
        fclose(f);
    }
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void cleanup(void) {
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/allynet-fuzz-events-XXXXXX");
        if (mkdtemp(dir) == NULL) {
            abort();
        }
        atexit(cleanup);
    }
    char a[96], b[96], out[96];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    const uint8_t *rest = data + 1, *ff = memchr(rest, '\f', size - 1);
    size_t n = size - 1, na = ff ? (size_t)(ff - rest) : n;
    put(a, rest, na);
    put(b, ff ? ff + 1 : rest, ff ? n - na - 1 : n);
    allynet_events_options o;
    allynet_events_options_init(&o, (allynet_events_format)(data[0] % 7));
    o.strict = (data[0] >> 3) & 1;
    o.period = (allynet_period_kind)((data[0] >> 4) % 4);
    o.source_col = "1", o.target_col = "2", o.date_col = "3", o.weight_col = "4";
    const char *files[2] = {a, b};
    allynet_error err = {0};
    json_t *index = NULL;
    allynet_status st = allynet_events_run(&o, files, o.format == ALLYNET_EVENTS_UNVOTES ? 2 : 1,
                                           out, &index, &err);
    if ((st == ALLYNET_OK) != (index != NULL) || (st != ALLYNET_OK && err.text[0] == '\0')) {
        abort(); /* every failure explains itself; success returns the index */
    }
    json_decref(index);
    return 0;
}
