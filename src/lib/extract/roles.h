/* roles.h — the role finders that roles.c defines and coding.c uses: clause limits, the subject
 * before a cue, the objects after it, coordination, passives and relative clauses. Private to the
 * library. */
#ifndef ALLYNET_ROLES_H
#define ALLYNET_ROLES_H

#include "extract_int.h"

enum { ALLYNET__MAX_ROLE = 8 };

/* The actors found for one role of a cue. */
typedef struct allynet__roles {
    const char *a[ALLYNET__MAX_ROLE];
    size_t n;
    bool coref, weak; /* reached through coreference; a nationality on a thing */
} allynet__roles;

extern const char *const allynet__naming[]; /* called, branded, described, ... */

/* Does the comma at token i end a clause? */
bool allynet__comma_boundary(const allynet__sent *x, size_t i);
/* The first token of the clause holding token i. */
size_t allynet__clause_start(const allynet__sent *x, size_t i);
/* Can the mention act (not a place, a cited source, a nationality on a thing, ...)? */
bool allynet__eligible_source(const allynet__mention *mn);
/* Adds the mention's actors to r (no duplicates). */
void allynet__add_role(allynet__roles *r, const allynet__mention *mn);
/* Are mentions a (before) and b coordinated ("X, Y and Z", an appositive name between)? */
bool allynet__coordinated(const allynet__sent *x, const allynet__mention *a,
                          const allynet__mention *b);
/* The mention nearest before `end` and at or after `start` (preferring one not governed by a
 * preposition), with its coordinated neighbours; `object` also accepts a reciprocal event
 * standing for its parties. Returns the mention index or -1. */
long allynet__left_role_as(const allynet__sent *x, size_t start, size_t end, allynet__roles *r,
                           bool object);
long allynet__left_role(const allynet__sent *x, size_t start, size_t end, allynet__roles *r);
/* Removes from r the actors of `but`. */
void allynet__drop_roles(allynet__roles *r, const allynet__roles *but);
/* The first eligible target in [start, stop) and those coordinated with it, skipping the actors
 * of `but` (may be NULL). Returns whether one was found. */
bool allynet__right_role_but(const allynet__sent *x, const allynet__cue *cue, size_t start,
                             size_t stop, const allynet__roles *but, allynet__roles *r);
bool allynet__right_role(const allynet__sent *x, const allynet__cue *cue, size_t start, size_t stop,
                         allynet__roles *r);
/* Where the target search after token `from` of cue number `cue` stops. */
size_t allynet__right_stop(const allynet__sent *x, size_t cue, size_t from);
/* "by X" after a participle: the agent. */
bool allynet__by_agent(const allynet__sent *x, const allynet__lx_match *lm, allynet__roles *r);
/* Is the cue a passive participle ("was sanctioned", "remains designated ... by")? */
bool allynet__passive(const allynet__sent *x, const allynet__lx_match *lm);
/* The antecedent of a relative pronoun at token rel ("Hezbollah, which ..."). */
bool allynet__antecedent(const allynet__sent *x, size_t rel, allynet__roles *r);

/* features.c: the features of the confidence model (FT_* bits) that an event's flags (CF_*)
 * and final CAMEO code give; that a cue gives in its clause; that its roles give (implicit: the
 * target was not named in the clause); that the sentence gives (index: its place in the
 * document, from 0). */
uint32_t allynet__flag_features(unsigned flags, const char *cameo);
uint32_t allynet__cue_features(const allynet__sent *x, const allynet__lx_match *lm);
uint32_t allynet__role_features(const allynet__roles *src, const allynet__roles *tg, bool implicit);
uint32_t allynet__sentence_features(const allynet__sent *x, size_t index);

#endif
