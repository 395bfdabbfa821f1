/* The smaller Kibana APIs of the seed document: dashboards, Fleet, machine learning sync, streams. */
#ifndef KT_DEMO_MISC_H
#define KT_DEMO_MISC_H
#include "demo/demo_http.h"

struct demo_data;

/* Make the state every seed-document route reads (dashboards, lists, notes, sessions, ...). */
void demo_misc_generate(struct demo_data *d);

/* Dashboards delete, Fleet files, bulk assets and server hosts, ML sync, streams. */
extern const struct demo_route demo_misc_routes[];

#endif
