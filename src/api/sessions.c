#include "config.h"
#include "api/sessions.h"
#include "api/kjson.h"
#include "api/kmodel.h"

/*
 * Suggestions only: Kibana's provider.type is schema.string() (x-pack/platform/plugins/shared/security/server/routes/
 * session_management/invalidate.ts), and besides these built-in providers there are custom ones.
 */
const char *const sessions_provider_types[] = {"basic", "token", "saml", "oidc", "kerberos", "pki", "anonymous", NULL};

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
	api_request_set_model(req, &sessions_result_model);
	return req;
}

static void sessions_result_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct sessions_result *s = out;
	s->total = kjson_int(r, j, "total", KJ_OPT, -1);
}

const struct kmodel sessions_result_model = {
	.what = "session invalidation response",
	.size = sizeof(struct sessions_result),
	.read = sessions_result_read,
};
