/* gazetteer.c — actor surfaces as written in news text (names, short names, adjectives,
 * demonyms, capitals, seats of power, office holders with their dates, organs, organisations),
 * loaded from aliases TSV and matched longest-first, case-aware, at a token. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

enum { CASE_ANY, CASE_CAP, CASE_EXACT };

typedef struct {
    size_t norm, raw; /* arena offsets */
    uint32_t hash;    /* of the lower-cased form */
    int rule;         /* CASE_* */
    bool poss;        /* written with a possessive ("People's" in the DPRK's name) */
} gz_tok;

typedef struct {
    size_t tok0, ntok; /* into toks */
    size_t actor;      /* arena offset; "-" disables the surface */
    allynet__gz_type type;
    int rule0; /* the first token's CASE_* (its word is the chain's key) */
    char from[11], to[11];
    size_t next; /* next entry with the same first token, SIZE_MAX at the end */
} gz_entry;

struct allynet__gazetteer {
    allynet__arena arena;
    gz_tok *toks;
    size_t n_toks, cap_toks;
    gz_entry *entries;
    size_t n, cap;
    allynet__strmap first; /* first token's lower-cased form -> entry (keys in `keys`) */
    char **keys;
    size_t n_keys, cap_keys;
    allynet__tokens scratch;
    allynet__bloom first_hashes;
    allynet__bloom first_any; /* of first words that match in any case (most need a capital) */
};

static const char *const type_names[] = {"name", "short",  "adjective", "demonym", "capital",
                                         "seat", "leader", "organ",     "org_name"};

allynet__gazetteer *allynet__gazetteer_new(void) {
    return calloc(1, sizeof(allynet__gazetteer));
}

void allynet__gazetteer_free(allynet__gazetteer *g) {
    if (g == NULL) {
        return;
    }
    allynet__arena_destroy(&g->arena);
    free(g->toks);
    free(g->entries);
    allynet__strmap_destroy(&g->first);
    for (size_t i = 0; i < g->n_keys; i++) {
        free(g->keys[i]);
    }
    free(g->keys);
    allynet__tokens_destroy(&g->scratch);
    free(g);
}

bool allynet__date_valid(const char *s) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
            return false;
        }
    }
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

/* Links entry e at the head of its first token's chain. Every put gets its own copy of the key
 * (the map keeps the latest pointer); all copies are freed with the gazetteer. */
static bool link_entry(allynet__gazetteer *g, size_t e, const char *first) {
    size_t head;
    g->entries[e].next =
        allynet__strmap_get_h(&g->first, first, allynet__str_hash(first), &head) ? head : SIZE_MAX;
    if (!allynet__grow((void **)&g->keys, &g->cap_keys, g->n_keys + 1, sizeof *g->keys, 256)) {
        return false;
    }
    char *k = strdup(first);
    if (k == NULL) {
        return false;
    }
    g->keys[g->n_keys++] = k;
    return allynet__strmap_put(&g->first, k, e);
}

static allynet_status add_row(allynet__gazetteer *g, char **f, const char *source, int line,
                              allynet_error *err) {
    int type = -1;
    for (int i = 0; i < (int)(sizeof type_names / sizeof *type_names); i++) {
        if (strcmp(f[2], type_names[i]) == 0) {
            type = i;
        }
    }
    if (type < 0 || *f[0] == '\0' || *f[1] == '\0') {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, line, 1,
                                 "expected `surface actor type from to note` with a type among "
                                 "name|short|adjective|demonym|capital|seat|leader|organ|org_name");
    }
    if ((*f[3] && !allynet__date_valid(f[3])) || (*f[4] && !allynet__date_valid(f[4]))) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, line, 1, "dates must be YYYY-MM-DD");
    }
    allynet__tokens *t = &g->scratch;
    allynet__tokens_clear(t);
    if (!allynet__tokenize(f[0], strlen(f[0]), 0, t) ||
        !allynet__grow((void **)&g->entries, &g->cap, g->n + 1, sizeof *g->entries, 256) ||
        !allynet__grow((void **)&g->toks, &g->cap_toks, g->n_toks + t->n, sizeof *g->toks, 256)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, line, 0, "out of memory");
    }
    if (t->n == 0) {
        return ALLYNET_OK;
    }
    gz_entry *e = &g->entries[g->n];
    *e = (gz_entry){.tok0 = g->n_toks, .ntok = t->n, .type = (allynet__gz_type)type};
    snprintf(e->from, sizeof e->from, "%s", f[3]);
    snprintf(e->to, sizeof e->to, "%s", f[4]);
    e->actor = allynet__arena_add(&g->arena, f[1], strlen(f[1]));
    for (size_t i = 0; i < t->n; i++) {
        const allynet__token *k = &t->v[i];
        gz_tok *gt = &g->toks[g->n_toks++];
        gt->norm =
            allynet__arena_add(&g->arena, allynet__tok_norm(t, i), strlen(allynet__tok_norm(t, i)));
        gt->raw = allynet__arena_add(&g->arena, f[0] + k->start, k->end - k->start);
        gt->hash = k->hash;
        gt->rule = (k->flags & TK_UPPER) ? CASE_EXACT : (k->flags & TK_CAP) ? CASE_CAP : CASE_ANY;
        gt->poss = (k->flags & TK_POSS) != 0;
        if (gt->norm == SIZE_MAX || gt->raw == SIZE_MAX) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, source, line, 0, "out of memory");
        }
    }
    e->rule0 = g->toks[e->tok0].rule;
    allynet__bloom_add(&g->first_hashes, t->v[0].hash);
    if (e->rule0 == CASE_ANY) {
        allynet__bloom_add(&g->first_any, t->v[0].hash);
    }
    if (e->actor == SIZE_MAX || !link_entry(g, g->n, allynet__tok_norm(t, 0))) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, line, 0, "out of memory");
    }
    g->n++;
    return ALLYNET_OK;
}

allynet_status allynet__gazetteer_load(allynet__gazetteer *g, const char *buf, size_t len,
                                       const char *source, allynet_error *err) {
    char *text = malloc(len + 1);
    if (text == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    memcpy(text, buf, len);
    text[len] = '\0';
    allynet_status st = ALLYNET_OK;
    bool header = false;
    int line = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l && st == ALLYNET_OK;
         l = strtok_r(NULL, "\n", &save)) {
        line++; /* blank lines are skipped by strtok: line numbers count non-empty lines */
        l[strcspn(l, "\r")] = '\0';
        if (l[0] == '#' || l[0] == '\0') {
            continue;
        }
        if (!header && strncmp(l, "surface\t", 8) == 0) {
            header = true;
            continue;
        }
        char *f[6] = {0};
        char *p = l;
        for (int i = 0; i < 6; i++) {
            f[i] = p ? p : "";
            p = p ? strchr(p, '\t') : NULL;
            if (p) {
                *p++ = '\0';
            }
        }
        st = add_row(g, f, source, line, err);
    }
    free(text);
    /* one copy of each actor id: the coder compares them as pointers first */
    if (st == ALLYNET_OK && g->n > 0 &&
        !allynet__arena_share(&g->arena, &g->entries[0].actor, g->n, sizeof *g->entries)) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    return st;
}

static bool case_ok(int rule, unsigned f) {
    if (rule == CASE_CAP) {
        return (f & TK_CAP) != 0;
    }
    if (rule == CASE_EXACT) {
        return (f & TK_UPPER) != 0;
    }
    return true;
}

static bool tok_ok(const allynet__gazetteer *g, const gz_tok *gt, const allynet__tokens *t,
                   size_t j) {
    if (gt->hash != t->v[j].hash ||
        !allynet__same_word(g->arena.buf + gt->norm, allynet__tok_norm(t, j))) {
        return false;
    }
    return case_ok(gt->rule, t->v[j].flags);
}

static bool in_dates(const gz_entry *e, const char *date) {
    if (date == NULL || *date == '\0') {
        return true;
    }
    return (e->from[0] == '\0' || strcmp(date, e->from) >= 0) &&
           (e->to[0] == '\0' || strcmp(date, e->to) < 0);
}

bool allynet__gazetteer_match(const allynet__gazetteer *g, const allynet__tokens *t, size_t i,
                              size_t last, const char *date, allynet__gz_match *out) {
    size_t e;
    /* a word with no capital can start only a name whose first word matches in any case */
    const allynet__bloom *first =
        t->v[i].flags & (TK_CAP | TK_UPPER) ? &g->first_hashes : &g->first_any;
    if (!(t->v[i].flags & TK_WORD) || !allynet__bloom_has(first, t->v[i].hash) ||
        !allynet__strmap_get_h(&g->first, allynet__tok_norm(t, i), t->v[i].hash, &e)) {
        return false;
    }
    const gz_entry *best = NULL;
    for (; e != SIZE_MAX; e = g->entries[e].next) {
        const gz_entry *en = &g->entries[e];
        if (i + en->ntok > last || (best && en->ntok <= best->ntok) || !in_dates(en, date)) {
            continue;
        }
        /* the first word is the chain's key: only its case is left to check */
        bool ok = case_ok(en->rule0, t->v[i].flags);
        for (size_t k = 1; ok && k < en->ntok; k++) {
            /* a possessive inside a name only where the name has one */
            ok = ((t->v[i + k - 1].flags & TK_POSS) != 0) == g->toks[en->tok0 + k - 1].poss &&
                 tok_ok(g, &g->toks[en->tok0 + k], t, i + k);
        }
        if (ok) {
            best = en;
        }
    }
    if (best == NULL) {
        return false;
    }
    bool blocked = strcmp(g->arena.buf + best->actor, "-") == 0;
    *out = (allynet__gz_match){best->ntok, blocked ? NULL : g->arena.buf + best->actor, best->type};
    return true;
}

const char *allynet__gazetteer_name(const allynet__gazetteer *g, const char *actor) {
    const char *found = NULL;
    for (size_t i = 0; i < g->n; i++) {
        const gz_entry *e = &g->entries[i];
        if ((e->type == GZ_NAME || e->type == GZ_ORG_NAME) &&
            strcmp(g->arena.buf + e->actor, actor) == 0 && found == NULL) {
            found = g->arena.buf + g->toks[e->tok0].raw;
            if (e->ntok > 1) {
                return NULL; /* multi-word: the caller uses the id (names come from the dict) */
            }
        }
    }
    return found;
}

void allynet__gazetteer_surfaces(const allynet__gazetteer *g, void (*fn)(const char *, void *),
                                 void *ctx) {
    char buf[512];
    for (size_t i = 0; i < g->n; i++) {
        const gz_entry *e = &g->entries[i];
        size_t n = 0;
        for (size_t k = 0; k < e->ntok && n < sizeof buf - 64; k++) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", k ? " " : "",
                                  g->arena.buf + g->toks[e->tok0 + k].raw);
        }
        fn(buf, ctx);
    }
}
