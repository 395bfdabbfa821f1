/* The HTTP side of the demo: libmicrohttpd glue, routing, Kibana's auth and xsrf checks, faults. */
#ifndef KT_DEMO_SERVER_H
#define KT_DEMO_SERVER_H
#include <stddef.h>

/* The largest request body accepted; bigger ones get 413 like Kibana's payload limit. */
#define DEMO_MAX_BODY ((size_t)16 << 20)
/* The media type the spec declares for Kibana's versioned public APIs. */
#define DEMO_JSON_TYPE "application/json; Elastic-Api-Version=2023-10-31"

#endif
