/* progress.c — the process-wide progress and note handlers through which long analyses say how
 * far they are and, before long work, what they will do and what it costs (allynet.h). The
 * library never prints: the program installs the handlers and decides where the text goes. */
#include "internal.h"

#include <stdarg.h>
#include <time.h>

static allynet_progress_fn progress_fn;
static allynet_note_fn note_fn;
static void *handler_ctx;

void allynet_set_progress_handlers(allynet_progress_fn progress, allynet_note_fn note, void *ctx) {
    progress_fn = progress;
    note_fn = note;
    handler_ctx = ctx;
}

bool allynet__progress_wanted(void) {
    return progress_fn != NULL;
}

void allynet__progress_tell(const char *task, double done, double total) {
    if (progress_fn != NULL) {
        progress_fn(handler_ctx, task, done, total);
    }
}

void allynet__note(const char *fmt, ...) {
    if (note_fn == NULL) {
        return;
    }
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    note_fn(handler_ctx, text);
}

void allynet__progress_mute(void) {
    progress_fn = NULL;
    note_fn = NULL;
}

double allynet__seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *allynet__duration(double seconds, char *buf, size_t size) {
    if (!(seconds < 1e9)) {
        snprintf(buf, size, "more than 30 years");
    } else if (seconds < 90) {
        snprintf(buf, size, "%.0f s", seconds < 1 ? 1 : seconds);
    } else if (seconds < 5400) {
        snprintf(buf, size, "%.0f min", seconds / 60);
    } else if (seconds < 2 * 86400) {
        snprintf(buf, size, "%.1f h", seconds / 3600);
    } else {
        snprintf(buf, size, "%.0f days", seconds / 86400);
    }
    return buf;
}
