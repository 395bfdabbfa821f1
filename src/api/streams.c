#include "config.h"
#include "api/streams.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include <stdlib.h>

struct api_request *streams_resync_request(void)
{
	struct api_request *req = api_request_new(HTTP_POST, "/api/streams/_resync");
	api_request_set_json(req, json_object());
	api_request_set_model(req, &streams_object_model);
	return req;
}

struct api_request *streams_group_request(const char *name)
{
	char *path = api_path("/api/streams/{}/_group", name);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_model(req, &streams_object_model);
	return req;
}

static void streams_object_read(struct kjson_reader *r, json_t *j, void *out)
{
	(void)out;
	if (!json_is_object(j))
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
}

const struct kmodel streams_object_model = {
	.what = "streams",
	.read = streams_object_read,
};
