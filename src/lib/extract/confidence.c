/* confidence.c — the calibrated confidence of extraction: a logistic model over the binary
 * features the sentence coder knows when it codes an event (which rule chose the roles, whether
 * coreference was needed, how many actors share a role, modality, the CAMEO family, where the
 * sentence stands) gives each evidence span its probability of being right; a second one over the
 * noisy-OR of a document's spans for a pair and their number of sentences gives the tie's. The
 * coefficients are data (graphs/confidence.tsv), fitted by scripts/fit-confidence. */
#include "extract_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The names the data file and `extract --features` use, in FT_* order. */
static const char *const names[FT_COUNT] = {
    "coref",
    "weak_target",
    "among_subjects",
    "reverse",
    "host",
    "presupposed",
    "src_pair",
    "src_list",
    "tg_pair",
    "tg_list",
    "noun",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "aside",
    "past",
    "negated",
    "demand",
    "halt",
    "threat",
    "lift",
    "quote",
    "lead",
    "late",
    "long",
    "crowd",
    "modal",
    "reported",
    "condition",
    "implicit_target",
};

static const char *const tie_names[] = {"tie_bias", "tie_logit", "tie_sentences"};

const char *allynet__feature_name(unsigned k) {
    return k < FT_COUNT ? names[k] : NULL;
}

const char *allynet_extract_feature_name(unsigned k) {
    return allynet__feature_name(k);
}

/* Sets the coefficient named `name`; false when no such name. */
static bool set_coef(allynet__model *m, const char *name, double v) {
    if (strcmp(name, "bias") == 0) {
        m->bias = v;
        return true;
    }
    for (unsigned k = 0; k < FT_COUNT; k++) {
        if (strcmp(name, names[k]) == 0) {
            m->coef[k] = v;
            return true;
        }
    }
    double *tie[] = {&m->tie_bias, &m->tie_logit, &m->tie_sentences};
    for (size_t k = 0; k < sizeof tie / sizeof *tie; k++) {
        if (strcmp(name, tie_names[k]) == 0) {
            *tie[k] = v;
            return true;
        }
    }
    return false;
}

/* One `feature<TAB>coefficient` line (NUL-terminated, no line end); false with *col set. */
static bool parse_line(allynet__model *m, char *line, size_t *col) {
    char *tab = strchr(line, '\t');
    *col = 1;
    if (tab == NULL) {
        return false;
    }
    *tab = '\0';
    char *end = NULL;
    double v = strtod(tab + 1, &end);
    *col = (size_t)(tab - line) + 2;
    if (end == tab + 1 || (*end != '\0' && *end != '\r') || !isfinite(v) || fabs(v) > 100) {
        return false;
    }
    *col = 1;
    return set_coef(m, line, v);
}

allynet_status allynet__model_load(allynet__model *m, const char *buf, size_t len,
                                   const char *source, allynet_error *err) {
    memset(m, 0, sizeof *m);
    m->tie_logit = 1.0;
    bool header = false;
    size_t lineno = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
        lineno++;
        if (n > 0 && buf[i] != '#') {
            char line[128], *copy = n < sizeof line ? line : NULL;
            size_t col = 1;
            if (copy != NULL) {
                memcpy(copy, buf + i, n);
                copy[n] = '\0';
            }
            if (!header) {
                header = copy != NULL && strncmp(copy, "feature\tcoefficient", 19) == 0;
                if (!header) {
                    return allynet_error_set(err, ALLYNET_E_INPUT, source, lineno, 1,
                                             "expected the header 'feature<TAB>coefficient'");
                }
            } else if (copy == NULL || !parse_line(m, copy, &col)) {
                return allynet_error_set(err, ALLYNET_E_INPUT, source, lineno, col,
                                         "expected a known feature name, a tab and a "
                                         "coefficient between -100 and 100");
            }
        }
        i += n + 1;
    }
    return ALLYNET_OK;
}

static double sigmoid(double z) {
    return 1.0 / (1.0 + exp(-z));
}

double allynet__model_span(allynet__model *m, uint32_t f) {
    /* a sentence's events mostly share their features: the last answer is kept */
    if (m->memo_valid && m->memo_features == f) {
        return m->memo_p;
    }
    double z = m->bias;
    for (unsigned k = 0; k < FT_COUNT; k++) {
        if (f & (1u << k)) {
            z += m->coef[k];
        }
    }
    m->memo_features = f;
    m->memo_p = allynet__round3(sigmoid(z));
    m->memo_valid = true;
    return m->memo_p;
}

double allynet__model_tie(const allynet__model *m, double miss, size_t sentences) {
    double p = 1.0 - miss;
    p = p < 1e-6 ? 1e-6 : p > 1 - 1e-6 ? 1 - 1e-6 : p;
    double z = m->tie_bias + m->tie_logit * log(p / (1 - p)) +
               m->tie_sentences * log((double)(sentences ? sentences : 1));
    return allynet__round3(sigmoid(z));
}
