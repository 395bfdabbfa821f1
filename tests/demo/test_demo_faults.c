/* Each fault switch does what it promises, and only where its path prefix says. */
#include "config.h"
#include "ktest.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "demo/demo_faults.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	return 0;
}

static int teardown(void **state)
{
	curl_global_cleanup();
	return 0;
}

/* A quiet server with these faults and a small data set. */
static struct demo_server *with_faults(const char *const *faults)
{
	struct demo_options o;
	demo_options_init(&o);
	o.quiet = true;
	o.alerts = 50;
	o.cases = 5;
	for (size_t i = 0; faults[i]; i++) {
		char *err = NULL;
		int rc = demo_options_add_fault(&o, faults[i], &err);
		if (rc)
			fprintf(stderr, "%s: %s\n", faults[i], err);
		assert_int_equal(rc, 0);
	}
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

static void test_fault_specs_are_checked(void **state)
{
	static const char *const bad[] = {"bogus", "latency", "latency=abc", "latency=5@api", "status=200", "status=600",
					  "truncate=1", "hostile-strings@/api", "huge@", NULL};
	struct demo_options o;
	demo_options_init(&o);
	for (size_t i = 0; bad[i]; i++) {
		char *err = NULL;
		assert_int_equal(demo_options_add_fault(&o, bad[i], &err), -1);
		assert_non_null(err);
		free(err);
	}
	assert_int_equal(o.n_faults, 0);
	char *err = NULL;
	assert_int_equal(demo_options_add_fault(&o, "status=503@/api/cases/_find", &err), 0);
	assert_int_equal(demo_options_add_fault(&o, "latency=10", &err), 0);
	assert_int_equal(o.n_faults, 2);
	demo_options_free(&o);
}

static void test_status_only_on_its_prefix(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"status=503@/api/cases/_find", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 503);
	json_t *j = json_loads(r.body, 0, NULL);
	assert_int_equal(json_integer_value(json_object_get(j, "statusCode")), 503);
	assert_string_equal(json_string_value(json_object_get(j, "error")), "Service Unavailable");
	assert_non_null(json_string_value(json_object_get(j, "message")));
	json_decref(j);
	dt_resp_free(&r);
	/* Under a space prefix the fault still applies; elsewhere it does not. */
	r = dt_req(s, "GET", "/s/soc/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 503);
	dt_resp_free(&r);
	r = dt_req(s, "GET", "/api/actions/connectors", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	dt_resp_free(&r);
	demo_stop(s);
}

#define SEARCH "/api/detection_engine/signals/search"

static void test_retry_after_alternates(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"retry-after=2@/api/cases", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 429);
	assert_int_equal(r.retry_after, 2);
	dt_resp_free(&r);
	/* The retry gets through; the next request is refused again. */
	r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.retry_after, 0);
	dt_resp_free(&r);
	r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 429);
	dt_resp_free(&r);
	r = dt_req(s, "GET", "/api/actions/connectors", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	dt_resp_free(&r);
	demo_stop(s);
}

static void test_busy_always_503(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"busy=7", NULL});
	for (int i = 0; i < 3; i++) {
		struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
		assert_int_equal(r.status, 503);
		assert_int_equal(r.retry_after, 7);
		dt_resp_free(&r);
	}
	demo_stop(s);
}

/* The hits of a search answer, and its total. */
static json_t *search_hits(struct demo_server *s, const char *body, json_t **total)
{
	json_t *j = NULL;
	assert_int_equal(dt_json(s, "POST", SEARCH, body, &j), 200);
	json_t *hits = json_object_get(j, "hits");
	*total = json_incref(json_object_get(hits, "total"));
	json_t *h = json_incref(json_object_get(hits, "hits"));
	json_decref(j);
	return h;
}

static void test_repeat_page_is_the_same_every_time(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"repeat-page@" SEARCH, NULL});
	json_t *t1, *t2;
	json_t *a = search_hits(s, "{\"size\":30}", &t1);
	json_t *b = search_hits(s, "{\"size\":30,\"query\":{\"range\":{\"@timestamp\":{\"lt\":\"now-1d\"}}}}", &t2);
	/* A full page (from 50 alerts, but more than a page would need), "at least" 10,000, identical whatever the query. */
	assert_int_equal(json_array_size(a), 30);
	assert_true(json_equal(a, b));
	assert_string_equal(dt_str(t1, "relation"), "gte");
	assert_int_equal(dt_int(t1, "value"), 10000);
	json_decref(a);
	json_decref(b);
	json_decref(t1);
	json_decref(t2);
	demo_stop(s);
}

static void test_endless_pages_are_always_new(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"endless-pages@" SEARCH, NULL});
	json_t *t1, *t2;
	json_t *a = search_hits(s, "{\"size\":100}", &t1);
	json_t *b = search_hits(s, "{\"size\":100,\"query\":{\"match_all\":{}}}", &t2);
	assert_int_equal(json_array_size(a), 100);
	assert_int_equal(json_array_size(b), 100);
	/* Another request (the next page's cursor is in its query) brings other ids and sort values. */
	assert_string_not_equal(dt_str(json_array_get(a, 0), "_id"), dt_str(json_array_get(b, 0), "_id"));
	assert_false(json_equal(json_object_get(json_array_get(a, 99), "sort"), json_object_get(json_array_get(b, 99), "sort")));
	assert_string_equal(dt_str(t2, "relation"), "gte");
	json_decref(a);
	json_decref(b);
	json_decref(t1);
	json_decref(t2);
	demo_stop(s);
}

static void test_partial_bulk_reports_conflicts(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"partial-bulk", NULL});
	json_t *t, *hits = search_hits(s, "{\"size\":3}", &t);
	char *body = dt_fmt("{\"status\":\"closed\",\"signal_ids\":[\"%s\",\"%s\",\"%s\"]}",
			    dt_str(json_array_get(hits, 0), "_id"), dt_str(json_array_get(hits, 1), "_id"),
			    dt_str(json_array_get(hits, 2), "_id"));
	json_t *j = NULL;
	assert_int_equal(dt_json(s, "POST", "/api/detection_engine/signals/status", body, &j), 200);
	assert_int_equal(dt_int(j, "updated"), 1);
	assert_int_equal(dt_int(j, "version_conflicts"), 2);
	json_decref(j);
	free(body);
	json_decref(hits);
	json_decref(t);
	demo_stop(s);
}

static void test_unsigned_long_field(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"unsigned-long@" SEARCH, NULL});
	struct dt_resp r = dt_req(s, "POST", SEARCH, "{\"size\":5}", NULL, 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"" DEMO_ULONG_FIELD "\":" DEMO_ULONG_TEXT ","));
	/* Valid JSON, which a parser holding integers in 64 signed bits refuses. */
	json_error_t e;
	assert_null(json_loadb(r.body, r.len, 0, &e));
	json_t *j = json_loadb(r.body, r.len, JSON_DECODE_INT_AS_REAL, &e);
	assert_non_null(j);
	json_decref(j);
	dt_resp_free(&r);
	demo_stop(s);
}

static void test_truncate_cuts_in_half(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"truncate@/api/actions", NULL});
	struct dt_resp whole = dt_req(s, "GET", "/api/cases/configure/connectors/_find", NULL, NULL, 0);
	struct dt_resp cut = dt_req(s, "GET", "/api/actions/connectors", NULL, NULL, 0);
	assert_int_equal(cut.status, 200);
	json_error_t e;
	assert_null(json_loadb(cut.body, cut.len, 0, &e));
	assert_true(cut.len > 100);
	assert_int_equal(cut.body[0], '[');
	json_t *ok = json_loadb(whole.body, whole.len, 0, &e);
	assert_non_null(ok);
	json_decref(ok);
	dt_resp_free(&whole);
	dt_resp_free(&cut);
	demo_stop(s);
}

static void test_html_error_page(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"html-error", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 502);
	assert_string_equal(r.ctype, "text/html");
	assert_non_null(strstr(r.body, "<title>502 Bad Gateway</title>"));
	assert_non_null(strstr(r.body, "nginx"));
	dt_resp_free(&r);
	demo_stop(s);
}

static void test_nested_arrays(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"nested@/api/cases", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, 200000);
	assert_int_equal(strspn(r.body, "["), 100000);
	assert_int_equal(strspn(r.body + 100000, "]"), 100000);
	dt_resp_free(&r);
	demo_stop(s);
}

static void test_duplicate_keys(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"dupkeys", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	json_error_t e;
	/* A strict parser sees the duplicate; a lenient one keeps the last value (the real one). */
	assert_null(json_loadb(r.body, r.len, JSON_REJECT_DUPLICATES, &e));
	json_t *j = json_loadb(r.body, r.len, 0, &e);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "page")), 1);
	json_decref(j);
	dt_resp_free(&r);
	demo_stop(s);
}

/* oddrows: the first list's first row loses its id, the second gets values no Kibana has today; errors stay as they are. */
static void test_odd_rows(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"oddrows@/api/cases/_find", NULL});
	json_t *j = dt_get(s, "/api/cases/_find?perPage=5");
	json_t *cases = json_object_get(j, "cases");
	assert_int_equal(json_array_size(cases), 5);
	assert_null(json_object_get(json_array_get(cases, 0), "id"));
	assert_string_equal(dt_str(json_array_get(cases, 1), "status"), "awaiting-triage");
	assert_string_equal(dt_str(json_array_get(cases, 1), "severity"), "urgent");
	assert_non_null(dt_str(json_array_get(cases, 2), "id"));
	json_decref(j);
	json_t *err = NULL;
	assert_int_equal(dt_json(s, "GET", "/api/cases/_find?perPage=500", NULL, &err), 400);
	assert_non_null(dt_str(err, "message"));
	json_decref(err);
	/* Outside its prefix nothing changes. */
	j = dt_get(s, "/api/endpoint/action?pageSize=2");
	assert_non_null(dt_str(json_array_get(json_object_get(j, "data"), 0), "id"));
	json_decref(j);
	demo_stop(s);
}

/* Counts a huge body without keeping its padding. */
struct huge_sink {
	size_t total;
	char *kept;
	size_t nkept;
};

static size_t huge_write(char *p, size_t size, size_t n, void *cls)
{
	struct huge_sink *h = cls;
	for (size_t i = 0; i < size * n; i++)
		if (p[i] != ' ') {
			h->kept = xrealloc(h->kept, h->nkept + 2);
			h->kept[h->nkept++] = p[i];
			h->kept[h->nkept] = '\0';
		}
	h->total += size * n;
	return size * n;
}

static void test_huge_body_is_valid_json(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"huge@/api/cases/configure", NULL});
	CURL *c = curl_easy_init();
	char *url = dt_fmt("%s/api/cases/configure/connectors/_find", demo_url(s));
	struct huge_sink h = {0};
	struct curl_slist *hdr = curl_slist_append(NULL, "Authorization: ApiKey x");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, huge_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	assert_int_equal(status, 200);
	assert_true(h.total > ((size_t)80 << 20));
	json_error_t e;
	json_t *j = json_loads(h.kept, 0, &e);
	assert_true(json_is_array(j));
	assert_true(json_array_size(j) >= 6);
	json_decref(j);
	free(h.kept);
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
	free(url);
	demo_stop(s);
}

static void test_hostile_strings_in_bodies(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"hostile-strings", NULL});
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find?perPage=1", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\\u001B["));         /* CSI colours */
	assert_non_null(strstr(r.body, "\\u001B]52;c;"));    /* OSC 52 clipboard write */
	assert_non_null(strstr(r.body, "\\u0007"));          /* BEL ending the OSC */
	assert_non_null(strstr(r.body, "\xc2\x9b"));         /* 8-bit CSI as UTF-8 */
	assert_non_null(strstr(r.body, "\xe2\x80\xae"));     /* right-to-left override */
	assert_non_null(strstr(r.body, "\xe2\x81\xa6"));     /* left-to-right isolate */
	assert_non_null(strstr(r.body, "\\r"));
	assert_non_null(memchr(r.body, '\xff', r.len));      /* invalid UTF-8 bytes... */
	assert_null(memchr(r.body, '\0', r.len));            /* ...but never NUL */
	assert_null(strstr(r.body, "@@KT-BAD-UTF8@@"));
	json_error_t e;
	assert_null(json_loadb(r.body, r.len, 0, &e));       /* so a strict UTF-8 parser refuses it */
	dt_resp_free(&r);
	r = dt_req(s, "POST", "/api/detection_engine/signals/search", "{\"size\":1}", NULL, 0);
	assert_non_null(strstr(r.body, "\\u001B["));
	dt_resp_free(&r);
	demo_stop(s);
}

struct slow_call {
	struct demo_server *s;
	long status;
	volatile int done;
};

static size_t discard(char *p, size_t size, size_t n, void *cls)
{
	return size * n;
}

/* No cmocka assertions here: they belong to the main thread. */
static void *slow_thread(void *arg)
{
	struct slow_call *c = arg;
	char *url = dt_fmt("%s/api/cases/_find", demo_url(c->s));
	CURL *h = curl_easy_init();
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	if (curl_easy_perform(h) == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &c->status);
	curl_easy_cleanup(h);
	free(url);
	__atomic_store_n(&c->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* A slow route does not hold up others (one thread per connection); stopping cuts the wait short. */
static void test_latency_blocks_only_its_request(void **state)
{
	struct demo_server *s = with_faults((const char *const[]){"latency=30000@/api/cases/_find", NULL});
	struct slow_call c = {s, 0, 0};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, slow_thread, &c), 0);
	for (int i = 0; i < 20; i++) {
		struct dt_resp r = dt_req(s, "GET", "/api/actions/connectors", NULL, NULL, 0);
		assert_int_equal(r.status, 200);
		dt_resp_free(&r);
	}
	assert_int_equal(__atomic_load_n(&c.done, __ATOMIC_SEQ_CST), 0);
	demo_stop(s);
	pthread_join(t, NULL);
	assert_int_equal(c.done, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_specs_are_checked),
		cmocka_unit_test(test_status_only_on_its_prefix),
		cmocka_unit_test(test_truncate_cuts_in_half),
		cmocka_unit_test(test_html_error_page),
		cmocka_unit_test(test_nested_arrays),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_huge_body_is_valid_json),
		cmocka_unit_test(test_hostile_strings_in_bodies),
		cmocka_unit_test(test_latency_blocks_only_its_request),
		cmocka_unit_test(test_retry_after_alternates),
		cmocka_unit_test(test_busy_always_503),
		cmocka_unit_test(test_repeat_page_is_the_same_every_time),
		cmocka_unit_test(test_endless_pages_are_always_new),
		cmocka_unit_test(test_partial_bulk_reports_conflicts),
		cmocka_unit_test(test_unsigned_long_field),
		cmocka_unit_test(test_odd_rows),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
