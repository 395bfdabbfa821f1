/* The worker thread: concurrency, cancellation, generations and udata, shutdown with work in flight. */
#include "config.h"
#include "ktest.h"
#include "integutil.h"
#include "testserver.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* How a route answers: `busy` times 429 (or 503) with Retry-After: wait, then 200. */
struct busy_route {
	pthread_mutex_t lock;
	int busy;
	int status;
	const char *wait;
	int calls;
};

static void busy_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	(void)req;
	struct busy_route *b = arg;
	pthread_mutex_lock(&b->lock);
	int call = b->calls++;
	pthread_mutex_unlock(&b->lock);
	if (call < b->busy) {
		reply->status = b->status;
		snprintf(reply->retry_after, sizeof(reply->retry_after), "%s", b->wait);
		static const char body[] = "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"slow down\"}";
		testserver_reply_body(reply, body, sizeof(body) - 1);
		return;
	}
	testserver_reply_body(reply, "{\"ok\":true}", 11);
}

/* Take everything that comes back for one job until its end; the notes before it are counted (first and ticks). */
static struct worker_done *until_done(struct worker *w, int *notes, int *ticks, char **first_note)
{
	*notes = *ticks = 0;
	for (int waited = 0; waited < INTEG_BOUND_MS; waited += 50) {
		struct worker_done *d;
		while ((d = worker_take(w))) {
			if (!d->interim)
				return d;
			if (d->tick)
				(*ticks)++;
			else if ((*notes)++ == 0 && first_note)
				*first_note = xstrdup(d->res.message);
			worker_done_free(d);
		}
		worker_wait(w, 50);
	}
	fail_msg("no job came back");
	return NULL;
}

/* 429 with Retry-After: the worker waits as told, says so, and sends again; the caller sees only the success. */
static void test_retry_after_waits_and_retries(void **state)
{
	struct fx *f = *state;
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 2, 429, "1", 0};
	testserver_route(f->srv, "GET", "/busy", busy_fn, &b);
	submit(f, "/busy", 0, NULL);
	int notes, ticks;
	char *first = NULL;
	struct worker_done *d = until_done(f->w, &notes, &ticks, &first);
	assert_int_equal(d->res.status, API_OK);
	assert_int_equal(testserver_count(f->srv, "/busy"), 3);
	/* One note per wait, before the retry, naming the status, the wait and the count. */
	assert_int_equal(notes, 2);
	assert_non_null(strstr(first, "HTTP 429"));
	assert_non_null(strstr(first, "retrying in 1 s"));
	assert_non_null(strstr(first, "retry 1 of 3"));
	assert_int_equal(worker_pending(f->w), 0);
	free(first);
	worker_done_free(d);
}

/* A wait of several seconds counts down, a note a second; an HTTP date works as well as seconds. */
static void test_retry_after_counts_down(void **state)
{
	struct fx *f = *state;
	char date[64];
	time_t when = time(NULL) + 3;
	struct tm tm;
	gmtime_r(&when, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 1, 503, date, 0};
	testserver_route(f->srv, "GET", "/busy", busy_fn, &b);
	submit(f, "/busy", 0, NULL);
	int notes, ticks;
	char *first = NULL;
	struct worker_done *d = until_done(f->w, &notes, &ticks, &first);
	assert_int_equal(d->res.status, API_OK);
	assert_int_equal(notes, 1);
	assert_true(ticks >= 1);
	assert_non_null(strstr(first, "HTTP 503"));
	assert_true(strstr(first, "retrying in 2 s") || strstr(first, "retrying in 3 s"));
	assert_int_equal(testserver_count(f->srv, "/busy"), 2);
	free(first);
	worker_done_free(d);
}

/* Still busy after WORKER_RETRY_MAX retries: the failure comes back saying so; never more requests than that. */
static void test_retry_after_gives_up(void **state)
{
	struct fx *f = *state;
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 100, 429, "0", 0};
	testserver_route(f->srv, "GET", "/busy", busy_fn, &b);
	submit(f, "/busy", 0, NULL);
	int notes, ticks;
	struct worker_done *d = until_done(f->w, &notes, &ticks, NULL);
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status, 429);
	assert_non_null(strstr(d->res.message, "slow down"));
	assert_non_null(strstr(d->res.message, "still refused after 3 retries"));
	assert_int_equal(testserver_count(f->srv, "/busy"), 1 + WORKER_RETRY_MAX);
	assert_int_equal(notes, WORKER_RETRY_MAX);
	worker_done_free(d);
}

/* A wait longer than the worker's bound, or no Retry-After at all: no retry, and the message says why. */
static void test_retry_after_too_long_or_absent(void **state)
{
	struct fx *f = *state;
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 100, 503, "3600", 0};
	testserver_route(f->srv, "GET", "/long", busy_fn, &b);
	testserver_route_static(f->srv, "GET", "/plain503", 503, TESTSERVER_JSON, "{\"message\":\"down\"}");
	submit(f, "/long", 0, NULL);
	int notes, ticks;
	struct worker_done *d = until_done(f->w, &notes, &ticks, NULL);
	assert_int_equal(d->res.http_status, 503);
	assert_non_null(strstr(d->res.message, "asked to retry in 3600 s, longer than the 60 s ktriage waits"));
	assert_int_equal(notes, 0);
	assert_int_equal(testserver_count(f->srv, "/long"), 1);
	worker_done_free(d);
	submit(f, "/plain503", 0, NULL);
	d = until_done(f->w, &notes, &ticks, NULL);
	assert_int_equal(d->res.http_status, 503);
	assert_int_equal(testserver_count(f->srv, "/plain503"), 1);
	worker_done_free(d);
}

/* A job cancelled while it waits to be retried comes back at once, cancelled, and is not sent again. */
static void test_cancel_while_waiting_to_retry(void **state)
{
	struct fx *f = *state;
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 100, 429, "30", 0};
	testserver_route(f->srv, "GET", "/busy", busy_fn, &b);
	uint64_t id = submit(f, "/busy", 0, NULL);
	/* Wait for the first note: the job is waiting now. */
	struct worker_done *d = NULL;
	for (int waited = 0; !d && waited < INTEG_BOUND_MS; waited += 50) {
		if (!(d = worker_take(f->w)))
			worker_wait(f->w, 50);
	}
	assert_true(d && d->interim);
	worker_done_free(d);
	worker_cancel(f->w, id);
	int notes, ticks;
	d = until_done(f->w, &notes, &ticks, NULL);
	assert_int_equal(d->res.status, API_ERR_CANCELLED);
	assert_int_equal(testserver_count(f->srv, "/busy"), 1);
	worker_done_free(d);
}

/* Notes go to the sink's note, not to deliver; a sink without one never sees them. */
struct noting_sink {
	struct worker_sink sink;
	int notes, delivered;
};

static void noting_note(struct worker_sink *sink, const struct worker_done *done)
{
	struct noting_sink *n = (struct noting_sink *)sink;
	assert_true(done->interim);
	n->notes++;
}

static void noting_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct noting_sink *n = (struct noting_sink *)sink;
	assert_false(done->interim);
	n->delivered++;
	worker_done_free(done);
}

static void test_dispatch_routes_notes(void **state)
{
	struct fx *f = *state;
	struct busy_route b = {PTHREAD_MUTEX_INITIALIZER, 1, 429, "1", 0};
	testserver_route(f->srv, "GET", "/busy", busy_fn, &b);
	struct noting_sink n = {{noting_deliver, noting_note}, 0, 0};
	submit(f, "/busy", 0, &n);
	for (int waited = 0; !n.delivered && waited < INTEG_BOUND_MS; waited += 50) {
		struct worker_done *d;
		while ((d = worker_take(f->w)))
			worker_dispatch(d);
		worker_wait(f->w, 50);
	}
	assert_int_equal(n.delivered, 1);
	assert_int_equal(n.notes, 1);
}

static void test_free_idle_and_null(void **state)
{
	struct fx *f = *state;
	worker_free(f->w);
	f->w = NULL;
	worker_free(NULL);
}

/* A streamed answer: NDJSON lines, delay_ms apart (the route's argument). */
static void stream_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	static const char body[] = "{\"payload\":\"one \",\"type\":\"content\"}\n"
				   "{\"payload\":\"two \",\"type\":\"content\"}\n"
				   "{\"payload\":\"three\",\"type\":\"content\"}\n";
	(void)req;
	reply->mode = TESTSERVER_TRICKLE;
	reply->delay_ms = *(const unsigned *)arg;
	testserver_reply_body(reply, body, sizeof(body) - 1);
}

static struct api_request *stream_request(const char *path)
{
	struct api_request *req = api_request_new(HTTP_POST, path);
	api_request_set_json(req, json_object());
	req->stream = true;
	return req;
}

static void test_stream_pieces_then_the_end(void **state)
{
	struct fx *f = *state;
	static const unsigned delay = 50;
	testserver_route(f->srv, "POST", "/stream", stream_fn, (void *)&delay);
	int tag;
	uint64_t id = worker_submit(f->w, stream_request("/stream"), 7, &tag);
	struct strbuf got;
	strbuf_init(&got);
	size_t pieces = 0;
	struct worker_done *d;
	while ((d = integ_next_done(f->w))->partial) {
		assert_int_equal(d->id, id);
		assert_int_equal(d->generation, 7);
		assert_ptr_equal(d->udata, &tag);
		assert_null(d->req);
		assert_int_equal(d->res.http_status, 200);
		/* A piece does not count as the job coming back. */
		assert_int_equal(worker_pending(f->w), 1);
		strbuf_add(&got, d->res.body, d->res.body_len);
		pieces++;
		worker_done_free(d);
	}
	assert_true(pieces >= 1);
	/* The end: the whole body, left unparsed (NDJSON is not one JSON value), after every piece of it. */
	assert_int_equal(d->id, id);
	assert_int_equal(d->res.status, API_OK);
	assert_null(d->res.json);
	assert_int_equal(got.len, d->res.body_len);
	assert_memory_equal(got.buf, d->res.body, got.len);
	assert_non_null(strstr(got.buf, "three"));
	worker_done_free(d);
	strbuf_free(&got);
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_stream_cancelled_after_a_piece(void **state)
{
	struct fx *f = *state;
	/* The second line would come long after the test has ended: only streaming shows the first. */
	static const unsigned delay = 600000;
	testserver_route(f->srv, "POST", "/stream", stream_fn, (void *)&delay);
	uint64_t id = worker_submit(f->w, stream_request("/stream"), 0, NULL);
	struct worker_done *d = integ_next_done(f->w);
	assert_true(d->partial);
	assert_string_equal(d->res.body, "{\"payload\":\"one \",\"type\":\"content\"}\n");
	worker_done_free(d);
	worker_cancel(f->w, id);
	d = integ_next_done(f->w);
	assert_false(d->partial);
	assert_int_equal(d->id, id);
	assert_int_equal(d->res.status, API_ERR_CANCELLED);
	worker_done_free(d);
	assert_int_equal(worker_pending(f->w), 0);
}

static void test_stream_error_comes_whole(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "POST", "/stream", 400, TESTSERVER_JSON,
				"{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"no such connector\"}");
	worker_submit(f->w, stream_request("/stream"), 0, NULL);
	struct worker_done *d = integ_next_done(f->w);
	assert_false(d->partial);
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_non_null(strstr(d->res.message, "no such connector"));
	worker_done_free(d);
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
		cmocka_unit_test_setup_teardown(test_retry_after_waits_and_retries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_after_counts_down, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_after_gives_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_after_too_long_or_absent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel_while_waiting_to_retry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_routes_notes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_pieces_then_the_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_cancelled_after_a_piece, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stream_error_comes_whole, setup, teardown),
	};
	return integ_end(cmocka_run_group_tests(tests, NULL, NULL));
}
