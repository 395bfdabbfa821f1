/*
 * Which Kibana the demo is, and what a new user's first checks read: GET /api/status (the version the demo
 * behaves as), the space, and a read-only route for each feature that has no list of its own elsewhere in the
 * demo (dashboards, Fleet agents, entity engines, value lists, notes, timelines).
 *
 * What follows the version (serve-demo --kibana 8.19|9.2, demo_options_set_kibana):
 * - GET /api/cases/{id}: 8.19 sends the comments (includeComments defaults to true); 9.2 strips them and has no
 *   GET /api/cases/{id}/comments (demo_cases.c);
 * - PUT /api/risk_score/engine/saved_object/configure: 8.19 keeps statuses, tags and range; 9.2 also
 *   enable_reset_to_zero (demo_secsol.c);
 * - GET /api/status: 8.19 says no build_flavor.
 * The same in both, as Kibana: comments/_find holds user comments only, ML sync results are nested by job
 * type, alert attachments need rule.id and rule.name, .thehive takes cases, timeline uploads may be X.NDJSON.
 */
#ifndef KT_DEMO_KIBANA_H
#define KT_DEMO_KIBANA_H
#include "demo/demo_http.h"

/* The routes of this file. */
extern const struct demo_route demo_kibana_routes[];

#endif
