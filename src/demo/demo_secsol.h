/* Security solution APIs of the seed document: exceptions, entity store, risk engine, lists, notes, sessions. */
#ifndef KT_DEMO_SECSOL_H
#define KT_DEMO_SECSOL_H
#include "demo/demo_http.h"


/* Endpoint list items, entity engines, risk engine configuration, value lists, notes, timeline import, sessions. */
extern const struct demo_route demo_secsol_routes[];

#endif
