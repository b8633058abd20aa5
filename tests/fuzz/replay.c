/* replay.c — runs a fuzz target over corpus files without libFuzzer, so every build (gcc with
 * ASan/UBSan in scripts/test) replays the corpus and the crashes fuzzing once found. One TAP line
 * per input. The targets abort on what they check (an error without text, a snapshot that does not
 * read back); an input over the fuzzers' limit is refused loudly (`not ok`), never cut short. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_INPUT = 1 << 20 };

int main(int argc, char **argv) {
    static uint8_t buf[MAX_INPUT + 1];
    int bad = 0;
    printf("1..%d\n", argc - 1);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            printf("not ok %d - %s: cannot open\n", i, argv[i]);
            bad++;
            continue;
        }
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        if (n > MAX_INPUT) {
            printf("not ok %d - %s: over %d bytes; a corpus input must fit the fuzzers' limit\n", i,
                   argv[i], MAX_INPUT);
            bad++;
            continue;
        }
        LLVMFuzzerTestOneInput(buf, n);
        printf("ok %d - %s (%zu bytes)\n", i, argv[i], n);
        fflush(stdout);
    }
    return bad ? 1 : 0;
}
