#include "config.h"
#include "ui/panes.h"
#include <stddef.h>

const struct pane_ops *const panes_all[] = {
	&cases_pane_ops,
	&alerts_pane_ops,
	&conversations_pane_ops,
	&actions_pane_ops,
	&ops_pane_ops,
	NULL,
};
