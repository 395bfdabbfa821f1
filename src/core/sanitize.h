/* The one gate every server-supplied string passes before it is drawn or printed. */
#ifndef KT_SANITIZE_H
#define KT_SANITIZE_H
#include <stddef.h>

struct strbuf;

/* How sanitize_* treat line breaks. */
enum sanitize_mode {
	SANITIZE_LINE, /* one display line: newlines become a visible mark */
	SANITIZE_TEXT, /* multi-line text: newlines kept, CRLF folded to LF */
};

/*
 * Append len bytes of untrusted text to out, made safe for a terminal:
 * C0/C1 controls, DEL, escape sequences (shown, never interpreted), bidi
 * overrides and isolates, and invalid UTF-8 become visible placeholders;
 * tabs become a space. The result is valid UTF-8 (ASCII in ASCII mode).
 */
void sanitize_append(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode);
/* A new sanitized copy of the NUL-terminated s (NULL gives ""). */
char *sanitize_str(const char *s, enum sanitize_mode mode);

#endif
