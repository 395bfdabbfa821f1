/* Streams: POST /api/streams/_resync and GET /api/streams/{name}/_group (see kibana-oas/seed-streams.yaml). */
#ifndef KT_STREAMS_H
#define KT_STREAMS_H
#include <jansson.h>
#include "api/kmodel.h"
#include "api/request.h"

/* POST /api/streams/_resync with the empty object the seed document sends; any JSON object comes back. */
struct api_request *streams_resync_request(void);
/* GET /api/streams/{name}/_group; the answer is checked to be an object. */
struct api_request *streams_group_request(const char *name);
/* Both answers: checked to be a JSON object; the model is NULL (read the JSON). */
extern const struct kmodel streams_object_model;

#endif
