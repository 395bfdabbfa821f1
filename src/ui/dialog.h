/* Small overlay views: a yes/no (or type-a-word) confirmation and a list picker. */
#ifndef KT_DIALOG_H
#define KT_DIALOG_H
#include <stdbool.h>
#include "ui/view.h"

struct api_request;
struct app;

/* Called once with the answer. */
typedef void (*confirm_fn)(void *ctx, bool yes);

/* Ask question; with word set, the user must type it exactly to say yes. */
struct view *confirm_new(struct app *a, const char *question, const char *word, confirm_fn done, void *ctx);

/* Called when the user picks an item (id and label are the item's). */
typedef void (*picker_fn)(void *ctx, const char *id, const char *label);

/* A list to choose from, filtered as the user types; items can arrive later (loading). */
struct view *picker_new(struct app *a, const char *title, picker_fn chosen, void *ctx, void (*ctx_free)(void *));
/* Add an item (untrusted text is sanitized). */
void picker_add(struct view *v, const char *id, const char *label, const char *detail);
/* Loading is over; err (if any) is shown in the picker. */
void picker_loaded(struct view *v, const char *err);
/* The context given to picker_new. */
void *picker_ctx(struct view *v);
/*
 * Fill a picker (already pushed) from a request: fill adds the items of the answer's model and
 * returns what to say when there are none (or NULL); it runs only if the picker is still open.
 */
void picker_load(struct view *v, struct api_request *req, const char *(*fill)(struct view *v, void *model));

#endif
