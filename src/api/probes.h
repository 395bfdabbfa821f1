/* What a new user checks first: for each feature ktriage uses, a read that tells whether this API key may use it. */
#ifndef KT_PROBES_H
#define KT_PROBES_H
#include <stddef.h>
#include "api/request.h"

/* One feature and its read: a request that changes nothing, or none when the public API has no such read. */
struct api_probe {
	const char *feature;    /* "Cases" */
	const char *used_by;    /* the panes and commands that need it */
	enum http_method method;
	const char *path;       /* NULL: not probed (see why) */
	const char *query;      /* "?perPage=1" or NULL */
	const char *body;       /* JSON, or NULL */
	const char *grant;      /* what to give the key's role when Kibana answers 403 (or, when not probed, why not) */
};

/* Every feature, in the order a doctor shows them, ending with an entry whose feature is NULL. */
extern const struct api_probe api_probes[];
/* The request of a probe (it must have a path); its answer is read for its HTTP status, not a model. */
struct api_request *api_probe_request(const struct api_probe *p);
/* GET /api/spaces/space/{id}: whether the space exists and the key may see it. */
struct api_request *api_space_request(const char *space);

#endif
