/* Demo hosts and the endpoint metadata API (GET /api/endpoint/metadata). */
#ifndef KT_DEMO_ENDPOINT_H
#define KT_DEMO_ENDPOINT_H
#include "demo/demo_http.h"
#include <jansson.h>

struct demo_data;
struct demo_host;

/* Make the hosts: n_endpoints Elastic Defend endpoints plus a few hosts without Defend. */
void demo_hosts_generate(struct demo_data *d, unsigned n_endpoints);
/* Free the hosts and their processes. */
void demo_hosts_free(struct demo_data *d);
/* The host_status word of a host ("healthy", "offline", ...). */
const char *demo_host_status_name(int status);
/* A host's HostInfo object as the metadata API returns it. */
json_t *demo_host_info(const struct demo_data *d, const struct demo_host *h);

/* Routes of the endpoint metadata API. */
extern const struct demo_route demo_endpoint_routes[];

#endif
