/* Endpoints: GET /api/endpoint/metadata (Elastic Defend hosts) as typed rows, and one host by id. */
#ifndef KT_ENDPOINTS_H
#define KT_ENDPOINTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/*
 * Host statuses the list can be filtered by, NULL-terminated: the literals of Kibana's query
 * schema (list_metadata.ts). The spec lists "unenrolled" instead of "unhealthy"; Kibana refuses
 * "unenrolled" with 400 and accepts "unhealthy".
 */
extern const char *const endpoints_status_names[];
/* Operating systems the list can be narrowed to (--os), NULL-terminated. */
extern const char *const endpoints_os_names[];
/* Sort fields, NULL-terminated: short names the API layer turns into Kibana's sortField values. */
extern const char *const endpoints_sort_names[];
/* Largest pageSize the contract allows. */
#define ENDPOINTS_MAX_PAGE_SIZE 10000

/* One endpoint host (a HostInfo). */
struct endpoint_host {
	char *agent_id;       /* metadata.agent.id: what response actions take as an endpoint id */
	char *hostname;       /* metadata.host.hostname (else host.name) */
	char *os;             /* metadata.host.os.full (else os.name) */
	char *os_name;        /* metadata.host.os.name: Windows, Linux, macOS */
	char *ip;             /* metadata.host.ip, joined with ", " */
	char *mac;            /* metadata.host.mac, joined with ", " */
	char *status;         /* host_status: healthy, offline, updating, inactive, unhealthy (unenrolled on some versions) */
	char *last_checkin;   /* last_checkin, else metadata.@timestamp (older Kibanas) */
	char *agent_version;  /* metadata.agent.version */
	char *agent_type;     /* metadata.agent.type ("endpoint") */
	char *policy;         /* metadata.Endpoint.policy.applied.name */
	char *policy_status;  /* metadata.Endpoint.policy.applied.status: success, warning, failure */
	bool isolated;        /* metadata.Endpoint.state.isolation: the host is cut off now */
	bool isolation_wanted; /* metadata.Endpoint.configuration.isolation: what was asked (differs while pending) */
	char **capabilities;  /* metadata.Endpoint.capabilities: the response actions the agent can run */
	size_t n_capabilities;
	bool has_capabilities; /* the agent reported its capabilities (older agents do not) */
};

/* One page of the list. */
struct endpoint_page {
	struct endpoint_host *items;
	size_t n;
	long long page, page_size, total;
};

/* Filters, sort and paging; NULL/0 fields are left out. */
struct endpoints_query {
	long page;                       /* from 0, as Kibana counts */
	long page_size;
	const char *kuery;               /* KQL */
	const char *const *statuses;     /* hostStatuses, any of endpoints_status_names */
	size_t n_statuses;
	const char *os;                  /* one of endpoints_os_names, added to kuery */
	const char *sort;                /* one of endpoints_sort_names */
	const char *order;               /* asc or desc */
};

/* GET /api/endpoint/metadata. */
struct api_request *endpoints_list_request(const struct endpoints_query *q);
/* GET /api/endpoint/metadata narrowed by KQL to the endpoint with this agent id. */
struct api_request *endpoints_lookup_request(const char *agent_id);
/* GET /api/endpoint/metadata narrowed by KQL to hosts with this host name. */
struct api_request *endpoints_by_name_request(const char *hostname);
/* GET /api/endpoint/metadata/{id}: one host (a bare HostInfo). */
struct api_request *endpoints_get_request(const char *agent_id);
/* The list: a struct endpoint_page. */
extern const struct kmodel endpoints_page_model;
/* One host: a struct endpoint_host. */
extern const struct kmodel endpoints_host_model;
/* The host with this agent id in a page, or NULL. */
const struct endpoint_host *endpoints_find(const struct endpoint_page *p, const char *agent_id);
/* Free what a host holds and zero it. */
void endpoints_host_clear(struct endpoint_host *h);
/* A deep copy of src into a zeroed dst. */
void endpoints_host_copy(struct endpoint_host *dst, const struct endpoint_host *src);
/* True when the host reported the capability ("kill_process"), or reported none at all. */
bool endpoints_can(const struct endpoint_host *h, const char *capability);

#endif
