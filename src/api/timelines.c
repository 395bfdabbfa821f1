#include "config.h"
#include "api/timelines.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

void timelines_ndjson_stats(const char *data, size_t len, struct timeline_ndjson_stats *st)
{
	memset(st, 0, sizeof(*st));
	const char *p = data, *end = data + len;
	size_t lineno = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		lineno++;
		/* Blank test within the line: data need not be NUL-terminated. */
		size_t blank = 0;
		while (blank < n && (p[blank] == ' ' || p[blank] == '\t' || p[blank] == '\r'))
			blank++;
		if (blank < n) {
			st->lines++;
			json_error_t jerr;
			json_t *v = json_loadb(p, n, JSON_REJECT_DUPLICATES, &jerr);
			if (!json_is_object(v)) {
				st->n_bad++;
				if (!st->bad_line)
					st->bad_line = lineno;
			}
			json_decref(v);
		}
		p += n + 1;
	}
}

struct api_request *timelines_import_request(const char *filename, const char *data, size_t len, bool immutable)
{
	struct api_request *req = api_request_new(HTTP_POST, "/api/timeline/_import");
	api_request_add_part(req, "file", filename, "application/ndjson", data, len);
	if (immutable)
		api_request_add_part(req, "isImmutable", NULL, NULL, "true", 4);
	api_request_set_model(req, &timelines_import_model);
	return req;
}

/* Everything is taken as it comes: the counts say what happened, errors[] says what did not. */
static void timelines_import_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct timeline_import_result *t = out;
	if (!kjson_want_object(r, j))
		return;
	t->success = kjson_bool(r, j, "success", KJ_ANY, false);
	t->success_count = kjson_int(r, j, "success_count", KJ_ANY, -1);
	t->installed = kjson_int(r, j, "timelines_installed", KJ_ANY, -1);
	t->updated = kjson_int(r, j, "timelines_updated", KJ_ANY, -1);
	json_t *errors = kjson_arr(r, j, "errors", KJ_ANY);
	t->errors = xcalloc(json_array_size(errors) + 1, sizeof(*t->errors));
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		struct timeline_import_error *te = &t->errors[t->n_errors++];
		te->id = kjson_str(r, e, "id", KJ_ANY);
		json_t *inner = kjson_obj(r, e, "error", KJ_ANY);
		te->message = inner ? kjson_str(r, inner, "message", KJ_ANY) : kjson_str(r, e, "error", KJ_ANY);
		te->status = kjson_int(r, inner, "status_code", KJ_ANY, -1);
	}
}

static void timelines_import_clear(void *out)
{
	struct timeline_import_result *t = out;
	for (size_t i = 0; i < t->n_errors; i++) {
		free(t->errors[i].id);
		free(t->errors[i].message);
	}
	free(t->errors);
	memset(t, 0, sizeof(*t));
}

const struct kmodel timelines_import_model = {
	.what = "timeline import",
	.size = sizeof(struct timeline_import_result),
	.read = timelines_import_read,
	.clear = timelines_import_clear,
};
