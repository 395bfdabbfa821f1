/* Endpoints: GET /api/endpoint/metadata (Elastic Defend hosts) as typed rows. */
#ifndef KT_ENDPOINTS_H
#define KT_ENDPOINTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Host statuses the list can be filtered by, NULL-terminated. */
extern const char *const endpoints_status_names[];
/* Largest pageSize the contract allows. */
#define ENDPOINTS_MAX_PAGE_SIZE 10000

/* One endpoint host (a HostInfo). */
struct endpoint_host {
	char *agent_id;       /* metadata.agent.id: what response actions take as an endpoint id */
	char *hostname;       /* metadata.host.hostname (else host.name) */
	char *os;             /* metadata.host.os.full (else os.name) */
	char *ip;             /* metadata.host.ip, joined with ", " */
	char *status;         /* host_status: healthy, offline, updating, inactive, unenrolled, unhealthy */
	char *last_checkin;
	char *agent_version;  /* metadata.agent.version */
	char *policy;         /* metadata.Endpoint.policy.applied.name */
	bool isolated;        /* metadata.Endpoint.state.isolation */
};

/* One page of the list. */
struct endpoint_page {
	struct endpoint_host *items;
	size_t n;
	long long page, page_size, total;
};

/* Filters and paging; NULL/0 fields are left out. */
struct endpoints_query {
	long page;                       /* from 0, as Kibana counts */
	long page_size;
	const char *kuery;               /* KQL */
	const char *const *statuses;     /* hostStatuses, any of */
	size_t n_statuses;
};

/* GET /api/endpoint/metadata. */
struct api_request *endpoints_list_request(const struct endpoints_query *q);
/* GET /api/endpoint/metadata narrowed by KQL to the endpoint with this agent id. */
struct api_request *endpoints_lookup_request(const char *agent_id);
/* The list: a struct endpoint_page. */
extern const struct kmodel endpoints_page_model;
/* The host with this agent id in a page, or NULL. */
const struct endpoint_host *endpoints_find(const struct endpoint_page *p, const char *agent_id);

#endif
