#include "config.h"
#include "api/connectors.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct api_request *connectors_list_request(void)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/actions/connectors");
	api_request_set_model(req, &connectors_list_model);
	return req;
}

static void connectors_item_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct connector *c = elem;
	/* A case is pushed to a connector by its id; the rest is shown as it came. */
	c->id = kjson_str(r, v, "id", KJ_REQ);
	c->name = kjson_str(r, v, "name", KJ_ANY);
	c->type = kjson_str(r, v, "connector_type_id", KJ_ANY);
	c->is_preconfigured = kjson_bool(r, v, "is_preconfigured", KJ_ANY, false);
	c->is_deprecated = kjson_bool(r, v, "is_deprecated", KJ_ANY, false);
	c->is_missing_secrets = kjson_bool(r, v, "is_missing_secrets", KJ_ANY, false);
	c->referenced_by_count = kjson_int(r, v, "referenced_by_count", KJ_ANY, 0);
}

static void connectors_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct connector_list *l = out;
	if (!json_is_array(j)) {
		kjson_fail(r, "expected an array, got %s", kjson_type_name(j));
		return;
	}
	l->items = kjson_read_rows(j, "connectors", sizeof(*l->items), connectors_item_read, offsetof(struct connector, problem),
				   &l->n, &l->bad);
}

static void connectors_list_clear(void *out)
{
	struct connector_list *l = out;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].name);
		free(l->items[i].type);
		free(l->items[i].problem);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel connectors_list_model = {
	.what = "connectors",
	.size = sizeof(struct connector_list),
	.read = connectors_list_read,
	.clear = connectors_list_clear,
};

const struct connector *connectors_find(const struct connector_list *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id && strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}
