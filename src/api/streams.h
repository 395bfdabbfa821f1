/* Streams: POST /api/streams/_resync and GET /api/streams/{name}/_group (see kibana-oas/seed-streams.yaml). */
#ifndef KT_STREAMS_H
#define KT_STREAMS_H
#include <jansson.h>
#include "api/request.h"

/* POST /api/streams/_resync with the empty object the seed document sends; any JSON object comes back. */
struct api_request *streams_resync_request(void);
/* GET /api/streams/{name}/_group; the answer is checked to be an object. */
struct api_request *streams_group_request(const char *name);
/* api_parse_fn for both: the answer must be a JSON object (the model is NULL; read the JSON). */
int streams_parse_object(json_t *j, void **model, char **err);

#endif
