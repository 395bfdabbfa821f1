/* Case updates, pushes to external systems and the connector lists. */
#ifndef KT_DEMO_CASEPUSH_H
#define KT_DEMO_CASEPUSH_H
#include "demo/demo_http.h"
#include <stdbool.h>


/* Whether a connector type can receive cases (Kibana's case connector types). */
bool demo_case_connector_type(const char *type);

/* PATCH /api/cases, the _push route, cases by alert, and both connector lists. */
extern const struct demo_route demo_casepush_routes[];

#endif
