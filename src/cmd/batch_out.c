#include "config.h"
#include "cmd/batch_out.h"
#include "cmd/output.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/table.h"
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void batch_out_init(struct batch_out *o, FILE *f, bool tty, int width)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->tty = tty;
	o->width = width;
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

/* Write a value as --json prints it, with a final newline. */
static bool batch_out_json(struct batch_out *o, const json_t *j)
{
	if (o->err)
		return false;
	/* On a terminal, escape non-ASCII so no server byte can act as a control sequence. */
	size_t flags = JSON_INDENT(2) | JSON_ENCODE_ANY | (o->tty ? JSON_ENSURE_ASCII : 0);
	errno = 0;
	if (json_dumpf(j, o->f, flags) != 0 || fputc('\n', o->f) == EOF)
		return batch_out_failed(o);
	return true;
}

static void batch_out_sanitized(struct strbuf *sb, const char *s, enum sanitize_mode mode)
{
	sanitize_append(sb, s, strlen(s), mode);
	strbuf_putc(sb, '\n');
}

bool batch_out_write(struct batch_out *o, const struct cmd_output *out, bool json)
{
	if (json && out->json)
		return batch_out_json(o, out->json) && batch_out_flush(o);
	struct strbuf sb;
	strbuf_init(&sb);
	switch (out->kind) {
	case CMD_OUT_MESSAGE:
		batch_out_sanitized(&sb, out->message, SANITIZE_TEXT);
		break;
	case CMD_OUT_TABLE:
		if (o->tty)
			table_render_fit(out->table, o->width, &sb);
		else
			table_render_plain(out->table, &sb);
		break;
	case CMD_OUT_RECORD:
		if (out->message)
			batch_out_sanitized(&sb, out->message, SANITIZE_LINE);
		record_render(out->record, &sb);
		break;
	}
	bool ok = batch_out_text(o, sb.buf, sb.len) && batch_out_flush(o);
	strbuf_free(&sb);
	return ok;
}
