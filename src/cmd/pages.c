#include "config.h"
#include "cmd/pages.h"
#include "api/http.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* A page fetched or on its way, until it is handed on. */
struct pages_slot {
	long index;              /* -1: free */
	uint64_t job;
	struct api_result *res;  /* NULL until it arrives */
	const struct kmodel *model; /* what its body becomes when its turn comes */
	bool parsed;
};

struct pages {
	struct cmd_ctx *ctx;
	long count;
	long next_send, next_out;  /* the next page to ask for, and to hand on */
	unsigned in_flight, limit;
	struct pages_slot *slots;  /* window of pages ahead of next_out, by index modulo nslots */
	size_t nslots;
	pages_request_fn request;
	pages_deliver_fn deliver;
	cmd_step_fn step;
};

struct pages *pages_new(struct cmd_ctx *ctx, long count, pages_request_fn request, pages_deliver_fn deliver,
			cmd_step_fn step)
{
	struct pages *p = xcalloc(1, sizeof(*p));
	p->ctx = ctx;
	p->count = count;
	p->request = request;
	p->deliver = deliver;
	p->step = step;
	p->limit = worker_concurrency(ctx->host->worker);
	p->nslots = 2 * (size_t)p->limit;
	p->slots = xcalloc(p->nslots, sizeof(*p->slots));
	for (size_t i = 0; i < p->nslots; i++)
		p->slots[i].index = -1;
	return p;
}

static void pages_drop(struct pages_slot *s)
{
	if (s->res) {
		api_result_clear(s->res);
		free(s->res);
	}
	s->res = NULL;
	s->index = -1;
}

void pages_free(struct pages *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nslots; i++)
		pages_drop(&p->slots[i]);
	free(p->slots);
	free(p);
}

/* Ask for more while there is room: in flight under the limit, and within the window. */
static void pages_fill(struct pages *p)
{
	while (!p->ctx->finishing && p->next_send < p->count && p->in_flight < p->limit &&
	       p->next_send < p->next_out + (long)p->nslots) {
		struct pages_slot *s = &p->slots[p->next_send % (long)p->nslots];
		s->index = p->next_send;
		s->res = NULL;
		struct api_request *req = p->request(p->ctx, p->next_send);
		req->parse_later = true;
		s->model = req->model;
		s->parsed = false;
		s->job = cmd_submit(p->ctx, req, p->step);
		p->in_flight++;
		p->next_send++;
	}
}

/* Hand on every page that is in and whose turn it is. */
static void pages_flush(struct pages *p)
{
	for (;;) {
		struct pages_slot *s = &p->slots[p->next_out % (long)p->nslots];
		if (p->ctx->finishing || p->next_out >= p->count || s->index != p->next_out || !s->res)
			return;
		if (!s->parsed) {
			http_parse_result(s->model, s->res);
			s->parsed = true;
			if (s->res->status != API_OK) {
				cmd_fail(p->ctx, CMD_EXIT_API, "%s", s->res->message);
				return;
			}
		}
		p->deliver(p->ctx, s->index, s->res);
		pages_drop(s);
		p->next_out++;
	}
}

/* Move a result out of a finished job, so it outlives the job. */
static struct api_result *pages_keep(struct api_result *res)
{
	struct api_result *kept = xmalloc(sizeof(*kept));
	*kept = *res;
	memset(res, 0, sizeof(*res));
	return kept;
}

void pages_start(struct pages *p, struct api_result *first)
{
	if (first && p->count > 0) {
		struct pages_slot *s = &p->slots[0];
		s->index = 0;
		s->res = pages_keep(first);
		s->parsed = true;
		p->next_send = 1;
	}
	pages_flush(p);
	pages_fill(p);
}

void pages_take(struct pages *p, struct worker_done *d)
{
	struct pages_slot *s = NULL;
	for (size_t i = 0; i < p->nslots && !s; i++)
		if (p->slots[i].index >= 0 && !p->slots[i].res && p->slots[i].job == d->id)
			s = &p->slots[i];
	if (!s)
		return;
	p->in_flight--;
	if (d->res.status != API_OK) {
		cmd_fail_api(p->ctx, d);
		return;
	}
	s->res = pages_keep(&d->res);
	pages_flush(p);
	pages_fill(p);
}
