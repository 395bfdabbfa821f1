#include "config.h"
#include "api/kibana_status.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *kibana_status_request(void)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/status");
	req->global = true;
	api_request_set_model(req, &kibana_status_model);
	return req;
}

/*
 * The v8 format (the default): {name, uuid, version: {number, build_flavor, ...}, status: {overall: {level}}, ...}.
 * A caller Kibana does not take as authenticated gets only {status: {overall: {level}}}, and 8.x has no build_flavor
 * (src/core/packages/status/server-internal/src/routes/status.ts; 8.x under packages/core/status/). Nothing is
 * required: the version is what the answer is asked for, and its absence says the credentials were not taken.
 */
static void kibana_status_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct kibana_status *s = out;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	s->name = kjson_str(r, j, "name", KJ_ANY);
	json_t *version = kjson_obj(r, j, "version", KJ_ANY);
	s->number = kjson_str(r, version, "number", KJ_ANY);
	kversion_parse(s->number, &s->version);
	s->build_flavor = kjson_str(r, version, "build_flavor", KJ_ANY);
	json_t *overall = kjson_obj(r, kjson_obj(r, j, "status", KJ_ANY), "overall", KJ_ANY);
	s->level = kjson_str(r, overall, "level", KJ_ANY);
	s->redacted = !version && s->level;
}

static void kibana_status_clear(void *out)
{
	struct kibana_status *s = out;
	free(s->name);
	free(s->number);
	free(s->build_flavor);
	free(s->level);
	memset(s, 0, sizeof(*s));
}

const struct kmodel kibana_status_model = {
	.what = "Kibana status",
	.size = sizeof(struct kibana_status),
	.read = kibana_status_read,
	.clear = kibana_status_clear,
};

char *kibana_status_label(const struct kibana_status *s)
{
	if (!s || !s->number)
		return NULL;
	bool serverless = s->build_flavor && strcmp(s->build_flavor, "serverless") == 0;
	return xasprintf("kibana %s%s", s->number, serverless ? " serverless" : "");
}
