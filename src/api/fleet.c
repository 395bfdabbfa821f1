#include "config.h"
#include "api/fleet.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *fleet_file_delete_request(const char *file_id)
{
	char *path = api_path("/api/fleet/agents/files/{}", file_id);
	struct api_request *req = api_request_new(HTTP_DELETE, path);
	free(path);
	api_request_set_parser(req, fleet_parse_file_deleted, fleet_file_deleted_free);
	return req;
}

int fleet_parse_file_deleted(json_t *j, void **model, char **err)
{
	struct kjson_reader r;
	kjson_reader_init(&r, "file deletion");
	struct fleet_file_deleted *f = xcalloc(1, sizeof(*f));
	f->id = kjson_str(&r, j, "id", KJ_REQ);
	f->deleted = kjson_bool(&r, j, "deleted", KJ_REQ, false);
	if (r.err) {
		*err = r.err;
		fleet_file_deleted_free(f);
		return -1;
	}
	*model = f;
	return 0;
}

void fleet_file_deleted_free(void *model)
{
	struct fleet_file_deleted *f = model;
	if (!f)
		return;
	free(f->id);
	free(f);
}

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
	api_request_set_parser(req, fleet_parse_assets, fleet_assets_free);
	return req;
}

int fleet_parse_assets(json_t *j, void **model, char **err)
{
	struct kjson_reader r;
	kjson_reader_init(&r, "assets");
	json_t *items = kjson_arr(&r, j, "items", KJ_REQ);
	struct fleet_asset_list *l = xcalloc(1, sizeof(*l));
	l->items = xcalloc(json_array_size(items) + 1, sizeof(*l->items));
	size_t i;
	json_t *v;
	json_array_foreach(items, i, v) {
		if (r.err)
			break;
		kjson_reader_at(&r, "assets.items[%zu]", i);
		struct fleet_asset *a = &l->items[l->n++];
		a->id = kjson_str(&r, v, "id", KJ_REQ);
		a->type = kjson_str(&r, v, "type", KJ_REQ);
		a->app_link = kjson_str(&r, v, "appLink", KJ_OPT);
		a->updated_at = kjson_str(&r, v, "updatedAt", KJ_OPT);
		json_t *attrs = kjson_obj(&r, v, "attributes", KJ_REQ);
		if (attrs) {
			a->title = kjson_str(&r, attrs, "title", KJ_OPT);
			a->description = kjson_str(&r, attrs, "description", KJ_OPT);
			a->service = kjson_str(&r, attrs, "service", KJ_OPT);
		}
	}
	if (r.err) {
		*err = r.err;
		fleet_assets_free(l);
		return -1;
	}
	*model = l;
	return 0;
}

void fleet_assets_free(void *model)
{
	struct fleet_asset_list *l = model;
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct fleet_asset *a = &l->items[i];
		free(a->id);
		free(a->type);
		free(a->title);
		free(a->description);
		free(a->service);
		free(a->app_link);
		free(a->updated_at);
	}
	free(l->items);
	free(l);
}
