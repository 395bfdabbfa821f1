#include "config.h"
#include "api/cases_of_alert.h"
#include "api/kjson.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct api_request *cases_of_alert_request(const char *alert_id)
{
	char *path = api_path("/api/cases/alerts/{}", alert_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &cases_of_alert_list_model);
	return req;
}

static void cases_of_alert_item_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct cases_of_alert_item *c = elem;
	/* Both fields are optional in the contract; an entry that is not an object is a placeholder. */
	if (!json_is_object(v))
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
	c->id = kjson_str(r, v, "id", KJ_ANY);
	c->title = kjson_str(r, v, "title", KJ_ANY);
}

static void cases_of_alert_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct cases_of_alert_list *l = out;
	if (!json_is_array(j)) {
		kjson_fail(r, "expected an array, got %s", kjson_type_name(j));
		return;
	}
	l->items = kjson_read_rows(j, "cases for an alert", sizeof(*l->items), cases_of_alert_item_read,
				   offsetof(struct cases_of_alert_item, problem), &l->n, &l->bad);
}

static void cases_of_alert_list_clear(void *out)
{
	struct cases_of_alert_list *l = out;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].title);
		free(l->items[i].problem);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

const struct kmodel cases_of_alert_list_model = {
	.what = "cases for an alert",
	.size = sizeof(struct cases_of_alert_list),
	.read = cases_of_alert_list_read,
	.clear = cases_of_alert_list_clear,
};
