/* plot.c — runs gnuplot as a subprocess to draw charts (SVG or PNG).
 *
 * Why gnuplot: it is a well-kept Debian package (gnuplot-nox, no X needed) whose svg and
 * pngcairo terminals give axes, tick labels, legends, line styles and date axes for free, so
 * the charts need no hand-written drawing code. PLplot would add a C library dependency and
 * still leave legends and date ticks to us; drawing with cairo directly means writing an axis
 * and legend engine. The price is a subprocess: the data and script go to a private temporary
 * folder, gnuplot writes the chart there, and the bytes are then written atomically to the
 * destination. */
#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum { TMP_PATH = 4096 };

typedef struct {
    char dir[TMP_PATH / 2];
    char data[TMP_PATH], script[TMP_PATH], out[TMP_PATH], log[TMP_PATH];
} workspace;

static allynet_status io_fail(const char *what, const char *path, allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "%s: %s", what, strerror(errno));
}

static allynet_status open_workspace(workspace *w, allynet_error *err) {
    const char *tmp = getenv("TMPDIR");
    bool usable = tmp && *tmp && strchr(tmp, '\'') == NULL && strlen(tmp) < TMP_PATH / 4;
    snprintf(w->dir, sizeof w->dir, "%s/allynet-plot-XXXXXX", usable ? tmp : "/tmp");
    if (mkdtemp(w->dir) == NULL) {
        return io_fail("cannot create a temporary folder", w->dir, err);
    }
    snprintf(w->data, sizeof w->data, "%s/data.tsv", w->dir);
    snprintf(w->script, sizeof w->script, "%s/plot.gp", w->dir);
    snprintf(w->out, sizeof w->out, "%s/plot.out", w->dir);
    snprintf(w->log, sizeof w->log, "%s/gnuplot.log", w->dir);
    return ALLYNET_OK;
}

static void close_workspace(const workspace *w) {
    unlink(w->data);
    unlink(w->script);
    unlink(w->out);
    unlink(w->log);
    rmdir(w->dir);
}

static allynet_status put_file(const char *path, const char *a, const char *b, allynet_error *err) {
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return io_fail("cannot write", path, err);
    }
    bool ok = fputs(a, f) >= 0 && (b == NULL || fputs(b, f) >= 0);
    ok = fclose(f) == 0 && ok;
    return ok ? ALLYNET_OK : io_fail("cannot write", path, err);
}

/* The first line of gnuplot's messages that says what went wrong. */
static void first_error_line(const char *log, char *buf, size_t size) {
    char *text = NULL;
    size_t len = 0;
    buf[0] = '\0';
    if (allynet_file_read(log, &text, &len, NULL) != ALLYNET_OK) {
        return;
    }
    char *line = strstr(text, "line ");
    char *start = line ? line : text;
    char *nl = strchr(start, '\n');
    if (nl) {
        *nl = '\0';
    }
    snprintf(buf, size, "%s", start);
    free(text);
}

static allynet_status run_gnuplot(const workspace *w, allynet_error *err) {
    const char *prog = getenv("ALLYNET_GNUPLOT");
    prog = prog && *prog ? prog : "gnuplot";
    pid_t pid = fork();
    if (pid < 0) {
        return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0, "cannot start gnuplot: %s",
                                 strerror(errno));
    }
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY),
            log = open(w->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || log < 0 || dup2(in, 0) < 0 || dup2(log, 1) < 0 || dup2(log, 2) < 0) {
            _exit(126);
        }
        execlp(prog, prog, w->script, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0,
                                 "cannot run '%s': is gnuplot installed? (Debian: gnuplot-nox)",
                                 prog);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char why[256];
        first_error_line(w->log, why, sizeof why);
        return allynet_error_set(err, ALLYNET_E_RUNTIME, NULL, 0, 0, "gnuplot failed: %s",
                                 why[0] ? why : "no message");
    }
    return ALLYNET_OK;
}

typedef struct {
    const char *text;
    size_t len;
} bytes;

static allynet_status write_bytes(FILE *f, void *ctx, allynet_error *err) {
    const bytes *b = ctx;
    if (fwrite(b->text, 1, b->len, f) != b->len) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}

allynet_status allynet__plot_kind(const char *path, const char **terminal, allynet_error *err) {
    const char *dot = strrchr(path, '.');
    if (dot && strcmp(dot, ".svg") == 0) {
        *terminal = "svg";
    } else if (dot && strcmp(dot, ".png") == 0) {
        *terminal = "pngcairo";
    } else {
        return allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0,
                                 "a plot is .svg or .png, by its extension");
    }
    return ALLYNET_OK;
}

allynet_status allynet__gnuplot(const char *script, const char *data, const char *path,
                                allynet_error *err) {
    workspace w;
    allynet_status st = open_workspace(&w, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    char head[2 * TMP_PATH + 64];
    /* The script refers to the files through these two variables. */
    snprintf(head, sizeof head, "datafile = '%s'\noutfile = '%s'\n", w.data, w.out);
    st = put_file(w.data, data, NULL, err);
    if (st == ALLYNET_OK) {
        st = put_file(w.script, head, script, err);
    }
    if (st == ALLYNET_OK) {
        st = run_gnuplot(&w, err);
    }
    char *out = NULL;
    size_t len = 0;
    if (st == ALLYNET_OK) {
        st = allynet_file_read(w.out, &out, &len, err);
    }
    if (st == ALLYNET_OK) {
        bytes b = {out, len};
        st = allynet_write_atomic(path, write_bytes, &b, err);
    }
    free(out);
    close_workspace(&w);
    return st;
}
