/* error.c — the caller-allocated error record and the status -> exit code mapping. */
#include "allynet.h"

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
    return code;
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
