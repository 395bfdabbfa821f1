#include "config.h"
#include "ui/notify.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Longest title or body sent, in bytes: notifications are one line. */
#define NOTIFY_MAX_TEXT 200

static const char *const notify_names[] = {"off", "bell", "auto", "osc9", "osc777", NULL};

bool notify_parse(const char *s, enum notify_kind *out)
{
	for (size_t i = 0; s && notify_names[i]; i++) {
		if (!strcmp(s, notify_names[i])) {
			*out = (enum notify_kind)i;
			return true;
		}
	}
	return false;
}

const char *notify_name(enum notify_kind k)
{
	return notify_names[k];
}

enum notify_kind notify_detect(const char *term, const char *term_program, bool kitty, bool tmux)
{
	if (tmux)
		return NOTIFY_BELL;
	term = term ? term : "";
	term_program = term_program ? term_program : "";
	if (!strncmp(term, "foot", 4))
		return NOTIFY_OSC777;
	if (!strcmp(term_program, "iTerm.app") || !strcmp(term_program, "WezTerm") ||
	    !strcmp(term_program, "ghostty") || !strcmp(term, "xterm-ghostty") || !strcmp(term, "xterm-kitty") || kitty)
		return NOTIFY_OSC9;
	return NOTIFY_BELL;
}

/* Text that can go inside the sequence: sanitized to one line, no separator where fields are split, bounded. */
static void notify_text(struct strbuf *out, const char *s, bool no_semicolon)
{
	char *clean = sanitize_str(s, SANITIZE_LINE);
	size_t len = strlen(clean);
	if (len > NOTIFY_MAX_TEXT) {
		len = NOTIFY_MAX_TEXT;
		while (len && ((unsigned char)clean[len] & 0xC0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)clean[i];
		/* The sanitizer leaves no controls; the terminator bytes are checked once more all the same. */
		if (c < 0x20 || c == 0x7f)
			continue;
		strbuf_putc(out, no_semicolon && c == ';' ? ',' : (char)c);
	}
	free(clean);
}

char *notify_sequence(enum notify_kind k, const char *title, const char *body)
{
	if (k != NOTIFY_OSC9 && k != NOTIFY_OSC777)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	if (k == NOTIFY_OSC9) {
		/* OSC 9 carries one text; it starts with the title, so it never reads as ConEmu's "9;N" commands. */
		strbuf_puts(&sb, "\033]9;");
		notify_text(&sb, title, false);
		strbuf_puts(&sb, ": ");
		notify_text(&sb, body, false);
	} else {
		strbuf_puts(&sb, "\033]777;notify;");
		notify_text(&sb, title, true);
		strbuf_putc(&sb, ';');
		notify_text(&sb, body, false);
	}
	strbuf_puts(&sb, "\033\\");
	return strbuf_detach(&sb, NULL);
}
