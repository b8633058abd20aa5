/* error.c — the caller-allocated error record and the status -> exit code mapping. */
#include "internal.h"

#include <stdarg.h>
#include <string.h>

allynet_status allynet_error_set(allynet_error *err, allynet_status code, const char *source,
                                 int line, int column, const char *fmt, ...) {
    if (err == NULL || err->code != ALLYNET_OK) {
        return code;
    }
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    /* An error is one line: a control byte quoted from the input ("invalid escape near '\u<LF>'")
     * or in a file name would break it. */
    for (char *p = err->text; *p; p++) {
        *p = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    }
    for (char *p = err->source; *p; p++) {
        *p = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    }
    return code;
}

void allynet__error_source(allynet_error *err, const char *source) {
    if (err != NULL && err->code != ALLYNET_OK && err->source[0] == '\0' && source != NULL) {
        snprintf(err->source, sizeof err->source, "%s", source);
    }
}

void allynet_error_clear(allynet_error *err) {
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
}

int allynet_status_exit_code(allynet_status s) {
    switch (s) {
    case ALLYNET_OK:
        return 0;
    case ALLYNET_E_INPUT:
    case ALLYNET_E_USAGE:
        return 2;
    default:
        return 1;
    }
}
