#include "config.h"
#include "api/jsonnum.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool jsonnum_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of the number token at s (at most len bytes), and whether it is an integer. */
static size_t jsonnum_token(const char *s, size_t len, bool *integer)
{
	size_t i = 0;
	*integer = true;
	if (i < len && s[i] == '-')
		i++;
	while (i < len && jsonnum_digit(s[i]))
		i++;
	if (i < len && s[i] == '.') {
		*integer = false;
		i++;
		while (i < len && jsonnum_digit(s[i]))
			i++;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		*integer = false;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && jsonnum_digit(s[i]))
			i++;
	}
	return i;
}

/* jansson would refuse this number: an integer past json_int_t, a real past a double. */
static bool jsonnum_too_big(const char *s, size_t n, bool integer)
{
	char *text = xstrndup(s, n);
	errno = 0;
	bool big;
	if (integer) {
		/* json_int_t is long long where jansson has it (every supported version). */
		(void)strtoll(text, NULL, 10);
		big = errno == ERANGE;
	} else {
		double v = strtod(text, NULL);
		big = errno == ERANGE && isinf(v);
	}
	free(text);
	return big;
}

char *jsonnum_quote_big(const char *buf, size_t len, size_t *out_len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	bool changed = false;
	size_t i = 0, copied = 0;
	while (i < len) {
		char c = buf[i];
		if (c == '"') {
			/* Skip a string, escapes and all. */
			for (i++; i < len && buf[i] != '"'; i++)
				if (buf[i] == '\\')
					i++;
			i++;
			continue;
		}
		if (c != '-' && !jsonnum_digit(c)) {
			i++;
			continue;
		}
		bool integer;
		size_t n = jsonnum_token(buf + i, len - i, &integer);
		if (n == 0)
			n = 1;
		if (jsonnum_too_big(buf + i, n, integer)) {
			strbuf_add(&sb, buf + copied, i - copied);
			strbuf_putc(&sb, '"');
			strbuf_add(&sb, buf + i, n);
			strbuf_putc(&sb, '"');
			copied = i + n;
			changed = true;
		}
		i += n;
	}
	if (!changed) {
		strbuf_free(&sb);
		return NULL;
	}
	strbuf_add(&sb, buf + copied, len - copied);
	return strbuf_detach(&sb, out_len);
}
