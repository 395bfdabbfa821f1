#include "config.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static int tokenize_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int tokenize(const char *line, int *argc, char ***argv, char **err)
{
	size_t cap = 8;
	int n = 0;
	char **v = xcalloc(cap, sizeof(char *));
	const char *p = line;
	struct strbuf w;
	strbuf_init(&w);
	for (;;) {
		while (tokenize_blank(*p))
			p++;
		if (!*p)
			break;
		strbuf_reset(&w);
		while (*p && !tokenize_blank(*p)) {
			if (*p == '\'') {
				const char *end = strchr(p + 1, '\'');
				if (!end)
					goto unterminated;
				strbuf_add(&w, p + 1, (size_t)(end - p - 1));
				p = end + 1;
			} else if (*p == '"') {
				p++;
				while (*p && *p != '"') {
					if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
						p++;
					strbuf_putc(&w, *p++);
				}
				if (*p != '"')
					goto unterminated;
				p++;
			} else if (*p == '\\' && p[1]) {
				strbuf_putc(&w, p[1]);
				p += 2;
			} else {
				strbuf_putc(&w, *p++);
			}
		}
		if ((size_t)n + 2 > cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof(char *));
		}
		v[n++] = xstrndup(w.buf, w.len);
	}
	strbuf_free(&w);
	v[n] = NULL;
	*argc = n;
	*argv = v;
	return 0;
unterminated:
	strbuf_free(&w);
	tokenize_free(n, v);
	*err = xstrdup("unterminated quote");
	return -1;
}

void tokenize_free(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

void tokenize_quote(struct strbuf *out, const char *s)
{
	if (*s && !strpbrk(s, " \t\n\r'\"\\")) {
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_puts(out, "'\\''");
		else
			strbuf_putc(out, *s);
	}
	strbuf_putc(out, '\'');
}
