/* The entity store's engines and the risk engine (cmd_entity.c) against the demo server in-process: results, what
 * they ask, and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

/* The engine as Kibana now describes it (init answers with the existing engine). */
static char *engine_status(const char *type)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init %s --yes", type);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *s = xstrdup(json_string_value(json_object_get(r.json, "status")));
	testenv_run_free(&r);
	return s;
}

static void test_entity_engines(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine start user --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "starting the user entity engine failed");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init host --delay 30x --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "--delay must be a whole number followed by s, m, h or d");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init host --lookback 1h --enrich-interval 1h --yes");
	testutil_assert_has(r.error, "at most half of --lookback");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init universal --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "entityType must be one of user, host, service");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false,
			"entity-engine init host --index-pattern 'logs-*' --filter 'host.name:*' --field-history-length 5 "
			"--lookback 24h --enrich-interval 1h --docs-per-second 100");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Initialize the host entity engine (index pattern logs-*, filtered)?");
	testutil_assert_has(r.text, "The host entity engine");
	testutil_assert_has(r.text, "5 values per field");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "entity-engine stop host");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Stop the host entity engine");
	testutil_assert_has(r.message, "The host entity engine is stopped.");
	testenv_run_free(&r);
	char *st = engine_status("host");
	assert_string_equal(st, "stopped");
	free(st);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine start host --yes");
	testutil_assert_has(r.message, "is started");
	testenv_run_free(&r);
	st = engine_status("host");
	assert_string_equal(st, "started");
	free(st);
}

static void test_risk_engine(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "nothing to configure");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --range-start yesterday --yes");
	testutil_assert_has(r.error, "--range-start must be date math");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --exclude-status ignored --yes");
	testutil_assert_has(r.error, "exclude-status must be one of open, acknowledged, closed");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false,
			"risk-engine configure --exclude-status closed --exclude-tag fp --exclude-tag test "
			"--range-start now-30d --range-end 2026-01-31T00:00:00Z");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "leave out closed alerts; leave out alerts tagged fp, test; score alerts from now-30d to "
			       "2026-01-31T00:00:00Z?");
	testutil_assert_has(r.message, "The risk engine is configured.");
	assert_true(json_is_true(json_object_get(r.json, "risk_engine_saved_object_configured")));
	testenv_run_free(&r);
	char *audit = testenv_audit(&env);
	testutil_assert_has(audit, "risk-engine configure");
	free(audit);
	/* The settings newer Kibana reads: sent in one PUT; this one (9.2) keeps enable_reset_to_zero and is said to
	 * ignore the rest (risk_config_ignored), which the demo drops as Kibana's zod schema does. */
	r = testenv_cmd(&env, TESTENV_YES, false,
			"risk-engine configure --reset-to-zero off --page-size 5000 --filter 'user,host=not user.name: root'");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Kibana 9.2.0 ignores --filter, --page-size");
	testutil_assert_has(r.question, "score user,host from alerts matching not user.name: root;");
	testutil_assert_has(r.question, "keep the scores of entities without alerts?");
	testenv_run_free(&r);
	json_t *fx = testenv_demo_fixtures(&env);
	json_t *cfg = json_object_get(fx, "risk_config");
	assert_true(json_is_false(json_object_get(cfg, "enable_reset_to_zero")));
	assert_null(json_object_get(cfg, "filters"));
	json_decref(fx);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --filter robot=x --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "\"robot\" is not an entity type");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --page-size 0 --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
}

/* Kibana 8.19 reads none of the newer settings: the question says so before anything is sent. */
static void test_risk_engine_kibana_819(void **state)
{
	struct testenv old;
	testenv_start(&old, &(struct testenv_options){.profile = "test", .kibana = "8.19"});
	struct testenv_run r = testenv_cmd(&old, TESTENV_YES, false, "risk-engine configure --reset-to-zero on --range-end now");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Kibana 8.19.0 ignores --reset-to-zero");
	testenv_run_free(&r);
	/* Only older settings: the version is not even asked for, and nothing is said. */
	r = testenv_cmd(&old, TESTENV_YES, false, "risk-engine configure --range-end now");
	assert_null(strstr(r.question, "ignores"));
	testenv_run_free(&r);
	testenv_stop(&old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity_engines),
		cmocka_unit_test(test_risk_engine),
		cmocka_unit_test(test_risk_engine_kibana_819),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
