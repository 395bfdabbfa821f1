/*
 * `cases --all`: every case, several pages at once, each page written as soon as it and the
 * pages before it are in, then let go. Kibana's _find pages no further than 10,000 results
 * (page * perPage <= 10000), so a longer list is fetched in windows of creation time, each
 * holding fewer than 10,000 cases (from / to are gte / lte on created_at in Kibana's
 * x-pack/platform/plugins/shared/cases/server/client/utils.ts buildRangeFilter).
 */
#include "config.h"
#include "cmd/cases_all.h"
#include "cmd/casefmt.h"
#include "cmd/output.h"
#include "cmd/pages.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "core/fetchlimit.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The most results Kibana's _find pages through with one query. */
#define CASES_ALL_WINDOW 10000

/* One window of creation time (or the whole list), fetched by offset pages. */
struct cases_seg {
	char *from, *to;      /* bounds sent to Kibana; NULL: unbounded */
	long long count;      /* cases in it when it was counted */
	long first, npages;   /* its pages among all pages */
};

/* State of a `cases --all` run. */
struct cases_all {
	struct pages *pages;
	struct cases_seg *segs;
	size_t nsegs;
	long npages;
	bool windowed;         /* more than Kibana pages through: windows of creation time */
	const char *order;     /* the windows' sort order, "asc" or "desc" */
	char *bound;           /* probing: where the next window starts */
	long long bound_total; /* probing: the cases from the bound on, as the last probe counted */
	json_t *head;          /* the JSON document's head: the first answer without its cases */
	long long total;       /* the cases Kibana counted when the run began */
	json_t *prev_ids;      /* ids of the page written last: a case shifted onto the next page is written once */
	size_t written;        /* cases written */
	struct fetch_count count; /* against the profile's whole-fetch limits */
	time_t now;
};

static void cases_all_free(void *p)
{
	struct cases_all *r = p;
	pages_free(r->pages);
	for (size_t i = 0; i < r->nsegs; i++) {
		free(r->segs[i].from);
		free(r->segs[i].to);
	}
	free(r->segs);
	free(r->bound);
	json_decref(r->head);
	json_decref(r->prev_ids);
	fetch_count_free(&r->count);
	free(r);
}

/* The run's query for a page of a window (seg NULL: the whole list as asked for). */
static void cases_all_query(struct cmd_ctx *ctx, const struct cases_seg *seg, long page, long per_page,
			    struct cases_query *q)
{
	struct cases_all *r = ctx->state;
	free(query_fill(&casefmt_query, ctx->def, ctx->values, q));
	q->page = page;
	q->per_page = per_page;
	/* Creation times do not change while pages are fetched, so no case moves between them. */
	if (!q->sort_field || r->windowed)
		q->sort_field = "createdAt";
	if (r->windowed) {
		q->sort_order = r->order;
		q->from = seg ? seg->from : NULL;
		q->to = seg ? seg->to : NULL;
	}
}

static struct cases_seg *cases_all_seg_of(struct cases_all *r, long index)
{
	for (size_t i = 0; i < r->nsegs; i++)
		if (index < r->segs[i].first + r->segs[i].npages)
			return &r->segs[i];
	return &r->segs[r->nsegs - 1];
}

static struct api_request *cases_all_request(struct cmd_ctx *ctx, long index)
{
	struct cases_all *r = ctx->state;
	struct cases_seg *seg = cases_all_seg_of(r, index);
	struct cases_query q;
	cases_all_query(ctx, seg, index - seg->first + 1, CASES_MAX_PER_PAGE, &q);
	return cases_find_request(&q);
}

static void cases_all_finish(struct cmd_ctx *ctx)
{
	struct cases_all *r = ctx->state;
	struct strbuf title;
	strbuf_init(&title);
	strbuf_printf(&title, "all %zu cases", r->written);
	if (r->windowed)
		strbuf_printf(&title, " (in %zu windows of creation time: Kibana pages no further than 10,000)", r->nsegs);
	if ((long long)r->written != r->total)
		cmd_note(ctx, "Kibana counted %lld cases when the list began and %zu were written: cases changed while "
			 "pages were fetched", r->total, r->written);
	json_t *tail = json_pack("{s:I}", "per_page", (json_int_t)r->written);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .part = CMD_PART_LAST, .message = title.buf, .json = tail,
				 .items_path = "cases"};
	cmd_output(ctx, &out);
	json_decref(tail);
	strbuf_free(&title);
	cmd_finish(ctx);
}

/* A page, in its turn: its cases (less any the page before already had) are written, then let go. */
static void cases_all_deliver(struct cmd_ctx *ctx, long index, struct api_result *res)
{
	struct cases_all *r = ctx->state;
	struct case_page *p = res->model;
	struct cases_seg *seg = cases_all_seg_of(r, index);
	if (p->page != index - seg->first + 1) {
		cmd_fail(ctx, CMD_EXIT_API, "Kibana answered page %lld, which was not asked for", p->page);
		return;
	}
	char *stop = fetch_count_page(&r->count, &ctx->host->profile->fetch, p->n, res->body_len);
	if (stop) {
		cmd_fail(ctx, CMD_EXIT_API, "cases --all: %s", stop);
		free(stop);
		return;
	}
	json_t *cases = json_object_get(res->json, "cases");
	json_t *ids = json_object(), *items = json_array();
	struct table t;
	table_init_columns(&t, casefmt_columns);
	struct column_ctx cx = {.now = r->now};
	for (size_t i = 0; i < p->n; i++) {
		const struct kb_case *c = &p->cases[i];
		if (c->id && r->prev_ids && json_object_get(r->prev_ids, c->id))
			continue; /* moved onto this page while the pages were fetched */
		if (c->id)
			json_object_set_new(ids, c->id, json_true());
		/* --json leaves out a case without an id (unusable); the table shows it as a placeholder row. */
		if (c->id)
			json_array_append(items, json_array_get(cases, i));
		/* Rows cost formatting: only for a table. */
		if (!ctx->json)
			table_add_object(&t, casefmt_columns, c, &cx);
		r->written++;
	}
	json_decref(r->prev_ids);
	r->prev_ids = ids;
	struct cmd_output out = {
		.kind = CMD_OUT_TABLE,
		.part = index == 0 ? CMD_PART_FIRST : CMD_PART_MORE,
		.table = &t,
		.json = index == 0 ? r->head : NULL,
		.items = items,
		.items_path = "cases",
		.bad = p->bad,
	};
	cmd_output(ctx, &out);
	table_free(&t);
	json_decref(items);
	if (index + 1 == r->npages)
		cases_all_finish(ctx);
	else
		cmd_note(ctx, "fetched %ld of %ld pages", index + 1, r->npages);
}

static void cases_all_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct cases_all *r = ctx->state;
	pages_take(r->pages, d);
}

/* Every window is counted: lay out its pages and fetch them (first: page 0, already in, or NULL). */
static void cases_all_fetch(struct cmd_ctx *ctx, struct api_result *first)
{
	struct cases_all *r = ctx->state;
	for (size_t i = 0; i < r->nsegs; i++) {
		struct cases_seg *s = &r->segs[i];
		s->first = r->npages;
		s->npages = (long)((s->count + CASES_MAX_PER_PAGE - 1) / CASES_MAX_PER_PAGE);
		r->npages += s->npages;
	}
	if (!r->npages) {
		/* Nothing matches: the first page (empty) is the whole list. */
		r->segs[0].npages = r->npages = 1;
	}
	r->pages = pages_new(ctx, r->npages, cases_all_request, cases_all_deliver, cases_all_page);
	pages_start(r->pages, first);
}

static void cases_all_add_seg(struct cases_all *r, const char *from, const char *to, long long count)
{
	r->segs = xreallocarray(r->segs, r->nsegs + 1, sizeof(*r->segs));
	r->segs[r->nsegs++] = (struct cases_seg){.from = xstrdup(from), .to = xstrdup(to), .count = count};
}

/* An ISO time moved by ms milliseconds, as Kibana writes them ("2025-05-02T08:11:09.120Z"); NULL when unreadable. */
static char *cases_all_shift(const char *iso, int ms)
{
	struct tm tm = {0};
	int frac = 0, used = 0;
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
			   &tm.tm_min, &tm.tm_sec, &frac, &used) != 7 || iso[used])
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	long long t = (long long)timegm(&tm) * 1000 + frac + ms;
	time_t secs = (time_t)(t / 1000);
	struct tm out;
	gmtime_r(&secs, &out);
	char buf[32];
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &out);
	return xasprintf("%s.%03dZ", buf, (int)(t % 1000));
}

static void cases_all_probe(struct cmd_ctx *ctx);

/*
 * A probe's answer: the 10,000th case from the bound on. The window before it ends just short
 * of its creation time (so it holds fewer than 10,000); the next starts there.
 */
static void cases_all_probed(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct cases_all *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_page *p = d->res.model;
	bool asc = !strcmp(r->order, "asc");
	if (r->nsegs)
		r->segs[r->nsegs - 1].count = r->bound_total - p->total;
	if (p->total <= CASES_ALL_WINDOW) {
		cases_all_add_seg(r, asc ? r->bound : NULL, asc ? NULL : r->bound, p->total);
		cases_all_fetch(ctx, NULL);
		return;
	}
	const char *at = p->n ? p->cases[0].created_at : NULL;
	char *edge = cases_all_shift(at, asc ? -1 : 1);
	if (!edge) {
		cmd_fail(ctx, CMD_EXIT_API, "cannot split the cases into windows of creation time: the 10,000th case's "
			 "created_at is \"%s\", not an ISO time", at ? at : "(missing)");
		return;
	}
	if (r->bound && !strcmp(at, r->bound)) {
		free(edge);
		cmd_fail(ctx, CMD_EXIT_API, "more than 10,000 cases were created at %s: Kibana cannot page through them", at);
		return;
	}
	cases_all_add_seg(r, asc ? r->bound : edge, asc ? edge : r->bound, 0);
	free(edge);
	free(r->bound);
	r->bound = xstrdup(at);
	r->bound_total = p->total;
	cases_all_probe(ctx);
}

/* Ask for the 10,000th case from the current bound on, in the windows' order. */
static void cases_all_probe(struct cmd_ctx *ctx)
{
	struct cases_all *r = ctx->state;
	struct cases_seg bound = {.from = NULL, .to = NULL};
	if (!strcmp(r->order, "asc"))
		bound.from = r->bound;
	else
		bound.to = r->bound;
	struct cases_query q;
	cases_all_query(ctx, &bound, CASES_ALL_WINDOW, 1, &q);
	cmd_submit(ctx, cases_find_request(&q), cases_all_probed);
}

/* The first page: the count says whether one query can reach every case. */
static void cases_all_first(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct cases_all *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_page *p = d->res.model;
	r->total = p->total;
	r->head = json_is_object(d->res.json) ? json_copy(d->res.json) : json_object();
	json_object_set_new(r->head, "page", json_integer(1));
	json_object_del(r->head, "per_page");
	json_object_del(r->head, "cases");
	if (p->total <= CASES_ALL_WINDOW) {
		cases_all_add_seg(r, NULL, NULL, p->total);
		cases_all_fetch(ctx, &d->res);
		return;
	}
	r->windowed = true;
	const char *order = cmd_str(ctx, "sort-order");
	r->order = order && !strcmp(order, "asc") ? "asc" : "desc";
	const char *field = cmd_str(ctx, "sort-field");
	cmd_note(ctx, "%lld cases: Kibana pages no further than 10,000, so they are fetched in windows of creation "
		 "time%s", p->total, field && strcmp(field, "createdAt") ? ", sorted by createdAt" : "");
	cases_all_probe(ctx);
}

void cases_all_run(struct cmd_ctx *ctx)
{
	struct cases_all *r = xcalloc(1, sizeof(*r));
	r->now = time(NULL);
	ctx->state = r;
	ctx->state_free = cases_all_free;
	struct cases_query q;
	cases_all_query(ctx, NULL, 1, CASES_MAX_PER_PAGE, &q);
	cmd_submit(ctx, cases_find_request(&q), cases_all_first);
}
