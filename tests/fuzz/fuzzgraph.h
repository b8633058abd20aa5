/* fuzzgraph.h — snapshots made from fuzz input, for the writers' targets: every string a writer
 * takes from a graph (actor ids, names, kinds, relations, evidence cues and notes, a snapshot's
 * name and date) is arbitrary bytes of the input (valid UTF-8 without NUL, as every loader
 * gives them), so the fuzzer looks for the one that breaks an output's syntax.
 *
 * Input: a flags byte (bit 0 directed, bits 1-2 the snapshot count - 1, bits 3-7 left to the
 * target as `opts`), then fields separated by 0xFF (never in UTF-8), each a tag byte and its
 * payload. 'a' an actor: id, then optional name and kind, separated by 0xFE; 't' ties, three
 * bytes each (source & 7 and snapshot in the bits above, target & 7 and relation in the bits
 * above, signed weight in quarters); 'r' a relation; 'e' an evidence cue and note (0xFE between);
 * 'n' and 'd' the next snapshot's name and date. At most 8 actors, 24 ties and 3 snapshots,
 * so a writer that lays out or analyses stays fast. */
#ifndef ALLYNET_FUZZ_GRAPH_H
#define ALLYNET_FUZZ_GRAPH_H

#include "allynet.h"

#include <stdint.h>

enum { FUZZ_MAX_SNAPS = 3, FUZZ_MAX_ACTORS = 8, FUZZ_MAX_TIES = 24, FUZZ_MAX_POOL = 4 };

typedef struct fuzz_series {
    allynet_graph *g[FUZZ_MAX_SNAPS]; /* owned, sorted (allynet_graph_sort) */
    size_t n;
    unsigned opts; /* the flags byte's bits 3-7 */
} fuzz_series;

/* Builds the snapshots of the input into *out. With `neutral`, every string from the input is
 * replaced by a plain one of the same role ("a00", "n00", ...; ids keep their order and dates
 * what allynet reads of them), so a writer's output for the two must have the same structure.
 * Returns false (and *out empty) when the input makes no snapshot with an actor. */
bool fuzz_series_build(const uint8_t *data, size_t size, bool neutral, fuzz_series *out);
void fuzz_series_free(fuzz_series *s);

/* Fails the run: prints what broke and aborts, so libFuzzer and the replay both report it. */
_Noreturn void fuzz_fail(const char *what, const char *detail);

#endif
