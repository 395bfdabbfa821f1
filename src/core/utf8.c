#include "config.h"
#include "core/utf8.h"
#include "core/strbuf.h"
#include <string.h>
#include <wchar.h>

static bool utf8_ascii_mode;

void utf8_set_ascii(bool ascii)
{
	utf8_ascii_mode = ascii;
}

bool utf8_is_ascii(void)
{
	return utf8_ascii_mode;
}

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	uint32_t v, min;
	size_t n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_INVALID;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTF8_INVALID;
		return 1;
	}
	*cp = v;
	return n;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return false;
	}
	return true;
}

int utf8_cp_width(uint32_t cp)
{
	if (cp < 0x80)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int utf8_width(const char *s)
{
	int cols = 0;
	utf8_fit(s, -1, &cols);
	return cols;
}

size_t utf8_fit(const char *s, int max_cols, int *cols)
{
	size_t i = 0;
	int w = 0;
	/* No strlen: only what fits is looked at, however long the rest of s is. */
	while (s[i]) {
		uint32_t cp = (unsigned char)s[i];
		size_t n = cp < 0x80 ? 1 : utf8_decode(s + i, strnlen(s + i, 4), &cp);
		int cw = cp < 0x80 ? 1 : utf8_cp_width(cp);
		if (max_cols >= 0 && w + cw > max_cols)
			break;
		w += cw;
		i += n;
	}
	if (cols)
		*cols = w;
	return i;
}

size_t utf8_wrap(const char *s, int cols)
{
	/* Only the part that fits is searched for a newline: a long line costs its first row, not its length. */
	size_t fit = utf8_fit(s, cols > 0 ? cols : 1, NULL);
	const char *nl = memchr(s, '\n', fit);
	if (nl)
		return (size_t)(nl - s);
	if (s[fit] == '\0' || s[fit] == '\n')
		return fit;
	size_t brk = fit;
	while (brk > 0 && s[brk - 1] != ' ')
		brk--;
	/* No space in the last third: cut in the word rather than leave a short line. */
	if (brk < fit / 3 * 2 || brk == 0)
		brk = fit ? fit : utf8_fit(s, 2, NULL);
	return brk;
}

static void utf8_spaces(struct strbuf *out, int n)
{
	for (; n > 0; n--)
		strbuf_putc(out, ' ');
}

/* Append s cut to cols columns; returns the columns left over for padding. */
static int utf8_cut(struct strbuf *out, const char *s, int cols)
{
	int w;
	if (cols <= 0)
		return 0;
	size_t n = utf8_fit(s, cols, &w);
	if (s[n] == '\0') {
		strbuf_add(out, s, n);
		return cols - w;
	}
	/* Truncated: leave a column for the ellipsis. */
	n = utf8_fit(s, cols - 1, &w);
	strbuf_add(out, s, n);
	strbuf_puts(out, utf8_ascii_mode ? "~" : "\xe2\x80\xa6");
	return cols - w - 1;
}

void utf8_pad(struct strbuf *out, const char *s, int cols)
{
	utf8_spaces(out, utf8_cut(out, s, cols));
}

void utf8_pad_right(struct strbuf *out, const char *s, int cols)
{
	int w = utf8_width(s);
	if (w >= cols) {
		/* Cutting before a wide character can leave a column over: pad it on the left. */
		struct strbuf cut;
		strbuf_init(&cut);
		utf8_spaces(out, utf8_cut(&cut, s, cols));
		strbuf_add(out, cut.buf, cut.len);
		strbuf_free(&cut);
		return;
	}
	utf8_spaces(out, cols - w);
	strbuf_puts(out, s);
}

size_t utf8_chars(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
	}
	return n;
}

size_t utf8_utf16_len(const char *s)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		n += cp != UTF8_INVALID && cp > 0xFFFF ? 2 : 1;
	}
	return n;
}
