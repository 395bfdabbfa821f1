/* A list command's filters held once: set from a command line, filled into the API's query, described, cycled. */
#include "config.h"
#include "ktest.h"
#include "api/alerts_req.h"
#include "api/cases_req.h"
#include "cmd/alertfmt.h"
#include "cmd/casefmt.h"
#include "cmd/query.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* Replace the filters with a command line's arguments. */
static int set_line(struct query *q, const char *line, char **err)
{
	int argc;
	char **argv;
	assert_int_equal(tokenize(line, &argc, &argv, err), 0);
	int rc = query_set_args(q, argc, argv, err);
	tokenize_free(argc, argv);
	return rc;
}

static void test_defaults_and_fill(void **state)
{
	struct query q;
	query_init(&q, &casefmt_query);
	assert_string_equal(query_get(&q, "status"), "open");
	struct cases_query cq;
	assert_null(query_fill(&casefmt_query, q.def, q.values, &cq));
	assert_string_equal(cq.status, "open");
	assert_null(cq.severity);
	assert_int_equal(cq.n_tags, 0);
	char *err = NULL;
	assert_int_equal(set_line(&q, "--severity high --tag 'a b' --tag c --search \"x y\"", &err), 0);
	assert_null(query_fill(&casefmt_query, q.def, q.values, &cq));
	/* A command line replaces every filter: status is gone. */
	assert_null(cq.status);
	assert_string_equal(cq.severity, "high");
	assert_int_equal(cq.n_tags, 2);
	assert_string_equal(cq.tags[0], "a b");
	assert_string_equal(cq.search, "x y");
	query_free(&q);
}

static void test_line_round_trips(void **state)
{
	struct query q, back;
	query_init(&q, &casefmt_query);
	query_init(&back, &casefmt_query);
	char *err = NULL;
	assert_int_equal(set_line(&q, "--status closed --tag \"it's\" --search 'a\"b' --sort-field title", &err), 0);
	struct strbuf line;
	strbuf_init(&line);
	query_line(&q, &line);
	assert_true(!strncmp(line.buf, "cases ", 6));
	/* The f line, typed back, gives the same filters. */
	assert_int_equal(set_line(&back, line.buf + 6, &err), 0);
	assert_string_equal(query_get(&back, "status"), "closed");
	assert_string_equal(query_get(&back, "tag"), "it's");
	assert_string_equal(query_get(&back, "search"), "a\"b");
	assert_string_equal(query_get(&back, "sort-field"), "title");
	strbuf_free(&line);
	query_free(&q);
	query_free(&back);
}

static void test_describe_and_sort(void **state)
{
	struct query q;
	query_init(&q, &casefmt_query);
	char *err = NULL;
	assert_int_equal(set_line(&q, "--status closed --severity critical --tag x --tag y --search ransom", &err), 0);
	struct strbuf sb;
	strbuf_init(&sb);
	query_describe(&q, &sb);
	assert_string_equal(sb.buf, "status: closed · severity: critical · search: \"ransom\" · tag: x,y");
	strbuf_reset(&sb);
	query_sort_text(&q, &sb);
	assert_string_equal(sb.buf, "created desc");
	/* o: the next sort field; O: the other direction. */
	assert_true(query_sort_next(&q));
	assert_string_equal(query_get(&q, "sort-field"), "updatedAt");
	assert_true(query_sort_reverse(&q));
	strbuf_reset(&sb);
	query_sort_text(&q, &sb);
	assert_string_equal(sb.buf, "updated asc");
	for (int i = 0; i < 3; i++)
		query_sort_next(&q);
	assert_string_equal(query_get(&q, "sort-field"), "createdAt");
	strbuf_free(&sb);
	query_free(&q);
}

static void test_cycle_view(void **state)
{
	struct query q;
	query_init(&q, &alertfmt_query);
	char *seen[5];
	for (int i = 0; i < 5; i++) {
		assert_true(query_cycle(&q));
		const char *v = query_get(&q, "status");
		seen[i] = v ? strdup(v) : NULL; /* each cycle frees the value before */
	}
	/* open (default) -> acknowledged -> closed -> all -> open -> acknowledged */
	assert_string_equal(seen[0], "acknowledged");
	assert_string_equal(seen[1], "closed");
	assert_null(seen[2]);
	assert_string_equal(seen[3], "open");
	assert_string_equal(seen[4], "acknowledged");
	for (int i = 0; i < 5; i++)
		free(seen[i]);
	/* Two statuses at once count as a view of their own: the next is all. */
	char *err = NULL;
	assert_int_equal(set_line(&q, "--status open --status acknowledged", &err), 0);
	assert_true(query_cycle(&q));
	assert_null(query_get(&q, "status"));
	/* The cases list has no sort by severity in its cycle, and conversations no cycle at all. */
	query_free(&q);
}

static void test_check_refuses_and_keeps(void **state)
{
	struct query q;
	query_init(&q, &alertfmt_query);
	char *err = NULL;
	assert_int_equal(set_line(&q, "--host web-1 --since 24h", &err), 0);
	assert_int_equal(set_line(&q, "--since 1d --from now-2d", &err), -1);
	assert_non_null(strstr(err, "either --since or --from"));
	free(err);
	err = NULL;
	assert_int_equal(set_line(&q, "--since soon", &err), -1);
	assert_non_null(err);
	free(err);
	err = NULL;
	assert_int_equal(set_line(&q, "--severity urgent", &err), -1);
	assert_non_null(strstr(err, "severity must be one of low, medium, high, critical"));
	free(err);
	/* Nothing changed by the refused lines. */
	assert_string_equal(query_get(&q, "host"), "web-1");
	assert_string_equal(query_get(&q, "since"), "24h");
	struct alerts_query aq;
	assert_null(query_fill(&alertfmt_query, q.def, q.values, &aq));
	assert_string_equal(aq.host, "web-1");
	assert_null(aq.from);
	query_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_fill),
		cmocka_unit_test(test_line_round_trips),
		cmocka_unit_test(test_describe_and_sort),
		cmocka_unit_test(test_cycle_view),
		cmocka_unit_test(test_check_refuses_and_keeps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
