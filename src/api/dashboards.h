/* Dashboards: DELETE /api/dashboards/dashboard/{id}. */
#ifndef KT_DASHBOARDS_H
#define KT_DASHBOARDS_H
#include "api/request.h"

/* DELETE /api/dashboards/dashboard/{id}: Kibana answers with no body. */
struct api_request *dashboards_delete_request(const char *id);

#endif
