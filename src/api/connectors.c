#include "config.h"
#include "api/connectors.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *connectors_list_request(void)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/actions/connectors");
	api_request_set_parser(req, connectors_parse, connectors_free);
	return req;
}

static void connectors_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct connector *c = elem;
	c->id = kjson_str(r, v, "id", KJ_REQ);
	c->name = kjson_str(r, v, "name", KJ_REQ);
	c->type = kjson_str(r, v, "connector_type_id", KJ_REQ);
	c->is_preconfigured = kjson_bool(r, v, "is_preconfigured", KJ_OPT, false);
	c->is_deprecated = kjson_bool(r, v, "is_deprecated", KJ_OPT, false);
	c->is_missing_secrets = kjson_bool(r, v, "is_missing_secrets", KJ_OPT, false);
	c->referenced_by_count = kjson_int(r, v, "referenced_by_count", KJ_OPT, 0);
}

int connectors_parse(json_t *j, void **model, char **err)
{
	if (!json_is_array(j)) {
		*err = xasprintf("connectors: expected an array, got %s", kjson_type_name(j));
		return -1;
	}
	struct connector_list *l = xcalloc(1, sizeof(*l));
	struct kjson_reader r;
	kjson_reader_init(&r, "");
	l->items = kjson_read_array(&r, j, "connectors", sizeof(*l->items), connectors_read, &l->n);
	if (r.err) {
		*err = r.err;
		connectors_free(l);
		return -1;
	}
	*model = l;
	return 0;
}

void connectors_free(void *model)
{
	struct connector_list *l = model;
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].name);
		free(l->items[i].type);
	}
	free(l->items);
	free(l);
}

const struct connector *connectors_find(const struct connector_list *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}
