#include "config.h"
#include "ui/panes.h"
#include <stddef.h>
#include <string.h>

const struct pane_ops *const panes_all[] = {
	&cases_pane_ops,
	&alerts_pane_ops,
	&conversations_pane_ops,
	&actions_pane_ops,
	&ops_pane_ops,
	&endpoints_pane_ops,
	NULL,
};

const struct pane_ops *const panes_views[] = {
	&exceptions_pane_ops,
	NULL,
};

const struct pane_ops *panes_view(const char *name)
{
	for (const struct pane_ops *const *p = panes_views; *p; p++)
		if (!strcmp((*p)->name, name))
			return *p;
	return NULL;
}
