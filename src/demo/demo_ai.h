/* Elastic AI Assistant conversations of the current user. */
#ifndef KT_DEMO_AI_H
#define KT_DEMO_AI_H
#include "demo/demo_http.h"

struct demo_data;

/* Make n conversations with messages of every role, some failed, in markdown. */
void demo_ai_generate(struct demo_data *d, unsigned n);

/* GET .../current_user/conversations/_find and .../conversations/{id}; anonymization_fields/_find; chat/complete. */
extern const struct demo_route demo_ai_routes[];

#endif
