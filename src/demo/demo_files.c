#include "config.h"
#include "demo/demo_files.h"
#include "core/xalloc.h"
#include "demo/demo_actions.h"
#include "demo/demo_agent.h"
#include "demo/demo_data.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

/* The action's kept file a request names, or NULL with the error Kibana answers. */
static struct demo_kept *requested_file(struct demo_req *req, struct demo_resp *resp, json_t **action)
{
	struct demo_data *d = req->data;
	const char *aid = req->params[0], *fid = req->params[1];
	demo_actions_settle(d, req->now_ms);
	json_t *a = demo_action_find(d, aid);
	if (!a) {
		demo_reply_error(resp, 404, "Action with id '%s' not found.", aid);
		return NULL;
	}
	/* COMMANDS_WITH_ACCESS_TO_FILES (server/endpoint/routes/actions/utils.ts): get-file and execute, on Defend. */
	const char *cmd = demo_jstr(a, "command");
	if (strcmp(cmd, "get-file") != 0 && strcmp(cmd, "execute") != 0) {
		demo_reply_error(resp, 400, "Response action [%s] for agent type [endpoint] does not support file downloads",
				 cmd);
		return NULL;
	}
	/* get_file_download_id.ts: "<action id>.<agent id>", for an agent the action went to. */
	size_t al = strlen(aid);
	bool ours = strncmp(fid, aid, al) == 0 && fid[al] == '.';
	bool agent = false;
	size_t i;
	json_t *ag;
	json_array_foreach(json_object_get(a, "agents"), i, ag) {
		agent = agent || (ours && !strcmp(json_string_value(ag), fid + al + 1));
	}
	if (!agent) {
		demo_reply_error(resp, 400, "Invalid file id [%s] for action [%s]", fid, aid);
		return NULL;
	}
	struct demo_kept *k = demo_kept_find(d, fid);
	if (!k)
		demo_reply_error(resp, 404, "File with id [%s] not found", fid);
	*action = a;
	return k;
}

/* file_info_handler.ts: {data: UploadedFileInfo}. */
static void file_info(struct demo_req *req, struct demo_resp *resp)
{
	json_t *a = NULL;
	struct demo_kept *k = requested_file(req, resp, &a);
	if (!k)
		return;
	json_t *info = json_pack("{s:s, s:s, s:s, s:I, s:s, s:o, s:s, s:s, s:s}", "id", k->id, "name", k->name, "mimeType",
				 "application/zip", "size", (json_int_t)k->len, "status", "READY", "created",
				 demo_json_iso(k->created_ms), "actionId", k->action_id, "agentId", k->agent_id, "agentType",
				 "endpoint");
	demo_reply_json(resp, 200, json_pack("{s:o}", "data", info));
}

/* file_download_handler.ts: the zip itself, as application/octet-stream. */
static void file_download(struct demo_req *req, struct demo_resp *resp)
{
	json_t *a = NULL;
	struct demo_kept *k = requested_file(req, resp, &a);
	if (k)
		demo_reply_file(resp, k->name, k->data, k->len);
}

const struct demo_route demo_file_routes[] = {
	{"GET", "/api/endpoint/action/{}/file/{}", file_info, DEMO_R_WRITES},
	{"GET", "/api/endpoint/action/{}/file/{}/download", file_download, DEMO_R_WRITES},
	{NULL, NULL, NULL, 0},
};
