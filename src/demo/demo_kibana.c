#include "config.h"
#include "demo/demo_kibana.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A service status as /api/status words it. */
static json_t *service(const char *summary)
{
	return json_pack("{s:s, s:s, s:{}}", "level", "available", "summary", summary, "meta");
}

/*
 * GET /api/status in the v8 format (src/core/packages/status/server-internal/src/routes/status.ts): anyone
 * authenticated gets it whole; without credentials, only the overall level. 8.x has no version.build_flavor.
 */
static void status(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	if (req->anonymous) {
		demo_reply_json(resp, 200, json_pack("{s:{s:{s:s}}}", "status", "overall", "level", "available"));
		return;
	}
	char number[32];
	snprintf(number, sizeof(number), "%u.%u.0", d->kibana_major, d->kibana_minor);
	json_t *version = json_pack("{s:s, s:s, s:i, s:b, s:s}", "number", number, "build_hash",
				    "0ad2d0c0ffee5e2b3d9a0c1e4f5a6b7c8d9e0f1a", "build_number", 88301, "build_snapshot", 0,
				    "build_date", "2025-10-14T12:00:00.000Z");
	if (demo_data_kibana_at_least(d, 9, 0))
		json_object_set_new(version, "build_flavor", json_string("traditional"));
	json_t *out = json_pack("{s:s, s:s, s:o, s:{s:o, s:{s:o, s:o}, s:{s:o}}, s:{s:o, s:i, s:{s:i, s:i, s:i}}}",
				"name", "demo-kibana", "uuid", "5b2de169-2785-441b-ae8c-186a1936b17d", "version", version,
				"status", "overall", service("All services and plugins are available"), "core",
				"elasticsearch", service("Elasticsearch is available"), "savedObjects",
				service("SavedObjects service has completed migrations and is available"), "plugins",
				"cases", service("All dependencies are available"), "metrics", "last_updated",
				demo_json_iso(req->now_ms), "collection_interval_in_millis", 5000, "elasticsearch_client",
				"totalActiveSockets", 2, "totalIdleSockets", 8, "totalQueuedRequests", 0);
	demo_reply_json(resp, 200, out);
}

/* The spaces the demo has; requests under any other /s/<space> prefix still work, as the demo keeps one data set. */
static const struct {
	const char *id, *name, *initials;
} spaces[] = {{"default", "Default", "D"}, {"soc", "Security Operations", "SO"}};

static void space_get(struct demo_req *req, struct demo_resp *resp)
{
	for (size_t i = 0; i < sizeof(spaces) / sizeof(*spaces); i++) {
		if (strcmp(spaces[i].id, req->params[0]) != 0)
			continue;
		demo_reply_json(resp, 200, json_pack("{s:s, s:s, s:s, s:n, s:s, s:[], s:s, s:s}", "id", spaces[i].id,
						     "name", spaces[i].name, "description", "", "color", "initials",
						     spaces[i].initials, "disabledFeatures", "imageUrl", "", "solution",
						     "security"));
		return;
	}
	demo_reply_error(resp, 404, "Not Found");
}

static json_t *misc(struct demo_req *req, const char *key)
{
	return json_object_get(req->data->misc, key);
}

static void dashboards_list(struct demo_req *req, struct demo_resp *resp)
{
	json_t *items = json_array();
	size_t i;
	json_t *e;
	json_array_foreach(misc(req, "dashboards"), i, e) {
		json_array_append_new(items, json_pack("{s:O, s:s, s:{s:O, s:s, s:b}, s:[]}", "id", json_object_get(e, "id"),
						       "type", "dashboard", "attributes", "title",
						       json_object_get(e, "title"), "description", "", "timeRestore", 0,
						       "references"));
	}
	demo_reply_json(resp, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)json_array_size(items)));
}

/* Fleet's agents: the demo's endpoints run no separately listed agents, so the page is empty. */
static void fleet_agents(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 10000);
	long long per = demo_check_qint(&c, req, "perPage", 20, 0, 10000);
	if (demo_check_reply(&c, resp))
		return;
	demo_reply_json(resp, 200, json_pack("{s:[], s:i, s:I, s:I}", "items", "total", 0, "page", (json_int_t)page,
					     "perPage", (json_int_t)per));
}

static void engines_list(struct demo_req *req, struct demo_resp *resp)
{
	json_t *engines = json_array();
	const char *type;
	json_t *e;
	json_object_foreach(misc(req, "engines"), type, e) {
		json_array_append(engines, e);
	}
	demo_reply_json(resp, 200, json_pack("{s:I, s:o}", "count", (json_int_t)json_array_size(engines), "engines",
					     engines));
}

static void lists_find(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 10000);
	long long per = demo_check_qint(&c, req, "per_page", 20, 1, 10000);
	if (demo_check_reply(&c, resp))
		return;
	json_t *all = misc(req, "lists"), *data = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < json_array_size(all) && i < (size_t)(page * per); i++)
		json_array_append(data, json_array_get(all, i));
	demo_reply_json(resp, 200, json_pack("{s:o, s:I, s:I, s:I, s:s}", "data", data, "page", (json_int_t)page,
					     "per_page", (json_int_t)per, "total", (json_int_t)json_array_size(all),
					     "cursor", "WzBd"));
}

static void notes_list(struct demo_req *req, struct demo_resp *resp)
{
	json_t *notes = json_array();
	size_t i;
	json_t *id;
	json_array_foreach(misc(req, "notes"), i, id) {
		json_array_append_new(notes, json_pack("{s:O, s:s, s:s, s:s}", "noteId", id, "version", "WzEsMV0=", "note",
						       "Checked with the host owner.", "timelineId", "demo-timeline"));
	}
	demo_reply_json(resp, 200, json_pack("{s:o, s:I}", "notes", notes, "totalCount", (json_int_t)json_array_size(notes)));
}

static void timelines_list(struct demo_req *req, struct demo_resp *resp)
{
	json_t *timelines = json_array();
	size_t i;
	json_t *id;
	json_array_foreach(misc(req, "timelines"), i, id) {
		char title[48];
		snprintf(title, sizeof(title), "Investigation %zu", i + 1);
		json_array_append_new(timelines, json_pack("{s:O, s:s, s:s, s:s, s:s}", "savedObjectId", id, "version",
							   "WzEsMV0=", "title", title, "timelineType", "default", "status",
							   "active"));
	}
	demo_reply_json(resp, 200, json_pack("{s:o, s:I}", "timeline", timelines, "totalCount",
					     (json_int_t)json_array_size(timelines)));
}

const struct demo_route demo_kibana_routes[] = {
	{"GET", "/api/status", status, DEMO_R_AUTH_OPTIONAL},
	{"GET", "/api/spaces/space/{}", space_get, 0},
	{"GET", "/api/dashboards/dashboard", dashboards_list, 0},
	{"GET", "/api/fleet/agents", fleet_agents, 0},
	{"GET", "/api/entity_store/engines", engines_list, 0},
	{"GET", "/api/lists/_find", lists_find, 0},
	{"GET", "/api/note", notes_list, 0},
	{"GET", "/api/timelines", timelines_list, 0},
	{NULL, NULL, NULL, 0},
};
