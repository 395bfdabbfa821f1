/* Helpers for client tests: a demo server in-process and synchronous requests through the real worker. */
#ifndef KT_CLIENT_UTIL_H
#define KT_CLIENT_UTIL_H
#include "api/worker.h"
#include "core/profile.h"
#include "demo/demo.h"

/* A demo server and a worker pointed at it. */
struct client_env {
	struct demo_server *demo;
	struct worker *w;
	struct profile p;
};

/* Start a demo (faults: NULL-terminated specs, may be NULL) and a worker; the profile's key matches. */
void client_env_start(struct client_env *e, const char *const *faults, long timeout_ms);
/* Stop both. */
void client_env_stop(struct client_env *e);
/* Send req and wait for its result (bounded); the caller frees it with worker_done_free. */
struct worker_done *client_run(struct client_env *e, struct api_request *req);

#endif
