/* A list command's page handed to its front end: the table of every row, the JSON less its unusable rows. */
#include "config.h"
#include "ktest.h"
#include "cmd/cmd.h"
#include "cmd/listpage.h"
#include "cmd/output.h"
#include "core/strbuf.h"
#include "core/table.h"
#include <stdlib.h>
#include <string.h>

/* A row as a model gives it: an id, or a problem when it could not be read. */
struct thing {
	const char *id;
	const char *problem;
};

static void cell_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct thing *t = row;
	(void)cx;
	strbuf_printf(out, "%s", t->id ? t->id : t->problem);
}

static const struct column things_columns[] = {
	{.title = "ID", .cell = cell_id},
	{.title = NULL},
};

/* What the front end was handed. */
struct seen {
	int calls;
	size_t rows, bad;
	char *cell0, *cell2, *title, *items_path;
	json_t *json;
};

static void capture(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct seen *s = ctx->host->udata;
	s->calls++;
	assert_int_equal(out->kind, CMD_OUT_TABLE);
	assert_int_equal(out->part, CMD_PART_WHOLE);
	s->rows = out->table->nrows;
	s->cell0 = strdup(out->table->cells[0]);
	s->cell2 = strdup(out->table->cells[2]);
	s->bad = out->bad;
	s->title = strdup(out->message);
	s->items_path = out->items_path ? strdup(out->items_path) : NULL;
	s->json = json_incref(out->json);
}

static void test_listpage_table_and_json(void **state)
{
	(void)state;
	struct seen s = {0};
	struct cmd_host host = {.output = capture, .udata = &s};
	struct cmd_ctx ctx = {.host = &host};
	const struct thing rows[] = {{"a-1", NULL}, {NULL, "data[1]: required field \"id\" is missing"}, {"a-3", NULL}};
	json_t *answer = json_pack("{s:i, s:[{s:s}, {s:i}, {s:s}]}", "total", 3, "data", "id", "a-1", "name", 2, "id",
				   "a-3");
	const struct listpage lp = {.columns = things_columns, .rows = rows, .n = 3, .size = sizeof(rows[0]), .bad = 1,
				    .json = answer, .items_path = "data", .title = "3 things"};
	listpage_output(&ctx, &lp);
	assert_int_equal(s.calls, 1);
	/* The table keeps every row, the unreadable one as a placeholder that says why. */
	assert_int_equal(s.rows, 3);
	assert_string_equal(s.cell0, "a-1");
	assert_string_equal(s.cell2, "a-3");
	assert_int_equal(s.bad, 1);
	assert_string_equal(s.title, "3 things");
	assert_string_equal(s.items_path, "data");
	/* The JSON is the answer less the row without an id; the rest of it is untouched. */
	json_t *data = json_object_get(s.json, "data");
	assert_int_equal(json_array_size(data), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(data, 1), "id")), "a-3");
	assert_int_equal(json_integer_value(json_object_get(s.json, "total")), 3);
	/* The caller's answer is not changed. */
	assert_int_equal(json_array_size(json_object_get(answer, "data")), 3);
	json_decref(answer);
	json_decref(s.json);
	free(s.cell0);
	free(s.cell2);
	free(s.title);
	free(s.items_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_listpage_table_and_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
