/* Case updates, pushes to external systems and the connector lists. */
#ifndef KT_DEMO_CASEPUSH_H
#define KT_DEMO_CASEPUSH_H
#include "demo/demo_http.h"


/* PATCH /api/cases, the _push route, cases by alert, and both connector lists. */
extern const struct demo_route demo_casepush_routes[];

#endif
