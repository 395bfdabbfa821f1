/* The JSON viewer's model: lines, folding, search, paths, and sanitizing of hostile strings. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "ui/jsontree.h"
#include <stdlib.h>
#include <string.h>

static const char *doc =
	"{\"page\": 1, \"cases\": [{\"id\": \"c1\", \"title\": \"Ransomware\", \"tags\": [\"a\", \"b\"]},"
	" {\"id\": \"c2\", \"title\": \"Beaconing\", \"tags\": []}], \"ok\": true, \"none\": null, \"pi\": 3.25}";

static struct jsontree *tree(const char *text)
{
	json_t *j = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	assert_non_null(j);
	struct jsontree *t = jsontree_new(j);
	json_decref(j);
	return t;
}

/* Line i as plain text: indent and pieces. */
static char *line_text(struct jsontree *t, size_t i)
{
	struct jsontree_line l;
	jsontree_line(t, i, &l);
	struct strbuf sb;
	strbuf_init(&sb);
	for (int d = 0; d < l.depth; d++)
		strbuf_puts(&sb, "  ");
	for (size_t s = 0; s < l.n_segs; s++)
		strbuf_puts(&sb, l.segs[s].text);
	return strbuf_detach(&sb, NULL);
}

static void assert_line(struct jsontree *t, size_t i, const char *want)
{
	char *got = line_text(t, i);
	if (strcmp(got, want))
		fail_msg("line %zu is \"%s\", expected \"%s\"", i, got, want);
	free(got);
}

/* The line whose text is want, or fail. */
static size_t find_line(struct jsontree *t, const char *want)
{
	for (size_t i = 0; i < jsontree_count(t); i++) {
		char *got = line_text(t, i);
		bool eq = !strcmp(got, want);
		free(got);
		if (eq)
			return i;
	}
	fail_msg("no line \"%s\"", want);
	return 0;
}

static void test_lines_and_roles(void **state)
{
	struct jsontree *t = tree(doc);
	assert_int_equal(jsontree_count(t), 21);
	assert_line(t, 0, "{");
	assert_line(t, 1, "  \"page\": 1,");
	assert_line(t, 2, "  \"cases\": [");
	assert_line(t, 3, "    {");
	assert_line(t, 4, "      \"id\": \"c1\",");
	assert_line(t, 6, "      \"tags\": [");
	assert_line(t, 7, "        \"a\",");
	assert_line(t, 8, "        \"b\"");
	assert_line(t, 9, "      ]");
	assert_line(t, 10, "    },");
	assert_line(t, 14, "      \"tags\": []");
	assert_line(t, 16, "  ],");
	assert_line(t, 17, "  \"ok\": true,");
	assert_line(t, 19, "  \"pi\": 3.25");
	assert_line(t, 20, "}");
	struct jsontree_line l;
	jsontree_line(t, 1, &l);
	assert_int_equal(l.segs[0].role, ROLE_JSON_KEY);
	assert_int_equal(l.segs[2].role, ROLE_JSON_NUMBER);
	jsontree_line(t, 4, &l);
	assert_int_equal(l.segs[2].role, ROLE_JSON_STRING);
	jsontree_line(t, 17, &l);
	assert_int_equal(l.segs[2].role, ROLE_JSON_LITERAL);
	jsontree_line(t, 18, &l);
	assert_int_equal(l.segs[2].role, ROLE_JSON_LITERAL);
	assert_true(jsontree_is_open(t, 2));
	assert_false(jsontree_is_open(t, 14)); /* empty: nothing to fold */
	jsontree_free(t);
}

static void test_fold_unfold(void **state)
{
	struct jsontree *t = tree(doc);
	size_t at = jsontree_toggle(t, 3);
	assert_int_equal(at, 3);
	assert_line(t, 3, "    {\xe2\x80\xa6} 3 keys,");
	assert_int_equal(jsontree_count(t), 14);
	/* Folding from the closing line of a container folds that container. */
	size_t close = find_line(t, "  ],");
	at = jsontree_set_fold(t, close, true);
	assert_int_equal(at, 2);
	assert_line(t, 2, "  \"cases\": [\xe2\x80\xa6] 2 items,");
	assert_int_equal(jsontree_count(t), 7);
	jsontree_toggle(t, 2);
	/* The inner fold is remembered. */
	assert_line(t, 3, "    {\xe2\x80\xa6} 3 keys,");
	jsontree_fold_all(t, true);
	assert_int_equal(jsontree_count(t), 7);
	assert_line(t, 0, "{");
	jsontree_fold_all(t, false);
	assert_int_equal(jsontree_count(t), 21);
	/* A scalar does not fold. */
	assert_int_equal(jsontree_toggle(t, 1), 1);
	assert_int_equal(jsontree_count(t), 21);
	assert_int_equal(jsontree_parent(t, 4), 3);
	assert_int_equal(jsontree_parent(t, 3), 2);
	assert_int_equal(jsontree_parent(t, 0), 0);
	jsontree_free(t);
}

static void test_search_unfolds(void **state)
{
	struct jsontree *t = tree(doc);
	jsontree_fold_all(t, true);
	size_t line;
	assert_true(jsontree_find(t, "beacon", 0, true, &line));
	assert_line(t, line, "      \"title\": \"Beaconing\",");
	assert_true(jsontree_matches(t, line, "BEACON"));
	char *path = jsontree_path(t, line);
	assert_string_equal(path, "$.cases[1].title");
	free(path);
	/* Next from there wraps around to the first match. */
	assert_true(jsontree_find(t, "id", line, true, &line));
	assert_line(t, line, "      \"id\": \"c1\",");
	assert_true(jsontree_find(t, "id", line, false, &line));
	assert_line(t, line, "      \"id\": \"c2\",");
	assert_false(jsontree_find(t, "nothing like this", 0, true, &line));
	assert_false(jsontree_find(t, "", 0, true, &line));
	jsontree_free(t);
}

static void test_paths(void **state)
{
	struct jsontree *t = tree("{\"a b\": {\"x\": [[1]]}, \"_ok$\": 1}");
	assert_int_equal(jsontree_count(t), 10);
	char *p = jsontree_path(t, 4);
	assert_string_equal(p, "$[\"a b\"].x[0][0]");
	free(p);
	p = jsontree_path(t, 8);
	assert_string_equal(p, "$._ok$");
	free(p);
	p = jsontree_path(t, 0);
	assert_string_equal(p, "$");
	free(p);
	assert_true(json_is_integer(jsontree_value(t, 4)));
	jsontree_free(t);
}

/* Escapes, bidi overrides and C1 controls in keys and values never reach the screen raw. */
static void test_hostile_strings(void **state)
{
	struct jsontree *t = tree("{\"\\u001b[2Jkey\": \"\\u202eevil\\u0085\\u0007\", \"nul\": \"a\\u0000b\\nc\"}");
	for (size_t i = 0; i < jsontree_count(t); i++) {
		char *s = line_text(t, i);
		for (const unsigned char *c = (const unsigned char *)s; *c; c++)
			assert_true(*c >= 0x20 && *c != 0x7f);
		assert_null(strstr(s, "\xe2\x80\xae"));
		assert_null(strstr(s, "\xc2\x85"));
		free(s);
	}
	size_t line;
	assert_true(jsontree_find(t, "evil", 0, true, &line));
	assert_int_equal(line, 1);
	jsontree_free(t);
}

static void test_scalars_and_big(void **state)
{
	struct jsontree *t = tree("\"just a string\"");
	assert_int_equal(jsontree_count(t), 1);
	assert_line(t, 0, "\"just a string\"");
	jsontree_free(t);
	t = tree("[]");
	assert_int_equal(jsontree_count(t), 1);
	assert_line(t, 0, "[]");
	jsontree_free(t);
	json_t *a = json_array();
	for (int i = 0; i < 20000; i++)
		json_array_append_new(a, json_pack("{s:i, s:s}", "n", i, "s", "x"));
	t = jsontree_new(a);
	json_decref(a);
	assert_int_equal(jsontree_count(t), 2 + 20000 * 4);
	jsontree_fold_all(t, true);
	assert_int_equal(jsontree_count(t), 2 + 20000);
	size_t line;
	assert_true(jsontree_find(t, "19999", 0, true, &line));
	char *p = jsontree_path(t, line);
	assert_string_equal(p, "$[19999].n");
	free(p);
	jsontree_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_and_roles),
		cmocka_unit_test(test_fold_unfold),
		cmocka_unit_test(test_search_unfolds),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_hostile_strings),
		cmocka_unit_test(test_scalars_and_big),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
