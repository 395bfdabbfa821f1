/* Every fault switch of the demo server: the client reports a clear error and keeps going. */
#include "config.h"
#include "ktest.h"
#include <stdlib.h>
#include <string.h>
#include "testenv.h"
#include "api/cases_req.h"
#include "api/connectors.h"

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
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_fault),
		cmocka_unit_test(test_hostile_strings_parse),
		cmocka_unit_test(test_wrong_key_is_401),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
