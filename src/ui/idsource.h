/* Where pickers and completion find ids: what panes have loaded, or a fresh fetch. */
#ifndef KT_IDSOURCE_H
#define KT_IDSOURCE_H
#include "cmd/cmd.h"
#include "ui/dialog.h"

struct app;
struct strbuf;

/* Open a picker of ids of a kind; chosen runs with the pick; ctx is freed with ctx_free when the picker goes. */
void idsource_pick(struct app *a, enum cmd_id_kind kind, picker_fn chosen, void *ctx, void (*ctx_free)(void *));
/* Append "id\tlabel\n" for every id of a kind the panes have loaded (completion). */
void idsource_known(struct app *a, enum cmd_id_kind kind, struct strbuf *out);
/* True when a kind can be picked from a list. */
bool idsource_pickable(enum cmd_id_kind kind);

#endif
