#include "config.h"
#include "api/alert_cases.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

static void alert_cases_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct alert_case *c = elem;
	/* Both fields are optional in the contract. */
	c->id = kjson_str(r, v, "id", KJ_OPT);
	c->title = kjson_str(r, v, "title", KJ_OPT);
}

int alert_cases_parse(json_t *j, void **model, char **err)
{
	if (!json_is_array(j)) {
		*err = xasprintf("cases for an alert: expected an array, got %s", kjson_type_name(j));
		return -1;
	}
	struct alert_case_list *l = xcalloc(1, sizeof(*l));
	struct kjson_reader r;
	kjson_reader_init(&r, "");
	l->items = kjson_read_array(&r, j, "cases for an alert", sizeof(*l->items), alert_cases_read, &l->n);
	if (r.err) {
		*err = r.err;
		alert_cases_free(l);
		return -1;
	}
	*model = l;
	return 0;
}

void alert_cases_free(void *model)
{
	struct alert_case_list *l = model;
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].title);
	}
	free(l->items);
	free(l);
}
