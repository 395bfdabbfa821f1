/* The demo's HTTP server: requests served side by side, which handlers share the data lock, what it counts. */
#include "config.h"
#include "ktest.h"
#include "demo_testutil.h"
#include "demo/demo.h"
#include "demo/demo_actions.h"
#include "demo/demo_cases.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_files.h"
#include "demo/demo_http.h"
#include "demo/demo_search.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Concurrent requests in these tests: more than the worker's default, fewer than a loaded test machine chokes on. */
#define N_SLOW 8
/* The longest the test waits for the requests to be in flight: only there so a bug fails instead of hanging. */
#define BOUND_MS 60000

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

static struct demo_server *start(const char *fault)
{
	struct demo_options o;
	demo_options_init(&o);
	o.quiet = true;
	o.alerts = 50;
	o.cases = 30;
	char *err = NULL;
	if (fault)
		assert_int_equal(demo_options_add_fault(&o, fault, &err), 0);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

/* One request sent from its own thread; the URL is copied, as the server may be gone when it returns. */
struct call {
	pthread_t thread;
	char *url;
	const char *method;
};

static size_t discard(char *p, size_t size, size_t n, void *cls)
{
	return size * n;
}

/* No cmocka assertions here: they belong to the main thread. */
static void *call_thread(void *arg)
{
	struct call *c = arg;
	CURL *h = curl_easy_init();
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, c->method);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	struct curl_slist *hdr = curl_slist_append(NULL, "kbn-xsrf: test");
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_perform(h);
	curl_slist_free_all(hdr);
	curl_easy_cleanup(h);
	return NULL;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/*
 * N slow requests are all waiting out their latency at once, reads and writes alike: the wait
 * holds no lock, so N requests take one latency, not N. Counted by the server, never timed.
 */
static void test_slow_requests_wait_together(void **state)
{
	struct demo_server *s = start("latency=600000");
	struct call calls[N_SLOW];
	for (size_t i = 0; i < N_SLOW; i++) {
		bool write = i % 2;
		calls[i] = (struct call){
			.url = dt_fmt("%s%s", demo_url(s), write ? "/api/cases/c-none/comments" : "/api/cases/_find"),
			.method = write ? "POST" : "GET",
		};
		assert_int_equal(pthread_create(&calls[i].thread, NULL, call_thread, &calls[i]), 0);
	}
	struct demo_stats st;
	for (long waited = 0;; waited += 10) {
		demo_get_stats(s, &st);
		if (st.sleeping == N_SLOW || waited > BOUND_MS)
			break;
		sleep_ms(10);
	}
	assert_int_equal(st.sleeping, N_SLOW);
	assert_int_equal(st.sleeping_peak, N_SLOW);
	/* Stopping cuts every wait short: no request is left behind. */
	demo_stop(s);
	for (size_t i = 0; i < N_SLOW; i++) {
		pthread_join(calls[i].thread, NULL);
		free(calls[i].url);
	}
}

static const struct demo_route *route(const struct demo_route *table, const char *method, const char *pattern)
{
	for (const struct demo_route *r = table; r->method; r++)
		if (!strcmp(r->method, method) && !strcmp(r->pattern, pattern))
			return r;
	fail_msg("no route %s %s", method, pattern);
	return NULL;
}

/* Lists, gets and searches share the data; anything that changes it runs alone, a GET that settles actions too. */
static void test_which_handlers_share_the_data(void **state)
{
	assert_true(demo_route_reads_only(route(demo_case_routes, "GET", "/api/cases/_find"), false));
	assert_true(demo_route_reads_only(route(demo_case_routes, "GET", "/api/cases/{}"), false));
	assert_true(demo_route_reads_only(route(demo_search_routes, "POST", "/api/detection_engine/signals/search"), false));
	/* A live demo adds the alerts due before it searches. */
	assert_false(demo_route_reads_only(route(demo_search_routes, "POST", "/api/detection_engine/signals/search"), true));
	assert_false(demo_route_reads_only(route(demo_case_routes, "POST", "/api/cases"), false));
	assert_false(demo_route_reads_only(route(demo_case_routes, "DELETE", "/api/cases"), false));
	assert_false(demo_route_reads_only(route(demo_search_routes, "POST", "/api/detection_engine/signals/status"), false));
	assert_false(demo_route_reads_only(route(demo_action_routes, "GET", "/api/endpoint/action"), false));
	assert_false(demo_route_reads_only(route(demo_action_routes, "GET", "/api/endpoint/action/{}"), false));
	assert_false(demo_route_reads_only(route(demo_endpoint_routes, "GET", "/api/endpoint/metadata/{}"), false));
	assert_false(demo_route_reads_only(route(demo_file_routes, "GET", "/api/endpoint/action/{}/file/{}"), false));
}

/* A client that keeps its connection open is one connection however many requests it sends. */
static void test_connections_are_counted(void **state)
{
	struct demo_server *s = start(NULL);
	CURL *h = curl_easy_init();
	char *url = dt_fmt("%s/api/cases/_find", demo_url(s));
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	for (int i = 0; i < 5; i++)
		assert_int_equal(curl_easy_perform(h), CURLE_OK);
	struct demo_stats st;
	demo_get_stats(s, &st);
	assert_int_equal(st.connections, 1);
	curl_easy_cleanup(h);
	struct dt_resp r = dt_req(s, "GET", "/api/cases/_find", NULL, NULL, 0);
	dt_resp_free(&r);
	demo_get_stats(s, &st);
	assert_int_equal(st.connections, 2);
	assert_int_equal(st.handling, 0);
	assert_true(st.handling_peak >= 1);
	free(url);
	demo_stop(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slow_requests_wait_together),
		cmocka_unit_test(test_which_handlers_share_the_data),
		cmocka_unit_test(test_connections_are_counted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
