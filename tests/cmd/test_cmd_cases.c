/* The case commands (cmd_cases.c, cmd_case_edit.c) against the demo behaving as Kibana 9.2 and as 8.19: 9.x sends a
 * case without its comments (get_case.ts), so `case show` pages them from _find and lists the attached alerts;
 * 8.19 sends them all. Status, severity, comment and push work the same on both, and TheHive takes cases. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* A case of the demo's open ones that has alerts attached and a user comment; caller frees. */
static char *some_case(struct testenv *e)
{
	struct testenv_run r = testenv_cmd(e, TESTENV_BATCH, false, "cases --per-page 100 --sort-field createdAt");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *id = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(r.json, "cases"), i, c) {
		if (!id && json_integer_value(json_object_get(c, "totalAlerts")) > 0 &&
		    json_integer_value(json_object_get(c, "totalComment")) > 0)
			id = xstrdup(json_string_value(json_object_get(c, "id")));
	}
	testenv_run_free(&r);
	assert_non_null(id);
	return id;
}

/* Everything the case commands do, against one version of Kibana. */
static void case_commands(const char *kibana, bool comments_in_case)
{
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.profile = "test", .kibana = kibana});
	char *id = some_case(&e);

	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "case show %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.text, "Comments and alerts");
	/* 8.19's case carries its alert attachments; 9.2's comments come from _find and its alerts from /alerts. */
	testutil_assert_has(r.text, comments_in_case ? "alert " : "Attached alerts");
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "case show %s --json", id);
	json_t *comments = json_object_get(r.json, "comments");
	assert_true(json_array_size(comments) > 0);
	size_t users = 0, i;
	json_t *cm;
	json_array_foreach(comments, i, cm) {
		users += !strcmp(json_string_value(json_object_get(cm, "type")), "user");
	}
	assert_int_equal((json_int_t)users, json_integer_value(json_object_get(r.json, "totalComment")));
	assert_int_equal(users == json_array_size(comments), !comments_in_case);
	testenv_run_free(&r);

	r = testenv_cmd(&e, TESTENV_BATCH, false, "case status %s in-progress --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "is now in-progress");
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "case severity %s critical --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "now has severity critical");
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "case comment %s Seen from both Kibanas --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "case show %s", id);
	testutil_assert_has(r.text, "Seen from both Kibanas");
	testutil_assert_has(r.text, "in-progress");
	testenv_run_free(&r);

	/* connector/v1.ts: TheHive takes cases: listed with --cases, and a push goes through. */
	r = testenv_cmd(&e, TESTENV_BATCH, false, "connectors --cases");
	testutil_assert_has(r.text, ".thehive");
	char *hive = NULL;
	json_array_foreach(r.json, i, cm) {
		if (!strcmp(json_string_value(json_object_get(cm, "connector_type_id")), ".thehive"))
			hive = xstrdup(json_string_value(json_object_get(cm, "id")));
	}
	testenv_run_free(&r);
	assert_non_null(hive);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "case push %s %s --yes", id, hive);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "Pushed case");
	testutil_assert_has(r.message, "thehive.acme.example");
	testenv_run_free(&r);
	free(hive);
	free(id);
	testenv_stop(&e);
}

static void test_case_commands_kibana_92(void **state)
{
	case_commands(NULL, false);
}

static void test_case_commands_kibana_819(void **state)
{
	case_commands("8.19", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_commands_kibana_92),
		cmocka_unit_test(test_case_commands_kibana_819),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
