/* A scrollable, syntax-coloured JSON viewer with folding and search (the api console's results). */
#ifndef KT_JSONVIEW_H
#define KT_JSONVIEW_H
#include <jansson.h>
#include "ui/view.h"

struct app;

/* A full-screen view of json (a reference is taken) titled title (sanitized); push it with app_push_view. */
struct view *jsonview_new(struct app *a, const char *title, json_t *json);

#endif
