#include "config.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void record_init(struct record *r)
{
	memset(r, 0, sizeof(*r));
}

void record_free(struct record *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->items[i].label);
		free(r->items[i].value);
	}
	free(r->items);
	memset(r, 0, sizeof(*r));
}

static struct record_item *record_push(struct record *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->items = xreallocarray(r->items, r->cap, sizeof(*r->items));
	}
	struct record_item *it = &r->items[r->n++];
	memset(it, 0, sizeof(*it));
	return it;
}

void record_add(struct record *r, const char *label, const char *value)
{
	struct record_item *it = record_push(r);
	it->label = xstrdup(label);
	it->value = sanitize_str(value ? value : "-", SANITIZE_LINE);
}

void record_addf(struct record *r, const char *label, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	record_add(r, label, text);
	free(text);
}

void record_add_block(struct record *r, const char *label, const char *text)
{
	struct record_item *it = record_push(r);
	it->label = xstrdup(label);
	it->value = sanitize_str(text ? text : "", SANITIZE_TEXT);
	it->block = true;
}

void record_add_section(struct record *r, const char *title)
{
	struct record_item *it = record_push(r);
	it->value = sanitize_str(title, SANITIZE_LINE);
}

void record_render(const struct record *r, struct strbuf *out)
{
	int lw = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].label && !r->items[i].block && utf8_width(r->items[i].label) > lw)
			lw = utf8_width(r->items[i].label);
	for (size_t i = 0; i < r->n; i++) {
		const struct record_item *it = &r->items[i];
		if (!it->label) {
			strbuf_printf(out, "%s%s\n", i ? "\n" : "", it->value);
		} else if (it->block) {
			strbuf_printf(out, "%s:\n", it->label);
			const char *p = it->value;
			while (*p) {
				size_t n = strcspn(p, "\n");
				strbuf_puts(out, "    ");
				strbuf_add(out, p, n);
				strbuf_putc(out, '\n');
				p += n;
				if (*p == '\n')
					p++;
			}
		} else {
			strbuf_puts(out, it->label);
			strbuf_puts(out, ": ");
			for (int pad = utf8_width(it->label); pad < lw; pad++)
				strbuf_putc(out, ' ');
			strbuf_puts(out, it->value);
			strbuf_putc(out, '\n');
		}
	}
}
