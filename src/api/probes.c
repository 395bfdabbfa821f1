#include "config.h"
#include "api/probes.h"
#include <jansson.h>
#include <stdlib.h>

/*
 * Each read is the cheapest one of the feature's own API, so a 403 means the feature's privilege is missing and a
 * 404 that this Kibana has no such route (an older release, a disabled plugin or a license below the feature).
 * The seed document's operations are covered by the feature they belong to; those whose feature has no read in
 * the public API are listed unprobed, with the reason.
 */
const struct api_probe api_probes[] = {
	{"Cases", "Cases pane; cases, case show/status/severity/comment/push, alert cases", HTTP_GET,
	 "/api/cases/_find", "?perPage=1", NULL,
	 "Cases: Read (All to change cases) in the Security section of the role's Kibana privileges"},
	{"Connectors", "case push, connectors", HTTP_GET, "/api/actions/connectors", NULL, NULL,
	 "Actions and Connectors: Read (All to push) in Management"},
	{"Alerts", "Alerts pane; alerts, alert status, alert attach", HTTP_POST, "/api/detection_engine/signals/search",
	 NULL, "{\"size\": 0}",
	 "Security: Rules and Alerts Read (All to change statuses), and read on .alerts-security.alerts-<space>"},
	{"AI conversations", "Conversations pane; conversations, conversation show", HTTP_GET,
	 "/api/security_ai_assistant/current_user/conversations/_find", "?per_page=1", NULL,
	 "Elastic AI Assistant: Read in Security (an Enterprise license)"},
	{"Response actions", "Actions pane; actions, action show, endpoint suspend/isolate/release/processes", HTTP_GET,
	 "/api/endpoint/action", "?pageSize=1", NULL,
	 "Security: Response Actions History Read (and each action's own privilege to run it)"},
	{"Endpoints", "endpoints, the endpoint pickers", HTTP_GET, "/api/endpoint/metadata", "?pageSize=1", NULL,
	 "Security: Endpoint List Read"},
	{"Endpoint exceptions", "Exceptions pane; exceptions endpoint", HTTP_GET, "/api/endpoint_list/items/_find",
	 "?per_page=1", NULL, "Security: Endpoint Exceptions Read"},
	{"Dashboards", "dashboard delete", HTTP_GET, "/api/dashboards/dashboard", "?perPage=1", NULL,
	 "Analytics: Dashboard Read (All to delete)"},
	{"Fleet settings", "fleet server-hosts, fleet server-host create, fleet assets", HTTP_GET,
	 "/api/fleet/fleet_server_hosts", NULL, NULL, "Fleet: Settings Read (All to create hosts)"},
	{"Fleet agents", "fleet file delete", HTTP_GET, "/api/fleet/agents", "?perPage=1", NULL,
	 "Fleet: Agents Read (All to delete agents' files)"},
	{"Machine learning", "ml sync", HTTP_GET, "/api/ml/saved_objects/sync", "?simulate=true", NULL,
	 "Machine Learning: All (the sync needs canCreateJob), and a Platinum or trial license"},
	{"Entity store", "entity-engine init/start/stop", HTTP_GET, "/api/entity_store/engines", NULL, NULL,
	 "Security: Entity Analytics All, and the entity store's index privileges"},
	{"Value lists", "list delete", HTTP_GET, "/api/lists/_find", "?per_page=1", NULL,
	 "Security: Rules and Exceptions, and read on .lists-<space> and .items-<space>"},
	{"Notes", "note delete", HTTP_GET, "/api/note", "?perPage=1", NULL, "Security: Timeline and Notes Read"},
	{"Timelines", "timeline import", HTTP_GET, "/api/timelines", "?page_size=1", NULL,
	 "Security: Timeline Read (All to import)"},
	{"Risk engine", "risk-engine configure", HTTP_PUT, NULL, NULL, NULL,
	 "no read of its configuration in the public API"},
	{"Streams", "streams resync, streams group", HTTP_GET, NULL, NULL, NULL,
	 "the public API reads one group stream, by name"},
	{"Sessions", "sessions invalidate", HTTP_POST, NULL, NULL, NULL,
	 "superuser only, and no read shows it"},
	{NULL, NULL, HTTP_GET, NULL, NULL, NULL, NULL},
};

struct api_request *api_probe_request(const struct api_probe *p)
{
	struct api_request *req = api_request_new(p->method, p->path);
	if (p->query)
		api_request_set_query(req, p->query);
	if (p->body)
		api_request_set_json(req, json_loads(p->body, 0, NULL));
	return req;
}

struct api_request *api_space_request(const char *space)
{
	char *path = api_path("/api/spaces/space/{}", space && *space ? space : "default");
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	/* Spaces are named from outside any space. */
	req->global = true;
	return req;
}
