#include "config.h"
#include "demo/demo.h"
#include "core/xalloc.h"
#include "demo/demo_faults.h"
#include <stdlib.h>
#include <string.h>

void demo_options_init(struct demo_options *o)
{
	memset(o, 0, sizeof(*o));
	o->listen = xstrdup("127.0.0.1:0");
	o->seed = 1;
	o->cases = 60;
	o->alerts = 2000;
	o->conversations = 40;
	o->endpoints = 12;
	o->actions = 30;
	o->action_delay_ms = 3000;
	o->reply_delay_ms = 60;
	o->kibana_major = 9;
	o->kibana_minor = 2;
}

int demo_options_set_kibana(struct demo_options *o, const char *version, char **err)
{
	static const struct {
		const char *name;
		unsigned major, minor;
	} known[] = {{"8.19", 8, 19}, {"9.2", 9, 2}};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++) {
		if (strcmp(version, known[i].name) == 0) {
			o->kibana_major = known[i].major;
			o->kibana_minor = known[i].minor;
			return 0;
		}
	}
	*err = xasprintf("--kibana takes 8.19 or 9.2, not \"%s\"", version);
	return -1;
}

int demo_options_add_fault(struct demo_options *o, const char *spec, char **err)
{
	struct demo_fault f;
	if (!demo_fault_parse(spec, &f, err))
		return -1;
	o->faults = xreallocarray(o->faults, o->n_faults + 1, sizeof(*o->faults));
	o->faults[o->n_faults++] = f;
	return 0;
}

void demo_options_free(struct demo_options *o)
{
	free(o->listen);
	xfree_secret(o->api_key);
	for (unsigned i = 0; i < o->n_faults; i++)
		free(o->faults[i].prefix);
	free(o->faults);
	memset(o, 0, sizeof(*o));
}
