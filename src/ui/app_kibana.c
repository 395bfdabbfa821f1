/* Which Kibana the TUI talks to: asked once in the background after start, shown in the header. */
#include "config.h"
#include "ui/app_internal.h"
#include "api/kibana_status.h"
#include "api/worker.h"
#include "core/sanitize.h"
#include "core/xalloc.h"
#include <stdlib.h>

/* The one status request; the app is reached through it. */
struct app_kibana_job {
	struct worker_sink sink;
	struct app *app;
};

static void app_kibana_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct app_kibana_job *job = (struct app_kibana_job *)sink;
	struct app *a = job->app;
	free(job);
	/* Cancelled when the app ends; a failure leaves the header as it was (doctor says why). */
	if (done->res.status == API_OK) {
		char *label = kibana_status_label(done->res.model);
		free(a->kibana);
		a->kibana = label ? sanitize_str(label, SANITIZE_LINE) : NULL;
		free(label);
		app_dirty(a);
	}
	worker_done_free(done);
}

void app_kibana_fetch(struct app *a)
{
	struct app_kibana_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = app_kibana_deliver;
	job->app = a;
	worker_submit(a->worker, kibana_status_request(), 0, job);
}
