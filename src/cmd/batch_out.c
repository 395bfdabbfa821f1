#include "config.h"
#include "cmd/batch_out.h"
#include "cmd/output.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Spaces per level of JSON indentation, as jansson's JSON_INDENT. */
#define BATCH_INDENT 2

void batch_out_init(struct batch_out *o, FILE *f, bool tty, int width)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->tty = tty;
	o->width = width;
}

void batch_out_free(struct batch_out *o)
{
	free(o->widths);
	o->widths = NULL;
}

/* Remember the first failure; errno may be 0 when the stream only has its error flag. */
static bool batch_out_failed(struct batch_out *o)
{
	if (!o->err)
		o->err = errno ? errno : EIO;
	return false;
}

bool batch_out_text(struct batch_out *o, const char *s, size_t len)
{
	if (o->err)
		return false;
	errno = 0;
	if (len && fwrite(s, 1, len, o->f) != len)
		return batch_out_failed(o);
	return true;
}

bool batch_out_flush(struct batch_out *o)
{
	if (o->err)
		return false;
	errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		return batch_out_failed(o);
	return true;
}

/* jansson's flags for a value: on a terminal non-ASCII is escaped, so no server byte can act as a control sequence. */
static size_t batch_out_json_flags(const struct batch_out *o, bool compact)
{
	return (compact ? JSON_COMPACT : JSON_INDENT(BATCH_INDENT)) | JSON_ENCODE_ANY | (o->tty ? JSON_ENSURE_ASCII : 0);
}

static int batch_out_dump_cb(const char *buffer, size_t size, void *data)
{
	strbuf_add(data, buffer, size);
	return 0;
}

/* Append a value's text, every line after the first indented by indent spaces (JSON strings hold no raw newline). */
static void batch_out_dump(const struct batch_out *o, const json_t *v, size_t indent, bool compact, struct strbuf *sb)
{
	struct strbuf text;
	strbuf_init(&text);
	json_dump_callback(v, batch_out_dump_cb, &text, batch_out_json_flags(o, compact));
	for (const char *p = text.buf, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			strbuf_puts(sb, p);
			break;
		}
		strbuf_add(sb, p, (size_t)(nl + 1 - p));
		strbuf_printf(sb, "%*s", (int)indent, "");
	}
	strbuf_free(&text);
}

/* Append `"key": ` at indent. */
static void batch_out_key(const struct batch_out *o, const char *key, size_t indent, struct strbuf *sb)
{
	json_t *k = json_string(key);
	strbuf_printf(sb, "%*s", (int)indent, "");
	batch_out_dump(o, k, 0, true, sb);
	strbuf_puts(sb, ": ");
	json_decref(k);
}

/* Write a whole value as --json prints it, with a final newline, straight to the stream. */
static bool batch_out_json(struct batch_out *o, const json_t *j)
{
	if (o->err)
		return false;
	errno = 0;
	if (json_dumpf(j, o->f, batch_out_json_flags(o, false)) != 0 || fputc('\n', o->f) == EOF)
		return batch_out_failed(o);
	return true;
}

/* The array at a dotted path ("hits.hits") inside j, or NULL. */
static json_t *batch_out_at(json_t *j, const char *path)
{
	while (path && json_is_object(j)) {
		size_t n = strcspn(path, ".");
		char *key = xstrndup(path, n);
		j = json_object_get(j, key);
		free(key);
		path = path[n] ? path + n + 1 : NULL;
	}
	return path ? NULL : json_is_array(j) ? j : NULL;
}

/* Each item of an array on a line of its own. */
static void batch_out_lines(const struct batch_out *o, json_t *items, struct strbuf *sb)
{
	size_t i;
	json_t *v;
	json_array_foreach(items, i, v) {
		batch_out_dump(o, v, 0, true, sb);
		strbuf_putc(sb, '\n');
	}
}

/*
 * The head of a list's document: head's members, then the member that holds the items, its
 * object's members first along path, down to the items array's opening bracket.
 */
static void batch_out_head(struct batch_out *o, json_t *head, const char *path, struct strbuf *sb)
{
	size_t level = o->depth + 1, indent = level * BATCH_INDENT;
	o->depth = level;
	size_t n = strcspn(path, ".");
	char *key = xstrndup(path, n);
	strbuf_putc(sb, '{');
	const char *k;
	json_t *v;
	json_object_foreach(head, k, v) {
		if (!strcmp(k, key))
			continue;
		strbuf_putc(sb, '\n');
		batch_out_key(o, k, indent, sb);
		batch_out_dump(o, v, indent, false, sb);
		strbuf_putc(sb, ',');
	}
	strbuf_putc(sb, '\n');
	batch_out_key(o, key, indent, sb);
	if (path[n]) {
		json_t *inner = json_object_get(head, key);
		json_t *empty = json_is_object(inner) ? NULL : json_object();
		batch_out_head(o, empty ? empty : inner, path + n + 1, sb);
		json_decref(empty);
	} else {
		strbuf_putc(sb, '[');
	}
	free(key);
}

/* The items of a piece, each after a comma but the first. */
static void batch_out_items(struct batch_out *o, json_t *items, struct strbuf *sb)
{
	size_t indent = (o->depth + 1) * BATCH_INDENT, i;
	json_t *v;
	json_array_foreach(items, i, v) {
		strbuf_puts(sb, o->items++ ? ",\n" : "\n");
		strbuf_printf(sb, "%*s", (int)indent, "");
		batch_out_dump(o, v, indent, false, sb);
	}
}

/* Close the items array and the objects around it; tail's members end the outermost one. */
static void batch_out_tail(struct batch_out *o, json_t *tail, struct strbuf *sb)
{
	if (o->items)
		strbuf_printf(sb, "\n%*s", (int)(o->depth * BATCH_INDENT), "");
	strbuf_putc(sb, ']');
	for (size_t level = o->depth; level > 0; level--) {
		if (level == 1 && json_is_object(tail)) {
			const char *k;
			json_t *v;
			json_object_foreach(tail, k, v) {
				strbuf_puts(sb, ",\n");
				batch_out_key(o, k, BATCH_INDENT, sb);
				batch_out_dump(o, v, BATCH_INDENT, false, sb);
			}
		}
		strbuf_printf(sb, "\n%*s}", (int)((level - 1) * BATCH_INDENT), "");
	}
	strbuf_putc(sb, '\n');
	o->depth = 0;
	o->items = 0;
}

/* A piece of a list's table: widths are chosen with the first piece (fitted on a terminal), then kept or grown. */
static void batch_out_table_piece(struct batch_out *o, const struct cmd_output *out, struct strbuf *sb)
{
	bool first = !o->widths;
	if (first)
		o->widths = table_widths(out->table, o->tty ? o->width : 0);
	else if (!o->tty)
		table_widths_grow(out->table, o->widths);
	table_render_with(out->table, o->widths, first, sb);
}

/* A piece of a list (FIRST, MORE, LAST). */
static void batch_out_piece(struct batch_out *o, const struct cmd_output *out, enum batch_format fmt,
			    struct strbuf *sb)
{
	if (fmt == BATCH_TEXT) {
		if (out->part != CMD_PART_LAST && out->table)
			batch_out_table_piece(o, out, sb);
		else if (out->part == CMD_PART_LAST)
			batch_out_free(o);
		return;
	}
	if (fmt == BATCH_NDJSON) {
		if (out->items)
			batch_out_lines(o, out->items, sb);
		return;
	}
	if (out->part == CMD_PART_FIRST)
		batch_out_head(o, json_is_object(out->json) ? out->json : NULL, out->items_path ? out->items_path : "items",
			       sb);
	if (out->items)
		batch_out_items(o, out->items, sb);
	if (out->part == CMD_PART_LAST)
		batch_out_tail(o, out->json, sb);
}

static void batch_out_sanitized(struct strbuf *sb, const char *s, enum sanitize_mode mode)
{
	sanitize_append(sb, s, strlen(s), mode);
	strbuf_putc(sb, '\n');
}

/* A whole result. */
static void batch_out_whole(struct batch_out *o, const struct cmd_output *out, enum batch_format fmt,
			    struct strbuf *sb)
{
	if (fmt == BATCH_NDJSON && out->json) {
		json_t *items = batch_out_at(out->json, out->items_path);
		if (items) {
			batch_out_lines(o, items, sb);
		} else {
			batch_out_dump(o, out->json, 0, true, sb);
			strbuf_putc(sb, '\n');
		}
		return;
	}
	switch (out->kind) {
	case CMD_OUT_MESSAGE:
		batch_out_sanitized(sb, out->message, SANITIZE_TEXT);
		break;
	case CMD_OUT_TABLE:
		if (o->tty)
			table_render_fit(out->table, o->width, sb);
		else
			table_render_plain(out->table, sb);
		break;
	case CMD_OUT_RECORD:
		if (out->message)
			batch_out_sanitized(sb, out->message, SANITIZE_LINE);
		record_render(out->record, sb);
		break;
	}
}

bool batch_out_write(struct batch_out *o, const struct cmd_output *out, enum batch_format fmt)
{
	/* A result without JSON (a message, help) is written as text whatever the format. */
	if (out->part == CMD_PART_WHOLE && !out->json)
		fmt = BATCH_TEXT;
	if (out->part == CMD_PART_WHOLE && fmt == BATCH_JSON)
		return batch_out_json(o, out->json) && batch_out_flush(o);
	struct strbuf sb;
	strbuf_init(&sb);
	if (out->part == CMD_PART_WHOLE)
		batch_out_whole(o, out, fmt, &sb);
	else
		batch_out_piece(o, out, fmt, &sb);
	bool ok = batch_out_text(o, sb.buf, sb.len) && batch_out_flush(o);
	strbuf_free(&sb);
	return ok;
}
