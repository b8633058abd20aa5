/* lexicon.c — the relation cues: verbs and nouns (with their inflections generated from the lemma
 * plus irregular forms) mapped to a CAMEO code, a Goldstein weight and a relation category,
 * loaded from lexicon TSV and matched longest-first at a token, with short gaps ("recalled its
 * ambassador" matches "recall * ambassador"). */
#include "extract_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_POS = 6, MAX_FORMS = 12, GAP = 4 };

typedef struct {
    size_t forms[MAX_FORMS]; /* arena offsets; n == 0 marks a gap */
    size_t n;
} lx_pos;

typedef struct {
    allynet__cue cue;
    size_t cue_lemma, cue_cameo, cue_relation; /* arena offsets, resolved after loading */
    lx_pos pos[MAX_POS];
    size_t npos;
} lx_entry;

typedef struct {
    size_t entry, next; /* a chain of the entries one first-word form starts */
} lx_node;

struct allynet__lexicon {
    allynet__arena arena;
    lx_entry *entries;
    size_t n, cap;
    lx_node *nodes;
    size_t n_nodes, cap_nodes;
    allynet__strmap first; /* a form -> its chain's head node */
    char **keys;
    size_t n_keys, cap_keys;
    bool resolved;
    allynet__bloom first_hashes; /* of every first-word form */
};

allynet__lexicon *allynet__lexicon_new(void) {
    return calloc(1, sizeof(allynet__lexicon));
}

void allynet__lexicon_free(allynet__lexicon *l) {
    if (l == NULL) {
        return;
    }
    allynet__arena_destroy(&l->arena);
    free(l->entries);
    free(l->nodes);
    allynet__strmap_destroy(&l->first);
    for (size_t i = 0; i < l->n_keys; i++) {
        free(l->keys[i]);
    }
    free(l->keys);
    free(l);
}

static bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool add_form(allynet__lexicon *l, lx_pos *p, const char *s) {
    for (size_t i = 0; i < p->n; i++) {
        if (strcmp(l->arena.buf + p->forms[i], s) == 0) {
            return true;
        }
    }
    if (p->n == MAX_FORMS) {
        return true;
    }
    size_t off = allynet__arena_add(&l->arena, s, strlen(s));
    if (off == SIZE_MAX) {
        return false;
    }
    p->forms[p->n++] = off;
    return true;
}

/* Adds the regular inflections of w: -s, and for verbs -ed and -ing. */
static bool inflect(allynet__lexicon *l, lx_pos *p, const char *w, int pos) {
    char b[96];
    size_t n = strlen(w);
    if (n == 0 || n > 80 || pos == LX_FIXED) {
        return true;
    }
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : ' ';
    bool cy = last == 'y' && !vowel(prev);
    bool sib = last == 's' || last == 'x' || last == 'z' || last == 'o' ||
               (last == 'h' && (prev == 's' || prev == 'c'));
    if (cy) {
        snprintf(b, sizeof b, "%.*sies", (int)n - 1, w);
    } else {
        snprintf(b, sizeof b, "%s%s", w, sib ? "es" : "s");
    }
    if (!add_form(l, p, b)) {
        return false;
    }
    if (pos != LX_VERB) {
        return true;
    }
    if (last == 'e') {
        snprintf(b, sizeof b, "%sd", w);
    } else if (cy) {
        snprintf(b, sizeof b, "%.*sied", (int)n - 1, w);
    } else {
        snprintf(b, sizeof b, "%sed", w);
    }
    if (!add_form(l, p, b)) {
        return false;
    }
    if (n > 2 && last == 'e' && prev == 'i') {
        snprintf(b, sizeof b, "%.*sying", (int)n - 2, w);
    } else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o') {
        snprintf(b, sizeof b, "%.*sing", (int)n - 1, w);
    } else {
        snprintf(b, sizeof b, "%sing", w);
    }
    return add_form(l, p, b);
}

static unsigned parse_hints(const char *s) {
    static const struct {
        const char *name;
        unsigned bit;
    } h[] = {{"sym", LH_SYM},
             {"accuse", LH_ACCUSE},
             {"backed", LH_BACKED},
             {"spatial", LH_SPATIAL},
             {"embed", LH_EMBED},
             {"from", LH_FROM},
             {"negneutral", LH_NEGNEUTRAL},
             {"with", LH_WITH},
             {"appeal", LH_APPEAL},
             {"org", LH_ORG}};
    unsigned bits = 0;
    for (size_t i = 0; i < sizeof h / sizeof *h; i++) {
        const char *p = strstr(s, h[i].name);
        if (p != NULL) {
            bits |= h[i].bit;
        }
    }
    return bits;
}

static bool link_forms(allynet__lexicon *l, size_t e) {
    const lx_pos *p = &l->entries[e].pos[0];
    for (size_t i = 0; i < p->n; i++) {
        const char *f = l->arena.buf + p->forms[i];
        size_t head;
        if (!allynet__grow((void **)&l->nodes, &l->cap_nodes, l->n_nodes + 1, sizeof *l->nodes,
                           256) ||
            !allynet__grow((void **)&l->keys, &l->cap_keys, l->n_keys + 1, sizeof *l->keys, 256)) {
            return false;
        }
        uint32_t h = allynet__str_hash(f);
        allynet__bloom_add(&l->first_hashes, h);
        l->nodes[l->n_nodes] =
            (lx_node){e, allynet__strmap_get_h(&l->first, f, h, &head) ? head : SIZE_MAX};
        char *k = strdup(f);
        if (k == NULL) {
            return false;
        }
        l->keys[l->n_keys++] = k;
        if (!allynet__strmap_put(&l->first, k, l->n_nodes++)) {
            return false;
        }
    }
    return true;
}

/* Fills the positions of entry e from the cue words and the extra forms of the first word. */
static bool build_positions(allynet__lexicon *l, lx_entry *e, char *cue, const char *extra) {
    char *save = NULL;
    size_t inflected = SIZE_MAX;
    for (char *w = strtok_r(cue, " ", &save); w && e->npos < MAX_POS;
         w = strtok_r(NULL, " ", &save)) {
        lx_pos *p = &e->pos[e->npos];
        p->n = 0;
        if (strcmp(w, "*") != 0) {
            if (!add_form(l, p, w)) {
                return false;
            }
            if (inflected == SIZE_MAX && strcmp(w, "not") != 0 && strcmp(w, "no") != 0) {
                inflected = e->npos;
                if (!inflect(l, p, w, e->cue.pos)) {
                    return false;
                }
            } else if (e->npos > 0 && e->pos[e->npos - 1].n == 0 && !inflect(l, p, w, LX_NOUN)) {
                return false; /* the noun after a gap takes its plural: "recalled its envoys" */
            }
        }
        e->npos++;
    }
    if (inflected == SIZE_MAX || e->npos == 0 || e->pos[0].n == 0) {
        return e->npos > 0 && e->pos[0].n > 0;
    }
    char buf[256];
    snprintf(buf, sizeof buf, "%s", extra);
    for (char *f = strtok_r(buf, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        while (*f == ' ') {
            f++;
        }
        if (*f && !add_form(l, &e->pos[inflected], f)) {
            return false;
        }
    }
    return true;
}

static bool code_valid(const char *s) {
    size_t n = strlen(s);
    if (n < 2 || n > 4) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static allynet_status add_row(allynet__lexicon *l, char **f, const char *source, int line,
                              allynet_error *err) {
    int pos = strcmp(f[1], "v") == 0   ? LX_VERB
              : strcmp(f[1], "n") == 0 ? LX_NOUN
              : strcmp(f[1], "a") == 0 ? LX_FIXED
                                       : 0;
    char *end = NULL;
    double w = strtod(f[3], &end);
    if (pos == 0 || !code_valid(f[2]) || end == f[3] || *end != '\0' || !isfinite(w) || w < -10 ||
        w > 10 || *f[0] == '\0' || *f[4] == '\0') {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, line, 1,
                                 "expected `cue pos(v|n|a) cameo weight(-10..10) relation hints "
                                 "forms`");
    }
    if (!allynet__grow((void **)&l->entries, &l->cap, l->n + 1, sizeof *l->entries, 256)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, line, 0, "out of memory");
    }
    lx_entry *e = &l->entries[l->n];
    memset(e, 0, sizeof *e);
    e->cue.pos = pos;
    e->cue.weight = w;
    e->cue.hints = parse_hints(f[5]);
    e->cue_lemma = allynet__arena_add(&l->arena, f[0], strlen(f[0]));
    e->cue_cameo = allynet__arena_add(&l->arena, f[2], strlen(f[2]));
    e->cue_relation = allynet__arena_add(&l->arena, f[4], strlen(f[4]));
    char cue[256];
    snprintf(cue, sizeof cue, "%s", f[0]);
    for (char *c = cue; *c; c++) {
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
    }
    if (e->cue_relation == SIZE_MAX || !build_positions(l, e, cue, f[6]) || !link_forms(l, l->n)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, line, 0, "out of memory");
    }
    l->n++;
    l->resolved = false;
    return ALLYNET_OK;
}

allynet_status allynet__lexicon_load(allynet__lexicon *l, const char *buf, size_t len,
                                     const char *source, allynet_error *err) {
    char *text = malloc(len + 1);
    if (text == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    memcpy(text, buf, len);
    text[len] = '\0';
    allynet_status st = ALLYNET_OK;
    int line = 0;
    char *l0 = text;
    while (l0 != NULL && st == ALLYNET_OK) {
        line++;
        char *nl = strchr(l0, '\n');
        if (nl) {
            *nl = '\0';
        }
        l0[strcspn(l0, "\r")] = '\0';
        if (l0[0] != '#' && l0[0] != '\0' && strncmp(l0, "cue\t", 4) != 0) {
            char *f[7];
            char *p = l0;
            for (int i = 0; i < 7; i++) {
                f[i] = p ? p : "";
                p = p ? strchr(p, '\t') : NULL;
                if (p) {
                    *p++ = '\0';
                }
            }
            st = add_row(l, f, source, line, err);
        }
        l0 = nl ? nl + 1 : NULL;
    }
    free(text);
    return st;
}

/* Points the cues' strings into the arena (done once, after the last load). */
static void resolve(const allynet__lexicon *cl) {
    allynet__lexicon *l = (allynet__lexicon *)cl;
    if (l->resolved) {
        return;
    }
    if (l->n > 0) { /* one copy of each relation name: they compare as pointers */
        allynet__arena_share(&l->arena, &l->entries[0].cue_relation, l->n, sizeof *l->entries);
    }
    for (size_t i = 0; i < l->n; i++) {
        lx_entry *e = &l->entries[i];
        e->cue.lemma = l->arena.buf + e->cue_lemma;
        e->cue.cameo = l->arena.buf + e->cue_cameo;
        e->cue.relation = l->arena.buf + e->cue_relation;
    }
    l->resolved = true;
}

static bool pos_has(const allynet__lexicon *l, const lx_pos *p, const char *w, size_t *form) {
    for (size_t i = 0; i < p->n; i++) {
        if (allynet__same_word(l->arena.buf + p->forms[i], w)) {
            *form = i;
            return true;
        }
    }
    return false;
}

/* Matches entry e at token i; returns the index past its last token, or 0. */
static size_t match_entry(const allynet__lexicon *l, const lx_entry *e, const allynet__tokens *t,
                          size_t i, size_t last) {
    size_t j = i + 1, form;
    for (size_t k = 1; k < e->npos; k++) {
        const lx_pos *p = &e->pos[k];
        if (p->n == 0) {
            continue; /* a gap: the next position may come up to GAP tokens later */
        }
        size_t reach = e->pos[k - 1].n == 0 ? GAP + 1 : 1;
        size_t found = 0;
        for (size_t d = 0; d < reach && j + d < last; d++) {
            if (t->v[j + d].flags & TK_END) {
                break;
            }
            if (pos_has(l, p, allynet__tok_norm(t, j + d), &form)) {
                found = j + d + 1;
                break;
            }
        }
        if (found == 0) {
            return 0;
        }
        j = found;
    }
    return j;
}

bool allynet__lexicon_match(const allynet__lexicon *l, const allynet__tokens *t, size_t i,
                            size_t last, bool noun, allynet__lx_match *out) {
    size_t nd;
    if (!(t->v[i].flags & TK_WORD) ||
        !allynet__strmap_get_h(&l->first, allynet__tok_norm(t, i), t->v[i].hash, &nd)) {
        return false;
    }
    resolve(l);
    size_t best_end = 0;
    const lx_entry *best = NULL;
    for (; nd != SIZE_MAX; nd = l->nodes[nd].next) {
        size_t e = l->nodes[nd].entry;
        size_t end = match_entry(l, &l->entries[e], t, i, last);
        bool better_pos = best && end == best_end && (best->cue.pos == LX_NOUN) != noun &&
                          (l->entries[e].cue.pos == LX_NOUN) == noun;
        if (end > best_end || better_pos) {
            best_end = end;
            best = &l->entries[e];
        }
    }
    if (best == NULL) {
        return false;
    }
    const char *w = allynet__tok_norm(t, i);
    size_t n = strlen(w);
    bool part = best->cue.pos == LX_VERB && n > 3 &&
                (strcmp(w + n - 2, "ed") == 0 || strcmp(w + n - 2, "en") == 0 ||
                 strcmp(w, best->cue.lemma) != 0) &&
                strcmp(w + n - 3, "ing") != 0 && w[n - 1] != 's';
    *out = (allynet__lx_match){i, best_end, &best->cue, part};
    return true;
}

bool allynet__lexicon_starts(const allynet__lexicon *l, const allynet__tokens *t, size_t i) {
    return (t->v[i].flags & TK_WORD) && allynet__bloom_has(&l->first_hashes, t->v[i].hash);
}

size_t allynet__lexicon_count(const allynet__lexicon *l) {
    return l->n;
}

const allynet__cue *allynet__lexicon_at(const allynet__lexicon *l, size_t i) {
    resolve(l);
    return i < l->n ? &l->entries[i].cue : NULL;
}
