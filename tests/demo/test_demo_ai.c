/* The demo's AI assistant: anonymization settings, and chat/complete streamed or whole, stored or not. */
#include "config.h"
#include "demo_testutil.h"
#include "demo/demo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The id of the first connector of a type. */
static char *connector_of_type(const char *type)
{
	json_t *l = dt_get(dt_server, "/api/actions/connectors");
	char *id = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(l, i, c) {
		if (!id && !strcmp(dt_str(c, "connector_type_id"), type))
			id = strdup(dt_str(c, "id"));
	}
	json_decref(l);
	assert_non_null(id);
	return id;
}

static json_t *newest_conversation(void)
{
	json_t *page = dt_get(dt_server, "/api/security_ai_assistant/current_user/conversations/_find"
					 "?sort_field=updated_at&sort_order=desc&per_page=1");
	json_t *c = json_incref(json_array_get(json_object_get(page, "data"), 0));
	json_decref(page);
	return c;
}

static void test_anonymization_fields(void **state)
{
	(void)state;
	json_t *r = dt_get(dt_server, "/api/security_ai_assistant/anonymization_fields/_find?per_page=1000");
	json_t *data = json_object_get(r, "data");
	assert_true(json_array_size(data) > 10);
	assert_int_equal(dt_int(r, "total"), (json_int_t)json_array_size(data));
	assert_int_equal(dt_int(r, "perPage"), 1000);
	bool host = false;
	size_t i;
	json_t *f;
	json_array_foreach(data, i, f) {
		assert_non_null(dt_str(f, "id"));
		if (!strcmp(dt_str(f, "field"), "host.name"))
			host = json_is_true(json_object_get(f, "allowed")) && json_is_true(json_object_get(f, "anonymized"));
	}
	assert_true(host);
	json_decref(r);
	/* The default page is 20. */
	r = dt_get(dt_server, "/api/security_ai_assistant/anonymization_fields/_find");
	assert_int_equal(json_array_size(json_object_get(r, "data")), 20);
	json_decref(r);
}

static void test_chat_streams_ndjson_and_keeps_the_exchange(void **state)
{
	(void)state;
	char *conn = connector_of_type(".gen-ai");
	char *body = dt_fmt("{\"connectorId\":\"%s\",\"persist\":true,\"isStream\":true,\"messages\":[{\"role\":\"user\","
			    "\"content\":\"Summarise this alert\",\"data\":{\"host.name\":\"web-01\",\"user.name\":[\"bob\"],"
			    "\"kibana.alert.rule.name\":\"Beacon\",\"process.entity_id\":\"secret-entity\"},"
			    "\"fields_to_anonymize\":[\"kibana.alert.rule.name\"]}]}", conn);
	struct dt_resp r = dt_req(dt_server, "POST", "/api/security_ai_assistant/chat/complete", body, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.ctype, "application/octet-stream"));
	/* NDJSON: every line a content object; together the reply. */
	char *save = NULL, *text = calloc(1, r.len + 1);
	size_t lines = 0;
	for (char *line = strtok_r(r.body, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *j = json_loads(line, 0, NULL);
		assert_non_null(j);
		assert_string_equal(dt_str(j, "type"), "content");
		strcat(text, dt_str(j, "payload"));
		json_decref(j);
		lines++;
	}
	assert_true(lines > 5);
	/* The reply names the anonymized values by their placeholders, never the values. */
	assert_null(strstr(text, "web-01"));
	assert_null(strstr(text, "Beacon"));
	assert_non_null(strstr(text, "### Next steps"));
	dt_resp_free(&r);

	json_t *c = newest_conversation();
	json_t *msgs = json_object_get(c, "messages");
	assert_int_equal(json_array_size(msgs), 2);
	assert_string_equal(dt_str(json_array_get(msgs, 0), "role"), "user");
	const char *stored = dt_str(json_array_get(msgs, 0), "content");
	assert_non_null(strstr(stored, "CONTEXT:"));
	/* Fields the settings do not allow never go; the forced one is anonymized too. */
	assert_null(strstr(stored, "secret-entity"));
	assert_null(strstr(stored, "bob"));
	assert_string_equal(dt_str(json_array_get(msgs, 1), "content"), text);
	json_t *repl = json_object_get(c, "replacements");
	assert_int_equal(json_object_size(repl), 3);
	const char *k;
	json_t *v;
	int found = 0;
	json_object_foreach(repl, k, v) {
		assert_non_null(strstr(stored, k));
		found += !strcmp(json_string_value(v), "web-01") + !strcmp(json_string_value(v), "bob") +
			 !strcmp(json_string_value(v), "Beacon");
	}
	assert_int_equal(found, 3);
	assert_string_equal(dt_str(json_object_get(c, "apiConfig"), "connectorId"), conn);
	assert_string_equal(dt_str(c, "title"), "Summarise this alert");

	/* Continuing it: both messages appended, the same conversation first. */
	char *more = dt_fmt("{\"connectorId\":\"%s\",\"persist\":true,\"isStream\":true,\"conversationId\":\"%s\","
			    "\"messages\":[{\"role\":\"user\",\"content\":\"And then?\"}]}", conn, dt_str(c, "id"));
	r = dt_req(dt_server, "POST", "/api/security_ai_assistant/chat/complete", more, NULL, 0);
	assert_int_equal(r.status, 200);
	/* Words come a few to a line, so the question is split across lines. */
	assert_non_null(strstr(r.body, "then?"));
	dt_resp_free(&r);
	json_t *again = newest_conversation();
	assert_string_equal(dt_str(again, "id"), dt_str(c, "id"));
	assert_int_equal(json_array_size(json_object_get(again, "messages")), 4);
	json_decref(again);
	json_decref(c);
	free(more);
	free(text);
	free(body);
	free(conn);
}

static void test_chat_whole_and_unstored(void **state)
{
	(void)state;
	char *conn = connector_of_type(".bedrock");
	json_t *before = newest_conversation();
	char *body = dt_fmt("{\"connectorId\":\"%s\",\"persist\":false,\"messages\":[{\"role\":\"user\","
			    "\"content\":\"What next?\"}]}", conn);
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete", body, &r), 200);
	assert_string_equal(dt_str(r, "status"), "ok");
	assert_non_null(strstr(dt_str(r, "data"), "What next?"));
	assert_null(json_object_get(r, "conversationId"));
	json_decref(r);
	json_t *after = newest_conversation();
	assert_string_equal(dt_str(after, "id"), dt_str(before, "id"));
	json_decref(before);
	json_decref(after);
	free(body);
	free(conn);
}

static void test_chat_refusals(void **state)
{
	(void)state;
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete",
				 "{\"persist\":true,\"messages\":[{\"role\":\"user\"}]}", &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "connectorId"));
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete",
				 "{\"connectorId\":\"x\",\"persist\":true,\"messages\":[{\"role\":\"robot\"}]}", &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "messages.0.role"));
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete",
				 "{\"connectorId\":\"nope\",\"persist\":true,\"messages\":[{\"role\":\"user\"}]}", &err), 404);
	assert_non_null(strstr(dt_str(err, "message"), "action/nope"));
	json_decref(err);
	char *jira = connector_of_type(".jira");
	char *body = dt_fmt("{\"connectorId\":\"%s\",\"persist\":true,\"messages\":[{\"role\":\"user\"}]}", jira);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete", body, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "not an AI connector"));
	json_decref(err);
	free(body);
	free(jira);
	char *conn = connector_of_type(".gen-ai");
	body = dt_fmt("{\"connectorId\":\"%s\",\"persist\":true,\"conversationId\":\"gone\",\"messages\":[{\"role\":\"user\"}]}",
		      conn);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security_ai_assistant/chat/complete", body, &err), 404);
	assert_non_null(strstr(dt_str(err, "message"), "gone"));
	json_decref(err);
	free(body);
	free(conn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anonymization_fields),
		cmocka_unit_test(test_chat_streams_ndjson_and_keeps_the_exchange),
		cmocka_unit_test(test_chat_whole_and_unstored),
		cmocka_unit_test(test_chat_refusals),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
