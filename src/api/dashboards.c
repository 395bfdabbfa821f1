#include "config.h"
#include "api/dashboards.h"
#include <stdlib.h>

struct api_request *dashboards_delete_request(const char *id)
{
	char *path = api_path("/api/dashboards/dashboard/{}", id);
	struct api_request *req = api_request_new(HTTP_DELETE, path);
	free(path);
	return req;
}
