#include "config.h"
#include "demo/demo_spaces.h"
#include <string.h>

/* GET /api/spaces/space: a bare array, every space (get_all.ts in Kibana's spaces plugin). */
static void spaces_list(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const purposes[] = {"any", "copySavedObjectsIntoSpace", "shareSavedObjectsIntoSpace", NULL};
	struct demo_check c = {0};
	int purpose = demo_check_qenum(&c, req, "purpose", purposes, -1);
	bool authorized = demo_check_qbool(&c, req, "include_authorized_purposes", false);
	if (!c.err && purpose >= 0 && authorized)
		demo_check_fail(&c, "request query", "include_authorized_purposes", "expected value to equal [false]");
	if (demo_check_reply(&c, resp))
		return;
	json_t *out = json_pack("[{s:s, s:s, s:s, s:[], s:s, s:b}, {s:s, s:s, s:s, s:s, s:s, s:[s], s:s}]", "id", "default",
				"name", "Default", "description", "This is the Default Space", "disabledFeatures", "imageUrl",
				"", "_reserved", 1, "id", DEMO_SECOND_SPACE, "name", "SOC EU", "description",
				"European SOC shift", "color", "#aabbcc", "initials", "SE", "disabledFeatures", "apm",
				"solution", "security");
	if (authorized) {
		size_t i;
		json_t *s;
		json_array_foreach(out, i, s) {
			json_object_set_new(s, "authorizedPurposes",
					    json_pack("{s:b, s:b, s:b, s:b}", "any", 1, "copySavedObjectsIntoSpace", 1,
						      "findSavedObjects", 1, "shareSavedObjectsIntoSpace", 1));
		}
	}
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_space_routes[] = {
	{"GET", "/api/spaces/space", spaces_list, 0},
	{NULL, NULL, NULL, 0},
};
