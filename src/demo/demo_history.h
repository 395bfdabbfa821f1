/* A case's history as the demo keeps it: user actions made up for generated cases, recorded for every change. */
#ifndef KT_DEMO_HISTORY_H
#define KT_DEMO_HISTORY_H
#include <jansson.h>
#include <stdint.h>
#include "demo/demo_http.h"

struct demo_data;

/* Give every stored case the user actions that lead to its present state (its own PRNG stream). */
void demo_history_generate(struct demo_data *d);
/* Record a user action on a stored case: payload and by are stolen; comment_id may be NULL. */
void demo_history_add(struct demo_data *d, json_t *cs, const char *type, const char *action, json_t *payload,
		      const char *comment_id, int64_t at_ms, json_t *by);
/* Record what a PATCH entry changes on a stored case, field by field, before it is applied. */
void demo_history_patch(struct demo_data *d, json_t *cs, json_t *entry, int64_t at_ms);
/* GET /api/cases/{id}/user_actions/_find. */
extern const struct demo_route demo_history_routes[];

#endif
