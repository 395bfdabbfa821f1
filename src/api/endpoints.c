#include "config.h"
#include "api/endpoints.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/*
 * x-pack/solutions/security/plugins/security_solution/common/api/endpoint/metadata/list_metadata.ts:
 * hostStatuses is arrayOf(oneOf(healthy, offline, updating, unhealthy, inactive)).
 */
const char *const endpoints_status_names[] = {"healthy", "offline", "updating", "unhealthy", "inactive", NULL};

const char *const endpoints_os_names[] = {"windows", "linux", "macos", NULL};
/* metadata.host.os.name as Elastic Defend reports it, in the order of endpoints_os_names. */
static const char *const endpoints_os_values[] = {"Windows", "Linux", "macOS", NULL};

const char *const endpoints_sort_names[] = {"name", "status", "os", "policy", "policy-status", "ip", "version",
					    "last-seen", "enrolled", NULL};
/* Kibana's sortField values (the spec's enum), in the order of endpoints_sort_names. */
static const char *const endpoints_sort_fields[] = {
	"metadata.host.hostname", "host_status", "metadata.host.os.name", "metadata.Endpoint.policy.applied.name",
	"metadata.Endpoint.policy.applied.status", "metadata.host.ip", "metadata.agent.version", "last_checkin",
	"enrolled_at", NULL,
};

static const char *endpoints_map(const char *const *names, const char *const *values, const char *name)
{
	for (size_t i = 0; name && names[i]; i++)
		if (!strcmp(names[i], name))
			return values[i];
	return NULL;
}

/* A KQL string literal: "value" with quotes and backslashes escaped. */
static void endpoints_kql_value(struct strbuf *k, const char *value)
{
	strbuf_putc(k, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_putc(k, '\\');
		strbuf_putc(k, *p);
	}
	strbuf_putc(k, '"');
}

struct api_request *endpoints_list_request(const struct endpoints_query *q)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/endpoint/metadata");
	struct strbuf qs, kuery;
	strbuf_init(&qs);
	strbuf_init(&kuery);
	urlenc_query_add_int(&qs, "page", q->page > 0 ? q->page : 0);
	if (q->page_size > 0)
		urlenc_query_add_int(&qs, "pageSize",
				     q->page_size > ENDPOINTS_MAX_PAGE_SIZE ? ENDPOINTS_MAX_PAGE_SIZE : q->page_size);
	const char *os = endpoints_map(endpoints_os_names, endpoints_os_values, q->os);
	bool text = q->kuery && *q->kuery;
	/* The OS narrows whatever the text filter says: (text) and os; the "united" index holds the host. */
	if (text)
		strbuf_printf(&kuery, os ? "(%s)" : "%s", q->kuery);
	if (os) {
		strbuf_puts(&kuery, text ? " and united.endpoint.host.os.name:" : "united.endpoint.host.os.name:");
		endpoints_kql_value(&kuery, os);
	}
	urlenc_query_add(&qs, "kuery", kuery.len ? kuery.buf : NULL);
	/*
	 * config-schema's arrayOf takes a lone string as JSON text
	 * (src/platform/packages/shared/kbn-config-schema/src/internals/index.ts, the array type's coerce),
	 * so hostStatuses=healthy is refused with 400 "could not parse array value from json input".
	 * One JSON array serves one status or many. Left out, Kibana filters on none.
	 */
	if (q->n_statuses) {
		json_t *a = json_array();
		for (size_t i = 0; i < q->n_statuses; i++)
			json_array_append_new(a, json_string(q->statuses[i]));
		char *text_a = json_dumps(a, JSON_COMPACT);
		urlenc_query_add(&qs, "hostStatuses", text_a);
		free(text_a);
		json_decref(a);
	}
	const char *sort = endpoints_map(endpoints_sort_names, endpoints_sort_fields, q->sort);
	urlenc_query_add(&qs, "sortField", sort);
	if (q->order && (!strcmp(q->order, "asc") || !strcmp(q->order, "desc")))
		urlenc_query_add(&qs, "sortDirection", q->order);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	strbuf_free(&kuery);
	api_request_set_model(req, &endpoints_page_model);
	return req;
}

/* The list narrowed to hosts whose field is exactly value. */
static struct api_request *endpoints_where(const char *field, const char *value)
{
	struct strbuf k;
	strbuf_init(&k);
	strbuf_printf(&k, "%s:", field);
	endpoints_kql_value(&k, value);
	struct endpoints_query q = {.page = 0, .page_size = 10, .kuery = k.buf};
	struct api_request *req = endpoints_list_request(&q);
	strbuf_free(&k);
	return req;
}

struct api_request *endpoints_lookup_request(const char *agent_id)
{
	return endpoints_where("united.endpoint.agent.id", agent_id);
}

struct api_request *endpoints_by_name_request(const char *hostname)
{
	return endpoints_where("united.endpoint.host.hostname", hostname);
}

struct api_request *endpoints_get_request(const char *agent_id)
{
	char *path = api_path("/api/endpoint/metadata/{}", agent_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &endpoints_host_model);
	return req;
}

/* metadata.host.ip and .mac are arrays in Defend's documents; accept a single string too. */
static char *endpoints_list_text(json_t *host, const char *key)
{
	json_t *v = json_object_get(host, key);
	if (json_is_string(v))
		return kjson_text(v);
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		if (json_is_string(e))
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", json_string_value(e));
	}
	return strbuf_detach(&sb, NULL);
}

static char *endpoints_text(json_t *obj, const char *dotted)
{
	json_t *v = kjson_path(obj, dotted);
	return json_is_string(v) ? kjson_text(v) : NULL;
}

static void endpoints_read(struct kjson_reader *r, json_t *j, void *elem)
{
	struct endpoint_host *h = elem;
	memset(h, 0, sizeof(*h));
	/* The contract leaves this body open: Kibana's HostInfo type says what is always there. */
	json_t *meta = kjson_obj(r, j, "metadata", KJ_REQ);
	h->status = kjson_str(r, j, "host_status", KJ_REQ);
	h->last_checkin = kjson_str(r, j, "last_checkin", KJ_OPT_NULLABLE);
	if (!meta)
		return;
	json_t *agent = kjson_obj(r, meta, "agent", KJ_REQ);
	if (agent) {
		h->agent_id = kjson_str(r, agent, "id", KJ_REQ);
		h->agent_version = endpoints_text(agent, "version");
		h->agent_type = endpoints_text(agent, "type");
	}
	/* last_checkin is newer than HostInfo: older Kibanas give only the document's time. */
	if (!h->last_checkin)
		h->last_checkin = endpoints_text(meta, "@timestamp");
	json_t *host = kjson_obj(r, meta, "host", KJ_OPT);
	if (host) {
		h->hostname = endpoints_text(host, "hostname");
		if (!h->hostname)
			h->hostname = endpoints_text(host, "name");
		h->os = endpoints_text(host, "os.full");
		h->os_name = endpoints_text(host, "os.name");
		if (!h->os && h->os_name)
			h->os = xstrdup(h->os_name);
		h->ip = endpoints_list_text(host, "ip");
		h->mac = endpoints_list_text(host, "mac");
	}
	h->policy = endpoints_text(meta, "Endpoint.policy.applied.name");
	h->policy_status = endpoints_text(meta, "Endpoint.policy.applied.status");
	h->isolated = json_is_true(kjson_path(meta, "Endpoint.state.isolation"));
	json_t *wanted = kjson_path(meta, "Endpoint.configuration.isolation");
	h->isolation_wanted = json_is_boolean(wanted) ? json_is_true(wanted) : h->isolated;
	json_t *caps = kjson_path(meta, "Endpoint.capabilities");
	if (json_is_array(caps)) {
		h->has_capabilities = true;
		size_t i;
		json_t *c;
		h->capabilities = xcalloc(json_array_size(caps) + 1, sizeof(char *));
		json_array_foreach(caps, i, c) {
			if (json_is_string(c))
				h->capabilities[h->n_capabilities++] = kjson_text(c);
		}
	}
}

void endpoints_host_clear(struct endpoint_host *h)
{
	free(h->agent_id);
	free(h->hostname);
	free(h->os);
	free(h->os_name);
	free(h->ip);
	free(h->mac);
	free(h->status);
	free(h->last_checkin);
	free(h->agent_version);
	free(h->agent_type);
	free(h->policy);
	free(h->policy_status);
	kjson_strv_free(h->capabilities, h->n_capabilities);
	memset(h, 0, sizeof(*h));
}

void endpoints_host_copy(struct endpoint_host *dst, const struct endpoint_host *src)
{
	*dst = *src;
	char **fields[] = {&dst->agent_id, &dst->hostname, &dst->os, &dst->os_name, &dst->ip, &dst->mac, &dst->status,
			   &dst->last_checkin, &dst->agent_version, &dst->agent_type, &dst->policy, &dst->policy_status};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		*fields[i] = *fields[i] ? xstrdup(*fields[i]) : NULL;
	dst->capabilities = NULL;
	if (src->capabilities) {
		dst->capabilities = xcalloc(src->n_capabilities + 1, sizeof(char *));
		for (size_t i = 0; i < src->n_capabilities; i++)
			dst->capabilities[i] = xstrdup(src->capabilities[i]);
	}
}

bool endpoints_can(const struct endpoint_host *h, const char *capability)
{
	if (!h->has_capabilities)
		return true;
	for (size_t i = 0; i < h->n_capabilities; i++)
		if (!strcmp(h->capabilities[i], capability))
			return true;
	return false;
}

static void endpoints_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct endpoint_page *p = out;
	p->total = kjson_int(r, j, "total", KJ_REQ, 0);
	p->page = kjson_int(r, j, "page", KJ_OPT, 0);
	p->page_size = kjson_int(r, j, "pageSize", KJ_OPT, 0);
	json_t *a = kjson_arr(r, j, "data", KJ_REQ);
	if (!r->err && a)
		p->items = kjson_read_array(r, a, "endpoint metadata list.data", sizeof(*p->items), endpoints_read, &p->n);
}

static void endpoints_page_clear(void *out)
{
	struct endpoint_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		endpoints_host_clear(&p->items[i]);
	free(p->items);
	memset(p, 0, sizeof(*p));
}

const struct kmodel endpoints_page_model = {
	.what = "endpoint metadata list",
	.size = sizeof(struct endpoint_page),
	.read = endpoints_page_read,
	.clear = endpoints_page_clear,
};

/*
 * GET /api/endpoint/metadata/{id} answers a bare HostInfo, where the list wraps them in data
 * (server/endpoint/routes/metadata/handlers.ts, getMetadataRequestHandler).
 */
static void endpoints_host_read(struct kjson_reader *r, json_t *j, void *out)
{
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	endpoints_read(r, j, out);
}

static void endpoints_host_clear_model(void *out)
{
	endpoints_host_clear(out);
}

const struct kmodel endpoints_host_model = {
	.what = "endpoint metadata",
	.size = sizeof(struct endpoint_host),
	.read = endpoints_host_read,
	.clear = endpoints_host_clear_model,
};

const struct endpoint_host *endpoints_find(const struct endpoint_page *p, const char *agent_id)
{
	for (size_t i = 0; p && i < p->n; i++)
		if (p->items[i].agent_id && strcmp(p->items[i].agent_id, agent_id) == 0)
			return &p->items[i];
	return NULL;
}
