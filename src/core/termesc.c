#include "config.h"
#include "core/termesc.h"
#include "core/strbuf.h"
#include <string.h>

#define ESC "\x1b"
/* String Terminator: ends an OSC on every terminal that knows OSC 8 or 52. */
#define ST ESC "\\"

bool termesc_url_ok(const char *url)
{
	if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0))
		return false;
	size_t n = strlen(url);
	if (n > TERMESC_URL_MAX)
		return false;
	/* Printable ASCII only: no ESC, BEL, C1 or UTF-8 that could end the OSC or start another; ';' is fine in the URI. */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= 0x20 || (unsigned char)url[i] >= 0x7f)
			return false;
	return true;
}

bool termesc_link_open(struct strbuf *out, const char *url, unsigned id)
{
	if (!termesc_url_ok(url))
		return false;
	strbuf_printf(out, ESC "]8;id=kt%u;%s" ST, id, url);
	return true;
}

void termesc_link_close(struct strbuf *out)
{
	strbuf_puts(out, ESC "]8;;" ST);
}

bool termesc_clipboard(struct strbuf *out, const char *data, size_t len)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	if (!data || !len || len > TERMESC_CLIP_MAX)
		return false;
	strbuf_puts(out, ESC "]52;c;");
	const unsigned char *s = (const unsigned char *)data;
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < len ? s[i + 2] : 0);
		char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < len ? b64[v >> 6 & 63] : '=',
			     i + 2 < len ? b64[v & 63] : '='};
		strbuf_add(out, q, 4);
	}
	strbuf_puts(out, ST);
	return true;
}

void termesc_save(struct strbuf *out)
{
	strbuf_puts(out, ESC "7");
}

void termesc_restore(struct strbuf *out)
{
	strbuf_puts(out, ESC "8");
}

void termesc_move(struct strbuf *out, int y, int x)
{
	strbuf_printf(out, ESC "[%d;%dH", y + 1, x + 1);
}

/* One colour: the 8 basic and 8 bright ones by their own codes, the rest through the 256-colour form. */
static void termesc_color(struct strbuf *out, int c, int base)
{
	if (c < 0)
		strbuf_printf(out, ";%d", base + 9);
	else if (c < 8)
		strbuf_printf(out, ";%d", base + c);
	else if (c < 16)
		strbuf_printf(out, ";%d", base + 60 + c - 8);
	else
		strbuf_printf(out, ";%d;5;%d", base + 8, c > 255 ? 255 : c);
}

void termesc_sgr(struct strbuf *out, unsigned attrs, int fg, int bg)
{
	static const struct {
		unsigned bit;
		int code;
	} codes[] = {{TERMESC_BOLD, 1}, {TERMESC_DIM, 2}, {TERMESC_ITALIC, 3}, {TERMESC_UNDERLINE, 4}, {TERMESC_REVERSE, 7}};
	strbuf_puts(out, ESC "[0");
	for (size_t i = 0; i < sizeof(codes) / sizeof(*codes); i++)
		if (attrs & codes[i].bit)
			strbuf_printf(out, ";%d", codes[i].code);
	termesc_color(out, fg, 30);
	termesc_color(out, bg, 40);
	strbuf_putc(out, 'm');
}
