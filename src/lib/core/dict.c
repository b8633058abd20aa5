/* dict.c — the built-in actor dictionary: graphs/actors.tsv compiled in, looked up by any code. */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

extern const char allynet__actors_tsv[];
extern const size_t allynet__actors_tsv_len;

enum { F_ID, F_ISO2, F_COW, F_COWABBR, F_NAME, F_KIND, F_CAMEO, F_ALIASES, N_F };

static struct {
    bool ready;
    char *text; /* a private copy of the TSV, cut into fields in place */
    allynet_actor_info *rows;
    char **aliases; /* per row: the comma-separated alias codes */
    size_t n;
    allynet__strmap by_code; /* upper-case code -> row */
    allynet__strmap by_cow_abbr;
    char **keys; /* upper-cased key strings owned here */
    size_t n_keys, cap_keys;
} D;

static void add_key(allynet__strmap *m, const char *code, size_t row) {
    if (code == NULL || *code == '\0') {
        return;
    }
    char *k = strdup(code);
    if (k == NULL) {
        return;
    }
    for (char *p = k; *p; p++) {
        *p = (char)toupper((unsigned char)*p);
    }
    size_t v;
    if (allynet__strmap_get(m, k, &v) || D.n_keys == D.cap_keys) {
        free(k); /* the first (highest-priority) owner of a code keeps it */
        return;
    }
    D.keys[D.n_keys++] = k;
    allynet__strmap_put(m, k, row);
}

static void parse_rows(void) {
    size_t cap = 512;
    D.rows = calloc(cap, sizeof *D.rows);
    D.aliases = calloc(cap, sizeof *D.aliases);
    bool header = false;
    for (char *line = strtok(D.text, "\n"); line && D.rows; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        if (!header) {
            header = true; /* the column names */
            continue;
        }
        char *f[N_F] = {0};
        char *p = line;
        for (int i = 0; i < N_F && p; i++) {
            f[i] = p;
            p = strchr(p, '\t');
            if (p) {
                *p++ = '\0';
            }
        }
        if (f[F_KIND] == NULL || D.n == cap) {
            continue;
        }
        for (int i = 0; i < N_F; i++) {
            if (f[i] == NULL) {
                f[i] = "";
            }
            f[i][strcspn(f[i], "\r")] = '\0';
        }
        allynet_actor_info *r = &D.rows[D.n];
        r->id = f[F_ID];
        r->iso2 = f[F_ISO2];
        r->cow_code = *f[F_COW] ? atoi(f[F_COW]) : -1;
        r->cow_abbr = f[F_COWABBR];
        r->name = f[F_NAME];
        r->kind = f[F_KIND];
        r->cameo = f[F_CAMEO];
        D.aliases[D.n] = f[F_ALIASES];
        D.n++;
    }
}

static void load(void) {
    if (D.ready) {
        return;
    }
    D.ready = true;
    D.text = malloc(allynet__actors_tsv_len + 1);
    if (D.text == NULL) {
        return;
    }
    memcpy(D.text, allynet__actors_tsv, allynet__actors_tsv_len);
    D.text[allynet__actors_tsv_len] = '\0';
    parse_rows();
    D.cap_keys = D.n * 16 + 64;
    D.keys = calloc(D.cap_keys, sizeof *D.keys);
    if (D.keys == NULL) {
        D.n = 0;
        return;
    }
    /* Priority: ids, then CAMEO codes, COW abbreviations, ISO2, and last the alias codes. */
    for (size_t i = 0; i < D.n; i++) {
        add_key(&D.by_code, D.rows[i].id, i);
    }
    for (size_t i = 0; i < D.n; i++) {
        add_key(&D.by_code, D.rows[i].cameo, i);
    }
    for (size_t i = 0; i < D.n; i++) {
        add_key(&D.by_code, D.rows[i].cow_abbr, i);
        add_key(&D.by_cow_abbr, D.rows[i].cow_abbr, i);
    }
    for (size_t i = 0; i < D.n; i++) {
        add_key(&D.by_code, D.rows[i].iso2, i);
    }
    for (size_t i = 0; i < D.n; i++) {
        char *save = NULL;
        for (char *a = strtok_r(D.aliases[i], ",", &save); a; a = strtok_r(NULL, ",", &save)) {
            while (*a == ' ') {
                a++;
            }
            add_key(&D.by_code, a, i);
        }
    }
}

size_t allynet_dict_count(void) {
    load();
    return D.n;
}

const allynet_actor_info *allynet_dict_at(size_t i) {
    load();
    return i < D.n ? &D.rows[i] : NULL;
}

static const allynet_actor_info *find(allynet__strmap *m, const char *code) {
    load();
    char k[64];
    size_t n = strlen(code);
    if (n == 0 || n >= sizeof k) {
        return NULL;
    }
    for (size_t i = 0; i <= n; i++) {
        k[i] = (char)toupper((unsigned char)code[i]);
    }
    size_t v;
    return allynet__strmap_get(m, k, &v) ? &D.rows[v] : NULL;
}

const allynet_actor_info *allynet_dict_lookup(const char *code) {
    return find(&D.by_code, code);
}

const allynet_actor_info *allynet_dict_lookup_cow_abbr(const char *abbr) {
    return find(&D.by_cow_abbr, abbr);
}

const allynet_actor_info *allynet_dict_lookup_cow(int cow_code) {
    load();
    for (size_t i = 0; i < D.n; i++) {
        if (D.rows[i].cow_code == cow_code) {
            return &D.rows[i];
        }
    }
    return NULL;
}
