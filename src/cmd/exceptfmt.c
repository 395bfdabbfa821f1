#include "config.h"
#include "cmd/exceptfmt.h"
#include "cmd/opsutil.h"
#include "api/exceptions.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

static const char *exceptfmt_id(const void *row)
{
	return ((const struct exception_item *)row)->id;
}

static void exceptfmt_clear(void *row)
{
	exceptions_item_clear(row);
}

const struct rowset_kind exceptfmt_rows = {sizeof(struct exception_item), exceptfmt_clear, exceptfmt_id, NULL};

/* Kibana takes a filter only as field:value. */
static char *exceptfmt_check(const void *query)
{
	const struct exceptions_query *q = query;
	return q->filter ? exceptions_check_filter(q->filter) : NULL;
}

static const struct query_field exceptfmt_fields[] = {
	{"filter", "filter", QUERY_STR, offsetof(struct exceptions_query, filter), 0},
	{"page", "page", QUERY_INT, offsetof(struct exceptions_query, page), 0},
	{"per-page", NULL, QUERY_INT, offsetof(struct exceptions_query, per_page), 0},
	{"sort-field", "sort", QUERY_STR, offsetof(struct exceptions_query, sort_field), 0},
	{"sort-order", "order", QUERY_STR, offsetof(struct exceptions_query, sort_order), 0},
	{NULL, NULL, 0, 0, 0},
};

const struct query_desc exceptfmt_query = {
	.command = "exceptions endpoint",
	.size = sizeof(struct exceptions_query),
	.fields = exceptfmt_fields,
	.check = exceptfmt_check,
};

static void col_name(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct exception_item *it = row;
	(void)cx;
	if (it->problem)
		strbuf_printf(out, "(unreadable item: %s)", it->problem);
	else
		strbuf_puts(out, it->name);
}

static void col_os(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct exception_item *it = row;
	(void)cx;
	for (size_t i = 0; i < it->n_os_types; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", it->os_types[i]);
}

static void col_conditions(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	char *c = exceptfmt_conditions(row);
	(void)cx;
	strbuf_puts(out, c);
	free(c);
}

static void col_tags(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct exception_item *it = row;
	(void)cx;
	for (size_t i = 0; i < it->n_tags; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", it->tags[i]);
}

static void col_updated(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	char buf[32];
	timefmt_relative(((const struct exception_item *)row)->updated_at, (time_t)cx->now, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

static void col_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct exception_item *)row)->id);
}

const struct column exceptfmt_columns[] = {
	{"NAME", col_name, 12, 32, 6, 10, 0, COLUMN_NAME},
	{"OS", col_os, 5, 16, 0, 5, 0, COLUMN_DIM},
	{"CONDITIONS", col_conditions, 16, 0, 4, 9, 0, COLUMN_PLAIN},
	{"TAGS", col_tags, 4, 20, 1, 3, 0, COLUMN_DIM},
	{"UPDATED", col_updated, 8, 9, 0, 6, 0, COLUMN_DIM},
	{"ID", col_id, 8, 0, 0, 1, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

char *exceptfmt_conditions(const struct exception_item *it)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < it->n_entries; i++) {
		char *t = exceptions_entry_text(&it->entries[i]);
		strbuf_printf(&sb, "%s%s", i ? " AND " : "", t);
		free(t);
	}
	return strbuf_detach(&sb, NULL);
}

void exceptfmt_record(struct record *r, const struct exception_item *it)
{
	char when[64];
	record_add_section(r, it->name ? it->name : "(unnamed item)");
	record_add(r, "id", it->id);
	record_add(r, "item id", it->item_id);
	record_add(r, "list", it->list_id);
	char *os = opsutil_join(it->os_types, it->n_os_types, ", ");
	char *tags = opsutil_join(it->tags, it->n_tags, ", ");
	record_add(r, "os", *os ? os : "-");
	record_add(r, "tags", *tags ? tags : "-");
	free(os);
	free(tags);
	record_add(r, "namespace", it->namespace_type);
	timefmt_local(it->created_at, when, sizeof(when));
	record_addf(r, "created", "%s by %s", when, it->created_by ? it->created_by : "-");
	timefmt_local(it->updated_at, when, sizeof(when));
	record_addf(r, "updated", "%s by %s", when, it->updated_by ? it->updated_by : "-");
	if (it->expire_time) {
		timefmt_local(it->expire_time, when, sizeof(when));
		record_add(r, "expires", when);
	}
	record_add_block(r, "description", it->description);
	record_add_section(r, "Conditions (all must match)");
	for (size_t i = 0; i < it->n_entries; i++) {
		char *t = exceptions_entry_text(&it->entries[i]);
		record_add(r, it->entries[i].type ? it->entries[i].type : "condition", t);
		free(t);
	}
	if (it->n_comments)
		record_add_section(r, "Comments");
	for (size_t i = 0; i < it->n_comments; i++) {
		const struct exception_comment *c = &it->comments[i];
		timefmt_local(c->created_at, when, sizeof(when));
		char *label = xasprintf("%s, %s", c->created_by ? c->created_by : "-", when);
		record_add_block(r, label, c->comment);
		free(label);
	}
}
