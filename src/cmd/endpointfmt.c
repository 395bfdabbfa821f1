#include "config.h"
#include "cmd/endpointfmt.h"
#include "api/endpoints.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *endpointfmt_id(const void *row)
{
	return ((const struct endpoint_host *)row)->agent_id;
}

static void endpointfmt_clear(void *row)
{
	endpoints_host_clear(row);
}

static void endpointfmt_copy(void *dst, const void *src)
{
	endpoints_host_copy(dst, src);
}

const struct rowset_kind endpointfmt_rows = {sizeof(struct endpoint_host), endpointfmt_clear, endpointfmt_id,
					     endpointfmt_copy};

static const struct query_field endpointfmt_fields[] = {
	{"status", "status", QUERY_STRV, offsetof(struct endpoints_query, statuses),
	 offsetof(struct endpoints_query, n_statuses)},
	{"os", "os", QUERY_STR, offsetof(struct endpoints_query, os), 0},
	{"search", "kuery", QUERY_STR, offsetof(struct endpoints_query, kuery), 0},
	{"sort-field", NULL, QUERY_STR, offsetof(struct endpoints_query, sort), 0},
	{"sort-order", NULL, QUERY_STR, offsetof(struct endpoints_query, order), 0},
	{NULL, NULL, 0, 0, 0},
};

/* Kibana's own sort first: what a list without --sort-field gets (enrolled_at desc). */
static const char *const endpointfmt_sorts[] = {"enrolled", "name", "last-seen", "status", "os", "policy", NULL};
static const char *const endpointfmt_sort_labels[] = {"enrolled", "host", "last seen", "status", "os", "policy", NULL};
static const char *const endpointfmt_views[] = {"healthy", "unhealthy", "offline", "updating", "inactive", NULL};

const struct query_desc endpointfmt_query = {
	.command = "endpoints",
	.size = sizeof(struct endpoints_query),
	.fields = endpointfmt_fields,
	.defaults = "--sort-field name --sort-order asc",
	.sort_arg = "sort-field",
	.sorts = endpointfmt_sorts,
	.sort_labels = endpointfmt_sort_labels,
	.order_arg = "sort-order",
	.cycle_arg = "status",
	.cycle = endpointfmt_views,
};

const char *endpointfmt_isolation(const struct endpoint_host *h)
{
	if (h->isolation_wanted != h->isolated)
		return h->isolation_wanted ? "isolating" : "releasing";
	return h->isolated ? "isolated" : "no";
}

static void col_text(struct strbuf *out, const char *s)
{
	if (s)
		strbuf_puts(out, s);
}

static void col_id(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->agent_id);
}

static void col_host(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->hostname);
}

static void col_os(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->os);
}

static void col_status(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->status);
}

static void col_isolation(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, endpointfmt_isolation(row));
}

static void col_policy(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->policy);
}

static void col_policy_status(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->policy_status);
}

static void col_seen(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct endpoint_host *h = row;
	char buf[64];
	if (!h->last_checkin)
		return;
	if (cx->batch)
		timefmt_local(h->last_checkin, buf, sizeof(buf));
	else
		timefmt_relative(h->last_checkin, (time_t)cx->now, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

static void col_ip(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	col_text(out, ((const struct endpoint_host *)row)->ip);
}

const struct column endpointfmt_columns[] = {
	{"ENDPOINT ID", col_id, 8, 0, 0, 2, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{"HOST", col_host, 8, 0, 5, 10, 0, COLUMN_NAME},
	{"OS", col_os, 6, 34, 2, 5, 0, COLUMN_PLAIN},
	{"STATUS", col_status, 6, 10, 0, 9, 0, COLUMN_STATUS},
	{"ISOLATED", col_isolation, 8, 9, 0, 8, 0, COLUMN_PLAIN},
	{"POLICY", col_policy, 6, 24, 1, 4, 0, COLUMN_PLAIN},
	{"POLICY STATUS", col_policy_status, 7, 13, 0, 3, 0, COLUMN_STATUS},
	{"LAST SEEN", col_seen, 8, 19, 0, 7, 0, COLUMN_DIM},
	{"IP", col_ip, 7, 0, 3, 6, 0, COLUMN_DIM},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

void endpointfmt_record(struct record *r, const struct endpoint_host *h)
{
	char when[64];
	record_add_section(r, h->hostname ? h->hostname : h->agent_id);
	record_add(r, "endpoint id", h->agent_id);
	record_add(r, "status", h->status);
	record_add(r, "isolation", endpointfmt_isolation(h));
	record_add(r, "os", h->os);
	record_add(r, "ip", h->ip && *h->ip ? h->ip : NULL);
	if (h->mac && *h->mac)
		record_add(r, "mac", h->mac);
	if (h->last_checkin) {
		timefmt_local(h->last_checkin, when, sizeof(when));
		record_add(r, "last seen", when);
	}
	record_addf(r, "agent", "%s %s", h->agent_type ? h->agent_type : "endpoint",
		    h->agent_version ? h->agent_version : "");
	if (h->policy)
		record_addf(r, "policy", "%s (%s)", h->policy, h->policy_status ? h->policy_status : "status unknown");
	else
		record_add(r, "policy", NULL);
	if (h->has_capabilities) {
		struct strbuf sb;
		strbuf_init(&sb);
		for (size_t i = 0; i < h->n_capabilities; i++)
			strbuf_printf(&sb, "%s%s", i ? ", " : "", h->capabilities[i]);
		record_add(r, "capabilities", sb.len ? sb.buf : "none");
		strbuf_free(&sb);
	}
}
