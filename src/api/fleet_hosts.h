/* Fleet Server hosts: GET and POST /api/fleet/fleet_server_hosts. */
#ifndef KT_FLEET_HOSTS_H
#define KT_FLEET_HOSTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One Fleet Server host; only id is sure. */
struct fleet_host {
	char *id;
	char *name;             /* may be NULL */
	char **urls;            /* host_urls (Kibana requires one; shown as they came) */
	size_t n_urls;
	bool is_default;
	bool is_internal;
	bool is_preconfigured;
	char *proxy_id;         /* may be NULL */
	bool has_ssl;           /* an ssl object came with it */
	char *problem;          /* why this host could not be read, or NULL */
};

/* The list, with Kibana's paging numbers. */
struct fleet_host_list {
	struct fleet_host *items;
	size_t n;
	long long total, page, per_page;
	size_t bad;             /* hosts that could not be read */
};

/* A host to create; NULL/0 fields are left out. */
struct fleet_host_new {
	const char *name;
	const char *const *urls;
	size_t n_urls;
	bool is_default;
	const char *proxy_id;
	const char *id;          /* a chosen id, or NULL for Kibana's */
	json_t *ssl;             /* the seed document's ssl object (stolen), or NULL */
};

/* GET /api/fleet/fleet_server_hosts. */
struct api_request *fleet_hosts_list_request(void);
/* The list: a struct fleet_host_list. */
extern const struct kmodel fleet_hosts_list_model;
/* NULL when url can be a Fleet Server host URL (http or https with a host), else what to fix. */
char *fleet_hosts_check_url(const char *url);
/* POST /api/fleet/fleet_server_hosts. */
struct api_request *fleet_hosts_create_request(const struct fleet_host_new *h);
/* The created host ({item: ...}): a struct fleet_host. */
extern const struct kmodel fleet_hosts_host_model;

#endif
