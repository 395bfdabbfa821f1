/* Case routes: find, get, create, delete, comments and attached alerts. */
#ifndef KT_DEMO_CASES_H
#define KT_DEMO_CASES_H
#include "demo/demo_http.h"


/* GET/POST/DELETE /api/cases..., /api/cases/{id}/comments..., /api/cases/{id}/alerts. */
extern const struct demo_route demo_case_routes[];

#endif
