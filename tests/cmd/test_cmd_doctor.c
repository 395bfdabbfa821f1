/* doctor and version (cmd_doctor.c, cmd_version.c) against the demo as Kibana 9.2 and 8.19, against one that answers
 * 403 for one feature, with a space that does not exist, and with credentials Kibana does not take. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* The check called name in a doctor's --json report (borrowed), or NULL. */
static json_t *check(const struct testenv_run *r, const char *name)
{
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(r->json, "checks"), i, c) {
		if (!strcmp(json_string_value(json_object_get(c, "check")), name))
			return c;
	}
	return NULL;
}

static const char *field(json_t *c, const char *key)
{
	assert_non_null(c);
	return json_string_value(json_object_get(c, key));
}

static void test_version(void **state)
{
	static const struct {
		const char *kibana, *number;
		bool flavor;
	} v[] = {{NULL, "9.2.0", true}, {"8.19", "8.19.0", false}};
	for (size_t i = 0; i < 2; i++) {
		struct testenv e;
		testenv_start(&e, &(struct testenv_options){.kibana = v[i].kibana});
		struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "version");
		assert_int_equal(r.exit_code, CMD_EXIT_OK);
		testutil_assert_has(r.text, "ktriage:");
		testutil_assert_has(r.text, v[i].number);
		/* 8.x says no build flavour: it is traditional. */
		testutil_assert_has(r.text, "traditional");
		testenv_run_free(&r);
		r = testenv_cmd(&e, TESTENV_BATCH, false, "version --json");
		assert_string_equal(json_string_value(json_object_get(r.json, "kibana")), v[i].number);
		assert_string_equal(json_string_value(json_object_get(r.json, "ktriage")), PACKAGE_VERSION);
		assert_string_equal(json_string_value(json_object_get(r.json, "build_flavor")), "traditional");
		testenv_run_free(&r);
		testenv_stop(&e);
	}
}

/* Against the demo every feature answers: the command passes, and says which Kibana it is. */
static void test_doctor_all_good(void **state)
{
	static const char *const versions[] = {NULL, "8.19"};
	for (size_t i = 0; i < 2; i++) {
		struct testenv e;
		testenv_start(&e, &(struct testenv_options){.kibana = versions[i]});
		struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor --json");
		assert_int_equal(r.exit_code, CMD_EXIT_OK);
		assert_true(json_is_true(json_object_get(r.json, "ok")));
		testutil_assert_has(field(check(&r, "Kibana"), "result"), i ? "8.19.0" : "9.2.0");
		assert_string_equal(field(check(&r, "Credentials"), "verdict"), "ok");
		assert_string_equal(field(check(&r, "Space"), "result"), "default (Default)");
		assert_string_equal(field(check(&r, "Cases"), "result"), "ok (200)");
		assert_string_equal(field(check(&r, "Endpoint exceptions"), "verdict"), "ok");
		assert_string_equal(field(check(&r, "Machine learning"), "verdict"), "ok");
		/* A feature whose read the public API lacks is said to be unprobed, not passed. */
		assert_string_equal(field(check(&r, "Risk engine"), "result"), "not probed");
		/* The demo speaks plain http: a warning, not a failure. */
		assert_string_equal(field(check(&r, "TLS"), "verdict"), "warning");
		testenv_run_free(&r);
		r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor");
		assert_int_equal(r.exit_code, CMD_EXIT_OK);
		testutil_assert_has(r.message, "every check passed");
		testutil_assert_has(r.text, "Entity store");
		testenv_run_free(&r);
		testenv_stop(&e);
	}
}

/* One feature answers 403: that row says so and what to grant; the command fails (exit 1) after the whole table. */
static void test_doctor_forbidden_feature(void **state)
{
	static const char *const faults[] = {"status=403@/api/endpoint_list", NULL};
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = faults});
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "1 of");
	testutil_assert_has(r.text, "forbidden (403)");
	testutil_assert_has(r.text, "give the key's role Security: Endpoint Exceptions Read");
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor --json");
	assert_false(json_is_true(json_object_get(r.json, "ok")));
	json_t *c = check(&r, "Endpoint exceptions");
	assert_string_equal(field(c, "verdict"), "failed");
	assert_string_equal(field(c, "used_by"), "Exceptions pane; exceptions endpoint");
	assert_string_equal(field(check(&r, "Cases"), "verdict"), "ok");
	testenv_run_free(&r);
	testenv_stop(&e);
}

/* A space that does not exist, and a route this Kibana does not have. */
static void test_doctor_space_and_missing_route(void **state)
{
	static const char *const faults[] = {"status=404@/api/dashboards/dashboard", NULL};
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = faults});
	profile_set(&e.p.space, "nowhere");
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor --json");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	json_t *sp = check(&r, "Space");
	assert_string_equal(field(sp, "verdict"), "failed");
	assert_string_equal(field(sp, "result"), "no space \"nowhere\"");
	json_t *d = check(&r, "Dashboards");
	assert_string_equal(field(d, "verdict"), "warning");
	testutil_assert_has(field(d, "fix"), "no such route");
	testenv_run_free(&r);
	testenv_stop(&e);
}

/* Credentials Kibana refuses: the report stops there and says what to check. */
static void test_doctor_bad_credentials(void **state)
{
	struct testenv e;
	testenv_start(&e, NULL);
	profile_set_secret(&e.p.api_key, "bm90OnRoZS1rZXk=");
	worker_free(e.w);
	char *err = NULL;
	e.w = worker_new(&e.p, &err);
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "doctor --json");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	json_t *c = check(&r, "Credentials");
	assert_string_equal(field(c, "verdict"), "failed");
	testutil_assert_has(field(c, "fix"), "api_key_file");
	assert_null(check(&r, "Cases"));
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "version");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testenv_run_free(&r);
	testenv_stop(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_doctor_all_good),
		cmocka_unit_test(test_doctor_forbidden_feature),
		cmocka_unit_test(test_doctor_space_and_missing_route),
		cmocka_unit_test(test_doctor_bad_credentials),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
