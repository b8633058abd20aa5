/* fuzz_extract.c — libFuzzer target for text extraction: any bytes as a news text. The extractor
 * (dictionaries loaded once) codes the text as one document, hands over the snapshot, and the
 * snapshot is written out: the tokenizer's eight-byte reads, the word-list memos and the sentence
 * coder's windows run under the sanitizers on whatever the fuzzer makes up. */
#include "allynet.h"
#include "roundtrip.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static allynet_extractor *x;
    if (x == NULL) {
        allynet_extract_options o = {.max_evidence = 3};
        if (allynet_extractor_new(&o, &x, NULL) != ALLYNET_OK) {
            abort();
        }
    }
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        return 0;
    }
    memcpy(buf, data, size);
    buf[size] = '\0';
    allynet_extract_stats st;
    allynet_error err = {0};
    if (allynet_extract_buffer(x, buf, size, "fuzz", "fuzz.txt", &st, &err) != ALLYNET_OK) {
        abort(); /* a text, whatever its bytes, is never an error */
    }
    if (st.bytes != size || st.invalid_bytes > size) {
        abort();
    }
    allynet_graph *g = NULL;
    if (allynet_extractor_take_graph(x, &g, &err) != ALLYNET_OK) {
        abort();
    }
    fuzz_roundtrip(g); /* the snapshot is written and read back */
    allynet_graph_free(g);
    free(buf);
    return 0;
}
