#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* The seed document under the shared/ directory. */
#define SEED "seed/000_d11daea2437ff7a0.txt"

json_t *testjson_fixture(const char *module, const char *name)
{
	size_t len;
	char *text = testutil_fixture(module, name, &len);
	if (!text)
		fail_msg("fixture %s/%s is missing", module, name);
	char *err = NULL;
	json_t *j = kjson_parse(text, len, &err);
	if (!j)
		fail_msg("fixture %s/%s: %s", module, name, err);
	free(text);
	return j;
}

json_t *testjson_seed_example(const char *op, const char *code)
{
	char *dir = testutil_shared_dir();
	char *path = xasprintf("%s/" SEED, dir);
	char *text = testutil_read_file(path, NULL);
	free(path);
	free(dir);
	if (!text)
		return NULL;
	json_t *j = NULL;
	char *opline = xasprintf("%s\ncurl", op);
	char *mark = xasprintf("Response examples (%s)\n", code);
	const char *at = strstr(text, opline);
	if (at)
		at = strstr(at, mark);
	if (at) {
		json_error_t e;
		at += strlen(mark);
		j = json_loadb(at, strlen(at), JSON_DISABLE_EOF_CHECK, &e);
	}
	free(opline);
	free(mark);
	free(text);
	return j;
}

void testjson_fixture_is_seed_example(const char *module, const char *fixture, const char *op, const char *code)
{
	json_t *seed = testjson_seed_example(op, code);
	if (!seed) {
		print_message("seed document not found; fixture %s not compared\n", fixture);
		skip();
	}
	json_t *fx = testjson_fixture(module, fixture);
	assert_true(json_equal(seed, fx));
	json_decref(seed);
	json_decref(fx);
}

void *testjson_parsed(const struct kmodel *parse, const char *module, const char *fixture)
{
	json_t *j = testjson_fixture(module, fixture);
	void *model = NULL;
	char *err = NULL;
	if (kmodel_parse(parse, j, &model, &err) < 0)
		fail_msg("%s: %s", fixture, err);
	json_decref(j);
	return model;
}

void *testjson_parse(const struct kmodel *parse, const char *text, char **err)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	if (!j)
		fail_msg("bad test JSON: %s", e.text);
	void *model = NULL;
	*err = NULL;
	int rc = kmodel_parse(parse, j, &model, err);
	json_decref(j);
	return rc == 0 ? model : NULL;
}

void testjson_refused(const struct kmodel *parse, const char *text, const char *needle)
{
	json_t *j = json_loads(text, JSON_DECODE_ANY, NULL);
	assert_non_null(j);
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(parse, j, &model, &err), -1);
	assert_null(model);
	assert_non_null(err);
	if (!strstr(err, needle))
		fail_msg("\"%s\" does not mention \"%s\"", err, needle);
	free(err);
	json_decref(j);
}

json_t *testjson_body(const struct api_request *req)
{
	assert_non_null(req->body);
	json_error_t e;
	json_t *j = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fail_msg("body is not JSON: %s", e.text);
	return j;
}

void testjson_assert_equal(json_t *got, const char *want)
{
	json_error_t e;
	json_t *exp = json_loads(want, 0, &e);
	if (!exp)
		fail_msg("bad expected JSON: %s", e.text);
	if (!json_equal(got, exp)) {
		char *g = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS);
		fail_msg("got %s, expected %s", g, want);
	}
	json_decref(exp);
}

void testjson_assert_body(const struct api_request *req, const char *want)
{
	json_t *got = testjson_body(req);
	testjson_assert_equal(got, want);
	json_decref(got);
}
