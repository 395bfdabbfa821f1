#include "config.h"
#include "ui/panes.h"
#include <stddef.h>

const struct pane_ops *const panes_all[] = {
	&cases_pane_ops,
	NULL,
};
