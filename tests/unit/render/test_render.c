/* test_render.c — diagrams: option names, tie styling and merging, groups, every format and
 * engine, change styles, stable positions, large and empty graphs. Runs under LeakSanitizer
 * with full stacks (tests/lsan.supp), so it also checks that every Graphviz object is freed. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Two camps: A and B cooperate both ways, C and D too; A and C are hostile both ways, B -> D
 * one way. E cooperates with D only. */
static const char *camps =
    "{\"directed\": true, \"graph\": {\"name\": \"Two camps\", \"date\": \"2020-01-01\"},"
    " \"nodes\": [{\"id\": \"A\", \"name\": \"Alpha\"}, {\"id\": \"B\"}, {\"id\": \"C\"},"
    " {\"id\": \"D\"}, {\"id\": \"E\"}],"
    " \"edges\": [{\"source\": \"A\", \"target\": \"B\", \"weight\": 4, \"relation\": \"aid\"},"
    " {\"source\": \"B\", \"target\": \"A\", \"weight\": 2},"
    " {\"source\": \"C\", \"target\": \"D\", \"weight\": 3},"
    " {\"source\": \"D\", \"target\": \"C\", \"weight\": 1},"
    " {\"source\": \"A\", \"target\": \"C\", \"weight\": -5},"
    " {\"source\": \"C\", \"target\": \"A\", \"weight\": -2},"
    " {\"source\": \"B\", \"target\": \"D\", \"weight\": -1, \"events\": 3},"
    " {\"source\": \"E\", \"target\": \"D\", \"weight\": 1}]}";

static size_t count(const char *s, const char *needle) {
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p++) {
        n++;
    }
    return n;
}

static void render_ok(const allynet_graph *g, const allynet_render_options *o,
                      allynet_render_result *r) {
    allynet_error err = {0};
    allynet_status st = allynet_render(g, o, r, &err);
    if (st != ALLYNET_OK) {
        fprintf(stderr, "# render failed: %s\n", err.text);
    }
    assert_int_equal(st, ALLYNET_OK);
    assert_non_null(r->data);
}

static void option_names(void **state) {
    (void)state;
    allynet_render_options o;
    allynet_render_options_init(&o);
    assert_true(o.legend && o.switch_large);
    assert_int_equal(o.layout, ALLYNET_LAYOUT_NEATO);
    assert_true(allynet_layout_parse("sfdp", &o.layout));
    assert_int_equal(o.layout, ALLYNET_LAYOUT_SFDP);
    assert_false(allynet_layout_parse("twopi", &o.layout));
    assert_int_equal(o.layout, ALLYNET_LAYOUT_SFDP); /* unchanged on failure */
    assert_string_equal(allynet_layout_name(ALLYNET_LAYOUT_CIRCO), "circo");
    assert_true(allynet_size_by_parse("pagerank", &o.size_by));
    assert_false(allynet_color_by_parse("Bloc", &o.color_by));
    allynet_render_format f = ALLYNET_RENDER_SVG;
    assert_true(allynet_render_format_from_path("out/x.PNG", &f));
    assert_int_equal(f, ALLYNET_RENDER_PNG);
    assert_true(allynet_render_format_from_path("x.gv", &f));
    assert_int_equal(f, ALLYNET_RENDER_DOT);
    assert_false(allynet_render_format_from_path("x.jpg", &f));
    assert_false(allynet_render_format_from_path("dir.svg/x", &f));
}

static void ties_by_sign_and_pairs(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(camps);
    allynet_render_result r;
    render_ok(g, NULL, &r);
    /* A<->B and C<->D merge into one line with two heads; A<->C is hostile both ways and merges
     * too; B->D and E->D stay one_way: 5 lines. */
    assert_int_equal(count(r.data, "class=\"edge tie "), 5);
    assert_int_equal(count(r.data, "tie positive reciprocal"), 2);
    assert_int_equal(count(r.data, "tie negative reciprocal"), 1);
    assert_int_equal(count(r.data, "tie negative one_way"), 1);
    assert_int_equal(count(r.data, "class=\"node actor"), 5);
    assert_non_null(strstr(r.data, "stroke=\"#0072b2\""));
    assert_non_null(strstr(r.data, "stroke=\"#d55e00\" stroke-width=\"5\" stroke-dasharray"));
    assert_non_null(strstr(r.data, "B → D: &#45;1 (no relation, 3 events)"));
    assert_non_null(strstr(r.data, "A → B: +4 (aid, 1 event)&#10;B → A: +2"));
    assert_non_null(strstr(r.data, ">Alpha</text>")); /* name, else id */
    assert_non_null(strstr(r.data, ">E</text>"));
    assert_non_null(strstr(r.data, "Two camps"));
    assert_non_null(strstr(r.data, "cooperation"));
    assert_string_equal(r.layout, "neato");
    assert_string_equal(r.warning, "");
    allynet_render_result second;
    render_ok(g, NULL, &second); /* deterministic */
    assert_int_equal(r.len, second.len);
    assert_memory_equal(r.data, second.data, r.len);
    allynet_render_result_destroy(&second);
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
}

static void opposite_signs_stay_apart(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"nodes\": [{\"id\": \"X\"}, {\"id\": \"Y\"}], \"edges\": ["
        "{\"source\": \"X\", \"target\": \"Y\", \"weight\": 2},"
        "{\"source\": \"Y\", \"target\": \"X\", \"weight\": -2}]}");
    allynet_render_result r;
    render_ok(g, NULL, &r);
    assert_int_equal(count(r.data, "class=\"edge tie "), 2);
    assert_int_equal(count(r.data, "one_way"), 2);
    allynet_render_result_destroy(&r);
    /* Two lines on one pair never reach Graphviz 2.42's multi-edge router (makeMultiSpline, a
     * heap overflow): the layout has the first line alone and the second follows its route
     * (graphviz_pairs.c), so every engine keeps routed splines and draws each line once. */
    allynet_graph *camps_g = allynet_test_parse(camps);
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.format = ALLYNET_RENDER_DOT;
    for (int l = ALLYNET_LAYOUT_NEATO; l <= ALLYNET_LAYOUT_DOT; l++) {
        o.layout = (allynet_layout)l;
        render_ok(g, &o, &r);
        if (strstr(r.data, "splines=true") == NULL || count(r.data, "X -> Y") != 1 ||
            count(r.data, "Y -> X") != 1 || count(r.data, "pos=\"e,") != 2) {
            fprintf(stderr, "# %s:\n%s\n", allynet_layout_name(o.layout), r.data);
        }
        assert_non_null(strstr(r.data, "splines=true"));
        assert_int_equal(count(r.data, "X -> Y"), 1);
        assert_int_equal(count(r.data, "Y -> X"), 1);
        assert_int_equal(count(r.data, "pos=\"e,"), 2); /* both routed, each with its arrow */
        allynet_render_result_destroy(&r);
        render_ok(camps_g, &o, &r);
        assert_non_null(strstr(r.data, "splines=true"));
        allynet_render_result_destroy(&r);
    }
    allynet_graph_free(camps_g);
    allynet_graph_free(g);
}

static void groups(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(camps);
    allynet_render_options o;
    allynet_render_options_init(&o);
    allynet_render_result r;
    render_ok(g, &o, &r);
    /* Signed blocs: {C, D, E} (C is the most central with A) and {A, B}. */
    assert_non_null(strstr(r.data, "id=\"actor_A\" class=\"node actor group_1\""));
    assert_non_null(strstr(r.data, "id=\"actor_B\" class=\"node actor group_1\""));
    assert_non_null(strstr(r.data, "id=\"actor_C\" class=\"node actor group_0\""));
    assert_non_null(strstr(r.data, "id=\"actor_E\" class=\"node actor group_0\""));
    assert_non_null(strstr(r.data, "bloc of Alpha (2)"));
    allynet_render_result_destroy(&r);
    o.color_by = ALLYNET_COLOR_COMMUNITY; /* cooperative components: {C, D, E}, {A, B} */
    render_ok(g, &o, &r);
    assert_non_null(strstr(r.data, "community of C (3)"));
    allynet_render_result_destroy(&r);
    long given[5] = {0, -1, 0, 1, 1}; /* the caller's groups win */
    o.groups = given;
    o.group_noun = "party";
    render_ok(g, &o, &r);
    assert_non_null(strstr(r.data, "id=\"actor_B\" class=\"node actor no_group\""));
    assert_non_null(strstr(r.data, "no party"));
    allynet_render_result_destroy(&r);
    o.groups = NULL;
    o.color_by = ALLYNET_COLOR_NONE;
    render_ok(g, &o, &r);
    assert_int_equal(count(r.data, "no_group"), 5);
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
}

static void formats_and_engines(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(camps);
    allynet_render_options o;
    allynet_render_options_init(&o);
    static const char *magic[] = {"<?xml", "\x89PNG", "%PDF", "digraph"};
    for (int f = ALLYNET_RENDER_SVG; f <= ALLYNET_RENDER_DOT; f++) {
        o.format = (allynet_render_format)f;
        allynet_render_result r;
        render_ok(g, &o, &r);
        assert_memory_equal(r.data, magic[f], strlen(magic[f]));
        if (f == ALLYNET_RENDER_DOT) {
            assert_non_null(strstr(r.data, "pos=\""));
        }
        allynet_render_result_destroy(&r);
    }
    o.format = ALLYNET_RENDER_SVG;
    o.clusters = true;
    for (int l = ALLYNET_LAYOUT_NEATO; l <= ALLYNET_LAYOUT_DOT; l++) {
        o.layout = (allynet_layout)l;
        o.size_by = (allynet_size_by)(l % 5);
        allynet_render_result r;
        render_ok(g, &o, &r);
        assert_string_equal(r.layout, allynet_layout_name(o.layout));
        bool clusters = l == ALLYNET_LAYOUT_FDP || l == ALLYNET_LAYOUT_DOT;
        assert_int_equal(strstr(r.data, "class=\"cluster\"") != NULL, clusters);
        assert_int_equal(strstr(r.warning, "clusters are drawn by fdp and dot") != NULL, !clusters);
        allynet_render_result_destroy(&r);
    }
    allynet_graph_free(g);
}

static void change_styles(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(camps);
    allynet_tie_style styles[8] = {ALLYNET_TIE_ADDED, ALLYNET_TIE_NORMAL, ALLYNET_TIE_REMOVED,
                                   ALLYNET_TIE_REMOVED, ALLYNET_TIE_FLIPPED};
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.tie_styles = styles;
    allynet_render_result r;
    render_ok(g, &o, &r);
    /* A->B (added) and B->A (normal) no longer merge, nor A->C (flipped) and C->A: 7 lines. */
    assert_int_equal(count(r.data, "class=\"edge tie "), 7);
    assert_int_equal(count(r.data, " added\""), 1);
    assert_int_equal(count(r.data, " removed\""), 1); /* C<->D merged, both removed */
    assert_int_equal(count(r.data, " flipped\""), 1);
    assert_non_null(strstr(r.data, "new tie"));
    assert_non_null(strstr(r.data, "tie gone"));
    assert_non_null(strstr(r.data, "sign flipped"));
    allynet_render_result_destroy(&r);
    styles[1] = (allynet_tie_style)9;
    allynet_error err = {0};
    assert_int_equal(allynet_render(g, &o, &r, &err), ALLYNET_E_USAGE);
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
}

static void stable_positions(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(camps);
    allynet_render_result r;
    render_ok(g, NULL, &r);
    assert_int_equal(r.n, 5);
    assert_int_equal(allynet_render_store_positions(g, &r, NULL), ALLYNET_OK);
    /* The next snapshot has a new actor F: the known ones stay where they were. */
    allynet_graph *next = allynet_test_parse(
        "{\"directed\": true, \"nodes\": [{\"id\": \"F\"}, {\"id\": \"A\"}, {\"id\": \"C\"}],"
        " \"edges\": [{\"source\": \"F\", \"target\": \"A\", \"weight\": 2},"
        " {\"source\": \"A\", \"target\": \"C\", \"weight\": -3}]}");
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.positions = g;
    allynet_render_result r2;
    render_ok(next, &o, &r2);
    assert_close(r2.x[1], r.x[0], 0.5); /* A */
    assert_close(r2.y[1], r.y[0], 0.5);
    assert_close(r2.x[2], r.x[2], 0.5); /* C */
    assert_close(r2.y[2], r.y[2], 0.5);
    assert_true(fabs(r2.x[0] - r.x[0]) + fabs(r2.y[0] - r.y[0]) > 1); /* F was placed */
    allynet_render_result_destroy(&r2);
    o.layout = ALLYNET_LAYOUT_CIRCO; /* which cannot keep them: a warning */
    render_ok(next, &o, &r2);
    assert_non_null(strstr(r2.warning, "circo ignores them"));
    allynet_render_result_destroy(&r2);
    allynet_error err = {0};
    assert_int_equal(allynet_render_store_positions(next, &r, &err), ALLYNET_E_USAGE);
    allynet_render_result_destroy(&r);
    allynet_graph_free(next);
    allynet_graph_free(g);
}

static void empty_graph(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse("{\"directed\": false, \"nodes\": [], \"edges\": []}");
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.title = "Nothing <yet> & more";
    allynet_render_result r;
    render_ok(g, &o, &r);
    assert_non_null(strstr(r.data, "Nothing &lt;yet&gt; &amp; more"));
    assert_non_null(strstr(r.data, "0 actors · 0 ties"));
    assert_int_equal(count(r.data, "class=\"node"), 0);
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
}

static allynet_graph *chain(size_t n) {
    allynet_graph *g = allynet_graph_new(false);
    char id[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "N%04zu", i);
        allynet_graph_add_actor(g, id, NULL, NULL, NULL, NULL);
        if (i > 0 && i < 30) { /* a few ties are enough: the size is what matters */
            allynet_graph_add_tie(g, i - 1, i, i % 7 ? 1.0 : -1.0, NULL, 1, NULL, NULL, NULL);
        }
    }
    return g;
}

static void large_graph(void **state) {
    (void)state;
    allynet_graph *g = chain(1001);
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.switch_large = false;
    allynet_render_result r;
    allynet_error err = {0};
    assert_int_equal(allynet_render(g, &o, &r, &err), ALLYNET_E_INPUT);
    assert_non_null(strstr(err.text, "use --layout sfdp"));
    allynet_render_result_destroy(&r);
    o.switch_large = true;
    o.format = ALLYNET_RENDER_DOT;
    render_ok(g, &o, &r);
    assert_string_equal(r.layout, "sfdp");
    assert_non_null(strstr(r.warning, "1001 actors are too many for neato (at most 1000)"));
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
}

static void escapes(void **state) {
    (void)state;
    allynet_graph *g = allynet_test_parse(
        "{\"directed\": true, \"graph\": {\"name\": \"a \\\\N <b>\"}, \"nodes\": ["
        "{\"id\": \"Q\\\"1\", \"name\": \"back\\\\slash & <tag>\"}, {\"id\": \"R\"}],"
        " \"edges\": [{\"source\": \"Q\\\"1\", \"target\": \"R\", \"weight\": 1}]}");
    allynet_render_result r;
    render_ok(g, NULL, &r);
    assert_non_null(strstr(r.data, "back\\slash &amp; &lt;tag&gt;"));
    assert_non_null(strstr(r.data, "a \\N &lt;b&gt;"));
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
    /* What Graphviz would read as an entity is shown as written, and U+FFFE, which XML forbids,
     * never reaches the SVG (fuzz_write_svg found both breaking the XML). */
    g = allynet_test_parse("{\"nodes\": [{\"id\": \"&foo;\", \"name\": \"&lt;\"},"
                           " {\"id\": \"A\xef\xbf\xbe\"}], \"edges\": [{\"source\": \"&foo;\","
                           " \"target\": \"A\xef\xbf\xbe\", \"weight\": 1}]}");
    render_ok(g, NULL, &r);
    assert_null(strstr(r.data, ">&foo;"));
    assert_non_null(strstr(r.data, "<title>&amp;foo;</title>"));
    assert_non_null(strstr(r.data, ">&amp;lt;</text>"));
    assert_non_null(strstr(r.data, "<title>A\\xef\\xbf\\xbe</title>"));
    assert_null(strstr(r.data, "\xef\xbf\xbe"));
    allynet_render_result_destroy(&r);
    allynet_graph_free(g);
    /* A title with no text, or only a tab, still heads the title block (Graphviz dropped the
     * whole block for an empty <B></B>); a tab between words is a space. */
    const char *titles[] = {"", "\\t", "a\\tb"};
    for (size_t i = 0; i < 3; i++) {
        char json[200];
        snprintf(json, sizeof json, "{\"graph\": {\"name\": \"%s\"}, \"nodes\": [{\"id\": \"A\"}]}",
                 titles[i]);
        g = allynet_test_parse(json);
        render_ok(g, NULL, &r);
        assert_non_null(strstr(r.data, "1 actor · 0 ties"));
        assert_int_equal(count(r.data, "font-weight=\"bold\""), 1); /* the title */
        assert_true(i < 2 || strstr(r.data, ">a b</text>"));
        allynet_render_result_destroy(&r);
        allynet_graph_free(g);
    }
}

int main(void) {
    /* ALLYNET_TEST_FILTER runs only the tests it names (the full-stack leak check runs one). */
    const char *only = getenv("ALLYNET_TEST_FILTER");
    if (only) {
        cmocka_set_test_filter(only);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(option_names),
        cmocka_unit_test(ties_by_sign_and_pairs),
        cmocka_unit_test(opposite_signs_stay_apart),
        cmocka_unit_test(groups),
        cmocka_unit_test(formats_and_engines),
        cmocka_unit_test(change_styles),
        cmocka_unit_test(stable_positions),
        cmocka_unit_test(empty_graph),
        cmocka_unit_test(large_graph),
        cmocka_unit_test(escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
