/* Bounded JSON parsing and typed field reading with messages that name the field. */
#include "config.h"
#include "ktest.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static json_t *parse_ok(const char *s)
{
	char *err = NULL;
	json_t *j = kjson_parse(s, strlen(s), &err);
	if (!j)
		fail_msg("kjson_parse failed: %s", err);
	assert_null(err);
	return j;
}

/* Parse expecting failure; returns the message. */
static char *parse_err(const char *s, size_t len)
{
	char *err = NULL;
	json_t *j = kjson_parse(s, len, &err);
	assert_null(j);
	assert_non_null(err);
	return err;
}

static void test_truncated(void **state)
{
	static const char *const bad[] = {"{", "{\"a\":", "{\"a\":1", "[1,2", "{\"a\":\"abc", "[{\"a\":[]}", "{\"a\":tru"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *e = parse_err(bad[i], strlen(bad[i]));
		assert_non_null(strstr(e, "malformed JSON"));
		free(e);
	}
}

static void test_empty_and_garbage(void **state)
{
	char *e = parse_err("", 0);
	assert_non_null(strstr(e, "empty"));
	free(e);
	e = parse_err("{} trailing", 11);
	assert_non_null(strstr(e, "malformed JSON"));
	free(e);
	e = parse_err("<html>", 6);
	assert_non_null(strstr(e, "malformed JSON"));
	free(e);
}

static void test_duplicate_keys(void **state)
{
	char *e = parse_err("{\"id\":\"a\",\"id\":\"b\"}", 19);
	assert_non_null(strstr(e, "duplicate"));
	free(e);
	/* Nested objects are checked too. */
	const char *nested = "{\"cases\":[{\"title\":\"x\",\"title\":\"y\"}]}";
	e = parse_err(nested, strlen(nested));
	assert_non_null(strstr(e, "duplicate"));
	free(e);
}

static char *repeat(char c, size_t n, const char *tail)
{
	size_t tl = strlen(tail);
	char *s = xmalloc(n + tl + 1);
	memset(s, c, n);
	memcpy(s + n, tail, tl + 1);
	return s;
}

static void test_deep_nesting_fails_cleanly(void **state)
{
	char *s = repeat('[', 100000, "");
	char *e = parse_err(s, 100000);
	assert_non_null(strstr(e, "nested deeper"));
	free(e);
	free(s);

	/* Objects nest too: {"a":{"a":... */
	size_t n = 100000;
	char *o = xmalloc(n * 5 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(o + i * 5, "{\"a\":", 5);
	o[n * 5] = '\0';
	e = parse_err(o, n * 5);
	assert_non_null(strstr(e, "nested deeper"));
	free(e);
	free(o);
}

static void test_depth_limit_exact(void **state)
{
	char *s = xmalloc(2 * KJSON_MAX_DEPTH + 3);
	memset(s, '[', KJSON_MAX_DEPTH);
	memset(s + KJSON_MAX_DEPTH, ']', KJSON_MAX_DEPTH);
	s[2 * KJSON_MAX_DEPTH] = '\0';
	json_t *j = parse_ok(s);
	json_decref(j);
	free(s);

	s = xmalloc(2 * (KJSON_MAX_DEPTH + 1) + 1);
	memset(s, '[', KJSON_MAX_DEPTH + 1);
	memset(s + KJSON_MAX_DEPTH + 1, ']', KJSON_MAX_DEPTH + 1);
	s[2 * (KJSON_MAX_DEPTH + 1)] = '\0';
	char *e = parse_err(s, strlen(s));
	assert_non_null(strstr(e, "nested deeper"));
	free(e);
	free(s);
}

static void test_brackets_in_strings_do_not_count(void **state)
{
	char *inner = repeat('[', 5000, "");
	char *s = xasprintf("{\"t\":\"\\\"%s\",\"u\":\"\\\\\",\"v\":[1]}", inner);
	json_t *j = parse_ok(s);
	assert_int_equal(json_string_length(json_object_get(j, "t")), 5001);
	json_decref(j);
	free(s);
	free(inner);
}

static void test_embedded_nul(void **state)
{
	static const char doc[] = "{\"title\":\"a\\u0000b\"}";
	json_t *j = parse_ok(doc);
	struct kjson_reader r;
	kjson_reader_init(&r, "case");
	char *t = kjson_str(&r, j, "title", KJ_REQ);
	assert_null(r.err);
	assert_string_equal(t, "a\xe2\x90\x80" "b");
	free(t);
	json_decref(j);
}

static void test_reader_required_missing(void **state)
{
	json_t *j = parse_ok("{\"a\":1}");
	struct kjson_reader r;
	kjson_reader_init(&r, "case");
	assert_null(kjson_str(&r, j, "title", KJ_REQ));
	assert_non_null(r.err);
	assert_string_equal(r.err, "case: required field \"title\" is missing");
	/* Only the first problem is kept. */
	kjson_str(&r, j, "other", KJ_REQ);
	assert_string_equal(r.err, "case: required field \"title\" is missing");
	free(r.err);

	kjson_reader_init(&r, "case");
	assert_null(kjson_str(&r, j, "category", KJ_REQ_NULLABLE));
	assert_non_null(r.err);
	assert_non_null(strstr(r.err, "\"category\""));
	free(r.err);

	kjson_reader_init(&r, "case");
	assert_null(kjson_str(&r, j, "category", KJ_OPT));
	assert_null(kjson_str(&r, j, "category", KJ_OPT_NULLABLE));
	assert_null(r.err);
	json_decref(j);
}

static void test_reader_nulls(void **state)
{
	json_t *j = parse_ok("{\"a\":null}");
	struct kjson_reader r;
	kjson_reader_init(&r, "x");
	assert_null(kjson_str(&r, j, "a", KJ_REQ_NULLABLE));
	assert_null(kjson_str(&r, j, "a", KJ_OPT_NULLABLE));
	assert_null(r.err);
	kjson_str(&r, j, "a", KJ_OPT);
	assert_string_equal(r.err, "x: field \"a\" is null but must have a value");
	free(r.err);
	kjson_reader_init(&r, "x");
	kjson_int(&r, j, "a", KJ_REQ, 0);
	assert_string_equal(r.err, "x: field \"a\" is null but must have a value");
	free(r.err);
	json_decref(j);
}

static void test_reader_wrong_types(void **state)
{
	json_t *j = parse_ok("{\"s\":1,\"i\":\"1\",\"b\":0,\"o\":[],\"a\":{},\"r\":2.5,\"w\":4.0,\"big\":1e300}");
	struct kjson_reader r;

	kjson_reader_init(&r, "c");
	assert_null(kjson_str(&r, j, "s", KJ_REQ));
	assert_string_equal(r.err, "c: field \"s\" must be a string, got an integer");
	free(r.err);

	kjson_reader_init(&r, "c");
	assert_int_equal(kjson_int(&r, j, "i", KJ_REQ, 7), 7);
	assert_string_equal(r.err, "c: field \"i\" must be an integer, got a string");
	free(r.err);

	kjson_reader_init(&r, "c");
	assert_true(kjson_bool(&r, j, "b", KJ_REQ, true));
	assert_string_equal(r.err, "c: field \"b\" must be a boolean, got an integer");
	free(r.err);

	kjson_reader_init(&r, "c");
	assert_null(kjson_obj(&r, j, "o", KJ_REQ));
	assert_string_equal(r.err, "c: field \"o\" must be an object, got an array");
	free(r.err);

	kjson_reader_init(&r, "c");
	assert_null(kjson_arr(&r, j, "a", KJ_REQ));
	assert_string_equal(r.err, "c: field \"a\" must be an array, got an object");
	free(r.err);

	kjson_reader_init(&r, "c");
	kjson_int(&r, j, "r", KJ_REQ, 0);
	assert_string_equal(r.err, "c: field \"r\" must be an integer, got a number");
	free(r.err);

	kjson_reader_init(&r, "c");
	assert_int_equal(kjson_int(&r, j, "w", KJ_REQ, 0), 4);
	assert_null(r.err);
	kjson_int(&r, j, "big", KJ_REQ, 0);
	assert_non_null(r.err);
	assert_non_null(strstr(r.err, "\"big\""));
	free(r.err);

	/* The object itself being something else is reported too. */
	json_t *arr = json_array();
	kjson_reader_init(&r, "c");
	kjson_str(&r, arr, "x", KJ_OPT);
	assert_string_equal(r.err, "c: expected an object, got an array");
	free(r.err);
	json_decref(arr);
	json_decref(j);
}

/* KJ_ANY: whatever the field holds, the reader takes what it can and never records a problem. */
static void test_reader_any_is_never_a_problem(void **state)
{
	json_t *j = parse_ok("{\"s\":\"text\",\"n\":42,\"r\":1.5,\"b\":true,\"z\":null,\"o\":{},\"a\":[1],"
			     "\"digits\":\"17\",\"word\":\"many\",\"tags\":[\"x\",3,null,{\"k\":1},false]}");
	struct kjson_reader r;
	kjson_reader_init(&r, "case");
	char *t = kjson_str(&r, j, "s", KJ_ANY);
	assert_string_equal(t, "text");
	free(t);
	t = kjson_str(&r, j, "n", KJ_ANY);
	assert_string_equal(t, "42");
	free(t);
	t = kjson_str(&r, j, "b", KJ_ANY);
	assert_string_equal(t, "true");
	free(t);
	assert_null(kjson_str(&r, j, "z", KJ_ANY));
	assert_null(kjson_str(&r, j, "o", KJ_ANY));
	assert_null(kjson_str(&r, j, "a", KJ_ANY));
	assert_null(kjson_str(&r, j, "missing", KJ_ANY));
	assert_int_equal(kjson_int(&r, j, "n", KJ_ANY, -1), 42);
	assert_int_equal(kjson_int(&r, j, "digits", KJ_ANY, -1), 17);
	assert_int_equal(kjson_int(&r, j, "word", KJ_ANY, -1), -1);
	assert_int_equal(kjson_int(&r, j, "r", KJ_ANY, -1), -1);
	assert_int_equal(kjson_int(&r, j, "z", KJ_ANY, -1), -1);
	assert_true(kjson_bool(&r, j, "b", KJ_ANY, false));
	assert_false(kjson_bool(&r, j, "s", KJ_ANY, false));
	assert_non_null(kjson_obj(&r, j, "o", KJ_ANY));
	assert_null(kjson_obj(&r, j, "a", KJ_ANY));
	assert_non_null(kjson_arr(&r, j, "a", KJ_ANY));
	assert_null(kjson_arr(&r, j, "s", KJ_ANY));
	char **v;
	size_t n;
	kjson_strv(&r, j, "tags", KJ_ANY, &v, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "x");
	assert_string_equal(v[1], "3");
	assert_string_equal(v[2], "false");
	kjson_strv_free(v, n);
	kjson_strv(&r, j, "s", KJ_ANY, &v, &n);
	assert_null(v);
	assert_int_equal(n, 0);
	/* Not even a non-object is a problem. */
	json_t *arr = json_array();
	assert_null(kjson_str(&r, arr, "s", KJ_ANY));
	assert_null(r.err);
	json_decref(arr);
	/* The same fields read strictly are problems, as before. */
	kjson_str(&r, j, "n", KJ_OPT);
	assert_string_equal(r.err, "case: field \"n\" must be a string, got an integer");
	free(r.err);
	json_decref(j);
}

static void test_any_text(void **state)
{
	json_t *j = parse_ok("{\"s\":\"a\\u0000b\",\"n\":-3,\"f\":false,\"o\":{\"x\":1},\"z\":null}");
	char *t = kjson_any_text(j, "s");
	assert_string_equal(t, "a\xe2\x90\x80" "b");
	free(t);
	t = kjson_any_text(j, "n");
	assert_string_equal(t, "-3");
	free(t);
	t = kjson_any_text(j, "f");
	assert_string_equal(t, "false");
	free(t);
	assert_null(kjson_any_text(j, "o"));
	assert_null(kjson_any_text(j, "z"));
	assert_null(kjson_any_text(j, "missing"));
	assert_null(kjson_any_text(NULL, "s"));
	json_decref(j);
}

/* A row of the test's own: an id that must be there, a name that may be anything. */
struct test_row {
	char *id;
	char *name;
	char *problem;
};

static void test_row_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct test_row *row = elem;
	row->id = kjson_str(r, v, "id", KJ_REQ);
	row->name = kjson_str(r, v, "name", KJ_ANY);
}

static void test_read_rows_keeps_going(void **state)
{
	json_t *a = parse_ok("[{\"id\":\"a\",\"name\":\"first\"},{\"name\":\"no id\"},7,{\"id\":\"d\",\"name\":5}]");
	size_t n = 0, bad = 0;
	struct test_row *rows = kjson_read_rows(a, "cases", sizeof(*rows), test_row_read, offsetof(struct test_row, problem),
						&n, &bad);
	assert_int_equal(n, 4);
	assert_int_equal(bad, 2);
	assert_string_equal(rows[0].id, "a");
	assert_null(rows[0].problem);
	/* The bad row keeps what could be read, and says what could not. */
	assert_null(rows[1].id);
	assert_string_equal(rows[1].name, "no id");
	assert_string_equal(rows[1].problem, "cases[1]: required field \"id\" is missing");
	assert_string_equal(rows[2].problem, "cases[2]: expected an object, got an integer");
	assert_string_equal(rows[3].id, "d");
	assert_string_equal(rows[3].name, "5");
	assert_null(rows[3].problem);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].id);
		free(rows[i].name);
		free(rows[i].problem);
	}
	free(rows);
	json_decref(a);
}

static void test_usable_rows(void **state)
{
	json_t *body = parse_ok("{\"total\":3,\"hits\":{\"total\":3,\"hits\":[{\"_id\":\"a\"},{\"_id\":null},"
				"\"junk\",{\"_id\":\"d\"}]}}");
	json_t *out = kjson_usable_rows(body, "hits.hits", "_id");
	assert_ptr_not_equal(out, body);
	json_t *hits = json_object_get(json_object_get(out, "hits"), "hits");
	assert_int_equal(json_array_size(hits), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(hits, 1), "_id")), "d");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(out, "hits"), "total")), 3);
	/* The body itself is untouched. */
	assert_int_equal(json_array_size(json_object_get(json_object_get(body, "hits"), "hits")), 4);
	json_decref(out);
	/* Every row usable: the same body comes back. */
	json_t *good = parse_ok("[{\"id\":\"a\"},{\"id\":\"b\"}]");
	out = kjson_usable_rows(good, NULL, "id");
	assert_ptr_equal(out, good);
	json_decref(out);
	json_t *top = parse_ok("[{\"id\":\"a\"},[],{\"name\":\"x\"}]");
	out = kjson_usable_rows(top, NULL, "id");
	assert_int_equal(json_array_size(out), 1);
	json_decref(out);
	json_decref(top);
	json_decref(good);
	json_decref(body);
}

static void test_reader_strv(void **state)
{
	json_t *j = parse_ok("{\"tags\":[\"a\",\"b\\u0000c\"],\"bad\":[\"a\",2,\"c\"]}");
	struct kjson_reader r;
	kjson_reader_init(&r, "case");
	char **v;
	size_t n;
	kjson_strv(&r, j, "tags", KJ_REQ, &v, &n);
	assert_null(r.err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "a");
	assert_string_equal(v[1], "b\xe2\x90\x80" "c");
	assert_null(v[2]);
	kjson_strv_free(v, n);
	kjson_strv(&r, j, "bad", KJ_REQ, &v, &n);
	assert_null(v);
	assert_int_equal(n, 0);
	assert_string_equal(r.err, "case: bad[1] must be a string, got an integer");
	free(r.err);
	json_decref(j);
}

static void test_reader_where(void **state)
{
	json_t *j = parse_ok("{}");
	struct kjson_reader r;
	kjson_reader_init(&r, "");
	kjson_reader_at(&r, "cases[%d]", 3);
	kjson_str(&r, j, "id", KJ_REQ);
	assert_string_equal(r.err, "cases[3]: required field \"id\" is missing");
	free(r.err);
	kjson_reader_init(&r, "");
	kjson_fail(&r, "plain %s", "message");
	assert_string_equal(r.err, "plain message");
	free(r.err);
	json_decref(j);
}

static void test_path_and_text(void **state)
{
	json_t *j = parse_ok("{\"kibana.alert.rule.name\":\"flat\",\"kibana\":{\"alert\":{\"severity\":\"high\","
			     "\"rule\":{\"uuid\":\"u1\"}}},\"n\":12,\"o\":{\"a\":[1,true,null]}}");
	assert_string_equal(json_string_value(kjson_path(j, "kibana.alert.rule.name")), "flat");
	assert_string_equal(json_string_value(kjson_path(j, "kibana.alert.severity")), "high");
	assert_string_equal(json_string_value(kjson_path(j, "kibana.alert.rule.uuid")), "u1");
	assert_null(kjson_path(j, "kibana.alert.missing"));
	assert_null(kjson_path(NULL, "a"));
	char *t = kjson_text(kjson_path(j, "kibana.alert.severity"));
	assert_string_equal(t, "high");
	free(t);
	t = kjson_text(json_object_get(j, "n"));
	assert_string_equal(t, "12");
	free(t);
	t = kjson_text(json_object_get(j, "o"));
	assert_string_equal(t, "{\"a\":[1,true,null]}");
	free(t);
	t = kjson_text(NULL);
	assert_string_equal(t, "");
	free(t);
	json_decref(j);
}

static void test_type_names(void **state)
{
	json_t *v = json_real(1.5);
	assert_string_equal(kjson_type_name(v), "a number");
	json_decref(v);
	assert_string_equal(kjson_type_name(json_null()), "null");
	assert_string_equal(kjson_type_name(json_true()), "a boolean");
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_empty_and_garbage),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_deep_nesting_fails_cleanly),
		cmocka_unit_test(test_depth_limit_exact),
		cmocka_unit_test(test_brackets_in_strings_do_not_count),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_reader_required_missing),
		cmocka_unit_test(test_reader_nulls),
		cmocka_unit_test(test_reader_wrong_types),
		cmocka_unit_test(test_reader_any_is_never_a_problem),
		cmocka_unit_test(test_any_text),
		cmocka_unit_test(test_read_rows_keeps_going),
		cmocka_unit_test(test_usable_rows),
		cmocka_unit_test(test_reader_strv),
		cmocka_unit_test(test_reader_where),
		cmocka_unit_test(test_path_and_text),
		cmocka_unit_test(test_type_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
