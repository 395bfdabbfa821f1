#include "config.h"
#include "api/fleet_hosts.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct api_request *fleet_hosts_list_request(void)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/fleet/fleet_server_hosts");
	api_request_set_model(req, &fleet_hosts_list_model);
	return req;
}

static void fleet_hosts_host_clear(struct fleet_host *h)
{
	free(h->problem);
	free(h->id);
	free(h->name);
	kjson_strv_free(h->urls, h->n_urls);
	free(h->proxy_id);
	memset(h, 0, sizeof(*h));
}

/* One host: the id is what it is known by; the rest is shown as it came. */
static void fleet_hosts_host_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct fleet_host *h = elem;
	if (!json_is_object(v)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
		return;
	}
	h->id = kjson_str(r, v, "id", KJ_REQ);
	h->name = kjson_str(r, v, "name", KJ_ANY);
	kjson_strv(r, v, "host_urls", KJ_ANY, &h->urls, &h->n_urls);
	h->is_default = kjson_bool(r, v, "is_default", KJ_ANY, false);
	h->is_internal = kjson_bool(r, v, "is_internal", KJ_ANY, false);
	h->is_preconfigured = kjson_bool(r, v, "is_preconfigured", KJ_ANY, false);
	h->proxy_id = kjson_str(r, v, "proxy_id", KJ_ANY);
	h->has_ssl = kjson_obj(r, v, "ssl", KJ_ANY) != NULL;
}

static void fleet_hosts_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct fleet_host_list *l = out;
	json_t *items = kjson_arr(r, j, "items", KJ_REQ);
	l->page = kjson_int(r, j, "page", KJ_ANY, 0);
	l->per_page = kjson_int(r, j, "perPage", KJ_ANY, 0);
	if (items)
		l->items = kjson_read_rows(items, "fleet server hosts.items", sizeof(*l->items), fleet_hosts_host_read,
					   offsetof(struct fleet_host, problem), &l->n, &l->bad);
	l->total = kjson_int(r, j, "total", KJ_ANY, (long long)l->n);
}

static void fleet_hosts_list_clear(void *out)
{
	struct fleet_host_list *l = out;
	for (size_t i = 0; i < l->n; i++)
		fleet_hosts_host_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel fleet_hosts_list_model = {
	.what = "fleet server hosts",
	.size = sizeof(struct fleet_host_list),
	.read = fleet_hosts_list_read,
	.clear = fleet_hosts_list_clear,
};

char *fleet_hosts_check_url(const char *url)
{
	size_t skip = strncmp(url, "https://", 8) == 0 ? 8 : strncmp(url, "http://", 7) == 0 ? 7 : 0;
	if (!skip)
		return xasprintf("\"%s\" is not an http:// or https:// URL (e.g. https://fleet.example.com:8220)", url);
	if (!url[skip] || url[skip] == '/' || url[skip] == ':')
		return xasprintf("\"%s\" has no host name", url);
	if (strpbrk(url, " \t\r\n"))
		return xasprintf("\"%s\" contains white space", url);
	return NULL;
}

struct api_request *fleet_hosts_create_request(const struct fleet_host_new *h)
{
	json_t *urls = json_array();
	for (size_t i = 0; i < h->n_urls; i++)
		json_array_append_new(urls, json_string(h->urls[i]));
	json_t *body = json_pack("{s:s, s:o, s:b}", "name", h->name, "host_urls", urls, "is_default", h->is_default);
	if (h->proxy_id)
		json_object_set_new(body, "proxy_id", json_string(h->proxy_id));
	if (h->id)
		json_object_set_new(body, "id", json_string(h->id));
	if (h->ssl)
		json_object_set_new(body, "ssl", h->ssl);
	struct api_request *req = api_request_new(HTTP_POST, "/api/fleet/fleet_server_hosts");
	api_request_set_json(req, body);
	api_request_set_model(req, &fleet_hosts_host_model);
	return req;
}

/* The created host comes as {item: ...}. */
static void fleet_hosts_item_read(struct kjson_reader *r, json_t *j, void *out)
{
	json_t *item = kjson_obj(r, j, "item", KJ_REQ);
	if (item) {
		kjson_reader_at(r, "fleet server host.item");
		fleet_hosts_host_read(r, item, out);
	}
}

static void fleet_hosts_item_clear(void *out)
{
	fleet_hosts_host_clear(out);
}

const struct kmodel fleet_hosts_host_model = {
	.what = "fleet server host",
	.size = sizeof(struct fleet_host),
	.read = fleet_hosts_item_read,
	.clear = fleet_hosts_item_clear,
};
