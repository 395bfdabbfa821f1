/* Small presentation helpers shared by panes: colours for values, safe cell text. */
#ifndef KT_UIFMT_H
#define KT_UIFMT_H
#include "ui/theme.h"

struct strbuf;

/* The colour of a severity word (low, medium, high, critical). */
enum theme_role uifmt_severity_role(const char *severity);
/* The colour of a status word (open, in-progress, acknowledged, closed, pending, successful, failed...). */
enum theme_role uifmt_status_role(const char *status);
/* Append untrusted text made safe for one screen line (at most SANITIZE_FIELD_MAX characters of it looked at). */
void uifmt_line(struct strbuf *out, const char *text);

#endif
