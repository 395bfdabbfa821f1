#include "config.h"
#include "api/sessions.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

const char *const sessions_provider_types[] = {"basic", "token", "saml", "oidc", "kerberos", "pki", NULL};

struct api_request *sessions_invalidate_request(const struct sessions_match *m)
{
	json_t *body;
	if (!m || !m->provider_type) {
		body = json_pack("{s:s}", "match", "all");
	} else {
		json_t *provider = json_pack("{s:s}", "type", m->provider_type);
		if (m->provider_name)
			json_object_set_new(provider, "name", json_string(m->provider_name));
		json_t *query = json_pack("{s:o}", "provider", provider);
		if (m->username)
			json_object_set_new(query, "username", json_string(m->username));
		body = json_pack("{s:s, s:o}", "match", "query", "query", query);
	}
	struct api_request *req = api_request_new(HTTP_POST, "/api/security/session/_invalidate");
	/* Sessions belong to the whole Kibana, not to a space. */
	req->global = true;
	api_request_set_json(req, body);
	api_request_set_parser(req, sessions_parse, sessions_free);
	return req;
}

int sessions_parse(json_t *j, void **model, char **err)
{
	struct kjson_reader r;
	kjson_reader_init(&r, "session invalidation response");
	struct sessions_result *s = xcalloc(1, sizeof(*s));
	s->total = kjson_int(&r, j, "total", KJ_OPT, -1);
	if (r.err) {
		*err = r.err;
		free(s);
		return -1;
	}
	*model = s;
	return 0;
}

void sessions_free(void *model)
{
	free(model);
}
