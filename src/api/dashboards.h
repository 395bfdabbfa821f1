/* Dashboards: deleting one (DELETE /api/dashboards/dashboard/{id}), and its title to name it first. */
#ifndef KT_DASHBOARDS_H
#define KT_DASHBOARDS_H
#include <jansson.h>
#include "api/request.h"

/* GET /api/dashboards/dashboard/{id}: parsed into the dashboard's title (a char *). */
struct api_request *dashboards_get_request(const char *id);
/* DELETE /api/dashboards/dashboard/{id}: Kibana answers with no body. */
struct api_request *dashboards_delete_request(const char *id);
/* api_parse_fn: item.attributes.title of a GET answer, as a char *. */
int dashboards_parse_title(json_t *j, void **model, char **err);

#endif
