/* The batch front end (ktriage -c) against a test server: output, exit codes, paging, audit. */
#include "config.h"
#include "ktest.h"
#include "integutil.h"
#include "testjson.h"
#include "testserver.h"
#include "api/worker.h"
#include "cmd/batch.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The cases the server holds, oldest first. */
struct dataset {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	json_t *cases;      /* array of case objects */
	unsigned barrier;   /* pages after the first answer once this many wait together (proves they are fetched together) */
	long hold_page;     /* this page is answered only once released (0: none) */
	long broken_page;   /* this page's body is cut short: not JSON (0: none) */
	bool released;
};

struct fx {
	struct testserver *srv;
	struct dataset data;
	struct profile p;
	struct batch_options o;
	char *state_dir;
	char *out, *err;
};

/* n cases with ids c-0001..., titles "Case N". */
static json_t *make_cases(size_t n)
{
	json_t *seed = testjson_fixture("cases", "case_push_200.json");
	json_t *a = json_array();
	for (size_t i = 1; i <= n; i++) {
		json_t *c = json_deep_copy(seed);
		char buf[32];
		snprintf(buf, sizeof(buf), "c-%04zu", i);
		json_object_set_new(c, "id", json_string(buf));
		snprintf(buf, sizeof(buf), "Case %zu", i);
		json_object_set_new(c, "title", json_string(buf));
		json_array_append_new(a, c);
	}
	json_decref(seed);
	return a;
}

static long param_long(const struct testserver_request *r, const char *name, long dflt)
{
	char *v = testserver_query_param(r, name, 0);
	long n = v ? strtol(v, NULL, 10) : dflt;
	free(v);
	return n;
}

static void reply_json(struct testserver_reply *reply, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);
	testserver_reply_body(reply, s, strlen(s));
	free(s);
	json_decref(j);
}

static void reply_not_found(struct testserver_reply *reply, const char *what)
{
	reply->status = 404;
	reply_json(reply, json_pack("{s:i,s:s,s:s++}", "statusCode", 404, "error", "Not Found", "message",
				    "Saved object [cases/", what, "] not found"));
}

/* Kibana's _find, as far as the client's paging needs: from/to on created_at, sortOrder, the 10,000 limit. */
static void find_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	struct dataset *d = arg;
	long page = param_long(req, "page", 1), per = param_long(req, "perPage", 20);
	if (page * per > 10000) {
		reply->status = 400;
		reply_json(reply, json_pack("{s:i,s:s,s:s}", "statusCode", 400, "error", "Bad Request", "message",
					    "The number of documents is too high. Paginating through more than 10,000 "
					    "documents is not possible."));
		return;
	}
	char *from = testserver_query_param(req, "from", 0), *to = testserver_query_param(req, "to", 0);
	char *order = testserver_query_param(req, "sortOrder", 0);
	pthread_mutex_lock(&d->lock);
	size_t n = json_array_size(d->cases), total = 0;
	json_t **match = xcalloc(n + 1, sizeof(*match));
	for (size_t i = 0; i < n; i++) {
		/* Only an explicit desc reverses: the other tests read the cases in the order they were made. */
		json_t *c = json_array_get(d->cases, order && !strcmp(order, "desc") ? n - 1 - i : i);
		const char *at = json_string_value(json_object_get(c, "created_at"));
		if ((!from || strcmp(at, from) >= 0) && (!to || strcmp(at, to) <= 0))
			match[total++] = c;
	}
	json_t *slice = json_array();
	for (long i = (page - 1) * per; i < page * per && i < (long)total; i++)
		json_array_append_new(slice, json_deep_copy(match[i]));
	free(match);
	while (d->hold_page == page && !d->released)
		pthread_cond_wait(&d->cond, &d->lock);
	pthread_mutex_unlock(&d->lock);
	free(from);
	free(to);
	free(order);
	if (d->broken_page == page) {
		testserver_reply_body(reply, "{\"cases\": [", 11);
		json_decref(slice);
		return;
	}
	reply_json(reply, json_pack("{s:o,s:i,s:i,s:i,s:i,s:i,s:i}", "cases", slice, "page", (int)page, "per_page",
				    (int)per, "total", (int)total, "count_open_cases", (int)total,
				    "count_in_progress_cases", 0, "count_closed_cases", 0));
	if (d->barrier && page >= 2) {
		reply->mode = TESTSERVER_BARRIER;
		reply->barrier = d->barrier;
	}
}

/* The case with a given id, or NULL (caller decrefs). */
static json_t *lookup(struct dataset *d, const char *id)
{
	json_t *found = NULL;
	pthread_mutex_lock(&d->lock);
	size_t i;
	json_t *c;
	json_array_foreach(d->cases, i, c) {
		if (strcmp(json_string_value(json_object_get(c, "id")), id) == 0) {
			found = json_deep_copy(c);
			break;
		}
	}
	pthread_mutex_unlock(&d->lock);
	return found;
}

static void get_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	const char *id = req->path + strlen("/api/cases/");
	json_t *c = lookup(arg, id);
	if (!c) {
		reply_not_found(reply, id);
		return;
	}
	reply_json(reply, c);
}

static void patch_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	json_error_t e;
	json_t *body = json_loadb(req->body, req->body_len, 0, &e);
	json_t *one = json_array_get(json_object_get(body, "cases"), 0);
	const char *id = json_string_value(json_object_get(one, "id"));
	json_t *c = id ? lookup(arg, id) : NULL;
	if (!c) {
		reply_not_found(reply, id ? id : "?");
		json_decref(body);
		return;
	}
	json_t *status = json_object_get(one, "status");
	if (status)
		json_object_set(c, "status", status);
	json_object_set_new(c, "version", json_string("WzIsMV0="));
	reply_json(reply, json_pack("[o]", c));
	json_decref(body);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	pthread_mutex_init(&f->data.lock, NULL);
	pthread_cond_init(&f->data.cond, NULL);
	f->data.cases = make_cases(25);
	f->srv = testserver_start();
	assert_non_null(f->srv);
	testserver_route(f->srv, "GET", "/api/cases/_find", find_fn, &f->data);
	testserver_route(f->srv, "GET", "/api/cases/*", get_fn, &f->data);
	testserver_route(f->srv, "PATCH", "/api/cases", patch_fn, &f->data);
	char *connectors = testutil_fixture("connectors", "connectors_200.json", NULL);
	testserver_route_static(f->srv, "GET", "/api/actions/connectors", 200, TESTSERVER_JSON, connectors);
	free(connectors);
	integ_profile(&f->p, f->srv, "QkFUQ0hLRVk=");
	profile_set(&f->p.name, "test");
	f->o.profile = &f->p;
	f->o.quiet = true;
	f->state_dir = testutil_tmpdir();
	setenv("XDG_STATE_HOME", f->state_dir, 1);
	setenv("COLUMNS", "200", 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	pthread_mutex_lock(&f->data.lock);
	f->data.released = true;
	pthread_cond_broadcast(&f->data.cond);
	pthread_mutex_unlock(&f->data.lock);
	testserver_stop(f->srv);
	json_decref(f->data.cases);
	pthread_cond_destroy(&f->data.cond);
	pthread_mutex_destroy(&f->data.lock);
	profile_free(&f->p);
	testutil_rmtree(f->state_dir);
	free(f->state_dir);
	free(f->out);
	free(f->err);
	free(f);
	return 0;
}

/*
 * Run a command line with stdout going to the file stdout_path (NULL: a temporary file read back
 * into f->out) and stderr captured into f->err; returns the exit code.
 */
static int run_to(struct fx *f, const char *line, const char *stdout_path)
{
	char out_path[] = "/tmp/kt-batch-out-XXXXXX", err_path[] = "/tmp/kt-batch-err-XXXXXX";
	int fo = stdout_path ? open(stdout_path, O_WRONLY) : mkstemp(out_path), fe = mkstemp(err_path);
	assert_true(fo >= 0 && fe >= 0);
	fflush(stdout);
	fflush(stderr);
	int so = dup(STDOUT_FILENO), se = dup(STDERR_FILENO);
	dup2(fo, STDOUT_FILENO);
	dup2(fe, STDERR_FILENO);
	int rc = batch_run(&f->o, line);
	fflush(stdout);
	fflush(stderr);
	dup2(so, STDOUT_FILENO);
	dup2(se, STDERR_FILENO);
	close(so);
	close(se);
	close(fo);
	close(fe);
	/* The next run's stdout starts clean even when this one's could not be written. */
	clearerr(stdout);
	free(f->out);
	free(f->err);
	f->out = stdout_path ? xstrdup("") : testutil_read_file(out_path, NULL);
	f->err = testutil_read_file(err_path, NULL);
	if (!stdout_path)
		unlink(out_path);
	unlink(err_path);
	assert_non_null(f->out);
	assert_non_null(f->err);
	return rc;
}

/* Run a command line with stdout and stderr captured into f->out and f->err; returns the exit code. */
static int run(struct fx *f, const char *line)
{
	return run_to(f, line, NULL);
}

/* Lines of out starting with prefix. */
static size_t count_lines_starting(const char *out, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);
	for (const char *p = out; *p;) {
		if (strncmp(p, prefix, len) == 0)
			n++;
		const char *nl = strchr(p, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

/* A server with only these routes, replacing the fixture's. */
static void fresh_server(struct fx *f)
{
	testserver_stop(f->srv);
	f->srv = testserver_start();
	assert_non_null(f->srv);
	profile_set(&f->p.url, testserver_url(f->srv));
}

static void test_cases_first_page(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "cases"), 0);
	assert_string_equal(f->err, "");
	assert_int_equal(strncmp(f->out, "ID ", 3), 0);
	assert_non_null(strstr(f->out, "TITLE"));
	assert_int_equal(count_lines_starting(f->out, "c-"), 20);
	assert_int_equal(count_lines_starting(f->out, "c-0020 "), 1);
	assert_int_equal(count_lines_starting(f->out, "c-0021 "), 0);
	assert_int_equal(testserver_count(f->srv, "/api/cases/_find"), 1);
	const struct testserver_request *r = testserver_get(f->srv, NULL, 0);
	assert_string_equal(r->target, "/api/cases/_find?page=1&perPage=20&sortField=updatedAt");
	assert_string_equal(testserver_header(r, "Authorization", NULL), "ApiKey QkFUQ0hLRVk=");
}

static void test_cases_filters(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "cases --status open --severity high --tag 'a b' --tag x --search \"two words\" "
				"--sort-field title --sort-order asc --page 2 --per-page 10"), 0);
	const struct testserver_request *r = testserver_get(f->srv, NULL, 0);
	assert_string_equal(r->target, "/api/cases/_find?page=2&perPage=10&status=open&severity=high&search=two%20words"
				       "&tags=a%20b&tags=x&sortField=title&sortOrder=asc");
	assert_int_equal(count_lines_starting(f->out, "c-"), 10);
	assert_int_equal(count_lines_starting(f->out, "c-0011 "), 1);
}

static void test_cases_all_pages(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(250);
	f->data.barrier = 2;
	assert_int_equal(run(f, "cases --all"), 0);
	assert_string_equal(f->err, "");
	/* Three pages of 100, each asked for once; pages 2 and 3 only answer when both wait together. */
	assert_int_equal(testserver_count(f->srv, "/api/cases/_find"), 3);
	bool seen[4] = {false};
	for (size_t i = 0; i < 3; i++) {
		const struct testserver_request *r = testserver_get(f->srv, "/api/cases/_find", i);
		long page = param_long(r, "page", 0);
		assert_true(page >= 1 && page <= 3);
		assert_false(seen[page]);
		seen[page] = true;
		assert_int_equal(param_long(r, "perPage", 0), 100);
	}
	/* Every case once, in order. */
	assert_int_equal(count_lines_starting(f->out, "c-"), 250);
	for (size_t i = 1; i <= 250; i++) {
		char id[16];
		snprintf(id, sizeof(id), "c-%04zu ", i);
		if (count_lines_starting(f->out, id) != 1)
			fail_msg("%s appears %zu times", id, count_lines_starting(f->out, id));
	}
	assert_true(strstr(f->out, "c-0100 ") < strstr(f->out, "c-0101 "));
	assert_true(strstr(f->out, "c-0200 ") < strstr(f->out, "c-0201 "));
}

/* Each line of out parsed as an object (the test fails on one that is not). */
static json_t *ndjson_lines(const char *out)
{
	json_t *all = json_array();
	for (const char *p = out; *p;) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		json_error_t e;
		json_t *o = json_loadb(p, (size_t)(nl - p), 0, &e);
		if (!json_is_object(o))
			fail_msg("not a JSON object on a line of its own: %.*s", (int)(nl - p), p);
		json_array_append_new(all, o);
		p = nl + 1;
	}
	return all;
}

/* The cases of an array are c-0001 to c-N in order. */
static void check_ids_in_order(json_t *cases, size_t n)
{
	assert_int_equal(json_array_size(cases), n);
	for (size_t i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof(id), "c-%04zu", i + 1);
		const char *got = json_string_value(json_object_get(json_array_get(cases, i), "id"));
		if (!got || strcmp(got, id))
			fail_msg("case %zu is %s, want %s", i, got ? got : "(none)", id);
	}
}

/* --json for --all is one document of _find's shape, its cases written page by page. */
static void test_cases_all_json_is_one_document(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(250);
	f->o.json = true;
	assert_int_equal(run(f, "cases --all"), 0);
	json_error_t e;
	json_t *j = json_loads(f->out, 0, &e);
	if (!j)
		fail_msg("not one JSON document: %s at line %d", e.text, e.line);
	check_ids_in_order(json_object_get(j, "cases"), 250);
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 250);
	assert_int_equal(json_integer_value(json_object_get(j, "per_page")), 250);
	assert_int_equal(json_integer_value(json_object_get(j, "page")), 1);
	assert_int_equal(json_integer_value(json_object_get(j, "count_open_cases")), 250);
	/* Indented as a whole document is, each case too. */
	assert_non_null(strstr(f->out, "\n  \"cases\": [\n    {\n      \"id\": \"c-0001\""));
	json_decref(j);
}

/* --ndjson: one case per line, for --all and for one page, from the command or the global flag. */
static void test_cases_ndjson_one_case_per_line(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(250);
	assert_int_equal(run(f, "cases --all --ndjson"), 0);
	json_t *lines = ndjson_lines(f->out);
	check_ids_in_order(lines, 250);
	json_decref(lines);
	f->o.ndjson = true;
	assert_int_equal(run(f, "cases --per-page 3"), 0);
	lines = ndjson_lines(f->out);
	check_ids_in_order(lines, 3);
	json_decref(lines);
	/* A result that is no list is one line. */
	assert_int_equal(run(f, "case show c-0002"), 0);
	lines = ndjson_lines(f->out);
	assert_int_equal(json_array_size(lines), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(lines, 0), "id")), "c-0002");
	json_decref(lines);
}

/* A batch run on its own thread, stdout already pointing where the test reads it. */
struct bg_run {
	struct fx *f;
	const char *line;
	int rc;
};

static void *bg_run_thread(void *arg)
{
	struct bg_run *b = arg;
	b->rc = batch_run(&b->f->o, b->line);
	fflush(stdout);
	return NULL;
}

/* Pages are written as soon as they and the pages before them are in: page 3 on its way holds back nothing before it. */
static void test_cases_all_pages_written_as_they_arrive(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(250);
	f->data.hold_page = 3;
	char path[] = "/tmp/kt-batch-stream-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stdout);
	int so = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	struct bg_run b = {f, "cases --all --ndjson", -1};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, bg_run_thread, &b), 0);
	char *seen = NULL;
	for (int waited = 0; waited < INTEG_BOUND_MS; waited += 10) {
		free(seen);
		seen = testutil_read_file(path, NULL);
		if (seen && strstr(seen, "\"c-0200\""))
			break;
		usleep(10000);
	}
	bool early = seen && strstr(seen, "\"c-0200\"") && !strstr(seen, "\"c-0201\"");
	free(seen);
	pthread_mutex_lock(&f->data.lock);
	f->data.released = true;
	pthread_cond_broadcast(&f->data.cond);
	pthread_mutex_unlock(&f->data.lock);
	pthread_join(t, NULL);
	dup2(so, STDOUT_FILENO);
	close(so);
	close(fd);
	char *out = testutil_read_file(path, NULL);
	unlink(path);
	assert_true(early);
	assert_int_equal(b.rc, 0);
	json_t *lines = ndjson_lines(out);
	check_ids_in_order(lines, 250);
	json_decref(lines);
	free(out);
}

/* With concurrency 2, two pages are fetched at once and never more. */
static void test_cases_all_keeps_to_the_concurrency(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(850);
	f->data.barrier = 2;
	f->p.concurrency = 2;
	assert_int_equal(run(f, "cases --all"), 0);
	assert_int_equal(count_lines_starting(f->out, "c-"), 850);
	assert_int_equal(testserver_count(f->srv, "/api/cases/_find"), 9);
	assert_int_equal(testserver_peak(f->srv), 2);
}

/* n cases, oldest first, three at a time sharing a creation time (ties at every window's edge). */
static json_t *make_timed_cases(size_t n)
{
	json_t *a = make_cases(n);
	for (size_t i = 0; i < n; i++) {
		time_t t = 1700000000 + (time_t)(i / 3);
		struct tm tm;
		gmtime_r(&t, &tm);
		char iso[40];
		strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S.000Z", &tm);
		json_object_set_new(json_array_get(a, i), "created_at", json_string(iso));
	}
	return a;
}

/* Every case past Kibana's 10,000, once, in order: windows of creation time, each under the limit. */
static void test_cases_all_past_10000_in_windows(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_timed_cases(10250);
	static const char *const orders[] = {"desc", "asc"};
	for (size_t o = 0; o < 2; o++) {
		char *line = xasprintf("cases --all --ndjson --sort-order %s", orders[o]);
		int rc = run(f, line);
		free(line);
		if (rc)
			fail_msg("%s: exit %d: %s", orders[o], rc, f->err);
		json_t *lines = ndjson_lines(f->out);
		assert_int_equal(json_array_size(lines), 10250);
		json_t *seen = json_object();
		const char *prev = NULL;
		size_t i;
		json_t *c;
		json_array_foreach(lines, i, c) {
			const char *id = json_string_value(json_object_get(c, "id"));
			const char *at = json_string_value(json_object_get(c, "created_at"));
			if (json_object_get(seen, id))
				fail_msg("%s twice", id);
			json_object_set_new(seen, id, json_true());
			if (prev && (o == 0 ? strcmp(at, prev) > 0 : strcmp(at, prev) < 0))
				fail_msg("%s order broken at %zu: %s after %s", orders[o], i, at, prev);
			prev = at;
		}
		json_decref(seen);
		json_decref(lines);
	}
	/* Windows were asked for by creation time. */
	bool bounded = false;
	for (size_t i = 0; i < testserver_count(f->srv, "/api/cases/_find"); i++) {
		const struct testserver_request *r = testserver_get(f->srv, "/api/cases/_find", i);
		bounded = bounded || strstr(r->query, "&to=") || strstr(r->query, "&from=");
		assert_true(param_long(r, "page", 1) * param_long(r, "perPage", 20) <= 10000);
	}
	assert_true(bounded);
}

/* A page that is not JSON ends the run with the reason, after the pages before it were written. */
static void test_cases_all_broken_page_fails(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(350);
	f->data.broken_page = 3;
	assert_int_equal(run(f, "cases --all --ndjson"), 1);
	assert_non_null(strstr(f->err, "ktriage: Kibana sent a response that is not valid JSON"));
	json_t *lines = ndjson_lines(f->out);
	check_ids_in_order(lines, 200);
	json_decref(lines);
	/* As one document it is left unterminated: it cannot pass for the whole list. */
	assert_int_equal(run(f, "cases --all --json"), 1);
	json_error_t e;
	json_t *j = json_loads(f->out, 0, &e);
	assert_null(j);
	assert_non_null(strstr(f->out, "\"c-0200\""));
}

/* More than 10,000 cases created in the same millisecond cannot be split: the run says so. */
static void test_cases_all_unsplittable(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(10050);
	assert_int_equal(run(f, "cases --all --ndjson"), 1);
	assert_non_null(strstr(f->err, "more than 10,000 cases were created at 2022-07-29T00:59:39.444Z"));
}

static void test_cases_json(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "cases --per-page 3 --json"), 0);
	json_error_t e;
	json_t *j = json_loads(f->out, 0, &e);
	assert_non_null(j);
	assert_int_equal(json_array_size(json_object_get(j, "cases")), 3);
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 25);
	json_decref(j);
}

static void test_case_show(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "case show c-0007"), 0);
	assert_string_equal(f->err, "");
	assert_non_null(strstr(f->out, "Case 7\n"));
	assert_non_null(strstr(f->out, "id:"));
	assert_non_null(strstr(f->out, "c-0007"));
	assert_non_null(strstr(f->out, "status:"));
	assert_non_null(strstr(f->out, "open"));
	assert_non_null(strstr(f->out, "A case description."));
	assert_non_null(strstr(f->out, "ES-554"));
	assert_string_equal(testserver_get(f->srv, NULL, 0)->target, "/api/cases/c-0007");
}

static void test_case_show_encoded_id(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "case show 'caso-\xc3\xb1/1'"), 1);
	assert_string_equal(testserver_get(f->srv, NULL, 0)->target, "/api/cases/caso-%C3%B1%2F1");
	assert_non_null(strstr(f->err, "ktriage: HTTP 404 Not Found: Saved object [cases/caso-%C3%B1%2F1] not found"));
	assert_string_equal(f->out, "");
}

static void test_hostile_text_is_inert(void **state)
{
	struct fx *f = *state;
	json_object_set_new(json_array_get(f->data.cases, 0), "title",
			    json_string("evil\x1b]52;c;SGVsbG8=\x07\xe2\x80\xae\x1b[2J title"));
	assert_int_equal(run(f, "cases --per-page 1"), 0);
	assert_null(strchr(f->out, '\x1b'));
	assert_null(strchr(f->out, '\x07'));
	assert_null(strstr(f->out, "\xe2\x80\xae"));
	assert_non_null(strstr(f->out, "evil"));
	assert_int_equal(run(f, "case show c-0001"), 0);
	assert_null(strchr(f->out, '\x1b'));
}

static void test_connectors(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "connectors"), 0);
	assert_non_null(strstr(f->out, "preconfigured-email-connector"));
	assert_non_null(strstr(f->out, "my-index-connector"));
	assert_non_null(strstr(f->out, ".index"));
	assert_int_equal(count_lines_starting(f->out, "ID "), 1);
	/* Neither seed connector can take cases. */
	assert_int_equal(run(f, "connectors --cases"), 0);
	assert_null(strstr(f->out, "preconfigured-email-connector"));
	assert_int_equal(count_lines_starting(f->out, "ID "), 1);
	/* The global --json prints the API's answer as it came. */
	f->o.json = true;
	assert_int_equal(run(f, "connectors"), 0);
	json_error_t e;
	json_t *got = json_loads(f->out, 0, &e);
	json_t *want = testjson_fixture("connectors", "connectors_200.json");
	assert_true(json_equal(got, want));
	json_decref(got);
	json_decref(want);
}

static void test_alert_cases(void **state)
{
	struct fx *f = *state;
	char *body = testutil_fixture("cases_of_alert", "alert_cases_200.json", NULL);
	fresh_server(f);
	testserver_route_static(f->srv, "GET", "/api/cases/alerts/*", 200, TESTSERVER_JSON, body);
	free(body);
	const char *alert = "09f0c261e39e36351d75995b78bb83673774d1bc2cca9df2d15f0e5c0a99a540";
	char *line = xasprintf("alert cases %s", alert);
	assert_int_equal(run(f, line), 0);
	free(line);
	assert_non_null(strstr(f->out, "06116b80-e1c3-11ec-be9b-9b1838238ee6"));
	assert_non_null(strstr(f->out, "security_case"));
	char *target = xasprintf("/api/cases/alerts/%s", alert);
	assert_string_equal(testserver_get(f->srv, NULL, 0)->target, target);
	free(target);
}

static void test_usage_errors(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *line, *want;
	} cases[] = {
		{"cases --bogus", "unknown option --bogus for \"cases\""},
		{"cases --per-page 500", "--per-page must be between 1 and 100"},
		{"cases --status reopened", "status must be one of open, in-progress, closed"},
		{"case show", "missing <caseId>"},
		{"case", "unknown command \"case\""},
		{"frobnicate now", "unknown command \"frobnicate\""},
		{"case show 'unterminated", "unterminated quote"},
		{"", "needs a command"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int rc = run(f, cases[i].line);
		if (rc != 2 || !strstr(f->err, cases[i].want))
			fail_msg("\"%s\": exit %d, stderr \"%s\", want 2 and \"%s\"", cases[i].line, rc, f->err, cases[i].want);
		assert_string_equal(f->out, "");
	}
	/* Nothing reached the server. */
	assert_int_equal(testserver_count(f->srv, NULL), 0);
}

static void test_help_without_a_url(void **state)
{
	struct fx *f = *state;
	profile_set(&f->p.url, NULL);
	assert_int_equal(run(f, "case show --help"), 0);
	assert_non_null(strstr(f->out, "usage: case show <caseId>"));
	/* "--help" as an argument's value, or after "--", is not a request for help. */
	assert_int_equal(run(f, "case show -- --help"), 2);
	assert_non_null(strstr(f->err, "no Kibana URL"));
	assert_int_equal(run(f, "cases --search --help"), 2);
	assert_non_null(strstr(f->err, "no Kibana URL"));
	assert_int_equal(run(f, "cases"), 2);
	assert_non_null(strstr(f->err, "no Kibana URL"));
}

static void test_api_failures_exit_1(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "case show nope"), 1);
	assert_non_null(strstr(f->err, "ktriage: HTTP 404 Not Found"));
	assert_string_equal(f->out, "");
	fresh_server(f);
	testserver_route_static(f->srv, "GET", "/api/actions/connectors", 200, TESTSERVER_JSON, "{\"not\":\"a list\"}");
	testserver_route_static(f->srv, "GET", "/api/cases/_find", 502, "text/html", "<title>Bad Gateway</title>");
	assert_int_equal(run(f, "connectors"), 1);
	assert_non_null(strstr(f->err, "unexpected response from Kibana: connectors: expected an array, got an object"));
	assert_string_equal(f->out, "");
	assert_int_equal(run(f, "cases"), 1);
	assert_non_null(strstr(f->err, "HTTP 502"));
	assert_non_null(strstr(f->err, "\"Bad Gateway\""));
}

static void test_server_down(void **state)
{
	struct fx *f = *state;
	/* A port bound but never listening refuses connections for as long as we hold it. */
	int fd;
	char *url = integ_refused_url(&fd);
	profile_set(&f->p.url, url);
	free(url);
	int rc = run(f, "cases");
	close(fd);
	assert_int_equal(rc, 1);
	assert_non_null(strstr(f->err, "ktriage: cannot connect to Kibana"));
	assert_string_equal(f->out, "");
}

static void test_mutation_needs_yes_and_is_audited(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f, "case status c-0003 closed"), 2);
	assert_non_null(strstr(f->err, "add --yes"));
	assert_int_equal(testserver_count(f->srv, NULL), 1);
	assert_string_equal(testserver_get(f->srv, NULL, 0)->method, "GET");

	assert_int_equal(run(f, "case status c-0003 closed --yes"), 0);
	assert_non_null(strstr(f->out, "Case \"Case 3\" is now closed."));
	const struct testserver_request *patch = testserver_get(f->srv, NULL, 2);
	assert_string_equal(patch->method, "PATCH");
	assert_string_equal(patch->target, "/api/cases");
	assert_string_equal(testserver_header(patch, "kbn-xsrf", NULL), "true");
	json_error_t e;
	json_t *body = json_loadb(patch->body, patch->body_len, 0, &e);
	json_t *want = json_pack("{s:[{s:s,s:s,s:s}]}", "cases", "status", "closed", "id", "c-0003", "version",
				 "WzE3NjgsM10=");
	assert_true(json_equal(body, want));
	json_decref(body);
	json_decref(want);

	char *log_path = xasprintf("%s/ktriage/audit.log", f->state_dir);
	char *log = testutil_read_file(log_path, NULL);
	free(log_path);
	assert_non_null(log);
	assert_int_equal(testutil_count(log, "\n"), 1);
	assert_non_null(strstr(log, "\"command\":\"case status\""));
	assert_non_null(strstr(log, "\"targets\":[\"c-0003\"]"));
	assert_non_null(strstr(log, "\"outcome\":\"ok\""));
	assert_null(strstr(log, "QkFUQ0hLRVk="));
	free(log);

	/* Read-only: refused before anything is sent. */
	size_t before = testserver_count(f->srv, NULL);
	f->o.readonly = true;
	assert_int_equal(run(f, "case status c-0003 open --yes"), 2);
	assert_non_null(strstr(f->err, "read-only mode"));
	assert_int_equal(testserver_count(f->srv, NULL), before);
}

/* Output that cannot be written (a full disk) fails the run with the reason, whatever its shape. */
static void test_output_write_failure_exits_1(void **state)
{
	struct fx *f = *state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	static const char *const lines[] = {"cases", "cases --json", "case show c-0001", "cases --all"};
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		int rc = run_to(f, lines[i], "/dev/full");
		if (rc != 1 || !strstr(f->err, "ktriage: cannot write the output: No space left on device"))
			fail_msg("\"%s\" to /dev/full: exit %d, stderr \"%s\"", lines[i], rc, f->err);
	}
	/* The global --json takes the same checked path. */
	f->o.json = true;
	assert_int_equal(run_to(f, "cases --all", "/dev/full"), 1);
	assert_non_null(strstr(f->err, "No space left on device"));
}

/* cases --all counts its pages against the whole-fetch limits too, and stops at the first it passes. */
static void test_cases_all_limits(void **state)
{
	struct fx *f = *state;
	json_decref(f->data.cases);
	f->data.cases = make_cases(250);
	f->p.fetch.rows = 120; /* the first page (100) passes, any second does not, whichever comes first */
	assert_int_equal(run(f, "cases --all"), 1);
	if (!strstr(f->err, "cases --all: stopped after 2 pages: more than 120 rows came in (the max_rows limit"))
		fail_msg("stderr: %s", f->err);
	/* Pages are written as they come: what went out before the stop is the first page at most. */
	size_t rows = 0;
	for (const char *q = f->out; (q = strstr(q, "c-0")); q++)
		rows++;
	assert_true(rows <= 100);
	fetch_limits_default(&f->p.fetch);
	f->p.fetch.bytes = 1000;
	assert_int_equal(run(f, "cases --all"), 1);
	assert_non_null(strstr(f->err, "more than 1000 bytes came in (the max_fetch_mb limit"));
	fetch_limits_default(&f->p.fetch);
}

/* KIBANA_API_KEY=$'abc\r\nX-Injected: yes' would have put a second header on the wire: refused, nothing sent. */
static void test_key_with_line_break_never_sent(void **state)
{
	struct fx *f = *state;
	profile_set_secret(&f->p.api_key, "abc\r\nX-Injected: yes");
	assert_int_equal(run(f, "cases"), 2);
	assert_non_null(strstr(f->err, "API key"));
	assert_non_null(strstr(f->err, "control character"));
	assert_null(strstr(f->err, "Injected"));
	assert_string_equal(f->out, "");
	assert_int_equal(testserver_count(f->srv, NULL), 0);
}

/* --readonly through the api console: only GETs known not to change data reach the server. */
static void test_readonly_api_console(void **state)
{
	struct fx *f = *state;
	testserver_route_static(f->srv, "GET", "/api/ml/saved_objects/sync", 200, TESTSERVER_JSON, "{}");
	f->o.readonly = true;
	static const char *const refused[] = {"api GET /api/ml/saved_objects/sync", "api GET /api/security/logout",
					      "api POST /api/cases/_find", "api DELETE /api/cases --yes",
					      "api GET /api/ml/saved_objects/sync?simulate=no"};
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		int rc = run(f, refused[i]);
		if (rc != 2 || !strstr(f->err, "read-only mode"))
			fail_msg("\"%s\": exit %d, stderr \"%s\"", refused[i], rc, f->err);
	}
	assert_int_equal(testserver_count(f->srv, NULL), 0);
	assert_int_equal(run(f, "api GET '/api/ml/saved_objects/sync?simulate=true'"), 0);
	assert_int_equal(run(f, "api GET /api/actions/connectors"), 0);
	assert_int_equal(testserver_count(f->srv, NULL), 2);
	f->o.readonly = false;
}

/* A page as Kibana may send it (tests/fixtures/cases/README.md): a status ktriage never saw is shown as it came,
 * a case without an id is a placeholder row that says why, stderr says so, and --json leaves that case out. */
static void test_cases_unreadable_rows(void **state)
{
	struct fx *f = *state;
	json_t *page = testjson_fixture("cases", "cases_find_200.json");
	json_decref(f->data.cases);
	f->data.cases = json_incref(json_object_get(page, "cases"));
	json_decref(page);
	assert_int_equal(run(f, "cases"), 0);
	testutil_assert_has(f->out, "awaiting-triage");
	testutil_assert_has(f->out, "urgent");
	testutil_assert_has(f->out, "(unreadable case: cases[2]: required field \"id\" is missing)");
	testutil_assert_has(f->err, "1 row of the answer could not be read (shown as placeholders that say why)");
	f->o.json = true;
	assert_int_equal(run(f, "cases"), 0);
	json_t *j = json_loads(f->out, 0, NULL);
	assert_int_equal(json_array_size(json_object_get(j, "cases")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "cases"), 1), "status")),
			    "awaiting-triage");
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 3);
	testutil_assert_has(f->err, "1 row of the answer could not be read (left out when unusable)");
	json_decref(j);
}

int main(void)
{
	if (!integ_begin())
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cases_first_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_unreadable_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_json_is_one_document, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_ndjson_one_case_per_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_pages_written_as_they_arrive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_keeps_to_the_concurrency, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_past_10000_in_windows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_unsplittable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases_all_broken_page_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_show_encoded_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_text_is_inert, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connectors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alert_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_help_without_a_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_api_failures_exit_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_server_down, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_with_line_break_never_sent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_api_console, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mutation_needs_yes_and_is_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_output_write_failure_exits_1, setup, teardown),
	};
	return integ_end(cmocka_run_group_tests(tests, NULL, NULL));
}
