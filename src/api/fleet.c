#include "config.h"
#include "api/fleet.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct api_request *fleet_file_delete_request(const char *file_id)
{
	char *path = api_path("/api/fleet/agents/files/{}", file_id);
	struct api_request *req = api_request_new(HTTP_DELETE, path);
	free(path);
	api_request_set_model(req, &fleet_file_deleted_model);
	return req;
}

static void fleet_file_deleted_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct fleet_file_deleted *f = out;
	if (!kjson_want_object(r, j))
		return;
	/* A 200 is a deletion unless it says "deleted": false. */
	f->id = kjson_str(r, j, "id", KJ_ANY);
	f->deleted = kjson_bool(r, j, "deleted", KJ_ANY, true);
}

static void fleet_file_deleted_clear(void *out)
{
	struct fleet_file_deleted *f = out;
	free(f->id);
	memset(f, 0, sizeof(*f));
}

const struct kmodel fleet_file_deleted_model = {
	.what = "file deletion",
	.size = sizeof(struct fleet_file_deleted),
	.read = fleet_file_deleted_read,
	.clear = fleet_file_deleted_clear,
};

char *fleet_asset_ref_parse(char *s, struct fleet_asset_ref *ref)
{
	char *colon = strchr(s, ':');
	if (!colon)
		return xasprintf("\"%s\" is not type:id (e.g. dashboard:%s)", s, s);
	if (colon == s)
		return xasprintf("\"%s\" has no type before the colon (e.g. dashboard%s)", s, s);
	if (!colon[1])
		return xasprintf("\"%s\" has no id after the colon", s);
	*colon = '\0';
	ref->type = s;
	ref->id = colon + 1;
	return NULL;
}

struct api_request *fleet_bulk_assets_request(const struct fleet_asset_ref *refs, size_t n)
{
	json_t *ids = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(ids, json_pack("{s:s, s:s}", "id", refs[i].id, "type", refs[i].type));
	struct api_request *req = api_request_new(HTTP_POST, "/api/fleet/epm/bulk_assets");
	api_request_set_json(req, json_pack("{s:o}", "assetIds", ids));
	api_request_set_model(req, &fleet_assets_model);
	return req;
}

/* One asset: what it is (type and id) is what the answer is matched by; the rest is shown as it came. */
static void fleet_asset_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct fleet_asset *a = elem;
	if (!json_is_object(v)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
		return;
	}
	a->id = kjson_str(r, v, "id", KJ_REQ);
	a->type = kjson_str(r, v, "type", KJ_ANY);
	a->app_link = kjson_str(r, v, "appLink", KJ_ANY);
	a->updated_at = kjson_str(r, v, "updatedAt", KJ_ANY);
	json_t *attrs = kjson_obj(r, v, "attributes", KJ_ANY);
	a->title = kjson_str(r, attrs, "title", KJ_ANY);
	a->description = kjson_str(r, attrs, "description", KJ_ANY);
	a->service = kjson_str(r, attrs, "service", KJ_ANY);
}

static void fleet_assets_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct fleet_asset_list *l = out;
	json_t *items = kjson_arr(r, j, "items", KJ_REQ);
	if (items)
		l->items = kjson_read_rows(items, "assets.items", sizeof(*l->items), fleet_asset_read,
					   offsetof(struct fleet_asset, problem), &l->n, &l->bad);
}

static void fleet_assets_clear(void *out)
{
	struct fleet_asset_list *l = out;
	for (size_t i = 0; i < l->n; i++) {
		struct fleet_asset *a = &l->items[i];
		free(a->id);
		free(a->type);
		free(a->title);
		free(a->description);
		free(a->service);
		free(a->app_link);
		free(a->updated_at);
		free(a->problem);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel fleet_assets_model = {
	.what = "assets",
	.size = sizeof(struct fleet_asset_list),
	.read = fleet_assets_read,
	.clear = fleet_assets_clear,
};
