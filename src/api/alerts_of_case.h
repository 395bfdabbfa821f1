/* GET /api/cases/{caseId}/alerts: the alerts attached to a case. */
#ifndef KT_ALERTS_OF_CASE_H
#define KT_ALERTS_OF_CASE_H
#include <jansson.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One attached alert; any field may be NULL. */
struct alerts_of_case_item {
	char *id;
	char *index;
	char *attached_at;
	char *problem;     /* why this entry could not be read, or NULL */
};

/* The response: a list of alerts. */
struct alerts_of_case_list {
	struct alerts_of_case_item *items;
	size_t n;
	size_t bad;
};

/* GET /api/cases/{caseId}/alerts. */
struct api_request *alerts_of_case_request(const char *case_id);
/* The response: a struct alerts_of_case_list. */
extern const struct kmodel alerts_of_case_list_model;

#endif
