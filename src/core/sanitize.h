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

/* Combining marks kept on one character: a terminal cell holds no more, and a run of thousands costs every frame. */
#define SANITIZE_MAX_MARKS 4
/* Code points sanitize_field examines: a field drawn every frame costs at most this, however long it is. */
#define SANITIZE_FIELD_MAX 2048

/*
 * Append len bytes of untrusted text to out, made safe for a terminal:
 * C0/C1 controls, DEL, escape sequences (shown, never interpreted), bidi
 * overrides and isolates, zero-width characters that could disguise a value
 * (U+200B, U+200D, U+2060, U+FEFF...) and invalid UTF-8 become visible
 * placeholders; tabs become a space; combining marks past SANITIZE_MAX_MARKS
 * on one character are dropped. The result is valid UTF-8 (ASCII in ASCII mode).
 */
void sanitize_append(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode);
/*
 * As sanitize_append in SANITIZE_LINE mode, examining at most max code points: what is
 * left is cut, with an ellipsis. For text drawn every frame (list cells, the status line).
 */
void sanitize_field(struct strbuf *out, const char *s, size_t len, size_t max);
/* A new sanitized copy of the NUL-terminated s (NULL gives ""). */
char *sanitize_str(const char *s, enum sanitize_mode mode);

#endif
