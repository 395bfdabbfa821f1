/* AI-assistant conversations: the seed document's example, broken answers, and the _find request. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/conversations.h"
#include <stdlib.h>
#include <string.h>

static void test_conversations_seed_example(void **state)
{
	(void)state;
	json_t *j = testjson_fixture("conversations", "conversations_find_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&conversations_page_model, j, &model, &err), 0);
	struct conversation_page *p = model;
	assert_int_equal(p->n, 1);
	assert_int_equal(p->total, 42);
	assert_int_equal(p->per_page, 42);
	const struct conversation *c = &p->items[0];
	assert_string_equal(c->category, "assistant");
	assert_string_equal(c->title, "string");
	assert_int_equal(c->n_messages, 1);
	assert_string_equal(c->messages[0].role, "system");
	assert_true(c->messages[0].is_error);
	assert_string_equal(c->users, "string");
	assert_string_equal(c->model, "string");
	assert_string_equal(conversations_updated(c), "string");
	kmodel_free(&conversations_page_model, p);
	json_decref(j);
}

static void test_conversations_broken(void **state)
{
	(void)state;
	char *err;
	/* What the list pages by must be there; the rest of the page is taken as it comes. */
	assert_null(testjson_parse(&conversations_page_model, "{\"data\":[],\"page\":1}", &err));
	assert_non_null(strstr(err, "total"));
	free(err);
	struct conversation_page *p = testjson_parse(&conversations_page_model, "{\"data\":[],\"page\":1,\"total\":0}", &err);
	assert_non_null(p);
	assert_int_equal(p->per_page, 0);
	kmodel_free(&conversations_page_model, p);
	assert_null(testjson_parse(&conversations_conversation_model, "{\"title\":\"t\"}", &err));
	assert_non_null(strstr(err, "conversation: required field \"id\" is missing"));
	free(err);
	/* A message without content, a user that is not an object, no category: all kept as they came. */
	struct conversation *c = testjson_parse(&conversations_conversation_model,
		"{\"id\":\"c\",\"title\":\"t\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"namespace\":\"default\","
		"\"users\":[{\"id\":\"u1\"},\"x\",{\"name\":\"Ann\"}],\"messages\":[{\"role\":\"user\",\"timestamp\":\"x\"},7]}", &err);
	assert_non_null(c);
	assert_int_equal(c->n_messages, 1);
	assert_null(c->messages[0].content);
	assert_null(c->category);
	assert_string_equal(c->users, "u1, Ann");
	assert_null(c->updated_at);
	assert_string_equal(conversations_updated(c), "2024-01-01T00:00:00Z");
	kmodel_free(&conversations_conversation_model, c);
}

static void test_conversations_replacements(void **state)
{
	(void)state;
	char *err = NULL;
	struct conversation *c = testjson_parse(&conversations_conversation_model,
		"{\"id\":\"c\",\"title\":\"t\",\"category\":\"assistant\",\"createdAt\":\"x\",\"namespace\":\"default\","
		"\"users\":[],\"replacements\":{\"3f6c\":\"short\",\"3f6c-ab\":\"web-01\",\"n\":7,\"77aa\":\"bob\"}}", &err);
	assert_non_null(c);
	assert_int_equal(c->n_replacements, 3);
	char *t = conversations_restore(c, "host 3f6c-ab, user 77aa; 77aa again; 3f6cz");
	assert_string_equal(t, "host web-01, user bob; bob again; shortz");
	free(t);
	t = conversations_restore(c, NULL);
	assert_string_equal(t, "");
	free(t);
	kmodel_free(&conversations_conversation_model, c);
	/* The longest placeholder wins, whatever the order. Replacements are optional, and null is accepted. */
	c = testjson_parse(&conversations_conversation_model,
		"{\"id\":\"c\",\"title\":\"t\",\"category\":\"assistant\",\"createdAt\":\"x\",\"namespace\":\"default\","
		"\"users\":[],\"replacements\":null}", &err);
	assert_non_null(c);
	t = conversations_restore(c, "3f6c-ab");
	assert_string_equal(t, "3f6c-ab");
	free(t);
	kmodel_free(&conversations_conversation_model, c);
}

/* _find as Kibana's find_route.ts answers: old conversations lack what newer ones have; one without an id is a
 * placeholder. */
static void test_conversations_kibana(void **state)
{
	(void)state;
	struct conversation_page *p = testjson_parsed(&conversations_page_model, "conversations",
						      "conversations_find_kibana.json");
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 1);
	assert_string_equal(p->items[0].connector_id, "my-openai");
	assert_null(p->items[0].model);
	assert_null(p->items[1].category);
	assert_int_equal(p->items[1].n_messages, 0);
	assert_null(p->items[1].connector_id);
	assert_string_equal(conversations_updated(&p->items[1]), "2024-01-10T10:00:00.000Z");
	assert_null(p->items[1].problem);
	assert_string_equal(p->items[2].problem, "conversations _find response.data[2]: required field \"id\" is missing");
	assert_string_equal(p->items[2].category, "insights");
	kmodel_free(&conversations_page_model, p);
}

static void test_find_request(void **state)
{
	(void)state;
	struct conversations_query cq = {.page = 3, .per_page = 500, .filter = "mitre", .sort_field = "title",
					 .sort_order = "asc"};
	struct api_request *req = conversations_find_request(&cq);
	assert_string_equal(req->path, "/api/security_ai_assistant/current_user/conversations/_find");
	assert_string_equal(req->query, "?page=3&per_page=100&filter=mitre&sort_field=title&sort_order=asc");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversations_seed_example),
		cmocka_unit_test(test_conversations_broken),
		cmocka_unit_test(test_conversations_replacements),
		cmocka_unit_test(test_conversations_kibana),
		cmocka_unit_test(test_find_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
