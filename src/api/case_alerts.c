#include "config.h"
#include "api/case_alerts.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

struct api_request *case_alerts_request(const char *case_id)
{
	char *path = api_path("/api/cases/{}/alerts", case_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_parser(req, case_alerts_parse, case_alerts_free);
	return req;
}

static void case_alerts_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct case_alert *a = elem;
	a->id = kjson_str(r, v, "id", KJ_OPT);
	a->index = kjson_str(r, v, "index", KJ_OPT);
	a->attached_at = kjson_str(r, v, "attached_at", KJ_OPT);
}

int case_alerts_parse(json_t *j, void **model, char **err)
{
	if (!json_is_array(j)) {
		*err = xasprintf("alerts of a case: expected an array, got %s", kjson_type_name(j));
		return -1;
	}
	struct case_alert_list *l = xcalloc(1, sizeof(*l));
	struct kjson_reader r;
	kjson_reader_init(&r, "");
	l->items = kjson_read_array(&r, j, "alerts of a case", sizeof(*l->items), case_alerts_read, &l->n);
	if (r.err) {
		*err = r.err;
		case_alerts_free(l);
		return -1;
	}
	*model = l;
	return 0;
}

void case_alerts_free(void *model)
{
	struct case_alert_list *l = model;
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].index);
		free(l->items[i].attached_at);
	}
	free(l->items);
	free(l);
}
