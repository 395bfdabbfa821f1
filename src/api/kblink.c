#include "config.h"
#include "api/kblink.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A configured URL goes into links only when it is printable ASCII without spaces. */
static bool kblink_printable(const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c <= 0x20 || *c >= 0x7f)
			return false;
	return true;
}

/*
 * The base of every link: the URL without a trailing '/', then /s/<space> unless the space is
 * the default one (addSpaceIdToPath in Kibana's spaces plugin). False when the profile has no
 * URL, or one that holds anything but printable ASCII (a link never carries control bytes).
 */
static bool kblink_base(const struct profile *p, struct strbuf *out)
{
	if (!p || !p->url || !*p->url || !kblink_printable(p->url))
		return false;
	size_t n = strlen(p->url);
	while (n > 0 && p->url[n - 1] == '/')
		n--;
	strbuf_add(out, p->url, n);
	char *prefix = profile_space_prefix(p);
	strbuf_puts(out, prefix);
	free(prefix);
	return true;
}

/* base + path + the encoded id (+ rest, already encoded); NULL without a base or an id. */
static char *kblink_make(const struct profile *p, const char *path, const char *id, bool in_query)
{
	if (!id || !*id)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	if (!kblink_base(p, &sb)) {
		strbuf_free(&sb);
		return NULL;
	}
	strbuf_puts(&sb, path);
	if (in_query) {
		urlenc_append(&sb, id);
	} else {
		char *seg = urlenc_segment(id);
		strbuf_puts(&sb, seg);
		free(seg);
	}
	return strbuf_detach(&sb, NULL);
}

char *kblink_case(const struct profile *p, const char *case_id)
{
	/* getCaseViewPath: the security app's cases route, then the case id. */
	return kblink_make(p, "/app/security/cases/", case_id, false);
}

char *kblink_alert(const struct profile *p, const char *alert_id, const char *timestamp)
{
	/* buildAlertDetailPath: the redirect page opens the alert's flyout from its index and time. */
	char *link = kblink_make(p, "/app/security/alerts/redirect/", alert_id, false);
	if (!link)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, link);
	free(link);
	strbuf_puts(&sb, "?index=");
	char *index = xasprintf(".alerts-security.alerts-%s", p->space && *p->space ? p->space : "default");
	urlenc_append(&sb, index);
	free(index);
	if (timestamp && *timestamp) {
		strbuf_puts(&sb, "&timestamp=");
		urlenc_append(&sb, timestamp);
	}
	return strbuf_detach(&sb, NULL);
}

char *kblink_host(const struct profile *p, const char *agent_id)
{
	/* getEndpointDetailsPath: the endpoints list with the host's flyout open on its details. */
	char *link = kblink_make(p, "/app/security/administration/endpoints?selected_endpoint=", agent_id, true);
	if (!link)
		return NULL;
	char *full = xasprintf("%s&show=details", link);
	free(link);
	return full;
}

char *kblink_conversation(const struct profile *p, const char *conversation_id)
{
	/* copyConversationUrl: the security app opens the assistant on the conversation. */
	return kblink_make(p, "/app/security/get_started?assistant=", conversation_id, true);
}
