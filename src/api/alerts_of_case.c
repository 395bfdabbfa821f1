#include "config.h"
#include "api/alerts_of_case.h"
#include "api/kjson.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct api_request *alerts_of_case_request(const char *case_id)
{
	char *path = api_path("/api/cases/{}/alerts", case_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &alerts_of_case_list_model);
	return req;
}

/* Every field is optional in the contract and taken as it comes; an entry that is not an object is a placeholder. */
static void alerts_of_case_item_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct alerts_of_case_item *a = elem;
	if (!json_is_object(v))
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
	a->id = kjson_str(r, v, "id", KJ_ANY);
	a->index = kjson_str(r, v, "index", KJ_ANY);
	a->attached_at = kjson_str(r, v, "attached_at", KJ_ANY);
}

static void alerts_of_case_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct alerts_of_case_list *l = out;
	if (!json_is_array(j)) {
		kjson_fail(r, "expected an array, got %s", kjson_type_name(j));
		return;
	}
	l->items = kjson_read_rows(j, "alerts of a case", sizeof(*l->items), alerts_of_case_item_read,
				   offsetof(struct alerts_of_case_item, problem), &l->n, &l->bad);
}

static void alerts_of_case_list_clear(void *out)
{
	struct alerts_of_case_list *l = out;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].index);
		free(l->items[i].attached_at);
		free(l->items[i].problem);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel alerts_of_case_list_model = {
	.what = "alerts of a case",
	.size = sizeof(struct alerts_of_case_list),
	.read = alerts_of_case_list_read,
	.clear = alerts_of_case_list_clear,
};
