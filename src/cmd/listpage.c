#include "config.h"
#include "cmd/listpage.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "api/kjson.h"
#include "core/table.h"
#include <time.h>

void listpage_output(struct cmd_ctx *ctx, const struct listpage *lp)
{
	struct table t;
	table_init_columns(&t, lp->columns);
	struct column_ctx cx = {.now = time(NULL), .batch = true};
	for (size_t i = 0; i < lp->n; i++)
		table_add_object(&t, lp->columns, (const char *)lp->rows + i * lp->size, &cx);
	json_t *usable = lp->json ? kjson_usable_rows(lp->json, lp->items_path, "id") : NULL;
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = lp->title, .table = &t, .json = usable,
				 .bad = lp->bad, .items_path = lp->items_path};
	cmd_output(ctx, &out);
	json_decref(usable);
	table_free(&t);
}
