#include "config.h"
#include "api/notes.h"
#include <jansson.h>

struct api_request *notes_delete_request(const char *const *ids, size_t n)
{
	json_t *body;
	if (n == 1) {
		body = json_pack("{s:s}", "noteId", ids[0]);
	} else {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, json_string(ids[i]));
		body = json_pack("{s:o}", "noteIds", a);
	}
	struct api_request *req = api_request_new(HTTP_DELETE, "/api/note");
	api_request_set_json(req, body);
	return req;
}
