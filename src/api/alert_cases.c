#include "config.h"
#include "api/alert_cases.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

int alert_cases_parse(json_t *j, void **model, char **err)
{
	if (!json_is_array(j)) {
		*err = xasprintf("cases for an alert: expected an array, got %s", kjson_type_name(j));
		return -1;
	}
	struct alert_case_list *l = xcalloc(1, sizeof(*l));
	l->items = xcalloc(json_array_size(j) + 1, sizeof(*l->items));
	struct kjson_reader r;
	kjson_reader_init(&r, "");
	size_t i;
	json_t *v;
	json_array_foreach(j, i, v) {
		kjson_reader_at(&r, "cases for an alert[%zu]", i);
		/* Both fields are optional in the contract. */
		l->items[i].id = kjson_str(&r, v, "id", KJ_OPT);
		l->items[i].title = kjson_str(&r, v, "title", KJ_OPT);
		l->n++;
		if (r.err)
			break;
	}
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
