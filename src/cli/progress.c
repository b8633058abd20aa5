/* progress.c — what the commands show while a long analysis runs: the library's notes (a cost
 * estimate, an approximation chosen) as one stderr line each, always; its progress as one
 * stderr line rewritten in place, only when stderr is a terminal, so that redirected output
 * and the tests stay byte-stable. */
#include "cli.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    const char *cmd;
    bool tty, shown;
    double start, last;
    char task[64];
} progress_state;

static progress_state state;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void clear_line(void) {
    if (state.shown) {
        fputs("\r\033[K", stderr);
        state.shown = false;
    }
}

static void note(void *ctx, const char *text) {
    (void)ctx;
    clear_line();
    fprintf(stderr, "allynet %s: note: %s\n", state.cmd, text);
}

/* "about 3 min left", from the time spent on this task so far. */
static void eta(double done, double total, char *buf, size_t size) {
    double spent = now() - state.start;
    buf[0] = '\0';
    if (done <= 0 || spent < 2) {
        return;
    }
    double left = spent * (total - done) / done;
    if (left < 90) {
        snprintf(buf, size, ", about %.0f s left", left);
    } else {
        snprintf(buf, size, ", about %.0f min left", left / 60);
    }
}

static void progress(void *ctx, const char *task, double done, double total) {
    (void)ctx;
    double t = now();
    if (done <= 0 || strncmp(task, state.task, sizeof state.task - 1) != 0) { /* a new task */
        state.start = t;
        snprintf(state.task, sizeof state.task, "%s", task);
    }
    if (done >= total) {
        clear_line();
        return;
    }
    if (t - state.last < 0.25) {
        return;
    }
    state.last = t;
    char left[48];
    eta(done, total, left, sizeof left);
    fprintf(stderr, "\rallynet %s: %s %.0f%%%s\033[K", state.cmd, state.task,
            total > 0 ? 100 * done / total : 0, left);
    fflush(stderr);
    state.shown = true;
}

void cli_progress_begin(const char *cmd) {
    state = (progress_state){.cmd = cmd, .tty = isatty(2) == 1};
    state.start = now();
    allynet_set_progress_handlers(state.tty ? progress : NULL, note, NULL);
}

void cli_progress_end(void) {
    clear_line();
    allynet_set_progress_handlers(NULL, NULL, NULL);
}
