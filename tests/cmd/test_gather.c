/* A list's pieces gathered into one output for a front end that shows results whole. */
#include "config.h"
#include "ktest.h"
#include "cmd/cmd.h"
#include "cmd/gather.h"
#include "cmd/output.h"
#include "core/table.h"
#include <stdlib.h>
#include <string.h>

/* What the front end was handed. */
struct seen {
	int calls;
	enum cmd_output_part part;
	size_t rows;
	char *title;
	json_t *json;
};

static void capture(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct seen *s = ctx->host->udata;
	s->calls++;
	s->part = out->part;
	s->rows = out->kind == CMD_OUT_TABLE ? out->table->nrows : 0;
	free(s->title);
	s->title = out->message ? strdup(out->message) : NULL;
	json_decref(s->json);
	s->json = json_incref(out->json);
}

/* A page's rows ids[from..to) as a table and as items. */
static void page(struct table *t, json_t **items, int from, int to)
{
	static const char *const headers[] = {"ID", NULL};
	table_init(t, headers);
	*items = json_array();
	for (int i = from; i < to; i++) {
		char id[16];
		snprintf(id, sizeof(id), "a-%d", i);
		const char *row[] = {id};
		table_add_row(t, row);
		json_array_append_new(*items, json_pack("{s:s}", "id", id));
	}
}

static void test_pieces_become_one_output(void **state)
{
	struct seen s = {0};
	struct cmd_host host = {.output = capture, .udata = &s};
	struct cmd_ctx ctx = {.host = &host};
	/* The head's own items are left out: the pieces' items take their place, nested at the path. */
	json_t *head = json_pack("{s:i, s:{s:i, s:[s]}}", "took", 3, "hits", "total", 5, "hits", "stale");
	struct table t;
	json_t *items;
	page(&t, &items, 0, 3);
	struct cmd_output first = {.kind = CMD_OUT_TABLE, .part = CMD_PART_FIRST, .table = &t, .json = head,
				   .items = items, .items_path = "hits.hits"};
	cmd_gather_piece(&ctx, &first);
	table_free(&t);
	json_decref(items);
	assert_int_equal(s.calls, 0);
	page(&t, &items, 3, 5);
	struct cmd_output more = {.kind = CMD_OUT_TABLE, .part = CMD_PART_MORE, .table = &t, .items = items};
	cmd_gather_piece(&ctx, &more);
	table_free(&t);
	json_decref(items);
	assert_int_equal(s.calls, 0);
	json_t *tail = json_pack("{s:i}", "count", 5);
	struct cmd_output last = {.kind = CMD_OUT_TABLE, .part = CMD_PART_LAST, .message = "5 things", .json = tail};
	cmd_gather_piece(&ctx, &last);
	json_decref(tail);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.part, CMD_PART_WHOLE);
	assert_int_equal(s.rows, 5);
	assert_string_equal(s.title, "5 things");
	json_t *want = json_pack("{s:i, s:{s:i, s:[{s:s},{s:s},{s:s},{s:s},{s:s}]}, s:i}", "took", 3, "hits", "total", 5,
				 "hits", "id", "a-0", "id", "a-1", "id", "a-2", "id", "a-3", "id", "a-4", "count", 5);
	assert_true(json_equal(s.json, want));
	/* The head given in was not changed. */
	assert_int_equal(json_array_size(json_object_get(json_object_get(head, "hits"), "hits")), 1);
	assert_null(ctx.gather);
	json_decref(want);
	json_decref(head);
	json_decref(s.json);
	free(s.title);
}

/* A list that ended before any page came shows its title alone. */
static void test_end_without_pages(void **state)
{
	struct seen s = {0};
	struct cmd_host host = {.output = capture, .udata = &s};
	struct cmd_ctx ctx = {.host = &host};
	struct cmd_output last = {.kind = CMD_OUT_TABLE, .part = CMD_PART_LAST, .message = "no things"};
	cmd_gather_piece(&ctx, &last);
	assert_int_equal(s.calls, 1);
	assert_string_equal(s.title, "no things");
	assert_null(s.json);
	free(s.title);
	/* Dropped halfway (a failed command): freed with the command. */
	struct table t;
	json_t *items;
	page(&t, &items, 0, 2);
	struct cmd_output first = {.kind = CMD_OUT_TABLE, .part = CMD_PART_FIRST, .table = &t, .items = items};
	cmd_gather_piece(&ctx, &first);
	table_free(&t);
	json_decref(items);
	assert_non_null(ctx.gather);
	cmd_gather_free(ctx.gather);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_become_one_output),
		cmocka_unit_test(test_end_without_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
