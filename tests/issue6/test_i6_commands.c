/* Issue 6's commands against the demo server in-process: what they show, what they ask, and the server's state afterwards. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testenv.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "cmd/cmd.h"
#include "core/profile.h"
#include "core/xalloc.h"

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "issue6"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

/* How many ids of a kind the demo still holds. */
static size_t demo_count(const char *kind)
{
	json_t *fixtures = testenv_demo_fixtures(&env);
	size_t n = json_array_size(json_object_get(fixtures, kind));
	json_decref(fixtures);
	return n;
}

static bool demo_has(const char *kind, const char *id)
{
	json_t *fixtures = testenv_demo_fixtures(&env);
	bool found = false;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(fixtures, kind), i, v) {
		found |= !strcmp(json_string_value(v), id);
	}
	json_decref(fixtures);
	return found;
}

static void assert_has(const char *text, const char *needle)
{
	if (!text || !strstr(text, needle))
		fail_msg("\"%s\" does not contain \"%s\"", text ? text : "(null)", needle);
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
	assert_has(r.text, "fleet-default-fleet-server-host");
	assert_has(r.message, "2 of 2 Fleet Server hosts");
	testenv_run_free(&r);

	/* Nothing is sent without --yes in batch mode, nor when the user says no. */
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://lab.example:8220");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_NO, false, "fleet server-host create --name Lab --url https://lab.example:8220");
	assert_has(r.question, "Create Fleet Server host \"Lab\" at https://lab.example:8220?");
	assert_has(r.message, "Cancelled");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet server-host create --name Lab --url lab.example:8220 --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "is not an http:// or https:// URL");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://a --url https://a --yes");
	assert_has(r.error, "given twice");
	testenv_run_free(&r);
	char *notpem = testenv_fixture_path("issue6", "timelines.ndjson");
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"fleet server-host create --name Lab --url https://a --ssl-key %s --yes", notpem);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "is not a PEM file");
	testenv_run_free(&r);
	free(notpem);
	struct fleet_host_list *l = hosts_now();
	assert_int_equal(l->n, 2);
	kmodel_free(&fleet_hosts_list_model, l);

	char *ca = testenv_fixture_path("issue6", "fleet-test-ca.pem");
	r = testenv_cmd(&env, TESTENV_YES, false,
			"fleet server-host create --name 'Lab fleet' --url https://lab-1.example:8220 --url https://lab-2.example:8220 "
			"--default --proxy-id corp-proxy --ssl-certificate-authority %s --ssl-client-auth optional",
			ca);
	free(ca);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "as the default for new agent policies with TLS settings through a proxy");
	assert_has(r.message, "Created Fleet Server host \"Lab fleet\"");
	json_t *ssl = json_object_get(json_object_get(r.json, "item"), "ssl");
	assert_string_equal(json_string_value(json_object_get(ssl, "client_auth")), "optional");
	assert_has(json_string_value(json_array_get(json_object_get(ssl, "certificate_authorities"), 0)), "-----BEGIN CERTIFICATE");
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
	assert_has(audit, "fleet server-host create");
	assert_has(audit, "Lab fleet");
	free(audit);
}

static void test_dashboard_delete(void **state)
{
	char *id = testenv_demo_id(&env, "dashboards", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false, "dashboard delete %s", id);
	assert_has(r.question, "Delete dashboard \"[Logs] Web Traffic\"");
	testenv_run_free(&r);
	assert_true(demo_has("dashboards", id));
	r = testenv_cmd(&env, TESTENV_YES, false, "dashboard delete %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.message, "Deleted dashboard \"[Logs] Web Traffic\"");
	testenv_run_free(&r);
	assert_false(demo_has("dashboards", id));
	/* Gone: Kibana's lookup no longer finds it, and a second delete answers 404. */
	struct fleet_asset_ref ref = {"dashboard", id};
	struct worker_done *d = testenv_request(&env, fleet_bulk_assets_request(&ref, 1));
	assert_int_equal(((struct fleet_asset_list *)d->res.model)->n, 0);
	worker_done_free(d);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "dashboard delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_has(r.error, "with id \"");
	assert_has(r.error, "HTTP 404");
	testenv_run_free(&r);
	free(id);
	/* An id that needs encoding reaches the right dashboard. */
	size_t before = demo_count("dashboards");
	char *odd = testenv_demo_id(&env, "dashboards", before - 1);
	assert_string_equal(odd, "exec-summary/\xc3\xa9t\xc3\xa9 #1?");
	r = testenv_cmd(&env, TESTENV_BATCH, false, "dashboard delete '%s' --yes", odd);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	assert_false(demo_has("dashboards", odd));
	assert_int_equal(demo_count("dashboards"), before - 1);
	free(odd);
}

static void test_fleet_files_and_assets(void **state)
{
	char *id = testenv_demo_id(&env, "agent_files", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "fleet file delete %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, id);
	assert_has(r.message, "Deleted the agent's uploaded file");
	assert_true(json_is_true(json_object_get(r.json, "deleted")));
	testenv_run_free(&r);
	assert_false(demo_has("agent_files", id));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet file delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_has(r.error, "404");
	testenv_run_free(&r);
	free(id);

	char *dash = testenv_demo_id(&env, "dashboards", 1);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet assets dashboard:%s dashboard:missing lens:x", dash);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 1);
	assert_has(r.message, "1 of 3 assets found; not found: dashboard:missing, lens:x");
	assert_has(r.text, dash);
	assert_has(r.text, "dashboard");
	testenv_run_free(&r);
	free(dash);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "fleet assets dashboard");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "is not type:id");
	testenv_run_free(&r);
}

static void test_ml_sync(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, true, "ml sync --simulate");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 4);
	assert_has(r.message, "simulated: nothing changed");
	testenv_run_free(&r);
	/* Simulating changes nothing; a real sync is a change, refused read-only. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "ml sync --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "read-only mode");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync --simulate");
	assert_int_equal(r.rows, 4);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "ml sync");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Synchronize the ML saved objects");
	assert_int_equal(r.rows, 4);
	assert_has(r.text, "auth_high_count_logon_fails");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync --simulate");
	assert_int_equal(r.rows, 0);
	assert_has(r.message, "Nothing to synchronize");
	testenv_run_free(&r);
}

static void test_exceptions(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 5);
	assert_has(r.message, "5 of 5 endpoint exceptions");
	assert_has(r.text, "process.name is not nessusd");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"exceptions endpoint --sort-field name --sort-order asc --per-page 2 --page 2");
	assert_int_equal(r.rows, 2);
	json_t *data = json_object_get(r.json, "data");
	assert_string_equal(json_string_value(json_object_get(json_array_get(data, 0), "name")), "Developer tools");
	assert_string_equal(json_string_value(json_object_get(json_array_get(data, 1), "name")), "SCCM client");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"exceptions endpoint --filter exception-list-agnostic.attributes.name:Backup");
	assert_int_equal(r.rows, 1);
	assert_has(r.text, "Backup agent");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint --filter Backup");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "--filter takes field:value");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint --page -1");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
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
	assert_has(r.error, "starting the user entity engine failed");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init host --delay 30x --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "--delay must be a whole number followed by s, m, h or d");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init host --lookback 1h --enrich-interval 1h --yes");
	assert_has(r.error, "at most half of --lookback");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine init universal --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "entityType must be one of user, host, service");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false,
			"entity-engine init host --index-pattern 'logs-*' --filter 'host.name:*' --field-history-length 5 "
			"--lookback 24h --enrich-interval 1h --docs-per-second 100");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Initialize the host entity engine (index pattern logs-*, filtered)?");
	assert_has(r.text, "The host entity engine");
	assert_has(r.text, "5 values per field");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "entity-engine stop host");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Stop the host entity engine");
	assert_has(r.message, "The host entity engine is stopped.");
	testenv_run_free(&r);
	char *st = engine_status("host");
	assert_string_equal(st, "stopped");
	free(st);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "entity-engine start host --yes");
	assert_has(r.message, "is started");
	testenv_run_free(&r);
	st = engine_status("host");
	assert_string_equal(st, "started");
	free(st);
}

static void test_risk_engine(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "nothing to configure");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --range-start yesterday --yes");
	assert_has(r.error, "--range-start must be date math");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "risk-engine configure --exclude-status ignored --yes");
	assert_has(r.error, "exclude-status must be one of open, acknowledged, closed");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false,
			"risk-engine configure --exclude-status closed --exclude-tag fp --exclude-tag test "
			"--range-start now-30d --range-end 2026-01-31T00:00:00Z");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "leave out closed alerts; leave out alerts tagged fp, test; score alerts from now-30d to "
			       "2026-01-31T00:00:00Z?");
	assert_has(r.message, "The risk engine is configured.");
	assert_true(json_is_true(json_object_get(r.json, "risk_engine_saved_object_configured")));
	testenv_run_free(&r);
	char *audit = testenv_audit(&env);
	assert_has(audit, "risk-engine configure");
	free(audit);
}

static void test_list_and_notes(void **state)
{
	char *id = testenv_demo_id(&env, "lists", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "list delete %s --delete-references --ignore-references --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "not both");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "list delete %s --delete-references", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "and the exception items that use it");
	assert_has(r.message, "Deleted value list \"Bad ips\" (ip, ");
	testenv_run_free(&r);
	assert_false(demo_has("lists", id));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "list delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_has(r.error, "was not found");
	testenv_run_free(&r);
	free(id);

	size_t before = demo_count("notes");
	char *n1 = testenv_demo_id(&env, "notes", 0), *n2 = testenv_demo_id(&env, "notes", 1);
	char *n3 = testenv_demo_id(&env, "notes", 2);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s %s --yes", n1, n1);
	assert_has(r.error, "given twice");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "note delete %s %s", n1, n2);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Delete 2 timeline notes (");
	assert_has(r.message, "Deleted 2 notes.");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s --yes", n3);
	assert_has(r.message, "Deleted note");
	testenv_run_free(&r);
	assert_int_equal(demo_count("notes"), before - 3);
	assert_false(demo_has("notes", n2));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s --yes", n1);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testenv_run_free(&r);
	free(n1);
	free(n2);
	free(n3);
}

static void test_timeline_import(void **state)
{
	size_t before = demo_count("timelines");
	char *good = testenv_fixture_path("issue6", "timelines.ndjson");
	char *mixed = testenv_fixture_path("issue6", "timelines_mixed.ndjson");
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "timeline import %s", good);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Import 2 timelines from");
	assert_has(r.message, "Imported 2 timelines from timelines.ndjson (2 new, 0 updated).");
	testenv_run_free(&r);
	assert_int_equal(demo_count("timelines"), before + 2);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --immutable --yes", mixed);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_int_equal(r.rows, 2);
	assert_has(r.error, "Imported 1 timeline from timelines_mixed.ndjson (1 new, 0 updated); 2 failed.");
	assert_has(r.text, "a title is required");
	assert_has(r.text, "Malformed JSON");
	testenv_run_free(&r);
	assert_int_equal(demo_count("timelines"), before + 3);
	/* Checked before anything is sent. */
	char tmpl[] = "/tmp/ktriage-i6-timeline-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	close(fd);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --yes", tmpl);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "only from a file named *.ndjson");
	testenv_run_free(&r);
	char *empty = xasprintf("%s.ndjson", tmpl);
	assert_int_equal(rename(tmpl, empty), 0);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --yes", empty);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "holds no timelines");
	testenv_run_free(&r);
	remove(empty);
	free(empty);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import /nonexistent/t.ndjson --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "cannot read /nonexistent/t.ndjson");
	testenv_run_free(&r);
	assert_int_equal(demo_count("timelines"), before + 3);
	free(good);
	free(mixed);
}

static void test_streams(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "streams resync");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.question, "Resync every stream");
	assert_has(r.message, "Resynced every stream");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "streams group web-tier");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.text, "Group stream web-tier");
	assert_has(r.text, "owner:");
	assert_has(r.text, "platform-team");
	assert_has(r.text, "logs.nginx, logs.auth, logs");
	assert_non_null(json_object_get(r.json, "group"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "streams group logs.nginx");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_has(r.error, "not a group stream");
	testenv_run_free(&r);
}

static void test_api_console(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, true,
					   "api GET '/api/cases/_find?perPage=3&sortField=title'");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_true(r.wants_json);
	assert_int_equal(json_array_size(json_object_get(r.json, "cases")), 3);
	assert_has(r.message, "GET /api/cases/_find?perPage=3&sortField=title: HTTP 200");
	testenv_run_free(&r);
	/* Anything but GET is a change: refused read-only, needs --yes in batch mode, audited. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "api POST /api/streams/_resync '{}' --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "read-only mode: \"api POST\"");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/streams/_resync '{}'");
	assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_NO, false, "api DELETE /api/note '{\"noteId\": \"x\"}'");
	assert_has(r.question, "Send DELETE /api/note with a 14-byte JSON body?");
	assert_has(r.message, "Cancelled");
	testenv_run_free(&r);
	char *note = testenv_demo_id(&env, "notes", 0);
	char *body = xasprintf("/tmp/ktriage-i6-body-%d.json", (int)getpid());
	FILE *f = fopen(body, "w");
	assert_non_null(f);
	fprintf(f, "{\"noteId\": \"%s\"}\n", note);
	fclose(f);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api DELETE /api/note @%s --yes", body);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_has(r.message, "DELETE /api/note: HTTP 200");
	testenv_run_free(&r);
	remove(body);
	free(body);
	assert_false(demo_has("notes", note));
	free(note);
	char *audit = testenv_audit(&env);
	assert_has(audit, "DELETE /api/note");
	free(audit);
	/* A Kibana error: its JSON is shown whole and the command fails with the status. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /api/cases/no-such-case");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_has(r.error, "HTTP 404");
	assert_int_equal(json_integer_value(json_object_get(r.json, "statusCode")), 404);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET api/cases");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_has(r.error, "must start with /");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/x {oops} --yes");
	assert_has(r.error, "not valid JSON");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/x @/nonexistent.json --yes");
	assert_has(r.error, "cannot read /nonexistent.json");
	testenv_run_free(&r);
}

/* A path naming the profile's own space is not prefixed twice. */
static void test_api_space(void **state)
{
	profile_set(&env.p.space, "soc");
	worker_free(env.w);
	char *err = NULL;
	env.w = worker_new(&env.p, &err);
	assert_non_null(env.w);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /s/soc/api/cases/_find?perPage=1");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(json_array_size(json_object_get(r.json, "cases")), 1);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /api/cases/_find?perPage=1");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fleet_server_hosts),
		cmocka_unit_test(test_dashboard_delete),
		cmocka_unit_test(test_fleet_files_and_assets),
		cmocka_unit_test(test_ml_sync),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_entity_engines),
		cmocka_unit_test(test_risk_engine),
		cmocka_unit_test(test_list_and_notes),
		cmocka_unit_test(test_timeline_import),
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_api_console),
		cmocka_unit_test(test_api_space),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
