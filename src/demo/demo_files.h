/* The files response actions leave in Kibana: GET /api/endpoint/action/{action_id}/file/{file_id}[/download]. */
#ifndef KT_DEMO_FILES_H
#define KT_DEMO_FILES_H
#include "demo/demo_http.h"

/* Routes of the file info and download APIs. */
extern const struct demo_route demo_file_routes[];

#endif
