/* The worker thread: concurrency, cancellation, generations and udata, shutdown with work in flight. */
#include "config.h"
#include "ktest.h"
#include "integutil.h"
#include "testserver.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fx {
	struct testserver *srv;
	struct profile p;
	struct worker *w;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	f->srv = testserver_start();
	assert_non_null(f->srv);
	integ_profile(&f->p, f->srv, "K");
	/* Long enough never to fire in a working test, short enough that a lost cancel fails it. */
	f->p.timeout_ms = 20000;
	char *err = NULL;
	f->w = worker_new(&f->p, &err);
	assert_non_null(f->w);
	testserver_route_mode(f->srv, "/hang", TESTSERVER_HANG, 0);
	testserver_route_static(f->srv, "GET", "/fast", 200, TESTSERVER_JSON, "{\"ok\":true}");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	worker_free(f->w);
	testserver_stop(f->srv);
	profile_free(&f->p);
	free(f);
	return 0;
}

static uint64_t submit(struct fx *f, const char *path, uint64_t gen, void *udata)
{
	return worker_submit(f->w, api_request_new(HTTP_GET, path), gen, udata);
}

/* n requests to a barrier that opens only when n wait together: they all succeed only if they run at once. */
static void check_concurrent(unsigned n)
{
	struct testserver *srv = testserver_start();
	assert_non_null(srv);
	testserver_route_mode(srv, "/barrier", TESTSERVER_BARRIER, n);
	struct profile p;
	integ_profile(&p, srv, NULL);
	p.concurrency = n;
	char *err = NULL;
	struct worker *w = worker_new(&p, &err);
	for (unsigned i = 0; i < n; i++)
		worker_submit(w, api_request_new(HTTP_GET, "/barrier"), 0, NULL);
	for (unsigned i = 0; i < n; i++) {
		struct worker_done *d = integ_next_done(w);
		if (d->res.status != API_OK)
			fail_msg("request %u of %u: %s (were they sent one at a time?)", i, n, d->res.message);
		assert_int_equal(d->res.http_status, 200);
		worker_done_free(d);
	}
	assert_int_equal(testserver_count(srv, "/barrier"), n);
	worker_free(w);
	testserver_stop(srv);
	profile_free(&p);
}

static void test_concurrent_requests(void **state)
{
	check_concurrent(2);
	check_concurrent(4);
	check_concurrent(8);
}

/* n requests through a worker of concurrency c to a barrier of c: never more than c at once, and c at once. */
static void check_bounded(struct worker *w, struct testserver *srv, unsigned c, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		worker_submit(w, api_request_new(HTTP_GET, "/barrier"), 0, NULL);
	for (unsigned i = 0; i < n; i++) {
		struct worker_done *d = integ_next_done(w);
		if (d->res.status != API_OK)
			fail_msg("request %u of %u: %s", i, n, d->res.message);
		worker_done_free(d);
	}
	assert_int_equal(testserver_peak(srv), c);
}

static void test_concurrency_bounds_transfers(void **state)
{
	struct testserver *srv = testserver_start();
	assert_non_null(srv);
	testserver_route_mode(srv, "/barrier", TESTSERVER_BARRIER, 3);
	struct profile p;
	integ_profile(&p, srv, NULL);
	p.concurrency = 3;
	char *err = NULL;
	struct worker *w = worker_new(&p, &err);
	assert_int_equal(worker_concurrency(w), 3);
	check_bounded(w, srv, 3, 9);
	worker_free(w);
	testserver_stop(srv);
	/* Changed while running (set concurrency): the next transfers keep to the new bound. */
	srv = testserver_start();
	testserver_route_mode(srv, "/barrier", TESTSERVER_BARRIER, 2);
	profile_set(&p.url, testserver_url(srv));
	w = worker_new(&p, &err);
	worker_set_concurrency(w, 2);
	assert_int_equal(worker_concurrency(w), 2);
	check_bounded(w, srv, 2, 6);
	worker_free(w);
	testserver_stop(srv);
	profile_free(&p);
}

/* Requests one after another reuse one connection (keep-alive), as a page after page fetch does. */
static void test_connection_kept_alive(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 10; i++) {
		submit(f, "/fast", 0, NULL);
		struct worker_done *d = integ_next_done(f->w);
		assert_int_equal(d->res.status, API_OK);
		worker_done_free(d);
	}
	assert_int_equal(testserver_connections(f->srv), 1);
}

static void test_cancel_running(void **state)
{
	struct fx *f = *state;
	int x;
	uint64_t id = submit(f, "/hang", 42, &x);
	/* Wait until the request is really on the server, so this cancels a transfer in flight. */
	assert_true(testserver_wait(f->srv, "/hang", 1, INTEG_BOUND_MS));
	assert_int_equal(worker_pending(f->w), 1);
	worker_cancel(f->w, id);
	struct worker_done *d = integ_next_done(f->w);
	assert_int_equal(d->id, id);
	assert_int_equal(d->res.status, API_ERR_CANCELLED);
	assert_string_equal(d->res.message, "cancelled");
	assert_int_equal(d->generation, 42);
	assert_ptr_equal(d->udata, &x);
	assert_string_equal(d->req->path, "/hang");
	worker_done_free(d);
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_cancel_right_after_submit(void **state)
{
	struct fx *f = *state;
	/*
	 * Cancelling at once races the worker picking the job up; a lost cancel runs into the
	 * profile's timeout instead. The window is narrow, hence the many rounds.
	 */
	for (int i = 0; i < 2000; i++) {
		uint64_t id = submit(f, "/hang", (uint64_t)i, NULL);
		worker_cancel(f->w, id);
		struct worker_done *d = integ_next_done(f->w);
		assert_int_equal(d->id, id);
		if (d->res.status != API_ERR_CANCELLED)
			fail_msg("round %d: status %d (%s), not cancelled", i, d->res.status, d->res.message);
		worker_done_free(d);
	}
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_cancel_one_of_many(void **state)
{
	struct fx *f = *state;
	uint64_t hang = submit(f, "/hang", 1, NULL);
	uint64_t fast = submit(f, "/fast", 2, NULL);
	struct worker_done *d = integ_next_done(f->w);
	assert_int_equal(d->id, fast);
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	/* Cancelling what already came back changes nothing. */
	worker_cancel(f->w, fast);
	worker_cancel(f->w, 9999);
	worker_cancel(f->w, hang);
	d = integ_next_done(f->w);
	assert_int_equal(d->id, hang);
	assert_int_equal(d->res.status, API_ERR_CANCELLED);
	worker_done_free(d);
	/* Nothing else is owed: the next job back is the next one submitted. */
	uint64_t again = submit(f, "/fast", 3, NULL);
	d = integ_next_done(f->w);
	assert_int_equal(d->id, again);
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	assert_int_equal(worker_pending(f->w), 0);
	assert_null(worker_take(f->w));
}

static void test_cancel_waiting_for_a_connection(void **state)
{
	struct fx *f = *state;
	/* The worker opens at most the profile's concurrency of connections to a host: one more waits inside curl. */
	enum { C = PROFILE_DEFAULT_CONCURRENCY };
	uint64_t ids[C + 1];
	for (int i = 0; i < C + 1; i++)
		ids[i] = submit(f, "/hang", 0, NULL);
	assert_true(testserver_wait(f->srv, "/hang", C, INTEG_BOUND_MS));
	worker_cancel(f->w, ids[C]);
	struct worker_done *d = integ_next_done(f->w);
	assert_int_equal(d->id, ids[C]);
	assert_int_equal(d->res.status, API_ERR_CANCELLED);
	worker_done_free(d);
	assert_int_equal(testserver_count(f->srv, "/hang"), C);
	worker_cancel_all(f->w);
	for (int i = 0; i < C; i++) {
		d = integ_next_done(f->w);
		assert_int_equal(d->res.status, API_ERR_CANCELLED);
		worker_done_free(d);
	}
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_generations_and_udata(void **state)
{
	struct fx *f = *state;
	int tags[5];
	uint64_t ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = submit(f, "/fast", 100 + (uint64_t)i, &tags[i]);
	for (int i = 0; i < 5; i++)
		for (int j = 0; j < i; j++)
			assert_true(ids[i] != ids[j] && ids[i] != 0);
	assert_int_equal(worker_pending(f->w), 5);
	bool seen[5] = {false};
	for (int n = 0; n < 5; n++) {
		struct worker_done *d = integ_next_done(f->w);
		int i = 0;
		while (i < 5 && ids[i] != d->id)
			i++;
		assert_true(i < 5);
		assert_false(seen[i]);
		seen[i] = true;
		assert_int_equal(d->generation, 100 + (uint64_t)i);
		assert_ptr_equal(d->udata, &tags[i]);
		assert_int_equal(d->res.status, API_OK);
		worker_done_free(d);
	}
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_fd_signals_done(void **state)
{
	struct fx *f = *state;
	struct pollfd pfd = {.fd = worker_fd(f->w), .events = POLLIN};
	submit(f, "/fast", 0, NULL);
	assert_int_equal(poll(&pfd, 1, INTEG_BOUND_MS), 1);
	struct worker_done *d = worker_take(f->w);
	assert_non_null(d);
	worker_done_free(d);
	/* Once everything is taken the descriptor is quiet again. */
	assert_int_equal(poll(&pfd, 1, 0), 0);
}

/* A sink counting what it is handed. */
struct counter {
	struct worker_sink sink;
	int delivered;
	int cancelled;
};

static void counter_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct counter *c = (struct counter *)sink;
	c->delivered++;
	if (done->res.status == API_ERR_CANCELLED)
		c->cancelled++;
	worker_done_free(done);
}

static void test_dispatch_and_drain(void **state)
{
	struct fx *f = *state;
	struct counter c = {.sink = {.deliver = counter_deliver}};
	submit(f, "/fast", 0, &c);
	worker_dispatch(integ_next_done(f->w));
	assert_int_equal(c.delivered, 1);
	for (int i = 0; i < 4; i++)
		submit(f, "/hang", 0, &c);
	assert_true(testserver_wait(f->srv, "/hang", 4, INTEG_BOUND_MS));
	worker_drain(f->w);
	assert_int_equal(c.delivered, 5);
	assert_int_equal(c.cancelled, 4);
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_init_failure_comes_back(void **state)
{
	struct fx *f = *state;
	struct api_request *req = api_request_new(HTTP_GET, "/fast");
	api_request_set_json(req, json_object());
	uint64_t id = worker_submit(f->w, req, 0, NULL);
	struct worker_done *d = integ_next_done(f->w);
	assert_int_equal(d->id, id);
	assert_int_equal(d->res.status, API_ERR_NETWORK);
	assert_non_null(strstr(d->res.message, "GET request cannot carry a body"));
	worker_done_free(d);
	assert_int_equal(testserver_count(f->srv, NULL), 0);
}

static void test_free_with_jobs_in_flight(void **state)
{
	struct fx *f = *state;
	/* Finished but never taken, running, and queued behind the connection limit. */
	submit(f, "/fast", 0, NULL);
	assert_true(worker_wait(f->w, INTEG_BOUND_MS));
	for (int i = 0; i < 12; i++)
		submit(f, "/hang", 0, NULL);
	assert_true(testserver_wait(f->srv, "/hang", PROFILE_DEFAULT_CONCURRENCY, INTEG_BOUND_MS));
	assert_int_equal(worker_pending(f->w), 13);
	worker_free(f->w);
	f->w = NULL;
	/* Reaching here is the test: no hang; the leak checkers see the rest. */
}

static void test_free_idle_and_null(void **state)
{
	struct fx *f = *state;
	worker_free(f->w);
	f->w = NULL;
	worker_free(NULL);
}

int main(void)
{
	if (!integ_begin())
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_requests),
		cmocka_unit_test(test_concurrency_bounds_transfers),
		cmocka_unit_test_setup_teardown(test_connection_kept_alive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_running, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_right_after_submit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_one_of_many, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_waiting_for_a_connection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generations_and_udata, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fd_signals_done, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_and_drain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_init_failure_comes_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_with_jobs_in_flight, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_idle_and_null, setup, teardown),
	};
	return integ_end(cmocka_run_group_tests(tests, NULL, NULL));
}
