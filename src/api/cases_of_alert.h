/* GET /api/cases/alerts/{alertId}: the cases that hold an alert. */
#ifndef KT_CASES_OF_ALERT_H
#define KT_CASES_OF_ALERT_H
#include <jansson.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One case holding the alert; either field may be NULL. */
struct cases_of_alert_item {
	char *id;
	char *title;
	char *problem;     /* why this entry could not be read, or NULL */
};

/* The response: a list of cases. */
struct cases_of_alert_list {
	struct cases_of_alert_item *items;
	size_t n;
	size_t bad;
};

/* GET /api/cases/alerts/{alertId}. */
struct api_request *cases_of_alert_request(const char *alert_id);
/* The response: a struct cases_of_alert_list. */
extern const struct kmodel cases_of_alert_list_model;

#endif
