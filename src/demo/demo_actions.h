/* Endpoint response actions: history, new actions that complete after a delay, and their effects. */
#ifndef KT_DEMO_ACTIONS_H
#define KT_DEMO_ACTIONS_H
#include "demo/demo_http.h"
#include <jansson.h>
#include <stdint.h>

struct demo_data;

/* Make n past actions on the endpoints (successful, failed and a few still pending). */
void demo_actions_generate(struct demo_data *d, unsigned n);
/* Complete every action whose time has come and apply its effect (isolation, suspension). */
void demo_actions_settle(struct demo_data *d, int64_t now_ms);

/* The action with this id (borrowed, with its internal "_" fields), or NULL. */
json_t *demo_action_find(struct demo_data *d, const char *id);

/* GET /api/endpoint/action[/{id}] and POST every action route of the spec. */
extern const struct demo_route demo_action_routes[];

#endif
