#include "config.h"
#include "core/markdown.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Characters that format wherever they stand: emphasis, code, links, HTML, entities, tables, strikethrough. */
static bool markdown_special(char c)
{
	return c && strchr("\\`*_[]<>|~&", c) != NULL;
}

/* Escape one line; when it starts a line, also what would open a block (heading, list, quote, rule, setext). */
static void markdown_line(struct strbuf *out, const char *s, size_t n, bool line_start)
{
	size_t i = 0;
	while (line_start && i < n && s[i] == ' ')
		strbuf_putc(out, s[i++]);
	if (!line_start) {
		/* Inline text follows something on its line: only the characters below can format it. */
	} else if (i < n && strchr("#+-=>", s[i])) {
		strbuf_putc(out, '\\');
		strbuf_putc(out, s[i++]);
	} else if (i < n && s[i] >= '0' && s[i] <= '9') {
		size_t d = i;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d < n && (s[d] == '.' || s[d] == ')')) {
			strbuf_add(out, s + i, d - i);
			strbuf_putc(out, '\\');
			i = d;
		}
	}
	for (; i < n; i++) {
		if (markdown_special(s[i]))
			strbuf_putc(out, '\\');
		strbuf_putc(out, s[i]);
	}
}

void markdown_inline(struct strbuf *out, const char *s)
{
	char *clean = sanitize_str(s, SANITIZE_TEXT);
	for (char *p = clean; *p; p++)
		if (*p == '\n')
			*p = ' ';
	markdown_line(out, clean, strlen(clean), false);
	free(clean);
}

void markdown_block(struct strbuf *out, const char *s, const char *prefix)
{
	char *clean = sanitize_str(s, SANITIZE_TEXT);
	const char *p = clean;
	do {
		size_t n = strcspn(p, "\n");
		strbuf_puts(out, prefix);
		markdown_line(out, p, n, true);
		strbuf_putc(out, '\n');
		p += n;
	} while (*p++ == '\n' && *p);
	free(clean);
}
