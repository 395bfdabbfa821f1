/*
 * Fuzz target: the sanitizer, the one gate between server text and the terminal, in both
 * modes and with the terminal in UTF-8 and in ASCII. Aborts when its output breaks what
 * sanitize.h promises, or when cutting and padding it to a width gives more columns.
 */
#include "config.h"
#include "fuzz/fuzz.h"
#include "core/markdown.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <locale.h>
#include <stdbool.h>
#include <string.h>
#include <wchar.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* As the program and the tests run: wcwidth() follows a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static bool fuzz_is_bidi(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	       cp == 0x061C;
}

/* What every sanitized string must be, whatever went in. */
static void fuzz_check_safe(const struct strbuf *o, enum sanitize_mode mode, bool ascii)
{
	FUZZ_CHECK(strlen(o->buf) == o->len); /* no NUL: it is used as a C string */
	FUZZ_CHECK(utf8_valid(o->buf, o->len));
	size_t i = 0;
	while (i < o->len) {
		uint32_t cp;
		size_t n = utf8_decode(o->buf + i, o->len - i, &cp);
		FUZZ_CHECK(cp != UTF8_INVALID);
		if (cp == '\n')
			FUZZ_CHECK(mode == SANITIZE_TEXT);
		else
			FUZZ_CHECK(cp >= 0x20);
		FUZZ_CHECK(cp != 0x7F);
		FUZZ_CHECK(cp < 0x80 || cp > 0x9F);
		FUZZ_CHECK(!fuzz_is_bidi(cp));
		FUZZ_CHECK(cp != 0x2028 && cp != 0x2029);
		FUZZ_CHECK(!ascii || cp < 0x80);
		FUZZ_CHECK(cp == '\n' || wcwidth((wchar_t)cp) >= 0);
		i += n;
	}
}

/* Cutting to cols columns: utf8_fit stays within them on a character boundary; the pads fill them exactly. */
static void fuzz_check_width(const char *s, size_t len, int cols)
{
	int got = -1;
	size_t n = utf8_fit(s, cols, &got);
	FUZZ_CHECK(n <= len);
	FUZZ_CHECK(got >= 0 && got <= cols);
	FUZZ_CHECK(utf8_valid(s, n));

	struct strbuf pad;
	strbuf_init(&pad);
	utf8_pad(&pad, s, cols);
	FUZZ_CHECK(utf8_valid(pad.buf, pad.len));
	FUZZ_CHECK(utf8_width(pad.buf) == cols);
	strbuf_reset(&pad);
	utf8_pad_right(&pad, s, cols);
	FUZZ_CHECK(utf8_valid(pad.buf, pad.len));
	FUZZ_CHECK(utf8_width(pad.buf) == cols);
	strbuf_free(&pad);
}

/* raw is exactly len bytes (so ASan sees a read past them); s is the same text NUL-terminated. */
static void fuzz_one(const char *raw, size_t len, const char *s, enum sanitize_mode mode, bool ascii)
{
	utf8_set_ascii(ascii);
	struct strbuf o;
	strbuf_init(&o);
	sanitize_append(&o, raw, len, mode);
	fuzz_check_safe(&o, mode, ascii);

	/* Safe text passes through unchanged: sanitizing twice changes nothing. */
	struct strbuf again;
	strbuf_init(&again);
	sanitize_append(&again, o.buf, o.len, mode);
	FUZZ_CHECK(again.len == o.len && memcmp(again.buf, o.buf, o.len) == 0);
	strbuf_free(&again);

	/* sanitize_str is sanitize_append on the text before the first NUL. */
	char *str = sanitize_str(s, mode);
	struct strbuf head;
	strbuf_init(&head);
	sanitize_append(&head, s, strlen(s), mode);
	FUZZ_CHECK(strcmp(str, head.buf) == 0);
	strbuf_free(&head);
	free(str);

	/* A Markdown report of the same text carries no control character either. */
	struct strbuf md;
	strbuf_init(&md);
	markdown_inline(&md, s);
	markdown_block(&md, s, "> ");
	for (size_t i = 0; i < md.len; i++)
		FUZZ_CHECK((unsigned char)md.buf[i] >= 0x20 || md.buf[i] == '\n');
	FUZZ_CHECK(utf8_valid(md.buf, md.len));
	strbuf_free(&md);

	int width = utf8_width(o.buf);
	const int cols[] = {0, 1, 2, width / 2, width - 1, width, width + 1};
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if (cols[i] >= 0)
			fuzz_check_width(o.buf, o.len, cols[i]);
	strbuf_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A NUL-terminated copy for sanitize_str; sanitize_append gets the exact bytes. */
	char *s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	for (int ascii = 0; ascii < 2; ascii++) {
		fuzz_one((const char *)data, size, s, SANITIZE_LINE, ascii);
		fuzz_one((const char *)data, size, s, SANITIZE_TEXT, ascii);
	}
	utf8_set_ascii(false);
	free(s);
	return 0;
}
