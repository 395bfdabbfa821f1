#include "config.h"
#include "cmd/convfmt.h"
#include "api/conversations.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

static const char *convfmt_id(const void *row)
{
	return ((const struct conversation *)row)->id;
}

static void convfmt_clear(void *row)
{
	conversations_conversation_clear(row);
}

const struct rowset_kind convfmt_rows = {sizeof(struct conversation), convfmt_clear, convfmt_id, NULL};

static const struct query_field convfmt_fields[] = {
	{"search", "search", QUERY_STR, offsetof(struct conversations_query, filter), 0},
	{"filter", "search", QUERY_STR, offsetof(struct conversations_query, filter), 0},
	{"sort-field", NULL, QUERY_STR, offsetof(struct conversations_query, sort_field), 0},
	{"sort-order", NULL, QUERY_STR, offsetof(struct conversations_query, sort_order), 0},
	{NULL, NULL, 0, 0, 0},
};

static const char *const convfmt_sorts[] = {"updated_at", "created_at", "title", NULL};
static const char *const convfmt_sort_labels[] = {"updated", "created", "title", NULL};

const struct query_desc convfmt_query = {
	.command = "conversations",
	.size = sizeof(struct conversations_query),
	.fields = convfmt_fields,
	.sort_arg = "sort-field",
	.sorts = convfmt_sorts,
	.sort_labels = convfmt_sort_labels,
	.order_arg = "sort-order",
};

static void col_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct conversation *)row)->id);
}

static void col_title(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct conversation *c = row;
	(void)cx;
	if (c->problem)
		strbuf_printf(out, "(unreadable conversation: %s)", c->problem);
	else
		strbuf_puts(out, c->title);
}

static void col_category(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct conversation *c = row;
	(void)cx;
	if (c->category)
		strbuf_puts(out, c->category);
}

static void col_messages(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_printf(out, "%zu", ((const struct conversation *)row)->n_messages);
}

static void col_users(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct conversation *c = row;
	(void)cx;
	if (c->users)
		strbuf_puts(out, c->users);
}

static void col_updated(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	char buf[32];
	timefmt_relative(conversations_updated(row), (time_t)cx->now, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

const struct column convfmt_columns[] = {
	{"ID", col_id, 8, 0, 0, 2, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{"TITLE", col_title, 20, 0, 6, 10, 0, COLUMN_NAME},
	{"CATEGORY", col_category, 9, 10, 0, 5, 0, COLUMN_DIM},
	{"MSGS", col_messages, 4, 5, 0, 6, COLUMN_RIGHT, COLUMN_PLAIN},
	{"USERS", col_users, 6, 0, 1, 3, 0, COLUMN_DIM},
	{"UPDATED", col_updated, 8, 9, 0, 7, 0, COLUMN_DIM},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

void convfmt_record(struct record *r, const struct conversation *c)
{
	char when[64];
	record_add_section(r, c->title ? c->title : "(untitled conversation)");
	record_add(r, "id", c->id);
	record_add(r, "category", c->category);
	record_add(r, "users", c->users && *c->users ? c->users : NULL);
	timefmt_local(c->created_at, when, sizeof(when));
	record_add(r, "created", when);
	timefmt_local(conversations_updated(c), when, sizeof(when));
	record_add(r, "updated", when);
	if (c->connector_id)
		record_addf(r, "connector", "%s%s%s", c->connector_id, c->model ? ", model " : "", c->model ? c->model : "");
	if (c->summary)
		record_add_block(r, "summary", c->summary);
	record_add_section(r, c->n_messages ? "Messages" : "No messages");
	for (size_t i = 0; i < c->n_messages; i++) {
		const struct conv_message *m = &c->messages[i];
		timefmt_local(m->timestamp, when, sizeof(when));
		char *raw = xasprintf("%s, %s%s", m->role ? m->role : "-", when, m->is_error ? " (ERROR)" : "");
		char *label = sanitize_str(raw, SANITIZE_LINE);
		record_add_block(r, label, m->content);
		free(label);
		free(raw);
	}
}
