/* URL building (path segments, queries, space prefixes) and the headers of a configured transfer. */
#include "config.h"
#include "ktest.h"
#include "api/http.h"
#include "api/request.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_api_path_non_ascii(void **state)
{
	char *p = api_path("/api/cases/{}", "caso-\xc3\xb1/1");
	assert_string_equal(p, "/api/cases/caso-%C3%B1%2F1");
	free(p);
}

static void test_api_path_several_segments(void **state)
{
	char *p = api_path("/api/cases/{}/connector/{}/_push", "..", "id with space?");
	assert_string_equal(p, "/api/cases/%2E%2E/connector/id%20with%20space%3F/_push");
	free(p);
	p = api_path("/api/cases/{}/comments", ".");
	assert_string_equal(p, "/api/cases/%2E/comments");
	free(p);
	/* A lone brace is literal text, not a placeholder. */
	p = api_path("/a/{x}/{}", "y");
	assert_string_equal(p, "/a/{x}/y");
	free(p);
}

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

static void test_method_names(void **state)
{
	enum http_method m;
	assert_true(api_method_parse("patch", &m));
	assert_int_equal(m, HTTP_PATCH);
	assert_string_equal(api_method_name(HTTP_DELETE), "DELETE");
	assert_false(api_method_parse("TRACE", &m));
}

static void test_request_json_and_parts(void **state)
{
	struct api_request *req = api_request_new(HTTP_POST, "/x");
	api_request_set_json(req, json_pack("{s:s}", "a", "\xc3\xa9"));
	assert_string_equal(req->body, "{\"a\":\"\xc3\xa9\"}");
	assert_int_equal(req->body_len, strlen(req->body));
	api_request_add_part(req, "file", "t.ndjson", "application/x-ndjson", "a\0b", 3);
	assert_int_equal(req->n_parts, 1);
	assert_int_equal(req->parts[0].len, 3);
	assert_memory_equal(req->parts[0].data, "a\0b", 3);
	api_request_free(req);
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
	/* Basic auth goes through curl's own options (checked on the wire in tests/integ); no ApiKey header. */
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

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_path_non_ascii),
		cmocka_unit_test(test_api_path_several_segments),
		cmocka_unit_test(test_http_url),
		cmocka_unit_test(test_method_names),
		cmocka_unit_test(test_request_json_and_parts),
		cmocka_unit_test(test_headers_get_api_key),
		cmocka_unit_test(test_headers_post_body),
		cmocka_unit_test(test_headers_basic_auth_not_in_list),
		cmocka_unit_test(test_headers_api_key_wins),
		cmocka_unit_test(test_get_with_body_refused),
		cmocka_unit_test(test_multipart_no_json_type),
	};
	curl_global_init(CURL_GLOBAL_DEFAULT);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return rc;
}
