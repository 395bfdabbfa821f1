#include "config.h"
#include "cmd/gather.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* What came so far. */
struct cmd_gather {
	bool started;
	struct table table;
	json_t *doc;     /* the first piece's head, its items array replaced by the items gathered */
	json_t *items;   /* borrowed: that array */
	char *path;      /* items_path */
	size_t bad;      /* rows of all pieces that could not be read */
};

void cmd_gather_free(struct cmd_gather *g)
{
	if (!g)
		return;
	if (g->started)
		table_free(&g->table);
	json_decref(g->doc);
	free(g->path);
	free(g);
}

/* A copy of head whose objects along path are copies too (the rest shared), with an empty array at its end. */
static json_t *cmd_gather_head(json_t *head, const char *path, json_t **items)
{
	json_t *doc = json_is_object(head) ? json_copy(head) : json_object();
	json_t *at = doc;
	for (;;) {
		size_t n = strcspn(path, ".");
		char *key = xstrndup(path, n);
		if (!path[n]) {
			*items = json_array();
			json_object_set_new(at, key, *items);
			free(key);
			return doc;
		}
		json_t *inner = json_object_get(at, key);
		inner = json_is_object(inner) ? json_copy(inner) : json_object();
		json_object_set_new(at, key, inner);
		free(key);
		at = inner;
		path += n + 1;
	}
}

void cmd_gather_piece(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct cmd_gather *g = ctx->gather;
	if (!g)
		g = ctx->gather = xcalloc(1, sizeof(*g));
	if (out->part == CMD_PART_FIRST && !g->started && out->table) {
		g->started = true;
		table_init_like(&g->table, out->table);
		if (out->json && out->items_path) {
			g->path = xstrdup(out->items_path);
			g->doc = cmd_gather_head(out->json, out->items_path, &g->items);
		}
	}
	g->bad += out->bad;
	if (out->part != CMD_PART_LAST) {
		if (g->started && out->table)
			table_add_rows(&g->table, out->table);
		if (g->items && out->items)
			json_array_extend(g->items, out->items);
		return;
	}
	if (g->doc && json_is_object(out->json))
		json_object_update(g->doc, out->json);
	struct cmd_output whole = {
		.kind = CMD_OUT_TABLE,
		.message = out->message,
		.table = &g->table,
		.json = g->doc,
		.items_path = g->path,
		.bad = g->bad,
	};
	if (!g->started) /* no page came before the end: only the title is left to show */
		whole = (struct cmd_output){.kind = CMD_OUT_MESSAGE, .message = out->message ? out->message : ""};
	ctx->host->output(ctx, &whole);
	cmd_gather_free(g);
	ctx->gather = NULL;
}
