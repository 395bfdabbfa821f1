#include "config.h"
#include "client_util.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "core/xalloc.h"

#define CLIENT_KEY "Y2xpZW50LXRlc3Q6a2V5"

void client_env_start(struct client_env *e, const char *const *faults, long timeout_ms)
{
	struct demo_options o;
	char *err = NULL;
	demo_options_init(&o);
	o.quiet = true;
	o.action_delay_ms = 50;
	o.api_key = xstrdup(CLIENT_KEY);
	for (int i = 0; faults && faults[i]; i++)
		assert_int_equal(demo_options_add_fault(&o, faults[i], &err), 0);
	e->demo = demo_start(&o, &err);
	if (!e->demo)
		fail_msg("demo_start: %s", err);
	demo_options_free(&o);
	profile_init(&e->p);
	profile_set(&e->p.url, demo_url(e->demo));
	profile_set_secret(&e->p.api_key, CLIENT_KEY);
	if (timeout_ms)
		e->p.timeout_ms = timeout_ms;
	e->w = worker_new(&e->p, &err);
	assert_non_null(e->w);
}

void client_env_stop(struct client_env *e)
{
	worker_free(e->w);
	profile_free(&e->p);
	demo_stop(e->demo);
}

struct worker_done *client_run(struct client_env *e, struct api_request *req)
{
	uint64_t id = worker_submit(e->w, req, 7, NULL);
	for (int i = 0; i < 300; i++) {
		struct worker_done *d = worker_take(e->w);
		if (d) {
			assert_int_equal(d->id, id);
			assert_int_equal(d->generation, 7);
			return d;
		}
		worker_wait(e->w, 100);
	}
	fail_msg("no answer within 30 seconds");
	return NULL;
}
