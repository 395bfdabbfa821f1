#include "config.h"
#include "demo_testutil.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct demo_server *dt_start(const struct demo_options *o)
{
	char *err = NULL;
	struct demo_server *s = demo_start(o, &err);
	if (!s)
		fprintf(stderr, "demo_start: %s\n", err);
	assert_non_null(s);
	return s;
}

static size_t on_body(char *p, size_t size, size_t n, void *cls)
{
	strbuf_add(cls, p, size * n);
	return size * n;
}

struct dt_resp dt_req(struct demo_server *s, const char *method, const char *path, const char *body,
		      const char *ctype, int flags)
{
	struct dt_resp r = {0};
	struct strbuf sb;
	strbuf_init(&sb);
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char *url = dt_fmt("%s%s", demo_url(s), path);
	struct curl_slist *h = NULL;
	char *ct = dt_fmt("Content-Type: %s", ctype ? ctype : DT_JTYPE);
	if (body)
		h = curl_slist_append(h, ct);
	if (!(flags & DT_NO_AUTH))
		h = curl_slist_append(h, flags & DT_BAD_AUTH ? "Authorization: ApiKey wrong-key" : "Authorization: ApiKey " DT_KEY);
	if (!(flags & DT_NO_XSRF))
		h = curl_slist_append(h, "kbn-xsrf: ktriage-test");
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sb);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
	}
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		fprintf(stderr, "%s %s: %s\n", method, path, curl_easy_strerror(rc));
	assert_int_equal(rc, CURLE_OK);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
	char *type = NULL;
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
	r.ctype = xstrdup(type);
	curl_off_t wait = 0;
	curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &wait);
	r.retry_after = (long)wait;
	r.body = strbuf_detach(&sb, &r.len);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	free(ct);
	free(url);
	return r;
}

long dt_json(struct demo_server *s, const char *method, const char *path, const char *body, json_t **out)
{
	struct dt_resp r = dt_req(s, method, path, body, NULL, 0);
	if (out) {
		json_error_t e;
		*out = r.len ? json_loadb(r.body, r.len, JSON_DECODE_ANY, &e) : NULL;
		if (r.len && !*out)
			fprintf(stderr, "%s %s: bad JSON (%s): %.300s\n", method, path, e.text, r.body);
		if (r.len)
			assert_non_null(*out);
	}
	long status = r.status;
	dt_resp_free(&r);
	return status;
}

json_t *dt_get(struct demo_server *s, const char *path)
{
	json_t *j = NULL;
	long st = dt_json(s, "GET", path, NULL, &j);
	if (st != 200)
		fprintf(stderr, "GET %s -> %ld\n", path, st);
	assert_int_equal(st, 200);
	return j;
}

struct demo_server *dt_start_default(void)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = 11;
	o.alerts = 1500;
	o.quiet = true;
	o.action_delay_ms = 50;
	o.api_key = xstrdup(DT_KEY);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

struct demo_server *dt_server;

int dt_setup(void **state)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	dt_server = dt_start_default();
	return 0;
}

int dt_teardown(void **state)
{
	demo_stop(dt_server);
	dt_server = NULL;
	curl_global_cleanup();
	return 0;
}

const char *dt_str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

json_int_t dt_int(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

void dt_resp_free(struct dt_resp *r)
{
	free(r->body);
	free(r->ctype);
	memset(r, 0, sizeof(*r));
}

char *dt_fmt(const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	return strbuf_detach(&sb, NULL);
}
