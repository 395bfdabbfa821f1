#include "config.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <string.h>
#include <wchar.h>

/* Placeholders (UTF-8 / ASCII). */
#define PH_INVALID "\xef\xbf\xbd" /* U+FFFD REPLACEMENT CHARACTER */
#define PH_C1 "\xe2\x90\xa6"      /* U+2426 SYMBOL FOR SUBSTITUTE FORM TWO */
#define PH_BIDI "\xe2\x87\x84"    /* U+21C4 RIGHTWARDS ARROW OVER LEFTWARDS ARROW */
#define PH_NEWLINE "\xe2\x90\xa4" /* U+2424 SYMBOL FOR NEWLINE */
#define PH_DEL "\xe2\x90\xa1"     /* U+2421 SYMBOL FOR DELETE */

static bool sanitize_is_bidi(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Characters that take no room and show nothing, so they could hide inside an id or a name unseen. */
static bool sanitize_is_invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
	       (cp >= 0x180B && cp <= 0x180E) || (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) ||
	       cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE007F);
}

static void sanitize_put(struct strbuf *out, const char *utf8, const char *ascii)
{
	strbuf_puts(out, utf8_is_ascii() ? ascii : utf8);
}

static void sanitize_c0(struct strbuf *out, uint32_t cp)
{
	if (utf8_is_ascii()) {
		char pic[3] = {'^', (char)(cp + '@'), '\0'};
		strbuf_puts(out, pic);
		return;
	}
	char buf[4];
	strbuf_add(out, buf, utf8_encode(0x2400 + cp, buf));
}

/* Sanitize s[0..len) into out, examining at most max code points; returns the bytes consumed. */
static size_t sanitize_run(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode, size_t max)
{
	size_t i = 0, seen = 0;
	int marks = 0; /* combining marks on the character before */
	while (i < len && seen++ < max) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		bool mark = false;
		if (cp == UTF8_INVALID) {
			sanitize_put(out, PH_INVALID, "?");
		} else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			if (mode == SANITIZE_TEXT)
				strbuf_putc(out, '\n');
			else
				sanitize_put(out, PH_NEWLINE, " ");
		} else if (cp == '\r') {
			if (!(mode == SANITIZE_TEXT && i + 1 < len && s[i + 1] == '\n'))
				sanitize_c0(out, cp);
		} else if (cp == '\t') {
			strbuf_putc(out, ' ');
		} else if (cp < 0x20) {
			sanitize_c0(out, cp);
		} else if (cp == 0x7F) {
			sanitize_put(out, PH_DEL, "^?");
		} else if (cp >= 0x80 && cp <= 0x9F) {
			sanitize_put(out, PH_C1, "?");
		} else if (sanitize_is_bidi(cp)) {
			sanitize_put(out, PH_BIDI, "?");
		} else if (sanitize_is_invisible(cp)) {
			strbuf_printf(out, "<%04x>", (unsigned)cp);
		} else if (cp >= 0x80 && utf8_is_ascii()) {
			strbuf_putc(out, '?');
		} else if (cp >= 0xA0 && wcwidth((wchar_t)cp) < 0) {
			sanitize_put(out, PH_INVALID, "?");
		} else if (cp >= 0x300 && wcwidth((wchar_t)cp) == 0) {
			mark = true;
			if (marks++ < SANITIZE_MAX_MARKS)
				strbuf_add(out, s + i, n);
		} else {
			strbuf_add(out, s + i, n);
		}
		if (!mark)
			marks = 0;
		i += n;
	}
	return i;
}

void sanitize_append(struct strbuf *out, const char *s, size_t len, enum sanitize_mode mode)
{
	sanitize_run(out, s, len, mode, (size_t)-1);
}

void sanitize_field(struct strbuf *out, const char *s, size_t len, size_t max)
{
	if (sanitize_run(out, s, len, SANITIZE_LINE, max) < len)
		sanitize_put(out, "\xe2\x80\xa6", "~");
}

char *sanitize_str(const char *s, enum sanitize_mode mode)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (s)
		sanitize_append(&sb, s, strlen(s), mode);
	return strbuf_detach(&sb, NULL);
}
