/* Asking the AI assistant (cmd_assistant.c) against the demo server in-process: the reply in pieces, what is sent
 * about an alert or a case, what is kept, and the refusals. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/conversations.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

/* The conversation updated last, as the demo keeps it (a new reference). */
static struct conversation *newest(void)
{
	struct conversations_query q = {.page = 1, .per_page = 1, .sort_field = "updated_at", .sort_order = "desc"};
	struct worker_done *d = testenv_request(&env, conversations_find_request(&q));
	assert_int_equal(d->res.status, API_OK);
	struct conversation_page *p = d->res.model;
	assert_int_equal(p->n, 1);
	struct conversation *c = xcalloc(1, sizeof(*c));
	*c = p->items[0];
	memset(&p->items[0], 0, sizeof(p->items[0]));
	worker_done_free(d);
	return c;
}

static void conversation_free(struct conversation *c)
{
	conversations_conversation_clear(c);
	free(c);
}

static char *first_alert(void)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --limit 1 --json");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *id = xstrdup(json_string_value(json_object_get(json_array_get(testenv_hits(&r), 0), "_id")));
	testenv_run_free(&r);
	return id;
}

static void test_ask_about_an_alert(void **state)
{
	(void)state;
	char *alert = first_alert();
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --alert %s", alert);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	/* The reply came in pieces, then the end with all of it, naming where it is kept. */
	assert_true(r.pieces > 3);
	assert_true(r.stream_ended);
	assert_non_null(strstr(r.streamed, "### Next steps"));
	assert_non_null(strstr(r.about, "alert "));
	assert_non_null(r.kept_in);
	struct conversation *c = newest();
	assert_string_equal(c->id, r.kept_in);
	assert_int_equal(c->n_messages, 2);
	/* The question asked for a summary; the alert's fields went along, the host anonymized. */
	assert_non_null(strstr(c->messages[0].content, "Summarise this alert"));
	assert_non_null(strstr(c->messages[0].content, "host.name,"));
	assert_true(c->n_replacements >= 2);
	/* The reply names placeholders; put back, they are the alert's values. */
	char *restored = conversations_restore(c, r.streamed);
	assert_string_not_equal(restored, r.streamed);
	free(restored);
	char *id = xstrdup(c->id);
	conversation_free(c);
	testenv_run_free(&r);

	/* Going on with it: the same conversation, two more messages, the question as typed. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --conversation %s 'Is it lateral movement?'", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_string_equal(r.kept_in, id);
	assert_non_null(strstr(r.about, "conversation "));
	c = newest();
	assert_string_equal(c->id, id);
	assert_int_equal(c->n_messages, 4);
	assert_string_equal(c->messages[2].content, "Is it lateral movement?");
	conversation_free(c);
	testenv_run_free(&r);

	/* --json: the reply and where it is kept, as one object; no pieces. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --json --conversation %s thanks", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.pieces, 0);
	assert_string_equal(json_string_value(json_object_get(r.json, "conversationId")), id);
	assert_non_null(strstr(json_string_value(json_object_get(r.json, "reply")), "thanks"));
	testenv_run_free(&r);
	free(id);
	free(alert);
}

static void test_ask_about_a_case(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "cases --per-page 1 --json");
	json_t *kase = json_array_get(json_object_get(r.json, "cases"), 0);
	char *id = xstrdup(json_string_value(json_object_get(kase, "id")));
	char *title = xstrdup(json_string_value(json_object_get(kase, "title")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --case %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	struct conversation *c = newest();
	/* The case's own words go before the question. */
	assert_non_null(strstr(c->messages[0].content, title));
	assert_non_null(strstr(c->messages[0].content, "Summarise this case"));
	conversation_free(c);
	testenv_run_free(&r);
	free(id);
	free(title);
}

static void test_what_is_not_kept(void **state)
{
	(void)state;
	struct conversation *before = newest();
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --no-persist what is a beacon");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_null(r.kept_in);
	assert_non_null(strstr(r.streamed, "what is a beacon"));
	testenv_run_free(&r);
	/* Read-only mode keeps nothing either, and says so. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "ask what now");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_null(r.kept_in);
	testenv_run_free(&r);
	struct conversation *after = newest();
	assert_string_equal(after->id, before->id);
	assert_int_equal(after->n_messages, before->n_messages);
	conversation_free(before);
	conversation_free(after);
}

static void test_refusals(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "ask");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "question"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --alert a --case b why");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --connector nope hello");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	/* It names the connectors that would do. */
	assert_non_null(strstr(r.error, "OpenAI GPT-4o"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --alert no-such-alert");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "no alert no-such-alert"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ask --conversation no-such-conversation hello");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_null(r.streamed);
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ask_about_an_alert),
		cmocka_unit_test(test_ask_about_a_case),
		cmocka_unit_test(test_what_is_not_kept),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
