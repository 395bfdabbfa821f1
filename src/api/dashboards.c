#include "config.h"
#include "api/dashboards.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

struct api_request *dashboards_get_request(const char *id)
{
	char *path = api_path("/api/dashboards/dashboard/{}", id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	api_request_set_parser(req, dashboards_parse_title, free);
	return req;
}

struct api_request *dashboards_delete_request(const char *id)
{
	char *path = api_path("/api/dashboards/dashboard/{}", id);
	struct api_request *req = api_request_new(HTTP_DELETE, path);
	free(path);
	return req;
}

int dashboards_parse_title(json_t *j, void **model, char **err)
{
	struct kjson_reader r;
	kjson_reader_init(&r, "dashboard");
	json_t *item = kjson_obj(&r, j, "item", KJ_REQ);
	json_t *attrs = item ? kjson_obj(&r, item, "attributes", KJ_REQ) : NULL;
	char *title = attrs ? kjson_str(&r, attrs, "title", KJ_REQ) : NULL;
	if (r.err) {
		free(title);
		*err = r.err;
		return -1;
	}
	*model = title;
	return 0;
}
