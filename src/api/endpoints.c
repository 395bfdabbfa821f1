#include "config.h"
#include "api/endpoints.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include <stdlib.h>
#include <string.h>

const char *const endpoints_status_names[] = {"healthy", "offline", "updating", "inactive", "unenrolled", NULL};

struct api_request *endpoints_list_request(const struct endpoints_query *q)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/endpoint/metadata");
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add_int(&qs, "page", q->page > 0 ? q->page : 0);
	if (q->page_size > 0)
		urlenc_query_add_int(&qs, "pageSize",
				     q->page_size > ENDPOINTS_MAX_PAGE_SIZE ? ENDPOINTS_MAX_PAGE_SIZE : q->page_size);
	urlenc_query_add(&qs, "kuery", q->kuery && *q->kuery ? q->kuery : NULL);
	/* Kibana defaults hostStatuses to [] (no filter); an empty array cannot be written in a query string. */
	for (size_t i = 0; i < q->n_statuses; i++)
		urlenc_query_add(&qs, "hostStatuses", q->statuses[i]);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &endpoints_page_model);
	return req;
}

struct api_request *endpoints_lookup_request(const char *agent_id)
{
	struct strbuf k;
	strbuf_init(&k);
	strbuf_puts(&k, "united.endpoint.agent.id:\"");
	for (const char *p = agent_id; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_putc(&k, '\\');
		strbuf_putc(&k, *p);
	}
	strbuf_putc(&k, '"');
	struct endpoints_query q = {.page = 0, .page_size = 10, .kuery = k.buf};
	struct api_request *req = endpoints_list_request(&q);
	strbuf_free(&k);
	return req;
}

/* metadata.host.ip is an array of addresses in Defend's documents; accept a single string too. */
static char *endpoints_ips(json_t *host)
{
	json_t *ip = json_object_get(host, "ip");
	if (json_is_string(ip))
		return kjson_text(ip);
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *v;
	json_array_foreach(ip, i, v) {
		if (json_is_string(v))
			strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", json_string_value(v));
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
	h->last_checkin = kjson_str(r, j, "last_checkin", KJ_OPT);
	if (!meta)
		return;
	json_t *agent = kjson_obj(r, meta, "agent", KJ_REQ);
	if (agent) {
		h->agent_id = kjson_str(r, agent, "id", KJ_REQ);
		h->agent_version = kjson_str(r, agent, "version", KJ_OPT);
	}
	json_t *host = kjson_obj(r, meta, "host", KJ_OPT);
	if (host) {
		h->hostname = endpoints_text(host, "hostname");
		if (!h->hostname)
			h->hostname = endpoints_text(host, "name");
		h->os = endpoints_text(host, "os.full");
		if (!h->os)
			h->os = endpoints_text(host, "os.name");
		h->ip = endpoints_ips(host);
	}
	h->policy = endpoints_text(meta, "Endpoint.policy.applied.name");
	h->isolated = json_is_true(kjson_path(meta, "Endpoint.state.isolation"));
}

static void endpoints_host_clear(struct endpoint_host *h)
{
	free(h->agent_id);
	free(h->hostname);
	free(h->os);
	free(h->ip);
	free(h->status);
	free(h->last_checkin);
	free(h->agent_version);
	free(h->policy);
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

const struct endpoint_host *endpoints_find(const struct endpoint_page *p, const char *agent_id)
{
	for (size_t i = 0; p && i < p->n; i++)
		if (p->items[i].agent_id && strcmp(p->items[i].agent_id, agent_id) == 0)
			return &p->items[i];
	return NULL;
}
