/* A scrollable, wrapped text view: detail views, result views, conversation reader. */
#ifndef KT_TEXTVIEW_H
#define KT_TEXTVIEW_H
#include <stdbool.h>
#include "ui/theme.h"
#include "ui/view.h"

struct app;
struct record;

struct pane;

/* The object a detail view shows (see view_ops.subject), from the context given to textview_set_subject. */
typedef const void *(*textview_subject_fn)(void *ctx, struct pane **pane, const char **id);

/* A new, empty text view (push it with app_push_view). */
struct view *textview_new(struct app *a, const char *title);
/* Replace the title (untrusted text is sanitized). */
void textview_set_title(struct view *v, const char *title);
/* Remove all lines (keeps the scroll position if keep_scroll). */
void textview_clear(struct view *v, bool keep_scroll);
/* Add untrusted text: sanitized, split at newlines, wrapped at draw time. */
void textview_add(struct view *v, enum theme_role role, int indent, const char *text);
/* Add formatted text. */
void textview_addf(struct view *v, enum theme_role role, int indent, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Add "label: value" with the label coloured. */
void textview_add_pair(struct view *v, const char *label, const char *value, enum theme_role value_role);
/* Add a record (labels, blocks, sections). */
void textview_add_record(struct view *v, const struct record *r);
/* Add an empty line. */
void textview_blank(struct view *v);
/* Show "Loading..." until content arrives. */
void textview_set_loading(struct view *v, bool loading);
/*
 * Make this a detail view: subject names the object it shows (a pane's commands act on it), reload
 * loads it again (r, and after a command changed data), ctx_free frees ctx when the view goes.
 */
void textview_set_subject(struct view *v, void *ctx, textview_subject_fn subject, void (*reload)(void *ctx),
			  void (*ctx_free)(void *ctx));
/* Let back (q, Esc) first stop what is still arriving into the view: stop returns true when it stopped something. */
void textview_set_stop(struct view *v, bool (*stop)(void *ctx), void *ctx);
/* The object shown is at url in Kibana: the title and the "id" line link there (OSC 8); NULL: no link. */
void textview_set_link(struct view *v, const char *url);
/* Lines labelled label ("host.name") link to url. */
void textview_link_label(struct view *v, const char *label, const char *url);
/* Call fn with the subject's context when a frame shows the last line (a view that loads more as it is read). */
void textview_set_on_end(struct view *v, void (*fn)(void *ctx));
/* Scroll to the end (a reader that follows new content). */
void textview_scroll_end(struct view *v);

#endif
