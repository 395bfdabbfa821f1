/* GET /api/cases/{caseId}/alerts: the alerts attached to a case. */
#ifndef KT_CASE_ALERTS_H
#define KT_CASE_ALERTS_H
#include <jansson.h>
#include <stddef.h>
#include "api/request.h"

/* One attached alert. */
struct case_alert {
	char *id;
	char *index;
	char *attached_at;
};

/* The response. */
struct case_alert_list {
	struct case_alert *items;
	size_t n;
};

/* GET /api/cases/{caseId}/alerts. */
struct api_request *case_alerts_request(const char *case_id);
/* api_parse_fn: a struct case_alert_list. */
int case_alerts_parse(json_t *j, void **model, char **err);
/* Free a model from case_alerts_parse. */
void case_alerts_free(void *model);

#endif
