/* io_int.h — what io's files share (library-internal): the streaming node-link parse behind
 * io.c's memory-mapped loading, and Graphviz's error setup (graphviz.c), which
 * render/graphviz_draw.c shares. */
#ifndef ALLYNET_IO_INT_H
#define ALLYNET_IO_INT_H

#include "core/internal.h"

/* allynet_nodelink_parse, calling release(ctx, offset) as the scan moves past offset (so a
 * memory-mapped file's consumed pages can be dropped). */
allynet_status allynet__nodelink_parse_stream(const char *buf, size_t len, const char *source,
                                              void (*release)(void *, size_t), void *ctx,
                                              allynet_graph **out, allynet_error *err);

/* Prepares Graphviz's global error state for one call: errors are queued, not printed
 * (agseterr(AGMAX)), earlier ones forgotten, and the first line of a DOT parse error kept for
 * allynet_dot_parse's message. */
void allynet__gv_quiet(void);

/* A value as a Graphviz string (dotname.c): a backslash doubled, a leading '%' as "\%", a
 * control byte as "\xHH" (lower-case hex), U+FFFE and U+FFFF (which XML forbids) as their three
 * bytes so; _unname reverses it (other backslashes stay as they are). New strings (free them);
 * NULL when out of memory. */
char *allynet__dot_name(const char *s);
char *allynet__dot_unname(const char *s);

#endif
