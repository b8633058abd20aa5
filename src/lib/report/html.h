/* html.h — the parts of report.html (library-internal): escaping for HTML and for JSON inside
 * HTML, one split per snapshot, stable bloc colours, one layout for the series, evidence text
 * from the source documents, findings in sentences, and the page writer. */
#ifndef ALLYNET_REPORT_HTML_H
#define ALLYNET_REPORT_HTML_H

#include "render/render.h"
#include "report.h"

/* ---- escaping: every value from input passes allynet__html_text (render/render.h) or: */

/* Writes j as compact JSON that is safe inside <script type="application/json">: '<', '>' and
 * '&' are written as \u003c, \u003e and \u0026 (so "</script>" or "<!--" cannot end or change
 * the script element), the noncharacters U+FFFE and U+FFFF as \ufffe and \uffff. Returns false
 * on a write or memory error. */
bool allynet__html_json(FILE *f, const json_t *j);

/* ---- the one split per snapshot (split.c) */

typedef enum {
    ALLYNET__SPLIT_NONE = 0,    /* no ties */
    ALLYNET__SPLIT_BLOCS,       /* two opposing blocs (the frustration bipartition) */
    ALLYNET__SPLIT_COMMUNITIES, /* no opposing blocs: communities of cooperative ties */
} allynet__split_mode;

/* Builds the snapshot's split from the figures the sections put in `snap` (balance, metrics,
 * communities_leiden) and stores it as snap["split"]: {"mode", "reason", "groups": [{"label",
 * "lead", "members": [ids]}], "outside": [ids], "modularity": signed modularity of the groups}.
 * Opposing blocs need a negative tie between two sides of at least two actors each; actors in
 * components without a negative tie belong to neither bloc. Errors: NOMEM. */
allynet_status allynet__split_build(const allynet_graph *g, json_t *snap, allynet_error *err);

/* ---- stable colours over a series (colours.c) */

enum { ALLYNET__COLOURS = 10 };

/* Gives every group of every snapshot's split a colour index (0..ALLYNET__COLOURS-1, or -1 for
 * a group of one or when all colours are taken), stored as "colour" in each group object. A
 * group keeps a colour while it holds most of the members that colour had when last used and
 * are present; a group that holds no such majority takes the free colour most of its known
 * members last had, else a fresh one. Deterministic. Errors: NOMEM. */
allynet_status allynet__colours_assign(json_t *snaps, allynet_error *err);

/* ---- one layout for the series (layout.c) */

/* Positions (points) for the union of the snapshots' actors, so an actor keeps its place across
 * the series: ids sorted, x and y per id. `pinned` (may be NULL) fixes the actors it carries
 * positions for. *out is a new object {"ids": [...], "x": [...], "y": [...]}. Errors: those of
 * allynet_render, NOMEM. */
allynet_status allynet__layout_series(const allynet_report_item *items, size_t n,
                                      const allynet_graph *pinned, json_t **out,
                                      allynet_error *err);

/* ---- evidence text (evidence.c) */

typedef struct allynet__texts allynet__texts; /* a cache of source documents */
allynet__texts *allynet__texts_new(void);
void allynet__texts_free(allynet__texts *t);
/* The sentence an evidence span points at in g's source `doc` (graph.sources[].path, read from
 * the path as given, else next to the graph file `graph_path`), with whitespace runs folded and
 * at most ~600 bytes; a new JSON string, or NULL when the text is not at hand. */
json_t *allynet__evidence_text(allynet__texts *t, const allynet_graph *g, const char *graph_path,
                               const json_t *span);

/* ---- findings (findings.c) */

/* Sentences stating a snapshot's main findings from its figures (snap with split, metrics,
 * balance, align), as snap["findings"]: [{"text", "table"}], table naming the page table that
 * holds the figures. Errors: NOMEM. */
allynet_status allynet__findings_snapshot(const allynet_graph *g, json_t *snap, allynet_error *err);
/* Sentences on the series (root with snapshots and compare) as root["findings"]. */
allynet_status allynet__findings_series(json_t *root, allynet_error *err);

/* ---- the page (page.c, view.c) */

/* The per-snapshot data the page draws: actors (index of their id in the layout, through
 * `index`), groups, figures), ties with evidence, groups, figures and findings. A new object,
 * or NULL when out of memory. */
json_t *allynet__view_snapshot(const allynet_report_item *it, const json_t *snap,
                               const allynet__strmap *index, allynet__texts *texts);
/* The field names of the view's node, tie and evidence rows, as a new object. */
json_t *allynet__view_fields(void);
/* Writes dir/report.html. Errors: IO, NOMEM. */
allynet_status allynet__html_write(const allynet_report_item *items, size_t n, const char *dir,
                                   const json_t *root, const json_t *layout, allynet_error *err);

#endif
