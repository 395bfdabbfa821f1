/* HTTP: the URL and headers of a transfer, requests on the wire through the real worker (headers, auth, encoding,
 * bodies, every way a response can fail), and the demo server's faults reported clearly. */
#include "config.h"
#include "ktest.h"
#include "integutil.h"
#include "testenv.h"
#include "testjson.h"
#include "testserver.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "api/http.h"
#include "api/request.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The transfer a profile and a request configure, before anything is sent. */

static char *url_for(const char *base, const char *space, bool global, const char *path, const char *query)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, base);
	profile_set(&p.space, space);
	struct api_request *req = api_request_new(HTTP_GET, path);
	api_request_set_query(req, query);
	req->global = global;
	char *u = http_url(&p, req);
	api_request_free(req);
	profile_free(&p);
	return u;
}

static void test_http_url(void **state)
{
	char *u = url_for("https://kb.example:5601", NULL, false, "/api/cases/_find", "?page=1");
	assert_string_equal(u, "https://kb.example:5601/api/cases/_find?page=1");
	free(u);
	u = url_for("https://kb.example:5601", "default", false, "/api/cases/_find", NULL);
	assert_string_equal(u, "https://kb.example:5601/api/cases/_find");
	free(u);
	u = url_for("https://kb.example:5601///", "soc team", false, "/api/cases/x", "?a=b");
	assert_string_equal(u, "https://kb.example:5601/s/soc%20team/api/cases/x?a=b");
	free(u);
	/* A base URL with a path of its own (Kibana behind a proxy prefix). */
	u = url_for("https://proxy.example/kibana/", "soc", false, "/api/cases/x", NULL);
	assert_string_equal(u, "https://proxy.example/kibana/s/soc/api/cases/x");
	free(u);
	/* Global APIs never get the space prefix. */
	u = url_for("https://kb.example/", "soc team", true, "/api/security/session/_invalidate", NULL);
	assert_string_equal(u, "https://kb.example/api/security/session/_invalidate");
	free(u);
	/* An empty query is dropped, not sent as a bare '?'. */
	u = url_for("http://h", NULL, false, "/p", "");
	assert_string_equal(u, "http://h/p");
	free(u);
}

/* The headers a configured transfer will send, one per line. */
static char *headers_of(const struct profile *p, struct api_request *req, int *rc, char **err)
{
	struct http_transfer t;
	*err = NULL;
	*rc = http_transfer_init(&t, p, req, err);
	struct strbuf sb;
	strbuf_init(&sb);
	for (struct curl_slist *l = t.headers; l; l = l->next)
		strbuf_printf(&sb, "%s\n", l->data);
	http_transfer_cleanup(&t);
	return strbuf_detach(&sb, NULL);
}

static void test_headers_get_api_key(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	profile_set_secret(&p.api_key, "S3CR3T==");
	struct api_request *req = api_request_new(HTTP_GET, "/api/cases/_find");
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(h, "Authorization: ApiKey S3CR3T==\n"));
	assert_non_null(strstr(h, "Elastic-Api-Version: 2023-10-31\n"));
	assert_non_null(strstr(h, "Accept: application/json\n"));
	assert_null(strstr(h, "kbn-xsrf"));
	assert_null(strstr(h, "Content-Type"));
	free(h);
	api_request_free(req);
	profile_free(&p);
}

/* A key that would start a header of its own is refused by the transfer itself, whoever built the profile. */
static void test_headers_injection_refused(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	profile_set_secret(&p.api_key, "abc\r\nX-Injected: yes");
	struct api_request *req = api_request_new(HTTP_GET, "/api/cases/_find");
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "control character"));
	assert_null(strstr(h, "X-Injected"));
	free(h);
	free(err);
	api_request_free(req);
	profile_free(&p);
}

static void test_headers_post_body(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	profile_set_secret(&p.api_key, "K");
	struct api_request *req = api_request_new(HTTP_POST, "/api/cases");
	api_request_set_json(req, json_object());
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(testutil_count(h, "kbn-xsrf: true\n"), 1);
	assert_int_equal(testutil_count(h, "Elastic-Api-Version: 2023-10-31\n"), 1);
	assert_int_equal(testutil_count(h, "Content-Type: application/json; Elastic-Api-Version=2023-10-31\n"), 1);
	free(h);
	api_request_free(req);
	profile_free(&p);
}

static void test_headers_basic_auth_not_in_list(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	profile_set(&p.username, "elastic");
	profile_set_secret(&p.password, "changeme");
	struct api_request *req = api_request_new(HTTP_DELETE, "/api/x");
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, 0);
	/* Basic auth goes through curl's own options (checked on the wire below, test_basic_auth); no ApiKey header. */
	assert_null(strstr(h, "Authorization"));
	assert_null(strstr(h, "changeme"));
	assert_non_null(strstr(h, "kbn-xsrf: true\n"));
	free(h);
	api_request_free(req);
	profile_free(&p);
}

static void test_headers_api_key_wins(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	profile_set(&p.username, "elastic");
	profile_set_secret(&p.password, "changeme");
	profile_set_secret(&p.api_key, "KEY");
	struct api_request *req = api_request_new(HTTP_GET, "/api/x");
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(testutil_count(h, "Authorization: "), 1);
	assert_non_null(strstr(h, "Authorization: ApiKey KEY\n"));
	free(h);
	api_request_free(req);
	profile_free(&p);
}

static void test_get_with_body_refused(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	struct api_request *req = api_request_new(HTTP_GET, "/api/x");
	api_request_set_json(req, json_object());
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "GET"));
	free(err);
	free(h);
	api_request_free(req);
	profile_free(&p);
}

static void test_multipart_no_json_type(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "http://127.0.0.1:9");
	struct api_request *req = api_request_new(HTTP_POST, "/api/timeline/_import");
	api_request_add_part(req, "file", "t.ndjson", "application/x-ndjson", "{}\n", 3);
	int rc;
	char *err;
	char *h = headers_of(&p, req, &rc, &err);
	assert_int_equal(rc, 0);
	assert_null(strstr(h, "Content-Type: application/json"));
	assert_non_null(strstr(h, "kbn-xsrf: true\n"));
	free(h);
	api_request_free(req);
	profile_free(&p);
}

/* On the wire, against a test server that records every request. */

struct fx {
	struct testserver *srv;
	struct profile p;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	f->srv = testserver_start();
	assert_non_null(f->srv);
	integ_profile(&f->p, f->srv, "VGVzdEtleTpzZWNyZXQ=");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	testserver_stop(f->srv);
	profile_free(&f->p);
	free(f);
	return 0;
}

/* Send one request through a fresh worker and return what came back. */
static struct worker_done *run(const struct profile *p, struct api_request *req)
{
	char *err = NULL;
	struct worker *w = worker_new(p, &err);
	assert_non_null(w);
	uint64_t id = worker_submit(w, req, 5, NULL);
	struct worker_done *d = integ_next_done(w);
	assert_non_null(d);
	assert_int_equal(d->id, id);
	assert_int_equal(d->generation, 5);
	worker_free(w);
	return d;
}

static const struct testserver_request *only_request(struct fx *f)
{
	assert_int_equal(testserver_count(f->srv, NULL), 1);
	return testserver_get(f->srv, NULL, 0);
}

static char *find_page_json(size_t n)
{
	json_t *c = testjson_fixture("cases", "case_push_200.json");
	json_t *cases = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *k = json_deep_copy(c);
		char id[32];
		snprintf(id, sizeof(id), "case-%zu", i);
		json_object_set_new(k, "id", json_string(id));
		json_array_append_new(cases, k);
	}
	json_decref(c);
	json_t *page = json_pack("{s:o,s:i,s:i,s:i}", "cases", cases, "page", 1, "per_page", 20, "total", (int)n);
	char *s = json_dumps(page, JSON_COMPACT);
	json_decref(page);
	return s;
}

static void test_get_headers_and_query(void **state)
{
	struct fx *f = *state;
	char *body = find_page_json(2);
	testserver_route_static(f->srv, "GET", "/api/cases/_find", 200, TESTSERVER_JSON, body);
	free(body);
	static const char *const tags[] = {"a b", "x&y"};
	struct cases_query q = {.page = 1, .per_page = 20, .status = "open", .tags = tags, .n_tags = 2,
				.search = "caf\xc3\xa9 au lait", .sort_field = "updatedAt"};
	struct worker_done *d = run(&f->p, cases_find_request(&q));
	assert_int_equal(d->res.status, API_OK);
	assert_int_equal(d->res.http_status, 200);
	assert_string_equal(d->res.content_type, TESTSERVER_JSON);
	struct case_page *page = d->res.model;
	assert_non_null(page);
	assert_int_equal(page->n, 2);
	assert_string_equal(page->cases[1].id, "case-1");

	const struct testserver_request *r = only_request(f);
	assert_string_equal(r->method, "GET");
	assert_string_equal(r->target, "/api/cases/_find?page=1&perPage=20&status=open&search=caf%C3%A9%20au%20lait"
				       "&tags=a%20b&tags=x%26y&sortField=updatedAt");
	char *v = testserver_query_param(r, "tags", 1);
	assert_string_equal(v, "x&y");
	free(v);
	v = testserver_query_param(r, "search", 0);
	assert_string_equal(v, "caf\xc3\xa9 au lait");
	free(v);
	size_t n;
	assert_string_equal(testserver_header(r, "Authorization", &n), "ApiKey VGVzdEtleTpzZWNyZXQ=");
	assert_int_equal(n, 1);
	assert_string_equal(testserver_header(r, "Elastic-Api-Version", &n), "2023-10-31");
	assert_int_equal(n, 1);
	assert_null(testserver_header(r, "kbn-xsrf", NULL));
	assert_null(testserver_header(r, "Content-Type", NULL));
	assert_string_equal(testserver_header(r, "Accept", NULL), "application/json");
	assert_non_null(strstr(testserver_header(r, "User-Agent", NULL), "ktriage/"));
	assert_int_equal(r->body_len, 0);
	worker_done_free(d);
}

static void test_post_json_headers(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "POST", "/api/cases/*", 200, TESTSERVER_JSON, "{}");
	struct api_request *req = cases_comment_request("c-1", "cases", "hello \xe6\x97\xa5");
	req->model = NULL;
	struct worker_done *d = run(&f->p, req);
	assert_int_equal(d->res.status, API_OK);
	const struct testserver_request *r = only_request(f);
	assert_string_equal(r->method, "POST");
	assert_string_equal(r->target, "/api/cases/c-1/comments");
	size_t n;
	assert_string_equal(testserver_header(r, "kbn-xsrf", &n), "true");
	assert_int_equal(n, 1);
	assert_string_equal(testserver_header(r, "Content-Type", &n), "application/json; Elastic-Api-Version=2023-10-31");
	assert_int_equal(n, 1);
	assert_string_equal(testserver_header(r, "Elastic-Api-Version", NULL), "2023-10-31");
	assert_null(testserver_header(r, "Expect", NULL));
	assert_string_equal(r->body, "{\"type\":\"user\",\"owner\":\"cases\",\"comment\":\"hello \xe6\x97\xa5\"}");
	worker_done_free(d);
}

static void test_patch_and_delete(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, NULL, "/api/*", 204, "", NULL);
	struct worker_done *d = run(&f->p, cases_update_request("id", "v1", json_pack("{s:s}", "severity", "high")));
	/* 204 with a parser set: the missing body is reported, not crashed on. */
	assert_int_equal(d->res.status, API_ERR_PARSE);
	worker_done_free(d);
	const struct testserver_request *r = testserver_get(f->srv, NULL, 0);
	assert_string_equal(r->method, "PATCH");
	assert_string_equal(testserver_header(r, "Content-Type", NULL), HTTP_JSON_TYPE);

	d = run(&f->p, api_request_new(HTTP_DELETE, "/api/things/x"));
	assert_int_equal(d->res.status, API_OK);
	assert_int_equal(d->res.http_status, 204);
	assert_null(d->res.json);
	worker_done_free(d);
	r = testserver_get(f->srv, NULL, 1);
	assert_string_equal(r->method, "DELETE");
	assert_string_equal(testserver_header(r, "kbn-xsrf", NULL), "true");
	assert_string_equal(testserver_header(r, "Elastic-Api-Version", NULL), "2023-10-31");
	/* No body, so no Content-Type (curl would otherwise claim a form). */
	assert_null(testserver_header(r, "Content-Type", NULL));
	assert_int_equal(r->body_len, 0);

	d = run(&f->p, api_request_new(HTTP_POST, "/api/things/_sync"));
	worker_done_free(d);
	r = testserver_get(f->srv, NULL, 2);
	assert_string_equal(r->method, "POST");
	assert_null(testserver_header(r, "Content-Type", NULL));
	assert_string_equal(testserver_header(r, "kbn-xsrf", NULL), "true");
}

static void test_basic_auth(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/x", 200, TESTSERVER_JSON, "{}");
	profile_set_secret(&f->p.api_key, NULL);
	profile_set(&f->p.username, "elastic");
	profile_set_secret(&f->p.password, "changeme");
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/x"));
	assert_int_equal(d->res.status, API_OK);
	assert_true(json_is_object(d->res.json));
	worker_done_free(d);
	size_t n;
	assert_string_equal(testserver_header(only_request(f), "Authorization", &n), "Basic ZWxhc3RpYzpjaGFuZ2VtZQ==");
	assert_int_equal(n, 1);
}

static void test_401_without_credentials_says_where_they_come_from(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/x", 401, TESTSERVER_JSON,
				"{\"error\":\"Unauthorized\",\"message\":\"Unauthorized\",\"statusCode\":401}");
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/x"));
	/* With a key, a 401 is Kibana's word alone: the key is wrong, not missing. */
	assert_null(strstr(d->res.message, "KIBANA_API_KEY"));
	worker_done_free(d);
	profile_set_secret(&f->p.api_key, NULL);
	d = run(&f->p, api_request_new(HTTP_GET, "/api/x"));
	assert_int_equal(d->res.http_status, 401);
	assert_non_null(strstr(d->res.message, "No credentials are set"));
	assert_non_null(strstr(d->res.message, "api_key_file"));
	assert_non_null(strstr(d->res.message, "KIBANA_API_KEY"));
	assert_non_null(strstr(d->res.message, "KIBANA_USERNAME"));
	worker_done_free(d);
}

static void test_encoded_paths_and_space(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "*", 404, TESTSERVER_JSON,
				"{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"none\"}");
	struct worker_done *d = run(&f->p, cases_get_request("caso-\xc3\xb1/1"));
	worker_done_free(d);
	d = run(&f->p, cases_get_request(".."));
	worker_done_free(d);
	d = run(&f->p, cases_get_request("a?b#c d"));
	worker_done_free(d);
	profile_set(&f->p.space, "soc team");
	d = run(&f->p, cases_get_request("x"));
	worker_done_free(d);
	struct api_request *g = api_request_new(HTTP_GET, "/api/status");
	g->global = true;
	d = run(&f->p, g);
	worker_done_free(d);
	profile_set(&f->p.space, "default");
	d = run(&f->p, cases_get_request("y"));
	worker_done_free(d);

	assert_int_equal(testserver_count(f->srv, NULL), 6);
	assert_string_equal(testserver_get(f->srv, NULL, 0)->target, "/api/cases/caso-%C3%B1%2F1");
	assert_string_equal(testserver_get(f->srv, NULL, 1)->target, "/api/cases/%2E%2E");
	assert_string_equal(testserver_get(f->srv, NULL, 2)->target, "/api/cases/a%3Fb%23c%20d");
	assert_string_equal(testserver_get(f->srv, NULL, 3)->target, "/s/soc%20team/api/cases/x");
	assert_string_equal(testserver_get(f->srv, NULL, 4)->target, "/api/status");
	assert_string_equal(testserver_get(f->srv, NULL, 5)->target, "/api/cases/y");
}

static void test_base_url_with_slash(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "*", 200, TESTSERVER_JSON, "[]");
	char *url = xasprintf("%s///", testserver_url(f->srv));
	profile_set(&f->p.url, url);
	free(url);
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/actions/connectors"));
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	assert_string_equal(only_request(f)->target, "/api/actions/connectors");
}

static void test_multipart(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "POST", "/api/timeline/_import", 200, TESTSERVER_JSON, "{\"success\":true}");
	struct api_request *req = api_request_new(HTTP_POST, "/api/timeline/_import");
	static const char nd[] = "{\"savedObjectId\":\"t1\"}\n{\"savedObjectId\":\"t2\"}\n";
	api_request_add_part(req, "file", "timelines.ndjson", "application/x-ndjson", nd, sizeof(nd) - 1);
	api_request_add_part(req, "note", NULL, NULL, "plain", 5);
	struct worker_done *d = run(&f->p, req);
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	const struct testserver_request *r = only_request(f);
	const char *ct = testserver_header(r, "Content-Type", NULL);
	assert_non_null(ct);
	assert_int_equal(strncmp(ct, "multipart/form-data; boundary=", 30), 0);
	assert_string_equal(testserver_header(r, "kbn-xsrf", NULL), "true");
	assert_non_null(strstr(r->body, "Content-Disposition: form-data; name=\"file\"; filename=\"timelines.ndjson\"\r\n"
					  "Content-Type: application/x-ndjson\r\n\r\n"));
	assert_non_null(strstr(r->body, nd));
	assert_non_null(strstr(r->body, "Content-Disposition: form-data; name=\"note\"\r\n\r\nplain\r\n"));
	/* The boundary in the header is the one in the body. */
	assert_non_null(strstr(r->body, ct + 30));
}

static void test_kibana_error_shapes(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/a", 404, TESTSERVER_JSON,
				"{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Saved object [cases/zz] not found\"}");
	testserver_route_static(f->srv, "GET", "/api/b", 400, "application/json",
				"{\"status_code\":400,\"message\":\"[request query.perPage]: must be <= 100\"}");
	testserver_route_static(f->srv, "GET", "/api/c", 401, TESTSERVER_JSON,
				"{\"error\":\"Unauthorized\",\"message\":\"string\",\"statusCode\":401}");
	struct worker_done *d = run(&f->p, cases_get_request("zz"));
	worker_done_free(d);
	d = run(&f->p, api_request_new(HTTP_GET, "/api/a"));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status, 404);
	assert_string_equal(d->res.message, "HTTP 404 Not Found: Saved object [cases/zz] not found");
	assert_null(d->res.model);
	worker_done_free(d);
	d = run(&f->p, api_request_new(HTTP_GET, "/api/b"));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_string_equal(d->res.message, "HTTP 400 Bad Request: [request query.perPage]: must be <= 100");
	worker_done_free(d);
	d = run(&f->p, api_request_new(HTTP_GET, "/api/c"));
	assert_string_equal(d->res.message, "HTTP 401 Unauthorized: string");
	worker_done_free(d);
}

static void test_html_502(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/cases/_find", 502, "text/html",
				"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>");
	struct cases_query q = {.page = 1};
	struct worker_done *d = run(&f->p, cases_find_request(&q));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status, 502);
	assert_non_null(strstr(d->res.message, "HTTP 502 Bad Gateway"));
	assert_non_null(strstr(d->res.message, "\"502 Bad Gateway\""));
	assert_non_null(strstr(d->res.message, "proxy"));
	worker_done_free(d);
}

static void redirect_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	reply->status = 302;
	snprintf(reply->location, sizeof(reply->location), "%s", (const char *)arg);
	snprintf(reply->content_type, sizeof(reply->content_type), "text/html");
	testserver_reply_body(reply, "moved", 5);
}

static void test_redirect_reported(void **state)
{
	struct fx *f = *state;
	char *loc = xasprintf("%s/login?next=%%2Fapi", testserver_url(f->srv));
	testserver_route(f->srv, "GET", "/api/old", redirect_fn, loc);
	testserver_route_static(f->srv, "GET", "/login", 200, "text/html", "<html>login</html>");
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/old"));
	assert_int_equal(d->res.status, API_ERR_REDIRECT);
	assert_int_equal(d->res.http_status, 302);
	assert_non_null(strstr(d->res.message, loc));
	assert_non_null(strstr(d->res.message, "not followed"));
	worker_done_free(d);
	/* Credentials never went to the other place. */
	assert_int_equal(testserver_count(f->srv, "/login"), 0);
	assert_int_equal(testserver_count(f->srv, NULL), 1);
	free(loc);
}

static void truncate_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	reply->mode = TESTSERVER_TRUNCATE;
	reply->declared_len = 5000;
	testserver_reply_body(reply, "{\"cases\":[{\"id\":\"a\"", 19);
}

static void test_truncated_body(void **state)
{
	struct fx *f = *state;
	testserver_route(f->srv, "GET", "/api/cases/_find", truncate_fn, NULL);
	struct cases_query q = {.page = 1};
	struct worker_done *d = run(&f->p, cases_find_request(&q));
	assert_int_equal(d->res.status, API_ERR_NETWORK);
	assert_non_null(strstr(d->res.message, "the connection broke before the response was complete"));
	assert_null(d->res.model);
	worker_done_free(d);
}

static void big_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	size_t len = (size_t)3 << 20;
	char *b = xmalloc(len);
	memset(b, ' ', len);
	b[0] = '[';
	b[len - 1] = ']';
	reply->body = b;
	reply->body_len = len;
	reply->mode = arg ? TESTSERVER_CHUNKED : TESTSERVER_REPLY;
}

static void test_too_big(void **state)
{
	struct fx *f = *state;
	testserver_route(f->srv, "GET", "/api/sized", big_fn, NULL);
	testserver_route(f->srv, "GET", "/api/chunked", big_fn, f);
	f->p.max_response = (size_t)1 << 20;
	/* Content-Length says too much up front. */
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/sized"));
	assert_int_equal(d->res.status, API_ERR_TOO_BIG);
	assert_non_null(strstr(d->res.message, "larger than the 1 MiB limit"));
	assert_non_null(strstr(d->res.message, "max_response_mb"));
	assert_true(d->res.body_len <= f->p.max_response);
	worker_done_free(d);
	/* No length given: the cap stops the download as it grows. */
	d = run(&f->p, api_request_new(HTTP_GET, "/api/chunked"));
	assert_int_equal(d->res.status, API_ERR_TOO_BIG);
	assert_true(d->res.body_len <= f->p.max_response);
	worker_done_free(d);
	/* A cap that is not whole MiB is named in bytes, not rounded down to "0 MiB". */
	f->p.max_response = 65536;
	d = run(&f->p, api_request_new(HTTP_GET, "/api/sized"));
	assert_int_equal(d->res.status, API_ERR_TOO_BIG);
	assert_non_null(strstr(d->res.message, "larger than the 65536-byte limit"));
	worker_done_free(d);
	/* Under the cap it is fine. */
	f->p.max_response = (size_t)8 << 20;
	d = run(&f->p, api_request_new(HTTP_GET, "/api/chunked"));
	assert_int_equal(d->res.status, API_OK);
	assert_int_equal(d->res.body_len, (size_t)3 << 20);
	assert_true(json_is_array(d->res.json));
	worker_done_free(d);
}

static void test_timeout(void **state)
{
	struct fx *f = *state;
	testserver_route_mode(f->srv, "/api/slow", TESTSERVER_SLOW, 30000);
	f->p.timeout_ms = 300;
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/slow"));
	assert_int_equal(d->res.status, API_ERR_TIMEOUT);
	assert_non_null(strstr(d->res.message, "timed out"));
	assert_int_equal(d->res.http_status, 0);
	worker_done_free(d);
}

static void test_connection_refused(void **state)
{
	struct fx *f = *state;
	/* A port bound but never listening refuses connections for as long as we hold it. */
	int fd;
	char *url = integ_refused_url(&fd);
	profile_set(&f->p.url, url);
	free(url);
	struct worker_done *d = run(&f->p, api_request_new(HTTP_GET, "/api/status"));
	close(fd);
	assert_int_equal(d->res.status, API_ERR_NETWORK);
	assert_int_equal(d->res.http_status, 0);
	assert_non_null(strstr(d->res.message, "cannot connect to Kibana"));
	assert_non_null(strstr(d->res.message, "127.0.0.1"));
	worker_done_free(d);
}

static void test_bad_success_bodies(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/cases/html", 200, "text/html", "<html>portal</html>");
	testserver_route_static(f->srv, "GET", "/api/cases/bad", 200, TESTSERVER_JSON, "{\"id\":\"bad\"}");
	testserver_route_static(f->srv, "GET", "/api/cases/dup", 200, TESTSERVER_JSON, "{\"id\":\"a\",\"id\":\"b\"}");
	testserver_route_static(f->srv, "GET", "/api/plain", 200, "text/plain; charset=utf-8", "hello");
	struct worker_done *d = run(&f->p, cases_get_request("html"));
	assert_int_equal(d->res.status, API_ERR_PARSE);
	assert_non_null(strstr(d->res.message, "not valid JSON"));
	worker_done_free(d);
	d = run(&f->p, cases_get_request("bad"));
	assert_int_equal(d->res.status, API_ERR_PARSE);
	assert_string_equal(d->res.message, "unexpected response from Kibana: case: required field \"version\" is missing");
	assert_null(d->res.model);
	worker_done_free(d);
	d = run(&f->p, cases_get_request("dup"));
	assert_int_equal(d->res.status, API_ERR_PARSE);
	assert_non_null(strstr(d->res.message, "duplicate"));
	worker_done_free(d);
	/* Without a parser, a body that is not JSON is simply kept. */
	d = run(&f->p, api_request_new(HTTP_GET, "/api/plain"));
	assert_int_equal(d->res.status, API_OK);
	assert_string_equal(d->res.body, "hello");
	assert_null(d->res.json);
	assert_string_equal(d->res.content_type, "text/plain; charset=utf-8");
	worker_done_free(d);
}

/* A request that parses later gets its body as text; parsed afterwards it is what the worker would have made. */
static void test_parse_later(void **state)
{
	struct fx *f = *state;
	char *body = find_page_json(3);
	testserver_route_static(f->srv, "GET", "/api/cases/_find", 200, TESTSERVER_JSON, body);
	testserver_route_static(f->srv, "GET", "/api/cases/bad", 200, TESTSERVER_JSON, "{\"id\":\"bad\"}");
	free(body);
	struct cases_query q = {.page = 1};
	struct api_request *req = cases_find_request(&q);
	req->parse_later = true;
	struct worker_done *d = run(&f->p, req);
	assert_int_equal(d->res.status, API_OK);
	assert_null(d->res.json);
	assert_null(d->res.model);
	assert_non_null(strstr(d->res.body, "\"case-2\""));
	http_parse_result(&cases_page_model, &d->res);
	assert_int_equal(d->res.status, API_OK);
	struct case_page *p = d->res.model;
	assert_non_null(p);
	assert_int_equal(p->n, 3);
	assert_string_equal(p->cases[2].id, "case-2");
	assert_ptr_equal(d->res.model_type, &cases_page_model);
	worker_done_free(d);
	/* A body that does not fit the model fails when it is parsed, as the worker's would. */
	req = cases_get_request("bad");
	req->parse_later = true;
	d = run(&f->p, req);
	assert_int_equal(d->res.status, API_OK);
	http_parse_result(&cases_case_model, &d->res);
	assert_int_equal(d->res.status, API_ERR_PARSE);
	assert_string_equal(d->res.message, "unexpected response from Kibana: case: required field \"version\" is missing");
	worker_done_free(d);
}

/* Through the real worker against the demo server: every fault switch, hostile data, a wrong key. */

/* One fault, limited to _find, and what the client must say about it. */
struct fault_case {
	const char *fault;
	enum api_status status;
	const char *message;
};

static const struct fault_case faults[] = {
	{"status=503@/api/cases/_find", API_ERR_HTTP, "HTTP 503"},
	{"truncate@/api/cases/_find", API_ERR_PARSE, "not valid JSON"},
	{"html-error@/api/cases/_find", API_ERR_HTTP, "HTML page"},
	{"huge@/api/cases/_find", API_ERR_TOO_BIG, "larger than"},
	{"nested@/api/cases/_find", API_ERR_PARSE, "nested deeper"},
	{"dupkeys@/api/cases/_find", API_ERR_PARSE, "duplicate"},
	{"latency=3000@/api/cases/_find", API_ERR_TIMEOUT, "timed out"},
};

static void test_each_fault(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(faults) / sizeof(*faults); i++) {
		struct testenv env;
		const char *spec[] = {faults[i].fault, NULL};
		testenv_start(&env, &(struct testenv_options){.faults = spec, .timeout_ms = 1000});
		struct cases_query q = {.page = 1, .per_page = 5};
		struct worker_done *d = testenv_request(&env, cases_find_request(&q));
		if (d->res.status != faults[i].status || !strstr(d->res.message ? d->res.message : "", faults[i].message))
			fail_msg("%s: got status %d, message \"%s\"", faults[i].fault, d->res.status,
				 d->res.message ? d->res.message : "");
		worker_done_free(d);
		/* The same worker carries on with the next request. */
		d = testenv_request(&env, connectors_list_request());
		assert_int_equal(d->res.status, API_OK);
		worker_done_free(d);
		testenv_stop(&env);
	}
}

static void test_hostile_strings_parse(void **state)
{
	(void)state;
	struct testenv env;
	const char *spec[] = {"hostile-strings", NULL};
	testenv_start(&env, &(struct testenv_options){.faults = spec});
	struct cases_query q = {.page = 1, .per_page = 20};
	struct worker_done *d = testenv_request(&env, cases_find_request(&q));
	/* The data is hostile, not malformed: it parses, and sanitizing is the display's job. */
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	testenv_stop(&env);
}

static void test_wrong_key_is_401(void **state)
{
	(void)state;
	struct testenv env;
	testenv_start(&env, NULL);
	struct profile wrong;
	profile_copy(&wrong, &env.p);
	profile_set_secret(&wrong.api_key, "d3Jvbmc6a2V5");
	char *err = NULL;
	struct worker *w = worker_new(&wrong, &err);
	struct cases_query q = {.page = 1, .per_page = 5};
	worker_submit(w, cases_find_request(&q), 0, NULL);
	struct worker_done *d = NULL;
	for (int i = 0; i < 100 && !d; i++) {
		worker_wait(w, 100);
		d = worker_take(w);
	}
	assert_non_null(d);
	assert_int_equal(d->res.http_status, 401);
	assert_non_null(strstr(d->res.message, "HTTP 401 Unauthorized"));
	worker_done_free(d);
	worker_free(w);
	profile_free(&wrong);
	testenv_stop(&env);
}

int main(void)
{
	if (!integ_begin())
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_url),
		cmocka_unit_test(test_headers_get_api_key),
		cmocka_unit_test(test_headers_injection_refused),
		cmocka_unit_test(test_headers_post_body),
		cmocka_unit_test(test_headers_basic_auth_not_in_list),
		cmocka_unit_test(test_headers_api_key_wins),
		cmocka_unit_test(test_get_with_body_refused),
		cmocka_unit_test(test_multipart_no_json_type),
		cmocka_unit_test_setup_teardown(test_get_headers_and_query, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_json_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_patch_and_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_401_without_credentials_says_where_they_come_from, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basic_auth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_encoded_paths_and_space, setup, teardown),
		cmocka_unit_test_setup_teardown(test_base_url_with_slash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multipart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kibana_error_shapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_html_502, setup, teardown),
		cmocka_unit_test_setup_teardown(test_redirect_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_body, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_big, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connection_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_later, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_success_bodies, setup, teardown),
		cmocka_unit_test(test_each_fault),
		cmocka_unit_test(test_hostile_strings_parse),
		cmocka_unit_test(test_wrong_key_is_401),
	};
	return integ_end(cmocka_run_group_tests(tests, NULL, NULL));
}
