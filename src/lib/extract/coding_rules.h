/* coding_rules.h — the sentence coder's construction rules (coding_rules.c), which assign
 * (coding.c) tries for each cue. Private to the library. */
#ifndef ALLYNET_CODING_RULES_H
#define ALLYNET_CODING_RULES_H

#include "roles.h"

/* A mention ending right before "-" + this cue: "Iran-backed", "US-sanctioned". */
long allynet__compound(const allynet__sent *x, const allynet__lx_match *lm);
/* "Egypt was invited to join BRICS": the organisation joined invites (src). */
bool allynet__invited_to(const allynet__sent *x, const allynet__lx_match *lm, allynet__roles *src);
/* "strengthening US-Vietnam ties": a hyphenated pair of mentions in or right before a
 * reciprocal cue's phrase are its parties (a, b). */
bool allynet__pair_compound(const allynet__sent *x, const allynet__lx_match *lm, allynet__roles *a,
                            allynet__roles *b);
size_t allynet__find_word(const allynet__sent *x, size_t from, size_t to, const char *const *list);
bool allynet__cue_between(const allynet__sent *x, size_t from, size_t to);
/* Are the tokens [from, to) only auxiliaries and adverbs ("has also", "would")? */
bool allynet__only_aux(const allynet__sent *x, size_t from, size_t to);
/* "Brazil and Colombia joined Washington in calling on X": the subject of "joined" acts too. */
void allynet__joined_in(const allynet__sent *x, long best, allynet__roles *src);
/* Is verb cue lm the second of coordinated verbs ("boarded and seized", "hosts X and has
 * mediated")? Then its subject is the clause's first actor, or the relative's antecedent. */
bool allynet__second_verb(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                          allynet__roles *src);
/* The nationality right before a noun cue is its agent: "condemned the Israeli incursion",
 * "the Chinese seizure of the boats". Returns the mention or -1. */
long allynet__noun_owner(const allynet__sent *x, const allynet__lx_match *lm);
/* A noun cue inside a prepositional phrase ("in the face of growing pressure", "in support of")
 * has no subject of its own. */
bool allynet__noun_after_prep(const allynet__sent *x, const allynet__lx_match *lm, bool *in);
/* Where the object of cue lm starts: after the cue, or inside a gapped verb cue when an actor
 * sits in the gap ("summoned Niger's ambassador", "expelled Russian diplomats", "joined Russia
 * in voting"). */
size_t allynet__inner_object(const allynet__sent *x, const allynet__lx_match *lm);
/* "Beijing said Washington's arms sales were a provocation": a charge after a copula in reported
 * speech; the speaker accuses the actor named between "said" and the copula. */
bool allynet__reported_charge(const allynet__sent *x, const allynet__lx_match *lm,
                              allynet__roles *src, allynet__roles *tg);
/* Skips a time adjunct right after a verb ("demanded on Friday that X", "warned Saturday"). */
size_t allynet__skip_time(const allynet__sent *x, size_t i);
/* "Russia said Sudan must return the helicopter": a demand in reported speech, from the speaker
 * to the subject of the modal. Outside reported speech it codes nothing. */
bool allynet__reported_demand(const allynet__sent *x, const allynet__lx_match *lm,
                              allynet__roles *src, allynet__roles *tg);
/* "talks between X and Y", "a truce between X and Y": the parties are X and Y, whoever the
 * subject of the verb before is ("Qatar mediated the talks between Israel and Hamas"). */
bool allynet__between_parties(const allynet__sent *x, size_t k, allynet__roles *r);
/* "mediated talks between X and Y", "hosted a summit between X and Y": a verb with no object of
 * its own whose object is a reciprocal event acts on that event's parties. */
void allynet__event_parties(const allynet__sent *x, size_t k, const allynet__roles *src,
                            allynet__roles *tg);
/* "Qatar, together with Egypt, mediated": co-agents in the clause act with the subject. */
void allynet__add_coagents(const allynet__sent *x, size_t start, size_t stop, allynet__roles *src);
/* "South Africa's accusation that Israel was committing genocide": the subject of the clause after
 * a noun of disapproval or accusation (CAMEO 11) is its target. */
void allynet__that_target(const allynet__sent *x, const allynet__lx_match *lm,
                          const allynet__roles *src, allynet__roles *tg);
/* "condemned Israel's strikes", "rejected the Chinese blockade": a judged event noun's agent is
 * only its possessor right before it. */
bool allynet__judged_agent(const allynet__sent *x, const allynet__lx_match *lm,
                           allynet__roles *src);
/* "threatened to halt the talks if Washington deployed missiles", "warned of retaliation unless
 * X withdraws": a threat or warning (CAMEO 13) with no target of its own is aimed at the subject
 * of its condition. */
void allynet__condition_target(const allynet__sent *x, size_t k, const allynet__roles *src,
                               allynet__roles *tg);
/* "Lebanon complained to the United Nations over Israeli air raids": a complaint (CAMEO 114) about
 * an act owned by a nationality or a possessive is aimed at that owner; an organization it was
 * made to is only the addressee. */
void allynet__complaint_about(const allynet__sent *x, const allynet__lx_match *lm,
                              const allynet__roles *src, allynet__roles *tg);
/* "Russia faces new sanctions from the European Union": a noun cue whose source follows "from"
 * (hint `from`) right after it is the act of that actor on the clause's subject ("a tariff on
 * goods from X" names an origin, not an agent). */
void allynet__from_agent(const allynet__sent *x, const allynet__lx_match *lm, allynet__roles *src,
                         allynet__roles *tg);
/* "He flew on to Vietnam, where he met President To Lam": a cooperative act with no object of its
 * own in a "where" clause is done with the place's state ("the war in Yemen, where a coalition
 * fought the Houthis" names a battleground, not a party). */
void allynet__where_host(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                         const allynet__roles *src, allynet__roles *tg);

/* Does a verb cue take an object that names no actor ("will fight the occupation", "to
 * confront the enemy")? Its subjects then act on it, not on each other. */
bool allynet__object_noun(const allynet__sent *x, const allynet__lx_match *lm);

/* "among its allies", "their partners": a relation noun owned by a pronoun, no partner named
 * after it: it relates its owner to others left unnamed. */
bool allynet__unnamed_partners(const allynet__sent *x, const allynet__lx_match *lm);
/* "Helsinki's shift drew a warning from the Kremlin": fills src (after "from") and tg (the
 * subject) of a hostile cue a subject drew from someone; false (roles untouched) otherwise. */
bool allynet__drawn_from(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                         allynet__roles *src, allynet__roles *tg);

#endif
