#include "config.h"
#include "cmd/casefmt.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *casefmt_id(const void *row)
{
	return ((const struct kb_case *)row)->id;
}

static void casefmt_clear(void *row)
{
	cases_case_clear(row);
}

const struct rowset_kind casefmt_rows = {sizeof(struct kb_case), casefmt_clear, casefmt_id, NULL};

static void casefmt_list(struct strbuf *out, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", v[i]);
}

/* A text field as it came, or nothing (the table shows "-"). */
static void casefmt_text(struct strbuf *out, const char *s)
{
	if (s)
		strbuf_puts(out, s);
}

/* A count, or nothing when Kibana did not give it. */
static void casefmt_count(struct strbuf *out, long long n)
{
	if (n >= 0)
		strbuf_printf(out, "%lld", n);
}

static void col_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	casefmt_text(out, ((const struct kb_case *)row)->id);
}

/* Severity and status are drawn as they came: a value ktriage has never seen is shown, not mapped. */
static void col_severity(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	casefmt_text(out, ((const struct kb_case *)row)->severity);
}

static void col_status(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	casefmt_text(out, ((const struct kb_case *)row)->status);
}

static void col_title(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct kb_case *c = row;
	(void)cx;
	if (c->problem)
		strbuf_printf(out, "(unreadable case: %s)", c->problem);
	else
		casefmt_text(out, c->title);
}

static void col_tags(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct kb_case *c = row;
	(void)cx;
	casefmt_list(out, c->tags, c->n_tags);
}

static void col_assignees(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct kb_case *c = row;
	(void)cx;
	casefmt_list(out, c->assignees, c->n_assignees);
}

static void col_alerts(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	casefmt_count(out, ((const struct kb_case *)row)->total_alerts);
}

static void col_comments(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	casefmt_count(out, ((const struct kb_case *)row)->total_comment);
}

static void col_updated(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct kb_case *c = row;
	char buf[32];
	const char *when = c->updated_at ? c->updated_at : c->created_at;
	if (!when)
		return;
	timefmt_relative(when, (time_t)cx->now, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

static void col_pushed(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct kb_case *c = row;
	(void)cx;
	strbuf_puts(out, c->external.present && c->external.external_title ? c->external.external_title : "-");
}

const struct column casefmt_columns[] = {
	{"ID", col_id, 8, 0, 0, 6, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{"SEV", col_severity, 4, 8, 0, 9, 0, COLUMN_SEVERITY},
	{"STATUS", col_status, 6, 11, 0, 8, 0, COLUMN_STATUS},
	{"TITLE", col_title, 16, 0, 6, 10, 0, COLUMN_NAME},
	{"TAGS", col_tags, 6, 30, 2, 3, 0, COLUMN_DIM},
	{"ASSIGNEES", col_assignees, 6, 24, 1, 2, 0, COLUMN_PLAIN},
	{"ALERTS", col_alerts, 6, 6, 0, 5, COLUMN_RIGHT, COLUMN_PLAIN},
	{"CMTS", col_comments, 4, 4, 0, 4, COLUMN_RIGHT, COLUMN_PLAIN},
	{"UPDATED", col_updated, 8, 9, 0, 7, 0, COLUMN_DIM},
	{"PUSHED", col_pushed, 6, 16, 3, 1, 0, COLUMN_PLAIN},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

static const struct query_field cases_fields[] = {
	{"status", "status", QUERY_STR, offsetof(struct cases_query, status), 0},
	{"severity", "severity", QUERY_STR, offsetof(struct cases_query, severity), 0},
	{"search", "search", QUERY_STR, offsetof(struct cases_query, search), 0},
	{"tag", "tag", QUERY_STRV, offsetof(struct cases_query, tags), offsetof(struct cases_query, n_tags)},
	{"owner", "owner", QUERY_STR, offsetof(struct cases_query, owner), 0},
	{"sort-field", NULL, QUERY_STR, offsetof(struct cases_query, sort_field), 0},
	{"sort-order", NULL, QUERY_STR, offsetof(struct cases_query, sort_order), 0},
	{NULL, NULL, 0, 0, 0},
};

/* Newest first, as Kibana's own case list sorts: a case just created is at the top, not after every updated one. */
static const char *const cases_sorts[] = {"createdAt", "updatedAt", "severity", "title", NULL};
static const char *const cases_sort_labels[] = {"created", "updated", "severity", "title", NULL};
static const char *const cases_views[] = {"open", "in-progress", "closed", NULL};

const struct query_desc casefmt_query = {
	.command = "cases",
	.size = sizeof(struct cases_query),
	.fields = cases_fields,
	.defaults = "--status open --sort-field createdAt",
	.sort_arg = "sort-field",
	.sorts = cases_sorts,
	.sort_labels = cases_sort_labels,
	.order_arg = "sort-order",
	.cycle_arg = "status",
	.cycle = cases_views,
};

char *casefmt_join(char *const *v, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", v[i]);
	return strbuf_detach(&sb, NULL);
}

/* A field that may be absent: "-" stands for it. */
static const char *casefmt_or_dash(const char *s)
{
	return s && *s ? s : "-";
}

void casefmt_record(struct record *r, const struct kb_case *c)
{
	char when[64];
	char *tags = casefmt_join(c->tags, c->n_tags);
	char *assignees = casefmt_join(c->assignees, c->n_assignees);
	record_add_section(r, c->title ? c->title : "(untitled case)");
	record_add(r, "id", c->id);
	if (c->number >= 0)
		record_addf(r, "number", "#%lld", c->number);
	record_add(r, "status", casefmt_or_dash(c->status));
	record_add(r, "severity", casefmt_or_dash(c->severity));
	record_add(r, "owner", casefmt_or_dash(c->owner));
	if (c->category)
		record_add(r, "category", c->category);
	record_add(r, "tags", *tags ? tags : "-");
	record_add(r, "assignees", *assignees ? assignees : "-");
	timefmt_local(c->created_at, when, sizeof(when));
	record_addf(r, "created", "%s by %s", when, cases_user_name(&c->created_by));
	if (c->updated_at) {
		timefmt_local(c->updated_at, when, sizeof(when));
		record_addf(r, "updated", "%s by %s", when, cases_user_name(&c->updated_by));
	}
	if (c->closed_at) {
		timefmt_local(c->closed_at, when, sizeof(when));
		record_addf(r, "closed", "%s by %s", when, cases_user_name(&c->closed_by));
	}
	if (c->total_alerts >= 0)
		record_addf(r, "alerts", "%lld", c->total_alerts);
	if (c->total_comment >= 0)
		record_addf(r, "comments", "%lld", c->total_comment);
	record_add(r, "sync alerts", c->sync_alerts ? "on" : "off");
	if (strcmp(c->connector.type ? c->connector.type : ".none", ".none") == 0)
		record_add(r, "connector", "none");
	else
		record_addf(r, "connector", "%s (%s, %s)", casefmt_or_dash(c->connector.name), c->connector.type,
			    casefmt_or_dash(c->connector.id));
	if (c->external.present) {
		record_addf(r, "pushed", "%s to %s", casefmt_or_dash(c->external.external_title),
			    casefmt_or_dash(c->external.connector_name));
		record_add(r, "external url", casefmt_or_dash(c->external.external_url));
	}
	for (size_t i = 0; i < c->n_custom_fields; i++)
		record_addf(r, c->custom_fields[i].key ? c->custom_fields[i].key : "custom field", "%s",
			    c->custom_fields[i].value);
	record_add(r, "version", c->version);
	record_add_block(r, "description", c->description ? c->description : "");
	free(tags);
	free(assignees);
	casefmt_comments(r, c->comments, c->n_comments);
}

void casefmt_comments(struct record *r, const struct case_comment *comments, size_t n)
{
	if (!n)
		return;
	char when[64];
	record_add_section(r, "Comments and alerts");
	for (size_t i = 0; i < n; i++) {
		const struct case_comment *cm = &comments[i];
		if (cm->problem) {
			record_add_block(r, "(unreadable comment)", cm->problem);
			continue;
		}
		timefmt_local(cm->created_at, when, sizeof(when));
		char *label = xasprintf("%s, %s", cases_user_name(&cm->created_by), when);
		if (cm->type == CASE_COMMENT_ALERT) {
			char *ids = casefmt_join(cm->alert_ids, cm->n_alert_ids);
			char *text = xasprintf("alert %s%s%s", ids, cm->rule_name ? " from rule " : "",
					       cm->rule_name ? cm->rule_name : "");
			record_add_block(r, label, text);
			free(text);
			free(ids);
		} else {
			record_add_block(r, label, cm->comment ? cm->comment : casefmt_or_dash(cm->type_name));
		}
		free(label);
	}
}
