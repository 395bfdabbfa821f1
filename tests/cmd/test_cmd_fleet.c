/* Fleet: server hosts, agent files and asset lookup (cmd_fleet.c) against the demo server in-process: results,
 * what they ask, and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/fleet_hosts.h"
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

static struct fleet_host_list *hosts_now(void)
{
	struct worker_done *d = testenv_request(&env, fleet_hosts_list_request());
	assert_int_equal(d->res.status, API_OK);
	struct fleet_host_list *l = d->res.model;
	d->res.model = NULL;
	worker_done_free(d);
	return l;
}

static void test_fleet_server_hosts(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet server-hosts");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 2);
	testutil_assert_has(r.text, "fleet-default-fleet-server-host");
	testutil_assert_has(r.message, "2 of 2 Fleet Server hosts");
	testenv_run_free(&r);

	/* Nothing is sent without --yes in batch mode, nor when the user says no. */
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://lab.example:8220");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_NO, false, "fleet server-host create --name Lab --url https://lab.example:8220");
	testutil_assert_has(r.question, "Create Fleet Server host \"Lab\" at https://lab.example:8220?");
	testutil_assert_has(r.message, "Cancelled");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet server-host create --name Lab --url lab.example:8220 --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "is not an http:// or https:// URL");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://a --url https://a --yes");
	testutil_assert_has(r.error, "given twice");
	testenv_run_free(&r);
	char *notpem = testutil_fixture_path("timelines", "timelines.ndjson");
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://a --ssl-key %s --yes", notpem);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "is not a PEM file");
	testenv_run_free(&r);
	free(notpem);
	struct fleet_host_list *l = hosts_now();
	assert_int_equal(l->n, 2);
	kmodel_free(&fleet_hosts_list_model, l);

	char *ca = testutil_fixture_path("fleet_hosts", "fleet-test-ca.pem");
	r = testenv_cmd(&env, TESTENV_YES, false,
			"fleet server-host create --name 'Lab fleet' --url https://lab-1.example:8220 --url https://lab-2.example:8220 "
			"--default --proxy-id corp-proxy --ssl-certificate-authority %s --ssl-client-auth optional",
			ca);
	free(ca);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "as the default for new agent policies with TLS settings through a proxy");
	testutil_assert_has(r.message, "Created Fleet Server host \"Lab fleet\"");
	json_t *ssl = json_object_get(json_object_get(r.json, "item"), "ssl");
	assert_string_equal(json_string_value(json_object_get(ssl, "client_auth")), "optional");
	testutil_assert_has(json_string_value(json_array_get(json_object_get(ssl, "certificate_authorities"), 0)), "-----BEGIN CERTIFICATE");
	testenv_run_free(&r);
	l = hosts_now();
	assert_int_equal(l->n, 3);
	size_t defaults = 0;
	for (size_t i = 0; i < l->n; i++) {
		defaults += l->items[i].is_default;
		if (!strcmp(l->items[i].name, "Lab fleet")) {
			assert_true(l->items[i].is_default);
			assert_int_equal(l->items[i].n_urls, 2);
			assert_string_equal(l->items[i].proxy_id, "corp-proxy");
		}
	}
	assert_int_equal(defaults, 1);
	kmodel_free(&fleet_hosts_list_model, l);
	char *audit = testenv_audit(&env);
	testutil_assert_has(audit, "fleet server-host create");
	testutil_assert_has(audit, "Lab fleet");
	free(audit);
}

static void test_fleet_files_and_assets(void **state)
{
	char *id = testenv_demo_id(&env, "agent_files", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "fleet file delete %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, id);
	testutil_assert_has(r.message, "Deleted the agent's uploaded file");
	assert_true(json_is_true(json_object_get(r.json, "deleted")));
	testenv_run_free(&r);
	assert_false(testenv_demo_has(&env, "agent_files", id));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet file delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "404");
	testenv_run_free(&r);
	free(id);

	char *dash = testenv_demo_id(&env, "dashboards", 1);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet assets dashboard:%s dashboard:missing lens:x", dash);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 1);
	testutil_assert_has(r.message, "1 of 3 assets found; not found: dashboard:missing, lens:x");
	testutil_assert_has(r.text, dash);
	testutil_assert_has(r.text, "dashboard");
	testenv_run_free(&r);
	free(dash);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet assets dashboard");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "is not type:id");
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fleet_server_hosts),
		cmocka_unit_test(test_fleet_files_and_assets),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
