#include "config.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void profile_init(struct profile *p)
{
	memset(p, 0, sizeof(*p));
	p->name = xstrdup("default");
	p->connect_timeout_ms = 10000;
	p->timeout_ms = 60000;
	p->max_response = PROFILE_DEFAULT_MAX_RESPONSE;
	fetch_limits_default(&p->fetch);
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

/* Where the authority (host part) of url starts and how long it is. */
static const char *profile_authority(const char *url, size_t *len)
{
	const char *sep = strstr(url, "://");
	const char *host = sep ? sep + 3 : url;
	*len = strcspn(host, "/?#");
	return host;
}

/* The authority holds a user@ or user:password@. */
static bool profile_url_has_userinfo(const char *url)
{
	size_t len;
	const char *host = profile_authority(url, &len);
	return memchr(host, '@', len) != NULL;
}

char *profile_display_url(const char *url)
{
	if (!url)
		return xstrdup("");
	size_t len;
	const char *host = profile_authority(url, &len);
	const char *at = NULL;
	for (size_t i = 0; i < len; i++)
		if (host[i] == '@')
			at = host + i;
	char *bare = at ? xasprintf("%.*s%s", (int)(host - url), url, at + 1) : xstrdup(url);
	char *clean = sanitize_str(bare, SANITIZE_LINE);
	free(bare);
	return clean;
}

/* A credential that is not one valid header value: the position of its first control byte, or -1. */
static long profile_bad_credential(const char *v)
{
	if (!v)
		return -1;
	for (const unsigned char *c = (const unsigned char *)v; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return (long)(c - (const unsigned char *)v);
	return -1;
}

bool profile_usable(const struct profile *p, char **why)
{
	if (!p->url || !*p->url) {
		*why = xstrdup("no Kibana URL: give --url, set KIBANA_URL, add url= to the profile, or try --demo");
		return false;
	}
	/* Credentials in the URL are refused before anything else, and never printed. */
	if (profile_url_has_userinfo(p->url)) {
		*why = xstrdup("the Kibana URL holds credentials (user@ or user:password@); give them with --user and "
			       "--password-file, KIBANA_USERNAME/KIBANA_PASSWORD or the config file instead");
		return false;
	}
	/* Schemes are case-insensitive (RFC 3986): HTTPS://host is https://host. */
	if (strncasecmp(p->url, "http://", 7) != 0 && strncasecmp(p->url, "https://", 8) != 0) {
		char *shown = profile_display_url(p->url);
		*why = xasprintf("the Kibana URL must start with http:// or https:// (got \"%s\")", shown);
		free(shown);
		return false;
	}
	static const struct {
		size_t off;
		const char *what;
	} creds[] = {
		{offsetof(struct profile, api_key), "API key (KIBANA_API_KEY, api_key_file or api_key)"},
		{offsetof(struct profile, username), "user name (KIBANA_USERNAME, --user or username)"},
		{offsetof(struct profile, password), "password (KIBANA_PASSWORD, password_file or password)"},
	};
	for (size_t i = 0; i < sizeof(creds) / sizeof(*creds); i++) {
		const char *v = *(char *const *)((const char *)p + creds[i].off);
		long at = profile_bad_credential(v);
		if (at >= 0) {
			/* The value itself is a secret: only where the bad byte is. */
			*why = xasprintf("the %s holds a control character (byte 0x%02x at position %ld): it cannot be "
					 "sent as one header value and was not sent; check where it comes from",
					 creds[i].what, (unsigned char)v[at], at + 1);
			return false;
		}
	}
	return true;
}
