/* GET /api/cases/alerts/{alertId}: the cases an alert is attached to. */
#ifndef KT_ALERT_CASES_H
#define KT_ALERT_CASES_H
#include <jansson.h>
#include <stddef.h>

/* One case holding the alert. */
struct alert_case {
	char *id;
	char *title;
};

/* The response: a list of cases. */
struct alert_case_list {
	struct alert_case *items;
	size_t n;
};

/* api_parse_fn: a struct alert_case_list. */
int alert_cases_parse(json_t *j, void **model, char **err);
/* Free a model from alert_cases_parse. */
void alert_cases_free(void *model);

#endif
