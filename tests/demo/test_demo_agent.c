/*
 * What the demo's Elastic Defend agents do with get-file, execute, scan and upload, over HTTP, and
 * the files Kibana keeps for them (info and the password-protected zip download).
 */
#include "config.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* POST an action with body; the action once it is no longer pending. */
static json_t *run_action(const char *route, const char *body)
{
	char *path = dt_fmt("/api/endpoint/action/%s", route);
	json_t *r = NULL;
	long st = dt_json(dt_server, "POST", path, body, &r);
	if (st != 200)
		fprintf(stderr, "%s -> %ld\n", path, st);
	assert_int_equal(st, 200);
	json_t *fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	json_decref(r);
	free(path);
	return fin;
}

static json_t *agent_output(json_t *fin, const char *agent)
{
	return json_object_get(json_object_get(json_object_get(json_object_get(fin, "data"), "outputs"), agent), "content");
}

/* The OS name of an endpoint. */
static char *agent_os(const char *agent)
{
	char *p = dt_fmt("/api/endpoint/metadata/%s", agent);
	json_t *h = dt_get(dt_server, p);
	char *os = xstrdup(dt_str(json_object_get(json_object_get(json_object_get(h, "metadata"), "host"), "os"), "name"));
	json_decref(h);
	free(p);
	return os;
}

/* get-file: the file's sha256 in the output, its info READY, its zip opening with "elastic" to the file. */
static void test_get_file_keeps_a_zip(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *os = agent_os(agent);
	const char *path = strcmp(os, "Windows") ? "/tmp/.x" : "C:\\\\Users\\\\Public\\\\odu.exe";
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"%s\"}}", agent, path);
	json_t *fin = run_action("get_file", body);
	json_t *d = json_object_get(fin, "data");
	assert_string_equal(dt_str(d, "status"), "successful");
	json_t *c0 = json_array_get(json_object_get(agent_output(fin, agent), "contents"), 0);
	assert_int_equal(strlen(dt_str(c0, "sha256")), 64);
	const char *aid = dt_str(d, "id");
	char *info_path = dt_fmt("/api/endpoint/action/%s/file/%s.%s", aid, aid, agent);
	json_t *info = dt_get(dt_server, info_path);
	json_t *data = json_object_get(info, "data");
	assert_string_equal(dt_str(data, "status"), "READY");
	assert_string_equal(dt_str(data, "agentId"), agent);
	assert_string_equal(dt_str(data, "agentType"), "endpoint");
	assert_int_equal(dt_int(agent_output(fin, agent), "zip_size"), dt_int(data, "size"));
	char *dl = dt_fmt("%s/download", info_path);
	struct dt_resp r = dt_req(dt_server, "GET", dl, NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.ctype, "application/octet-stream");
	assert_int_equal(r.len, dt_int(data, "size"));
	size_t n;
	char *plain = dt_unzip(r.body, r.len, "elastic", dt_str(c0, "file_name"), &n);
	assert_non_null(plain);
	assert_int_equal(n, dt_int(c0, "size"));
	free(plain);
	assert_null(dt_unzip(r.body, r.len, "wrong", dt_str(c0, "file_name"), &n));
	dt_resp_free(&r);
	json_decref(info);
	json_decref(fin);
	free(body);
	/* A path the host does not have fails the action. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"/no/such/file\"}}", agent);
	fin = run_action("get_file", body);
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "failed");
	assert_non_null(strstr(json_string_value(json_array_get(json_object_get(json_object_get(fin, "data"), "errors"), 0)),
			       "/no/such/file"));
	json_decref(fin);
	free(body);
	free(dl);
	free(info_path);
	free(os);
	free(agent);
}

/* The file routes refuse what Kibana refuses. */
static void test_file_routes_refuse(void **state)
{
	char *agent = dt_healthy_agent(dt_server);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"]}", agent);
	json_t *fin = run_action("isolate", body);
	const char *aid = dt_str(json_object_get(fin, "data"), "id");
	char *p = dt_fmt("/api/endpoint/action/%s/file/%s.%s", aid, aid, agent);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "does not support file downloads"));
	json_decref(err);
	free(p);
	free(body);
	json_decref(fin);
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"command\":\"hostname\"}}", agent);
	fin = run_action("execute", body);
	aid = dt_str(json_object_get(fin, "data"), "id");
	p = dt_fmt("/api/endpoint/action/%s/file/%s", aid, agent);
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, NULL), 400);
	free(p);
	p = dt_fmt("/api/endpoint/action/%s/file/%s.%s/download", "no-such-action", "no-such-action", agent);
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, NULL), 404);
	free(p);
	json_decref(fin);
	free(body);
	free(agent);
}

/* execute: canned answers, a failing command's exit status, and the full output as a zip. */
static void test_execute(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *os = agent_os(agent);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"command\":\"hostname\",\"timeout\":60}}", agent);
	json_t *fin = run_action("execute", body);
	json_t *out = agent_output(fin, agent);
	assert_int_equal(dt_int(out, "shell_code"), 0);
	assert_string_equal(dt_str(out, "shell"), strcmp(os, "Windows") ? "bash" : "powershell");
	assert_true(strlen(dt_str(out, "stdout")) > 1);
	const char *aid = dt_str(json_object_get(fin, "data"), "id");
	char *dl = dt_fmt("/api/endpoint/action/%s/file/%s.%s/download", aid, aid, agent);
	struct dt_resp r = dt_req(dt_server, "GET", dl, NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	size_t n;
	char *plain = dt_unzip(r.body, r.len, "elastic", "stdout.txt", &n);
	assert_string_equal(plain, dt_str(out, "stdout"));
	free(plain);
	dt_resp_free(&r);
	free(dl);
	json_decref(fin);
	free(body);
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"command\":\"frobnicate --now\"}}", agent);
	fin = run_action("execute", body);
	out = agent_output(fin, agent);
	assert_true(dt_int(out, "shell_code") != 0);
	assert_non_null(strstr(dt_str(out, "stderr"), "frobnicate"));
	json_decref(fin);
	free(body);
	/* Kibana's schema: a blank command, a timeout under 1 and unknown keys are 400. */
	const char *bad[] = {"{\"command\":\"  \"}", "{\"command\":\"ls\",\"timeout\":0}", "{\"command\":\"ls\",\"shell\":\"zsh\"}",
			     "{}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":%s}", agent, bad[i]);
		assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/execute", body, NULL), 400);
		free(body);
	}
	free(os);
	free(agent);
}

static void test_scan(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *os = agent_os(agent);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"%s\"}}", agent,
			    strcmp(os, "Windows") ? "/tmp" : "C:\\\\Users");
	json_t *fin = run_action("scan", body);
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "successful");
	assert_string_equal(dt_str(agent_output(fin, agent), "code"), "ra_scan_success_done");
	json_decref(fin);
	free(body);
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"/nowhere\"}}", agent);
	fin = run_action("scan", body);
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "failed");
	json_decref(fin);
	free(body);
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\" \"}}", agent);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/scan", body, &err), 400);
	assert_string_equal(dt_str(err, "message"), "[request body.parameters.path]: path cannot be an empty string");
	json_decref(err);
	free(body);
	free(os);
	free(agent);
}

/* A multipart upload body as Kibana's UI sends it. */
static char *upload_body(const char *agent, const char *content, bool overwrite)
{
	return dt_fmt("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fix.ps1\"\r\n"
		      "Content-Type: application/octet-stream\r\n\r\n%s\r\n"
		      "--XyZ\r\nContent-Disposition: form-data; name=\"endpoint_ids\"\r\n\r\n[\"%s\"]\r\n"
		      "--XyZ\r\nContent-Disposition: form-data; name=\"parameters\"\r\n\r\n{\"overwrite\":%s}\r\n"
		      "--XyZ\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\npush a fix\r\n--XyZ--\r\n",
		      content, agent, overwrite ? "true" : "false");
}

static json_t *upload(const char *body, long want)
{
	struct dt_resp r = dt_req(dt_server, "POST", "/api/endpoint/action/upload", body, "multipart/form-data; boundary=XyZ", 0);
	assert_int_equal(r.status, want);
	json_t *j = json_loadb(r.body, r.len, 0, NULL);
	dt_resp_free(&r);
	return j;
}

/* upload: stored on the host (get-file brings it back), refused over a file unless overwrite. */
static void test_upload(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *os = agent_os(agent);
	char *body = upload_body(agent, "Write-Output one", false);
	json_t *r = upload(body, 200);
	json_t *d = json_object_get(r, "data");
	assert_string_equal(dt_str(d, "command"), "upload");
	assert_string_equal(dt_str(d, "comment"), "push a fix");
	json_t *params = json_object_get(d, "parameters");
	assert_string_equal(dt_str(params, "file_name"), "fix.ps1");
	assert_int_equal(dt_int(params, "file_size"), 16);
	assert_int_equal(strlen(dt_str(params, "file_sha256")), 64);
	json_t *fin = dt_wait_action(dt_server, dt_str(d, "id"));
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "successful");
	const char *where = dt_str(agent_output(fin, agent), "path");
	assert_non_null(strstr(where, "fix.ps1"));
	json_t *where_str = json_string(where);
	char *where_json = json_dumps(where_str, JSON_ENCODE_ANY);
	json_decref(where_str);
	json_decref(r);
	/* Again without overwrite: the agent refuses; with it, the file is replaced. */
	r = upload(body, 200);
	json_t *fin2 = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	assert_string_equal(dt_str(json_object_get(fin2, "data"), "status"), "failed");
	json_decref(fin2);
	json_decref(r);
	free(body);
	body = upload_body(agent, "Write-Output two", true);
	r = upload(body, 200);
	fin2 = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	assert_string_equal(dt_str(json_object_get(fin2, "data"), "status"), "successful");
	json_decref(fin2);
	json_decref(r);
	free(body);
	/* get-file brings the new content back. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":%s}}", agent, where_json);
	fin2 = run_action("get_file", body);
	const char *aid = dt_str(json_object_get(fin2, "data"), "id");
	char *dl = dt_fmt("/api/endpoint/action/%s/file/%s.%s/download", aid, aid, agent);
	struct dt_resp z = dt_req(dt_server, "GET", dl, NULL, NULL, 0);
	size_t n;
	char *plain = dt_unzip(z.body, z.len, "elastic", "fix.ps1", &n);
	assert_string_equal(plain, "Write-Output two");
	free(plain);
	dt_resp_free(&z);
	free(dl);
	json_decref(fin2);
	free(body);
	json_decref(fin);
	free(where_json);
	/* JSON, as the spec declares it, is not what the route takes; neither is a form without a file. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{}}", agent);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/upload", body, NULL), 415);
	free(body);
	body = dt_fmt("--XyZ\r\nContent-Disposition: form-data; name=\"endpoint_ids\"\r\n\r\n[\"%s\"]\r\n--XyZ--\r\n", agent);
	json_decref(upload(body, 400));
	free(body);
	free(os);
	free(agent);
}

/* The fault switches reach the new routes like any other. */
static void test_faults_apply(void **state)
{
	struct demo_options o;
	demo_options_init(&o);
	o.quiet = true;
	o.alerts = 10;
	char *err = NULL;
	assert_int_equal(demo_options_add_fault(&o, "status=503@/api/endpoint/action/get_file", &err), 0);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	char *agent = dt_healthy_agent(s);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"/tmp/.x\"}}", agent);
	assert_int_equal(dt_json(s, "POST", "/api/endpoint/action/get_file", body, NULL), 503);
	free(body);
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"path\":\"/tmp\"}}", agent);
	assert_int_equal(dt_json(s, "POST", "/api/endpoint/action/scan", body, NULL), 200);
	free(body);
	free(agent);
	demo_stop(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_file_keeps_a_zip),
		cmocka_unit_test(test_file_routes_refuse),
		cmocka_unit_test(test_execute),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_upload),
		cmocka_unit_test(test_faults_apply),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
