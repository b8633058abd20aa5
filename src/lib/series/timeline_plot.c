/* timeline_plot.c — a timeline document as line charts, drawn by gnuplot (plot.c): up to three
 * panels sharing the time axis — network counts (actors, ties + and −, blocs, frustration),
 * network ratios (density, modularity, balance, polarization) and one metric for chosen
 * actors. A figure that no snapshot has is left out; a missing value breaks its line. */
#include "figures.h"
#include "render/plot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const counts[] = {"actors", "ties_pos", "ties_neg", "blocs", "frustration"};
static const char *const ratios[] = {"density", "modularity", "balance_ratio", "polarization"};
enum { N_COUNTS = 5, N_RATIOS = 4, FIRST_FIGURE_COLUMN = 3 };
#define N_FIGURES (N_COUNTS + N_RATIOS)

static const char *figure_key(size_t k) {
    return k < N_COUNTS ? counts[k] : ratios[k - N_COUNTS];
}

static const char *figure_title(const char *key) {
    return strcmp(key, "ties_pos") == 0 ? "ties +" : strcmp(key, "ties_neg") == 0 ? "ties −" : key;
}

/* A gnuplot single-quoted string: quotes doubled, and every control byte (a newline would end
 * the command and start another, such as `!cmd` or `system(...)`) written as a space. Only our
 * own constant titles go through here: names from the input reach gnuplot as data (data_field),
 * never as script text. */
static void quoted(FILE *f, const char *s) {
    fputc('\'', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\'') {
            fputc('\'', f);
        }
        fputc(c < 0x20 || c == 0x7f ? ' ' : c, f);
    }
    fputc('\'', f);
}

/* One field of the tab-separated data file: control bytes (the separator, line ends) become
 * spaces and a double quote becomes a single one, since gnuplot reads a field that opens with
 * '"' as a quoted string up to the next one. The data file is only ever read as data. */
static void data_field(FILE *f, const char *s) {
    fputc('\t', f);
    for (const char *p = s && *s ? s : "?"; *p; p++) {
        unsigned char c = (unsigned char)*p;
        fputc(c < 0x20 || c == 0x7f ? ' ' : c == '"' ? '\'' : c, f);
    }
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (with anything after) as YYYY-MM-DD; false otherwise. */
static bool iso_date(const char *s, char out[11], int *year) {
    if (s == NULL || strlen(s) < 4) {
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    char mm[3] = "01", dd[3] = "01";
    if (s[4] == '-' && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' && s[6] <= '9') {
        memcpy(mm, s + 5, 2);
        if (s[7] == '-' && s[8] >= '0' && s[8] <= '3' && s[9] >= '0' && s[9] <= '9') {
            memcpy(dd, s + 8, 2);
        }
    }
    snprintf(out, 11, "%.4s-%s-%s", s, mm, dd);
    *year = atoi(out);
    return strcmp(mm, "00") != 0 && strcmp(dd, "00") != 0;
}

/* True when every snapshot has a date (then the axis is a time axis); *span = years covered. */
static bool dated(const json_t *snaps, int *span) {
    int first = 0, last = 0;
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        char buf[11];
        int y;
        if (!iso_date(json_string_value(json_object_get(json_array_get(snaps, t), "date")), buf,
                      &y)) {
            return false;
        }
        first = t == 0 || y < first ? y : first;
        last = t == 0 || y > last ? y : last;
    }
    *span = last - first;
    return json_array_size(snaps) > 0;
}

static bool figure_present(const json_t *snaps, const char *key) {
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        if (json_is_number(
                json_object_get(json_object_get(json_array_get(snaps, t), "figures"), key))) {
            return true;
        }
    }
    return false;
}

static void put_value(FILE *f, const json_t *v) {
    if (json_is_number(v)) {
        fprintf(f, "\t%.12g", json_number_value(v));
    } else {
        fputs("\tNaN", f);
    }
}

/* A header row naming every column (the series' titles are read from it with `title
 * columnheader`, so actor ids never enter the script), then one row per snapshot: x, label, the
 * figures, then the metric of each chosen actor. */
static void write_data(FILE *f, const json_t *tl, bool time_axis, const char *metric,
                       const size_t *idx, size_t n) {
    const json_t *snaps = json_object_get(tl, "snapshots"), *actors = json_object_get(tl, "actors");
    fputs("x", f);
    data_field(f, "label");
    for (size_t k = 0; k < N_FIGURES; k++) {
        data_field(f, figure_title(figure_key(k)));
    }
    for (size_t i = 0; i < n; i++) {
        data_field(f, json_string_value(json_object_get(json_array_get(actors, idx[i]), "id")));
    }
    fputc('\n', f);
    for (size_t t = 0; t < json_array_size(snaps); t++) {
        const json_t *s = json_array_get(snaps, t);
        char date[11];
        int y;
        if (time_axis && iso_date(json_string_value(json_object_get(s, "date")), date, &y)) {
            fputs(date, f);
        } else {
            fprintf(f, "%zu", t + 1);
        }
        data_field(f, json_string_value(json_object_get(s, "label")));
        for (size_t k = 0; k < N_FIGURES; k++) {
            put_value(f, json_object_get(json_object_get(s, "figures"), figure_key(k)));
        }
        for (size_t i = 0; i < n; i++) {
            const json_t *a = json_array_get(actors, idx[i]);
            put_value(f, json_array_get(json_object_get(json_object_get(a, "series"), metric), t));
        }
        fputc('\n', f);
    }
}

/* Points mark each snapshot while there are few; a long series is drawn as plain lines. */
static void settings(FILE *f, const char *terminal, bool time_axis, int span, size_t panels,
                     size_t snapshots) {
    fprintf(f, "set terminal %s size 960,%zu noenhanced font 'sans,10'\n", terminal,
            200 + 260 * panels);
    /* NaN (an actor absent, a figure undefined) is left as gnuplot's undefined value, which
     * breaks the line there: declaring it a "missing" value would draw across the gap. */
    fprintf(f, "set output outfile\nset datafile separator '\\t'\n");
    fprintf(f, "set key outside right top\nset grid\nset style data %s\n",
            snapshots > 30 ? "lines" : "linespoints");
    fprintf(f, "set lmargin at screen 0.07\nset rmargin at screen 0.84\n"); /* aligned panels */
    if (time_axis) {
        fprintf(f, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset format x '%s'\n",
                span >= 3 ? "%Y" : "%Y-%m");
    }
    fprintf(f, "set multiplot layout %zu,1\n", panels);
}

/* One panel: `plot` with a series per column, titled by that column's header; the x tic labels
 * come from column 2 when the axis is not a time axis. */
static void panel(FILE *f, const char *title, bool time_axis, const size_t *cols, size_t n) {
    fprintf(f, "set title ");
    quoted(f, title);
    fprintf(f, "\nplot ");
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%sdatafile using 1:%zu%s title columnheader(%zu)", i ? ", \\\n     " : "",
                cols[i], time_axis || i ? "" : ":xtic(2)", cols[i]);
    }
    fputc('\n', f);
}

static void write_script(FILE *f, const json_t *tl, const char *terminal, const char *metric,
                         size_t n) {
    const json_t *snaps = json_object_get(tl, "snapshots");
    int span = 0;
    bool time_axis = dated(snaps, &span);
    size_t cols[2][N_FIGURES], k[2] = {0, 0};
    for (size_t j = 0; j < N_FIGURES; j++) {
        size_t p = j < N_COUNTS ? 0 : 1;
        if (figure_present(snaps, figure_key(j))) {
            cols[p][k[p]++] = FIRST_FIGURE_COLUMN + j;
        }
    }
    size_t panels = (k[0] > 0) + (k[1] > 0) + (n > 0);
    settings(f, terminal, time_axis, span, panels ? panels : 1, json_array_size(snaps));
    if (k[0]) {
        panel(f, "network: counts", time_axis, cols[0], k[0]);
    }
    if (k[1]) {
        fprintf(f, "set yrange [*:1.05]\n"); /* ratios reach 1: keep the line off the frame */
        panel(f, "network: ratios", time_axis, cols[1], k[1]);
        fprintf(f, "set autoscale y\n");
    }
    if (n > 0) {
        size_t *acols = malloc(n * sizeof *acols);
        for (size_t i = 0; acols && i < n; i++) {
            acols[i] = FIRST_FIGURE_COLUMN + N_FIGURES + i;
        }
        if (acols) {
            panel(f, metric, time_axis, acols, n);
        }
        free(acols);
    }
    fprintf(f, "unset multiplot\n");
}

allynet_status allynet__timeline_plot_text(const json_t *tl, const allynet_timeline_view *view,
                                           const char *terminal, char **script, char **data,
                                           allynet_error *err) {
    const char *metric;
    size_t *idx = NULL, n = 0, script_len = 0, data_len = 0;
    *script = *data = NULL;
    allynet_status st = allynet__timeline_pick(tl, view, &metric, &idx, &n, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    FILE *fs = open_memstream(script, &script_len), *fd = open_memstream(data, &data_len);
    if (fs && fd) {
        write_script(fs, tl, terminal, metric, n);
        write_data(fd, tl, dated(json_object_get(tl, "snapshots"), &(int){0}), metric, idx, n);
    }
    bool ok = fs && fd;
    ok = (fs == NULL || fclose(fs) == 0) && ok;
    ok = (fd == NULL || fclose(fd) == 0) && ok;
    free(idx);
    if (!ok) {
        free(*script);
        free(*data);
        *script = *data = NULL;
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

allynet_status allynet_timeline_plot(const json_t *tl, const allynet_timeline_view *view,
                                     const char *path, allynet_error *err) {
    const char *terminal;
    char *script = NULL, *data = NULL;
    allynet_status st = allynet__plot_kind(path, &terminal, err);
    if (st == ALLYNET_OK) {
        st = allynet__timeline_plot_text(tl, view, terminal, &script, &data, err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__gnuplot(script, data, path, err);
    }
    free(script);
    free(data);
    return st;
}
