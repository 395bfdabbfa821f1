/* A case's story: user actions told in words, comments merged in time (as they read now), names for assignees
 * where the story knows them, types newer than the client, and the horizon that keeps a partly loaded story whole. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "cmd/storyfmt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Comments of the fixture's case: the alert one (told by a user action), one told by none, one edited since. */
static const char comments_json[] =
	"{\"page\":1,\"per_page\":100,\"total\":2,\"comments\":["
	"{\"id\":\"77a1\",\"type\":\"alert\",\"alertId\":\"f3e9\",\"index\":\"i\",\"rule\":{\"id\":\"1b2c\",\"name\":\"Suspicious beacon\"},"
	"\"owner\":\"securitySolution\",\"created_at\":\"2024-05-02T09:01:00.000Z\",\"created_by\":{\"username\":\"alice\","
	"\"full_name\":\"Alice Doe\",\"email\":null}},"
	"{\"id\":\"88b2\",\"type\":\"user\",\"comment\":\"Host isolated.\",\"owner\":\"securitySolution\","
	"\"created_at\":\"2024-05-02T09:07:00.000Z\",\"created_by\":{\"username\":\"bob\",\"full_name\":null,"
	"\"email\":\"bob@example.com\",\"profile_uid\":\"u_bob_0\"}}]}";

static void build(struct story *s, const char *horizon)
{
	struct case_activity_page *ua = testjson_parsed(&case_activity_page_model, "case_activity", "user_actions_find_200.json");
	char *err = NULL;
	struct case_comment_page *cm = testjson_parse(&cases_comment_page_model, comments_json, &err);
	assert_non_null(cm);
	const struct case_activity_page *uas[] = {ua};
	const struct case_comment_page *cms[] = {cm};
	struct story_sources src = {uas, 1, cms, 1, horizon};
	storyfmt_build(s, &src);
	/* The story owns its words; only its times are borrowed. Keep the pages for that. */
	for (size_t i = 0; i < s->n; i++)
		s->items[i].when = s->items[i].when ? strdup(s->items[i].when) : NULL;
	kmodel_free(&case_activity_page_model, ua);
	kmodel_free(&cases_comment_page_model, cm);
}

static void story_free(struct story *s)
{
	for (size_t i = 0; i < s->n; i++)
		free((char *)s->items[i].when);
	storyfmt_free(s);
}

static void test_told_in_time(void **state)
{
	struct story s;
	build(&s, NULL);
	static const char *const want[][3] = {
		{"2024-05-02T09:00:00.000Z", "Alice Doe", "created the case (severity high)"},
		{"2024-05-02T09:01:00.000Z", "Alice Doe", "attached 1 alert from rule \"Suspicious beacon\": f3e9"},
		{"2024-05-02T09:05:00.000Z", "bob", "changed the status to in-progress"},
		/* The assignee acted in the story too (as a commenter): named, not a uid. */
		{"2024-05-02T09:06:00.000Z", "bob", "assigned bob"},
		{"2024-05-02T09:07:00.000Z", "bob", "commented"},
		{"2024-05-02T09:10:00.000Z", "bob", "pushed the case to Jira SOC as SOC-42"},
		{"2024-05-02T09:12:00.000Z", "bob", "add observables"},
	};
	assert_int_equal(s.n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < s.n; i++) {
		assert_string_equal(s.items[i].when, want[i][0]);
		assert_string_equal(s.items[i].who, want[i][1]);
		assert_string_equal(s.items[i].what, want[i][2]);
	}
	assert_int_equal(s.items[1].kind, STORY_ALERT);
	assert_int_equal(s.items[4].kind, STORY_COMMENT);
	assert_string_equal(s.items[4].body, "Host isolated.");
	assert_string_equal(s.items[5].body, "https://jira.example.com/browse/SOC-42");
	assert_null(s.items[0].body);
	story_free(&s);
}

static void test_horizon(void **state)
{
	/* More user actions are still to come after 09:05: what happened later is left out until they are in. */
	struct story s;
	build(&s, "2024-05-02T09:05:00.000Z");
	assert_int_equal(s.n, 3);
	assert_string_equal(s.items[2].what, "changed the status to in-progress");
	story_free(&s);
}

static void test_payload_shapes(void **state)
{
	char *err = NULL;
	struct case_activity_page *ua = testjson_parse(&case_activity_page_model,
		"{\"userActions\":["
		"{\"type\":\"comment\",\"action\":\"create\",\"comment_id\":\"c9\",\"created_at\":\"2024-01-01T00:00:02Z\","
		" \"payload\":{\"comment\":\"A new comment\",\"owner\":\"cases\",\"type\":\"user\"}},"
		"{\"type\":\"comment\",\"action\":\"update\",\"comment_id\":\"c9\",\"created_at\":\"2024-01-01T00:00:03Z\","
		" \"payload\":{\"comment\":{\"type\":\"user\",\"comment\":\"Better words\",\"owner\":\"cases\"}}},"
		"{\"type\":\"assignees\",\"action\":\"delete\",\"created_at\":\"2024-01-01T00:00:01Z\",\"payload\":{\"assignees\":{\"uid\":\"u_x\"}}},"
		"{\"type\":\"tags\",\"action\":\"add\",\"created_at\":\"2024-01-01T00:00:04Z\",\"payload\":{\"tags\":[\"a\",\"b\"]}},"
		"{\"type\":\"status\",\"action\":\"update\",\"created_at\":\"2024-01-01T00:00:05Z\",\"payload\":{\"status\":\"closed\"}},"
		"{\"type\":\"status\",\"action\":\"update\",\"created_at\":\"2024-01-01T00:00:05Z\",\"payload\":{\"status\":\"open\"}},"
		"{\"type\":\"comment\",\"action\":\"create\",\"created_at\":\"2024-01-01T00:00:06Z\",\"payload\":{\"comment\":"
		" {\"type\":\"actions\",\"comment\":\"why\",\"actions\":{\"type\":\"isolate\",\"targets\":[{\"hostname\":\"web-1\",\"endpointId\":\"e\"}]}}}},"
		"{\"type\":\"connector\",\"action\":\"update\",\"created_at\":\"2024-01-01T00:00:07Z\",\"payload\":{\"connector\":{\"id\":\"none\",\"type\":\".none\"}}},"
		"{\"type\":\"settings\",\"action\":\"update\",\"created_at\":\"2024-01-01T00:00:08Z\",\"payload\":{\"settings\":{\"syncAlerts\":false}}},"
		"{\"type\":\"workflow\",\"action\":\"update\",\"created_at\":\"2024-01-01T00:00:09Z\"}]}", &err);
	assert_non_null(ua);
	const struct case_activity_page *uas[] = {ua};
	struct story_sources src = {uas, 1, NULL, 0, NULL};
	struct story s;
	storyfmt_build(&s, &src);
	static const char *const want[] = {"unassigned u_x", "commented", "edited a comment", "added tags a, b",
					   "closed the case", "reopened the case", "ran isolate on web-1",
					   "removed the external connector", "turned alert status sync off", "update workflow"};
	assert_int_equal(s.n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < s.n; i++)
		assert_string_equal(s.items[i].what, want[i]);
	/* Same time, the order they came in. */
	assert_string_equal(s.items[1].body, "A new comment");
	assert_string_equal(s.items[2].body, "Better words");
	assert_string_equal(s.items[6].body, "why");
	assert_string_equal(s.items[0].who, "-");
	storyfmt_free(&s);
	kmodel_free(&case_activity_page_model, ua);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_told_in_time),
		cmocka_unit_test(test_horizon),
		cmocka_unit_test(test_payload_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
