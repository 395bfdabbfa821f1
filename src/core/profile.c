#include "config.h"
#include "core/profile.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

void profile_init(struct profile *p)
{
	memset(p, 0, sizeof(*p));
	p->name = xstrdup("default");
	p->connect_timeout_ms = 10000;
	p->timeout_ms = 60000;
	p->max_response = PROFILE_DEFAULT_MAX_RESPONSE;
	p->concurrency = PROFILE_DEFAULT_CONCURRENCY;
}

void profile_free(struct profile *p)
{
	free(p->name);
	free(p->url);
	free(p->space);
	xfree_secret(p->api_key);
	free(p->username);
	xfree_secret(p->password);
	free(p->ca_cert);
	free(p->client_cert);
	free(p->client_key);
	free(p->theme);
	free(p->startup);
	memset(p, 0, sizeof(*p));
}

void profile_copy(struct profile *dst, const struct profile *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->url = xstrdup(src->url);
	dst->space = xstrdup(src->space);
	dst->api_key = xstrdup(src->api_key);
	dst->username = xstrdup(src->username);
	dst->password = xstrdup(src->password);
	dst->ca_cert = xstrdup(src->ca_cert);
	dst->client_cert = xstrdup(src->client_cert);
	dst->client_key = xstrdup(src->client_key);
	dst->theme = xstrdup(src->theme);
	dst->startup = xstrdup(src->startup);
}

void profile_set(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

void profile_set_secret(char **field, const char *value)
{
	xfree_secret(*field);
	*field = xstrdup(value);
}

char *profile_space_prefix(const struct profile *p)
{
	if (!p->space || !*p->space || strcmp(p->space, "default") == 0)
		return xstrdup("");
	char *seg = urlenc_segment(p->space);
	char *r = xasprintf("/s/%s", seg);
	free(seg);
	return r;
}

bool profile_usable(const struct profile *p, char **why)
{
	if (!p->url || !*p->url) {
		*why = xstrdup("no Kibana URL: give --url, set KIBANA_URL, add url= to the profile, or try --demo");
		return false;
	}
	if (strncmp(p->url, "http://", 7) != 0 && strncmp(p->url, "https://", 8) != 0) {
		*why = xasprintf("the Kibana URL must start with http:// or https:// (got \"%s\")", p->url);
		return false;
	}
	/* user:password@ in the URL would be sent by curl and shown in the header: refuse it. */
	const char *host = strstr(p->url, "://") + 3;
	const char *at = strchr(host, '@'), *slash = strchr(host, '/');
	if (at && (!slash || at < slash)) {
		*why = xstrdup("the Kibana URL holds credentials (user@ or user:password@); give them with --user and "
			       "--password-file, KIBANA_USERNAME/KIBANA_PASSWORD or the config file instead");
		return false;
	}
	return true;
}
