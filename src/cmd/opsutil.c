#include "config.h"
#include "cmd/opsutil.h"
#include "api/kjson.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void opsutil_change(struct cmd_ctx *ctx, const char *what, const char *question, void (*then)(struct cmd_ctx *ctx))
{
	if (ctx->host->readonly) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "read-only mode: \"%s\" changes data and was refused before anything was sent "
			 "(drop --readonly, or set readonly = false in profile \"%s\")",
			 what, ctx->host->profile->name);
		return;
	}
	cmd_confirm(ctx, question, NULL, then);
}

char *opsutil_read_file(const char *path, size_t max, size_t *len, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err = xasprintf("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (sb.len + n > max) {
			*err = xasprintf("%s is larger than %zu MiB, more than Kibana accepts", path, max >> 20);
			fclose(f);
			strbuf_free(&sb);
			return NULL;
		}
		strbuf_add(&sb, buf, n);
	}
	if (ferror(f)) {
		*err = xasprintf("cannot read %s: %s", path, strerror(errno));
		fclose(f);
		strbuf_free(&sb);
		return NULL;
	}
	fclose(f);
	return strbuf_detach(&sb, len);
}

char *opsutil_join(char *const *v, size_t n, const char *sep)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? sep : "", v[i]);
	return strbuf_detach(&sb, NULL);
}

/* An array whose members are all scalars, joined with ", "; NULL otherwise. */
static char *opsutil_scalars(json_t *a)
{
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (json_is_object(v) || json_is_array(v)) {
			strbuf_free(&sb);
			return NULL;
		}
		char *t = kjson_text(v);
		strbuf_printf(&sb, "%s%s", i ? ", " : "", t);
		free(t);
	}
	return strbuf_detach(&sb, NULL);
}

void opsutil_record_json(struct record *r, json_t *obj)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		char *text = json_is_array(v) ? opsutil_scalars(v) : NULL;
		if (!text)
			text = json_is_null(v) ? xstrdup("-") : kjson_text(v);
		record_add(r, key, *text ? text : "-");
		free(text);
	}
}

char *opsutil_count(size_t n, const char *one, const char *many)
{
	return xasprintf("%zu %s", n, n == 1 ? one : many);
}
