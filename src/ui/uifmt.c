#include "config.h"
#include "ui/uifmt.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include <string.h>

enum theme_role uifmt_severity_role(const char *s)
{
	if (!s)
		return ROLE_NORMAL;
	if (!strcmp(s, "critical"))
		return ROLE_SEV_CRITICAL;
	if (!strcmp(s, "high"))
		return ROLE_SEV_HIGH;
	if (!strcmp(s, "medium"))
		return ROLE_SEV_MEDIUM;
	if (!strcmp(s, "low"))
		return ROLE_SEV_LOW;
	return ROLE_NORMAL;
}

enum theme_role uifmt_status_role(const char *s)
{
	if (!s)
		return ROLE_NORMAL;
	if (!strcmp(s, "open"))
		return ROLE_STATUS_OPEN;
	if (!strcmp(s, "in-progress") || !strcmp(s, "acknowledged"))
		return ROLE_STATUS_PROGRESS;
	if (!strcmp(s, "closed"))
		return ROLE_STATUS_CLOSED;
	if (!strcmp(s, "pending"))
		return ROLE_STATUS_PENDING;
	if (!strcmp(s, "successful") || !strcmp(s, "healthy") || !strcmp(s, "success"))
		return ROLE_STATUS_OK;
	if (!strcmp(s, "failed") || !strcmp(s, "unhealthy") || !strcmp(s, "failure"))
		return ROLE_STATUS_FAILED;
	/* An endpoint policy that applied with warnings. */
	if (!strcmp(s, "warning"))
		return ROLE_STATUS_PROGRESS;
	return ROLE_NORMAL;
}

void uifmt_line(struct strbuf *out, const char *text)
{
	if (text)
		sanitize_field(out, text, strlen(text), SANITIZE_FIELD_MAX);
}
