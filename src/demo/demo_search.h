/* The detection alerts API: search (an Elasticsearch search over the demo alerts) and status changes. */
#ifndef KT_DEMO_SEARCH_H
#define KT_DEMO_SEARCH_H
#include "demo/demo_http.h"


/* POST /api/detection_engine/signals/search and /status. */
extern const struct demo_route demo_search_routes[];

#endif
