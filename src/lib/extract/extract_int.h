/* extract_int.h — what the text-extraction modules share: tokens, sentences, the gazetteer of
 * actor surfaces, the cue lexicon, mentions and coded events. Private to the library. */
#ifndef ALLYNET_EXTRACT_INT_H
#define ALLYNET_EXTRACT_INT_H

#include "core/internal.h"

#include <string.h>

/* ---- a growing arena of NUL-terminated strings (offsets stay valid when it grows) */
typedef struct allynet__arena {
    char *buf;
    size_t len, cap;
} allynet__arena;

void allynet__arena_destroy(allynet__arena *a);
/* Appends n bytes and a NUL; returns the offset, or SIZE_MAX when out of memory. */
size_t allynet__arena_add(allynet__arena *a, const char *s, size_t n);
/* Makes equal strings share one copy: of the n offsets at off[0], off[stride], ... (bytes apart:
 * a field of an array of records), each is replaced by the first offset holding the same string,
 * so equal strings taken from the arena are equal pointers (allynet__same_str). Returns false
 * when out of memory; the offsets are then only partly shared, which is harmless. */
bool allynet__arena_share(const allynet__arena *a, size_t *off, size_t n, size_t stride);
/* Are the strings a and b equal? The pointers first, then the first bytes, then strcmp: actor
 * ids and relation names are shared (allynet__arena_share), so equal ones are equal pointers. */
static inline bool allynet__same_str(const char *a, const char *b) {
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* ---- tokens (tokenize.c) */
enum {
    TK_WORD = 1 << 0,  /* letters or digits */
    TK_CAP = 1 << 1,   /* starts with an upper-case letter */
    TK_UPPER = 1 << 2, /* every letter upper-case (and at least two letters) */
    TK_POSS = 1 << 3,  /* followed by a possessive 's or ' (not part of the token) */
    TK_PUNCT = 1 << 4, /* one punctuation mark (quotes and dashes included) */
    TK_END = 1 << 5,   /* . ! ? that may end a sentence */
    TK_PARA = 1 << 6,  /* the first token after a blank line */
    TK_QUOTE = 1 << 7, /* an opening or closing quotation mark */
    TK_NUM = 1 << 8,   /* starts with a digit */
    TK_LINE = 1 << 9,  /* the first token after a single line break */
};

typedef struct allynet__token {
    size_t start, end; /* byte span in the document */
    size_t norm;       /* offset of the lower-cased form in the arena */
    uint16_t flags;
    uint16_t wid;  /* word-list memo (words.c): allynet__wl_memo, read by allynet__tok_in_list */
    uint32_t hash; /* allynet__str_hash of the lower-cased form: for every dictionary lookup */
} allynet__token;

typedef struct allynet__tokens {
    allynet__token *v;
    size_t n, cap;
    allynet__arena arena; /* lower-cased forms */
} allynet__tokens;

void allynet__tokens_destroy(allynet__tokens *t);
void allynet__tokens_clear(allynet__tokens *t);
/* Tokenizes buf[0..len) whose first byte is at document offset `base`, appending to t.
 * Returns false when out of memory. O(len). */
bool allynet__tokenize(const char *buf, size_t len, size_t base, allynet__tokens *t);
/* The lower-cased form of token i. */
static inline const char *allynet__tok_norm(const allynet__tokens *t, size_t i) {
    return t->arena.buf + t->v[i].norm;
}

/* ---- words (words.c) */
/* Are two NUL-terminated words equal? Inline: words are a few bytes, a libc call costs more. */
static inline bool allynet__same_word(const char *a, const char *b) {
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}
/* A 65,536-bit filter of token hashes: false positives possible, no false negatives. */
typedef struct allynet__bloom {
    uint64_t bits[1024];
} allynet__bloom;
static inline void allynet__bloom_add(allynet__bloom *b, uint32_t h) {
    b->bits[(h >> 6) & 1023] |= (uint64_t)1 << (h & 63);
}
static inline bool allynet__bloom_has(const allynet__bloom *b, uint32_t h) {
    return (b->bits[(h >> 6) & 1023] >> (h & 63)) & 1;
}

/* ---- sentences (sentences.c): [first, last) token ranges */
typedef struct allynet__span {
    size_t first, last;
} allynet__span;

/* Does a web page's link to another story start at token i ("ALSO READ: ...", "Read more: ...",
 * "See also: ...", "Related: ...")? Its line is a sentence of its own, and codes nothing: its
 * events are the other story's. */
bool allynet__teaser(const allynet__tokens *t, size_t i);
/* Splits tokens into sentences, calling `each` for every sentence in order. Sentences longer
 * than `max_tokens` are cut there. O(tokens). */
typedef bool (*allynet__sentence_fn)(const allynet__tokens *t, allynet__span s, void *ctx);
bool allynet__sentences(const allynet__tokens *t, size_t max_tokens, allynet__sentence_fn each,
                        void *ctx);

/* ---- gazetteer (gazetteer.c): actor surfaces as written */
typedef enum {
    GZ_NAME,
    GZ_SHORT,
    GZ_ADJECTIVE,
    GZ_DEMONYM,
    GZ_CAPITAL,
    GZ_SEAT,
    GZ_LEADER,
    GZ_ORGAN,
    GZ_ORG_NAME,
} allynet__gz_type;

typedef struct allynet__gazetteer allynet__gazetteer;

typedef struct allynet__gz_match {
    size_t ntok;       /* tokens matched */
    const char *actor; /* borrowed actor id */
    allynet__gz_type type;
} allynet__gz_match;

allynet__gazetteer *allynet__gazetteer_new(void);
void allynet__gazetteer_free(allynet__gazetteer *g);
/* Adds the rows of an aliases TSV (`surface actor type from to note`); later rows with the same
 * surface and dates override earlier ones. Errors: INPUT with line and column. */
allynet_status allynet__gazetteer_load(allynet__gazetteer *g, const char *buf, size_t len,
                                       const char *source, allynet_error *err);
/* The longest surface starting at token i valid on `date` (YYYY-MM-DD or "" for any date).
 * Returns false when none. A surface whose actor is "-" matches with out->actor NULL: its words
 * name no actor, and no shorter surface inside them does ("Latin America" is not "America"). */
bool allynet__gazetteer_match(const allynet__gazetteer *g, const allynet__tokens *t, size_t i,
                              size_t last, const char *date, allynet__gz_match *out);
/* The name of an actor: its `name` surface, or NULL. */
const char *allynet__gazetteer_name(const allynet__gazetteer *g, const char *actor);
/* Calls fn for every distinct surface (for benchmarks). */
void allynet__gazetteer_surfaces(const allynet__gazetteer *g, void (*fn)(const char *, void *),
                                 void *ctx);

/* ---- lexicon (lexicon.c): verb and noun cues -> CAMEO code and weight */
enum {
    LX_VERB = 1,
    LX_NOUN = 2,
    LX_FIXED = 3,
};
enum {
    LH_SYM = 1 << 0,        /* reciprocal: a pair or a "with" partner gives both directions */
    LH_ACCUSE = 1 << 1,     /* a charge levelled at someone ("piracy"): X called Y's act piracy */
    LH_BACKED = 1 << 2,     /* a participle that reverses roles: "X-backed Y", "backed by X" */
    LH_SPATIAL = 1 << 3,    /* "in X" names the target (strikes in Syria) */
    LH_EMBED = 1 << 4,      /* takes an infinitive complement whose cue it absorbs (threaten to) */
    LH_FROM = 1 << 5,       /* the source follows "from" (receive aid from X) */
    LH_NEGNEUTRAL = 1 << 6, /* a negated form means nothing (denied meeting) */
    LH_WITH = 1 << 7,       /* the target is a partner: "talks with X", "ties between X and Y" */
    LH_APPEAL = 1 << 8,     /* "called on X to ...": a demand unless what is asked is cooperative */
    LH_ORG = 1 << 9, /* the target is an organisation ("joined NATO", "admitted to the AU") */
};

typedef struct allynet__cue {
    const char *lemma;    /* the cue as written in the lexicon */
    const char *cameo;    /* CAMEO code */
    double weight;        /* Goldstein weight */
    const char *relation; /* category */
    int pos;              /* LX_* */
    unsigned hints;       /* LH_* */
} allynet__cue;

typedef struct allynet__lexicon allynet__lexicon;

typedef struct allynet__lx_match {
    size_t first, last; /* token range matched (a pattern may skip tokens) */
    const allynet__cue *cue;
    bool participle; /* matched an -ed/-en form */
} allynet__lx_match;

allynet__lexicon *allynet__lexicon_new(void);
void allynet__lexicon_free(allynet__lexicon *l);
/* Adds the rows of a lexicon TSV (`cue pos cameo weight relation hints forms`). */
allynet_status allynet__lexicon_load(allynet__lexicon *l, const char *buf, size_t len,
                                     const char *source, allynet_error *err);
/* The longest cue starting at token i (before `last`); among equally long ones the latest
 * loaded, or a noun when `noun` (after a determiner: "the strike"). */
bool allynet__lexicon_match(const allynet__lexicon *l, const allynet__tokens *t, size_t i,
                            size_t last, bool noun, allynet__lx_match *out);
/* May a cue start at token i? A filter with no false negatives (a word whose hash is not that of
 * any cue's first word cannot), before allynet__lexicon_match looks the word up. */
bool allynet__lexicon_starts(const allynet__lexicon *l, const allynet__tokens *t, size_t i);
/* Every cue row, for tests: count and i-th. */
size_t allynet__lexicon_count(const allynet__lexicon *l);
const allynet__cue *allynet__lexicon_at(const allynet__lexicon *l, size_t i);

/* ---- mentions and roles (roles.c) */
enum {
    MN_POSS = 1 << 0,     /* possessive: Venezuela's */
    MN_WEAK = 1 << 1,     /* a nationality on a thing (Venezuelan territory): a target only */
    MN_PLACE = 1 << 2,    /* a location (in Lebanon, off the coast of X): never a role */
    MN_QUOTED = 1 << 3,   /* a cited source (according to the Kremlin): never a role */
    MN_LEADER = 1 << 4,   /* a person (for he/his) */
    MN_COREF = 1 << 5,    /* resolved through coreference */
    MN_EVENT = 1 << 6,    /* an earlier event referred to (the seizure) */
    MN_ADJ = 1 << 7,      /* an adjective or demonym */
    MN_IN = 1 << 8,       /* after "in": a location, except for military cues (strikes in X) */
    MN_FROM = 1 << 9,     /* after "from" or "into" */
    MN_PRON = 1 << 10,    /* a pronoun or anaphor, resolved by coreference */
    MN_BOUND = 1 << 11,   /* the source of an "X-backed" compound: no other role */
    MN_THING = 1 << 12,   /* "their borders": a possessive pronoun on a thing, never a target */
    MN_POSS_OF = 1 << 13, /* governed by "of" ("the administration of X"): not what "it" means */
    MN_PARTIES = 1 << 14, /* a reciprocal event ("the meeting") standing for all its parties */
    MN_ORG = 1 << 15,     /* an organization named: the antecedent of "the bloc" */
    MN_COAGENT = 1 << 16, /* "together with X", "alongside X": acts with the subject */
};

/* The most actors one mention, group or event's parties can stand for ("the seven"). */
enum { ALLYNET__MAX_GROUP = 8 };

typedef struct allynet__mention {
    size_t first, last;                     /* token range */
    const char *actors[ALLYNET__MAX_GROUP]; /* borrowed ids; actors[1..] NULL unless a group */
    const char *target_of;                  /* for MN_EVENT: the earlier event's target */
    unsigned flags;
} allynet__mention;

/* ---- confidence (confidence.c): the features of a coded event and the fitted model */
enum {
    FT_COREF,             /* a role reached through coreference */
    FT_WEAK_TARGET,       /* the target is a nationality on a thing ("Venezuelan waters") */
    FT_AMONG_SUBJECTS,    /* a reciprocal cue among coordinated subjects ("X and Y agreed") */
    FT_REVERSE,           /* the other direction of a reciprocal cue */
    FT_HOST,              /* the host or convener of talks between the parties */
    FT_PRESUPPOSED,       /* the fighting a truce presupposes */
    FT_SRC_PAIR,          /* two sources share the role */
    FT_SRC_LIST,          /* three or more sources */
    FT_TG_PAIR,           /* two targets */
    FT_TG_LIST,           /* three or more targets */
    FT_NOUN,              /* the cue is a noun */
    FT_MATERIAL_COOP,     /* CAMEO 06-08 (verbal cooperation, 01-05, is the reference) */
    FT_VERBAL_CONFLICT,   /* CAMEO 09-13 */
    FT_MATERIAL_CONFLICT, /* CAMEO 14-20 */
    FT_ASIDE,             /* CF_ASIDE */
    FT_PAST,              /* CF_PAST */
    FT_NEGATED,           /* CF_NEG */
    FT_DEMAND,            /* CF_DEMAND */
    FT_HALT,              /* CF_HALT */
    FT_THREAT,            /* CF_THREAT */
    FT_LIFT,              /* CF_LIFT */
    FT_QUOTE,             /* the sentence has a quotation mark */
    FT_LEAD,              /* one of the document's first two sentences */
    FT_LATE,              /* the document's eleventh sentence or later */
    FT_LONG,              /* a sentence of more than 40 tokens */
    FT_CROWD,             /* five or more actor mentions in the sentence */
    FT_MODAL,             /* a modal or future auxiliary before the cue in its clause */
    FT_REPORTED,          /* a reporting verb in the sentence (said, told, according) */
    FT_CONDITION,         /* a condition word in the sentence (if, unless, whether) */
    FT_IMPLICIT_TARGET,   /* the target was not named in the clause (a reaction, a host) */
    FT_COUNT
};

typedef struct allynet__model {
    double bias, coef[FT_COUNT];
    double tie_bias, tie_logit, tie_sentences;
    uint32_t memo_features; /* the last span scored, and its probability */
    double memo_p;
    bool memo_valid;
} allynet__model;

/* Reads a `feature<TAB>coefficient` TSV (graphs/confidence.tsv); names not listed keep 0.
 * Errors: INPUT with line and column for an unknown name or a bad number. */
allynet_status allynet__model_load(allynet__model *m, const char *buf, size_t len,
                                   const char *source, allynet_error *err);
/* The probability that a span with these features (FT_* bits) is right (the last answer is
 * remembered in m). */
double allynet__model_span(allynet__model *m, uint32_t features);
/* The probability that a document's tie is right: `miss` is the product of (1 - p) over its
 * spans of the tie's sign, `sentences` the number of sentences they come from. */
double allynet__model_tie(const allynet__model *m, double miss, size_t sentences);
/* The name of feature k, or NULL. */
const char *allynet__feature_name(unsigned k);

/* One coded event before aggregation. */
typedef struct allynet__event {
    const char *source, *target; /* borrowed actor ids */
    const allynet__cue *cue;
    const char *cameo; /* the cue's, or the negated form's */
    double weight;
    const char *relation;
    double confidence;
    uint32_t features; /* FT_* bits */
    size_t start, end; /* byte span of the sentence */
} allynet__event;

/* ---- tally (tally.c): per tie, the capped evidence spans and the relation mix, kept in plain
 * arrays while reading and turned into the ties' JSON once, by allynet__tally_flush */
typedef struct allynet__tally allynet__tally;
allynet__tally *allynet__tally_new(size_t max_evidence); /* NULL when out of memory */
void allynet__tally_free(allynet__tally *t);
/* The document the next events come from (its id is copied). False when out of memory. */
bool allynet__tally_doc(allynet__tally *t, const char *doc);
/* Counts event ev into tie index `tie` of the graph being built: its span always, its relation
 * share when `weighed` (not for an event the lead repeats). False when out of memory. */
bool allynet__tally_add(allynet__tally *t, size_t tie, const allynet__event *ev, bool weighed);
/* Moves tie `from` of src (a staging tally holding the current document only) into tie `to` of
 * dst (whose current document must be the same), and records `confidence` as the tie's
 * confidence for that sign when higher than what it has. False when out of memory. */
bool allynet__tally_move(allynet__tally *dst, size_t to, allynet__tally *src, size_t from,
                         double confidence, bool negative);
/* Empties every tie of t, keeping its documents. */
void allynet__tally_reset(allynet__tally *t);
/* Writes every tie's "evidence", attributes "relations" and "evidence_dropped" into g and
 * settles each tie's relation (its weightiest category); empties the tally. False when out of
 * memory. */
bool allynet__tally_flush(allynet__tally *t, allynet_graph *g);

/* ---- a document's ties before they join the snapshot (doctie.c): each pair's summed weight,
 * events, spans and the evidence for the confidence of its tie, decided when the document ends */
typedef struct allynet__doc_ties allynet__doc_ties;
typedef struct allynet__doc_tie {
    const char *source, *target; /* borrowed */
    double weight;               /* summed */
    long events;
    double confidence; /* the tie's, for its net sign (the model's) */
} allynet__doc_tie;
allynet__doc_ties *allynet__doc_ties_new(size_t max_evidence); /* NULL when out of memory */
void allynet__doc_ties_free(allynet__doc_ties *d);
/* Starts a document (its id is copied). False when out of memory. */
bool allynet__doc_ties_begin(allynet__doc_ties *d, const char *doc);
/* Stages an event (its confidence set). False when out of memory. */
bool allynet__doc_ties_add(allynet__doc_ties *d, const allynet__event *ev);
/* The document's pairs, in the order they first occurred; pair i with its tie confidence. */
size_t allynet__doc_ties_count(const allynet__doc_ties *d);
void allynet__doc_ties_get(const allynet__doc_ties *d, size_t i, const allynet__model *m,
                           allynet__doc_tie *out);
/* Moves pair i's spans and relation mix into tie `tie` of the snapshot's tally. */
bool allynet__doc_ties_commit(allynet__doc_ties *d, size_t i, allynet__tally *to, size_t tie,
                              double confidence);
/* Forgets the document's pairs. */
void allynet__doc_ties_clear(allynet__doc_ties *d);

/* Word lists (words.c): lists with a number, vocabulary entries, the memo bit of an absent word. */
enum { ALLYNET__WL_LISTS = 256, ALLYNET__WL_WORDS = 2048, ALLYNET__WID_ABSENT = 0x8000 };

/* One sentence under analysis. Sentences are cut at ALLYNET__MAX_SENT tokens. */
enum { ALLYNET__MAX_SENT = 256, ALLYNET__MAX_MN = 64, ALLYNET__MAX_CUE = 32 };
enum {
    CF_NEG = 1 << 0,      /* negated: not, never, no longer, refused to */
    CF_ABSORBED = 1 << 1, /* part of another cue's complement (threatened to take action) */
    CF_ANAPHOR = 1 << 2,  /* "the seizure": refers to an earlier event, codes nothing */
    CF_SHARED = 1 << 3,   /* "shared opposition": the sources are the previous event's pair */
    CF_DEMAND = 1 << 4,   /* an appeal that demands: "called on X to step aside" */
    CF_HYPO = 1 << 5,     /* someone else's claim or a mere possibility: codes nothing */
    CF_HALT = 1 << 6,     /* a cooperative cue ended: "suspended the treaty", "cut aid" */
    CF_LIFT = 1 << 7,     /* a hostile cue ended: "lifted the embargo", "eased the blockade" */
    CF_TRUCE = 1 << 8,   /* absorbed a truce ("agreed to a ceasefire"): its parties were fighting */
    CF_JUDGED = 1 << 9,  /* an event noun judged by a verb ("condemned the strikes"): its agent is
                            not the verb's subject */
    CF_PAST = 1 << 10,   /* background history ("neighbours that fought a war", "had clashed",
                            "ending the price war"): a hostile act coded with a tenth of its weight */
    CF_EXHORT = 1 << 13, /* "said X must reach a deal": a "must" before a cooperative cue, a
                            demand only when X is not the speaker */
    CF_THREAT = 1 << 12, /* a hostile act promised on a condition ("would strike if X ..."): a
                            threat (CAMEO 130) aimed at the condition's subject */
    CF_ASIDE = 1 << 11,  /* an aside on an actor in a non-restrictive relative or an appositive
                            ("Iran, which backs Hamas,", "Iran, a close ally of Syria,"): true
                            but not the news, coded with half its weight */
};
typedef struct allynet__sent {
    const allynet__tokens *t;
    allynet__span s;
    allynet__mention m[ALLYNET__MAX_MN];
    size_t nm;
    allynet__lx_match cue[ALLYNET__MAX_CUE];
    unsigned cue_flags[ALLYNET__MAX_CUE];
    size_t nc;
    unsigned char tok_cue[ALLYNET__MAX_SENT]; /* 1 + index of the cue on a token, or 0 */
    /* What ends a clause, per token, remembered once asked (roles.c, clause_mark): the role
     * finders ask about the same tokens many times. Points at stop_memo, so the finders may fill
     * it through a const sentence; valid once the cues are known (it reads tok_cue). */
    unsigned char *stops, stop_memo[ALLYNET__MAX_SENT];
    /* The word lists the sentence's words are in (a bit per list number: the OR of their
     * vocabulary entries), as of vocabulary generation has_gen (UINT_MAX: unknown). Rules that
     * scan windows for a list's words ask allynet__sent_may_have first (words.c). */
    uint64_t has[ALLYNET__WL_LISTS / 64];
    unsigned has_gen;
} allynet__sent;

/* roles.c: words between a preposition and its noun; prepositions. */
extern const char *const allynet__modifiers[];
extern const char *const allynet__preps[];
/* roles.c: the relative pronouns (which, who, that); the words that open a condition (if,
 * unless). */
extern const char *const allynet__relatives[];
extern const char *const allynet__conditions[];
/* roles.c: weapons and arms of service that modify an event noun ("Russian drone attacks"). */
extern const char *const allynet__arms[];

/* mentions.c: folds titles, classifies nationalities, locations, datelines, cited sources. */
void allynet__mentions_classify(allynet__sent *x);
/* words.c: is w one of the words of a NULL-terminated list? The list must be a static,
 * unchanging array (each list is numbered on first use). O(1). */
bool allynet__in_list(const char *w, const char *const *list);
/* The same, with w's allynet__str_hash supplied by the caller (a token's .hash). */
bool allynet__in_list_h(const char *w, uint32_t hash, const char *const *list);
/* Is token i's lower-cased form one of the words of list? The token remembers its word's
 * vocabulary entry (t->v[i].wid), so a token asked about many lists is looked up once, and each
 * call site remembers the number of the list it asked about last (an allynet__wl_site of its
 * own), so the common case is a few inline instructions: no hashing of the list, no collisions
 * between lists. The rest is allynet__tok_in_list_slow. */
extern _Thread_local const char *const *allynet__wl_list[ALLYNET__WL_LISTS];
extern _Thread_local uint64_t allynet__wl_mask[ALLYNET__WL_WORDS][ALLYNET__WL_LISTS / 64];
extern _Thread_local unsigned allynet__wl_gen;
typedef struct allynet__wl_site {
    const char *const *list; /* the list last asked about here, NULL at first */
    unsigned n;              /* its number */
} allynet__wl_site;
bool allynet__tok_in_list_slow(allynet__wl_site *site, const allynet__tokens *t, size_t i,
                               const char *const *list);
/* The word-list memo of a word with this hash: its vocabulary entry, or "absent as of now". */
uint16_t allynet__wl_memo(const char *w, size_t n, uint32_t hash);
/* A list's home slot in allynet__wl_list: lists lie side by side, so the low bits of the address
 * tell them apart. */
static inline size_t allynet__wl_home(const char *const *list) {
    uintptr_t a = (uintptr_t)list;
    return (size_t)((a >> 3) ^ (a >> 11)) & (ALLYNET__WL_LISTS - 1);
}
#if defined(__SANITIZE_ADDRESS__) /* sanitizer builds check every answer against a scan */
bool allynet__wl_check(const allynet__tokens *t, size_t i, const char *const *list, bool found);
#define ALLYNET__WL_ANSWER(t, i, list, found) allynet__wl_check(t, i, list, found)
#else
#define ALLYNET__WL_ANSWER(t, i, list, found) (found)
#endif
static inline bool allynet__tok_in_list_at(allynet__wl_site *site, const allynet__tokens *t,
                                           size_t i, const char *const *list) {
    unsigned k = t->v[i].wid;
    if (site->list == list) {
        unsigned n = site->n;
        if (!(k & ALLYNET__WID_ABSENT)) {
            return ALLYNET__WL_ANSWER(t, i, list, (allynet__wl_mask[k][n / 64] >> (n % 64)) & 1);
        }
        if (k == (ALLYNET__WID_ABSENT | allynet__wl_gen)) {
            return ALLYNET__WL_ANSWER(t, i, list, false);
        }
    }
    return allynet__tok_in_list_slow(site, t, i, list);
}
#define allynet__tok_in_list(t, i, list)                                                           \
    __extension__({                                                                                \
        static _Thread_local allynet__wl_site allynet__site_;                                      \
        allynet__tok_in_list_at(&allynet__site_, (t), (i), (list));                                \
    })

/* Does token i end a stretch of the clause: a full stop, a semicolon or a comma? */
static inline bool allynet__hard_punct(const allynet__sent *x, size_t i) {
    const char *w = allynet__tok_norm(x->t, i);
    return (x->t->v[i].flags & TK_END) || strcmp(w, ";") == 0 || strcmp(w, ",") == 0;
}

/* words.c: fills x->has from the sentence's tokens. */
void allynet__sent_lists(allynet__sent *x);
bool allynet__sent_may_have_slow(allynet__wl_site *site, const allynet__sent *x,
                                 const char *const *list);
/* May a word of list occur in the sentence? False only when none does: a rule can then skip its
 * scan. Like allynet__tok_in_list, each call site remembers its list's number. */
static inline bool allynet__sent_may_have_at(allynet__wl_site *site, const allynet__sent *x,
                                             const char *const *list) {
    if (site->list != list || x->has_gen != allynet__wl_gen) {
        return allynet__sent_may_have_slow(site, x, list);
    }
    return (x->has[site->n / 64] >> (site->n % 64)) & 1;
}
#define allynet__sent_may_have(x, list)                                                            \
    __extension__({                                                                                \
        static _Thread_local allynet__wl_site allynet__site_;                                      \
        allynet__sent_may_have_at(&allynet__site_, (x), (list));                                   \
    })

/* The discourse memory that coreference reads across sentences of one document. */
enum { ALLYNET__MAX_PERSONS = 16 };

typedef struct allynet__discourse {
    const char *last_actor[2]; /* the two most recent distinct actors */
    const char *last_leader;   /* the most recent person's actor */
    const char *last_subject;  /* the most recent source */
    const char
        *group[ALLYNET__MAX_GROUP]; /* the latest actors acting together ("they", "the leaders") */
    size_t age_group;
    size_t age_leader, age_subject;
    struct {
        const allynet__cue *cue;
        const char *source, *target;
        const char
            *sources[ALLYNET__MAX_GROUP]; /* all of its sources (for "the decision" of a group) */
        const char
            *parties[ALLYNET__MAX_GROUP]; /* sources and targets (for "the meeting", "the talks") */
        const char *targets[ALLYNET__MAX_GROUP];
        size_t at;         /* the sentence it was coded in */
    } recent[8];           /* recent events, for "the seizure" */
    size_t sentence;       /* sentences seen so far */
    const char *first[2];  /* the first actor named in this sentence and in the one before */
    bool thing_subject[2]; /* this sentence and the one before open with a noun that is no actor
                            * ("The resolution, which the US drafted, authorized ...") */
    const char *last_org;  /* the most recent organization named, for "the bloc" */
    size_t age_org;
    const char *last_armed; /* the most recent armed group named, for "the group" */
    size_t age_armed;
    size_t n_recent;
    const char
        *parties[ALLYNET__MAX_GROUP]; /* everyone in the latest event with two or more parties */
    size_t age_parties;
    const char *sym_pair[2]; /* the latest two actors of a reciprocal event: "the two sides" */
    size_t age_sym;
    const char *congo;   /* the Congo the text last named unambiguously (congo.c) */
    const char *speaker; /* the latest quotation's speaker (quotes.c) */
    struct {
        char name[24];               /* a surname, lower-cased */
        uint32_t hash;               /* the token hash of the name */
        const char *actor;           /* whom its bearer speaks for */
    } persons[ALLYNET__MAX_PERSONS]; /* people introduced by title and name (persons.c) */
    size_t n_persons, persons_next;
    allynet__bloom persons_seen; /* the names' hashes: most words are no name */
    size_t speaker_age;          /* sentences since */
} allynet__discourse;

/* cues.c: the possessive mention that opens an appositive noun phrase ending in noun cue lm
 * ("Turkey, Azerbaijan's closest ally,"), right after a comma that follows another mention; -1
 * when none. */
long allynet__appositive_possessor(const allynet__sent *x, const allynet__lx_match *lm);

/* congo.c: a bare "Congo"/"Congolese" is the Republic of the Congo when the text last named that
 * Congo unambiguously; remembers the sentence's unambiguous naming. */
void allynet__congo_resolve(allynet__sent *x, allynet__discourse *d);

/* persons.c: people introduced by title and name stand for their actor where their surname
 * comes back; learns this sentence's introductions. Before allynet__mentions_classify. */
void allynet__persons_link(allynet__sent *x, allynet__discourse *d);

/* quotes.c: gives "we", "us" and "our" in a quotation the actor of its speaker. */
void allynet__quote_speakers(allynet__sent *x, allynet__discourse *d);

/* coref.c */
/* Recognises a pronoun or anaphor at token i and adds an unresolved mention (*len tokens). */
bool allynet__coref_scan(allynet__sent *x, size_t i, size_t *len);
/* Is there a recent event this event noun ("the seizure") can refer to? */
bool allynet__coref_event(const allynet__discourse *d, const allynet__cue *cue);
/* Makes mn stand for the actor of that event. */
void allynet__coref_event_mention(const allynet__discourse *d, const allynet__cue *cue,
                                  allynet__mention *mn);
/* Resolves the sentence's pronouns and anaphors in order and remembers its actors. */
void allynet__coref_resolve(allynet__sent *x, allynet__discourse *d);
/* Ages the memory by one sentence. */
void allynet__coref_next_sentence(allynet__discourse *d);
/* Remembers a coded event (target may be NULL: "seized a tanker"). */
void allynet__coref_remember(allynet__discourse *d, const allynet__cue *cue, const char *source,
                             const char *target);
/* Remembers actors acting together (n <= ALLYNET__MAX_GROUP): the antecedent of "they", "the
 * leaders". */
void allynet__coref_group(allynet__discourse *d, const char *const *actors, size_t n);
/* The actor that recently (this sentence or the two before) acted on `actor`, for a reaction
 * with no target of its own ("Moscow vowed to respond in kind"); NULL when none or several. */
const char *allynet__coref_implicit_target(const allynet__discourse *d, const char *actor,
                                           const allynet__cue *cue);
/* The target of a recent event of the same relation by another actor ("Germany will send tanks to
 * Ukraine. Washington would supply tanks too"); NULL when none. */
const char *allynet__coref_same_target(const allynet__discourse *d, const allynet__cue *cue,
                                       const char *actor);
/* Remembers the two parties of a reciprocal event (talks, an agreement): "the two sides". */
void allynet__coref_sym_pair(allynet__discourse *d, const char *a, const char *b);
/* Remembers every party of the latest event (sources, then targets; at most ALLYNET__MAX_GROUP
 * kept): what "the three governments" or "the meeting" stand for. */
void allynet__coref_parties(allynet__discourse *d, const char *const *src, size_t ns,
                            const char *const *tg, size_t nt);

typedef struct allynet__sentence_ctx {
    const allynet__gazetteer *gz;
    const allynet__lexicon *lx;
    const char *date;
    allynet__discourse *dis;
    bool (*emit)(const allynet__event *ev, void *ctx);
    void *emit_ctx;
} allynet__sentence_ctx;

/* cues_scan.c: mentions, cues and anaphors of a sentence; cues.c: then the cues' flags (CF_*). */
void allynet__cues_scan(allynet__sent *x, const allynet__sentence_ctx *c);
void allynet__cues_flag(allynet__sent *x);

/* Finds the mentions, cues and roles of one sentence and emits its events. Returns false when
 * out of memory or when emit failed. */
bool allynet__code_sentence(const allynet__sentence_ctx *c, const allynet__tokens *t,
                            allynet__span s);

/* Is s a valid YYYY-MM-DD date? */
bool allynet__date_valid(const char *s);

#endif
