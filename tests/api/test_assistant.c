/* The assistant's chat: the streamed request, the NDJSON reply reader, AI connectors, anonymization settings and data. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/assistant.h"
#include "api/connectors.h"
#include <stdlib.h>
#include <string.h>

static void test_chat_request(void **state)
{
	(void)state;
	json_t *data = json_pack("{s:s}", "host.name", "web-01");
	json_t *anon = json_pack("[s]", "host.name");
	struct assistant_chat c = {.connector_id = "gpt", .persist = true, .content = "Summarise this alert",
				   .data = data, .anonymize = anon};
	struct api_request *req = assistant_chat_request(&c);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/security_ai_assistant/chat/complete");
	assert_true(req->stream);
	assert_null(req->model);
	json_t *body = json_loads(req->body, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(body, "connectorId")), "gpt");
	assert_true(json_is_true(json_object_get(body, "persist")));
	assert_true(json_is_true(json_object_get(body, "isStream")));
	assert_null(json_object_get(body, "conversationId"));
	json_t *m = json_array_get(json_object_get(body, "messages"), 0);
	assert_int_equal(json_array_size(json_object_get(body, "messages")), 1);
	assert_string_equal(json_string_value(json_object_get(m, "role")), "user");
	assert_string_equal(json_string_value(json_object_get(m, "content")), "Summarise this alert");
	assert_string_equal(json_string_value(json_object_get(json_object_get(m, "data"), "host.name")), "web-01");
	assert_string_equal(json_string_value(json_array_get(json_object_get(m, "fields_to_anonymize"), 0)), "host.name");
	json_decref(body);
	api_request_free(req);

	/* Continuing a conversation without data: the id, and no empty data or anonymize lists. */
	struct assistant_chat more = {.connector_id = "gpt", .conversation_id = "conv-1", .content = "and then?"};
	req = assistant_chat_request(&more);
	body = json_loads(req->body, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(body, "conversationId")), "conv-1");
	assert_true(json_is_false(json_object_get(body, "persist")));
	m = json_array_get(json_object_get(body, "messages"), 0);
	assert_null(json_object_get(m, "data"));
	assert_null(json_object_get(m, "fields_to_anonymize"));
	json_decref(body);
	api_request_free(req);
	json_decref(data);
	json_decref(anon);
}

/* Feed text in pieces of size n; the reply read. */
static char *feed_in_pieces(const char *text, size_t n)
{
	struct assistant_stream s;
	assistant_stream_init(&s);
	struct strbuf out;
	strbuf_init(&out);
	size_t len = strlen(text);
	for (size_t off = 0; off < len; off += n)
		assistant_stream_feed(&s, text + off, off + n > len ? len - off : n, &out);
	assistant_stream_end(&s, &out);
	assistant_stream_free(&s);
	return strbuf_detach(&out, NULL);
}

static void test_stream_reader(void **state)
{
	(void)state;
	static const char reply[] = "{\"payload\":\"This alert\",\"type\":\"content\"}\n"
				    "{\"payload\":\" shows h\\u00f4st \",\"type\":\"content\"}\r\n"
				    "\n"
				    "{\"payload\":\"{\\\"x\\\":1}\",\"type\":\"interruptValue\"}\n"
				    "not json at all\n"
				    "{\"payload\":42,\"type\":\"content\"}\n"
				    "{\"payload\":\"web-01\",\"type\":\"content\"}";
	/* However the bytes are cut, even inside a multi-byte character or an escape, the text is the same. */
	for (size_t n = 1; n <= sizeof(reply); n++) {
		char *text = feed_in_pieces(reply, n);
		if (strcmp(text, "This alert shows h\xc3\xb4st web-01") != 0)
			fail_msg("pieces of %zu: \"%s\"", n, text);
		free(text);
	}
	/* A line past the bound is dropped whole; the lines after it still count. */
	size_t big = ((size_t)1 << 20) + 10;
	char *huge = malloc(big + 64);
	memset(huge, 'x', big);
	strcpy(huge + big, "\n{\"payload\":\"after\",\"type\":\"content\"}\n");
	char *text = feed_in_pieces(huge, 4096);
	assert_string_equal(text, "after");
	free(text);
	free(huge);
}

static void test_ai_connectors(void **state)
{
	(void)state;
	struct connector c = {.type = (char *)".gen-ai"};
	assert_true(assistant_connector_ok(&c));
	c.type = (char *)".bedrock";
	assert_true(assistant_connector_ok(&c));
	c.type = (char *)".inference";
	assert_true(assistant_connector_ok(&c));
	c.is_missing_secrets = true;
	assert_false(assistant_connector_ok(&c));
	c.is_missing_secrets = false;
	c.type = (char *)".jira";
	assert_false(assistant_connector_ok(&c));
	c.type = NULL;
	assert_false(assistant_connector_ok(&c));
}

static void test_anon_fields(void **state)
{
	(void)state;
	struct api_request *req = assistant_anon_fields_request();
	assert_string_equal(req->path, "/api/security_ai_assistant/anonymization_fields/_find");
	assert_string_equal(req->query, "?per_page=1000");
	api_request_free(req);
	struct anon_field_list *l =
		testjson_parsed(&assistant_anon_fields_model, "assistant", "anonymization_fields_find_200.json");
	assert_int_equal(l->n, 5);
	assert_int_equal(l->total, 4);
	assert_string_equal(l->items[0].field, "host.name");
	assert_true(l->items[0].allowed && l->items[0].anonymized);
	assert_true(l->items[2].allowed && !l->items[2].anonymized);
	assert_false(l->items[3].allowed);
	/* Flags left out are false. */
	assert_true(l->items[4].allowed && !l->items[4].anonymized);

	/* An alert's fields: nested and flat alike; only the allowed ones; arrays stay arrays of text. */
	json_t *src = json_loads("{\"host\":{\"name\":\"web-01\",\"ip\":\"10.0.0.1\"},\"user.name\":\"bob\","
				 "\"kibana.alert.rule.name\":\"Beacon\",\"process\":{\"args\":[\"-c\",\"x\"],"
				 "\"command_line\":[\"curl\",7,{\"a\":1}]}}", 0, NULL);
	json_t *anon = NULL;
	json_t *data = assistant_alert_data(src, l, &anon);
	assert_int_equal(json_object_size(data), 4);
	assert_string_equal(json_string_value(json_object_get(data, "host.name")), "web-01");
	assert_string_equal(json_string_value(json_object_get(data, "user.name")), "bob");
	assert_string_equal(json_string_value(json_object_get(data, "kibana.alert.rule.name")), "Beacon");
	json_t *cl = json_object_get(data, "process.command_line");
	assert_int_equal(json_array_size(cl), 2);
	assert_string_equal(json_string_value(json_array_get(cl, 1)), "7");
	assert_null(json_object_get(data, "host.ip"));
	assert_null(json_object_get(data, "process.args"));
	assert_int_equal(json_array_size(anon), 2);
	json_decref(data);
	json_decref(anon);

	/* A space without settings: everything goes, and the server decides. */
	struct anon_field_list none = {0};
	data = assistant_alert_data(src, &none, &anon);
	assert_int_equal(json_object_size(data), 6);
	assert_int_equal(json_array_size(anon), 0);
	json_decref(data);
	json_decref(anon);
	json_decref(src);
	kmodel_free(&assistant_anon_fields_model, l);

	char *err = NULL;
	assert_null(testjson_parse(&assistant_anon_fields_model, "{\"data\":[{\"id\":\"x\"}]}", &err));
	assert_non_null(strstr(err, "field"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chat_request),
		cmocka_unit_test(test_stream_reader),
		cmocka_unit_test(test_ai_connectors),
		cmocka_unit_test(test_anon_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
