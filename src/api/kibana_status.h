/* GET /api/status: which Kibana answers (version, build flavour) and how it is. */
#ifndef KT_KIBANA_STATUS_H
#define KT_KIBANA_STATUS_H
#include <stdbool.h>
#include "api/kmodel.h"
#include "api/kversion.h"
#include "api/request.h"

/* What /api/status says; every string may be NULL. */
struct kibana_status {
	char *name;           /* the instance name */
	char *number;         /* version.number: "9.2.0" */
	struct kversion version;
	char *build_flavor;   /* traditional | serverless; NULL on older 8.x, which are traditional */
	char *level;          /* status.overall.level: available, degraded, unavailable, critical */
	bool redacted;        /* only the level came: Kibana did not take the credentials as a user */
};

/* GET /api/status (not space-scoped; Kibana needs no privilege for it, only an authenticated user). */
struct api_request *kibana_status_request(void);
/* The answer: a struct kibana_status. */
extern const struct kmodel kibana_status_model;
/* "kibana 9.2.0" (with " serverless" for that flavour), or NULL when the version is unknown; caller frees. */
char *kibana_status_label(const struct kibana_status *s);

#endif
