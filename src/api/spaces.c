#include "config.h"
#include "api/spaces.h"
#include "api/kjson.h"
#include <stdlib.h>
#include <string.h>

struct api_request *spaces_list_request(void)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/spaces/space");
	/*
	 * The contract marks include_authorized_purposes as required, and its oneOf refuses "false"
	 * (it matches both branches); Kibana's handler (spaces/server/routes/api/external/get_all.ts)
	 * makes it optional. "true" without purpose is valid for both.
	 */
	api_request_set_query(req, "?include_authorized_purposes=true");
	req->global = true;
	api_request_set_model(req, &spaces_list_model);
	return req;
}

static void spaces_item_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct kb_space *s = elem;
	s->id = kjson_str(r, v, "id", KJ_REQ);
	s->name = kjson_str(r, v, "name", KJ_OPT_NULLABLE);
	s->description = kjson_str(r, v, "description", KJ_OPT_NULLABLE);
}

static void spaces_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct space_list *l = out;
	if (!json_is_array(j)) {
		kjson_fail(r, "expected an array of spaces, got %s", kjson_type_name(j));
		return;
	}
	l->items = kjson_read_array(r, j, "spaces", sizeof(*l->items), spaces_item_read, &l->n);
}

static void spaces_list_clear(void *out)
{
	struct space_list *l = out;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].name);
		free(l->items[i].description);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel spaces_list_model = {
	.what = "spaces",
	.size = sizeof(struct space_list),
	.read = spaces_list_read,
	.clear = spaces_list_clear,
};

const struct kb_space *spaces_find(const struct space_list *l, const char *id)
{
	for (size_t i = 0; l && id && i < l->n; i++)
		if (l->items[i].id && strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}
