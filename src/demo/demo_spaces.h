/* Kibana spaces in the demo: the default one and a second, each with its own cases. */
#ifndef KT_DEMO_SPACES_H
#define KT_DEMO_SPACES_H
#include "demo/demo_http.h"

/* The second space's id; a few generated cases live there, every other object is shared. */
#define DEMO_SECOND_SPACE "soc-eu"
/* How many generated cases live in the second space. */
#define DEMO_SPACE_CASES 4

/* GET /api/spaces/space. */
extern const struct demo_route demo_space_routes[];

#endif
