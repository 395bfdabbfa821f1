/*
 * The pages of a list fetched several at once and handed on in order: at most the worker's
 * concurrency in flight, and no page fetched further ahead of the one being written than twice
 * that, so what is held stays the same however long the list. A page that arrives before its
 * turn waits as the text it came as; it is parsed when its turn comes.
 */
#ifndef KT_PAGES_H
#define KT_PAGES_H
#include "cmd/cmd.h"

struct pages;

/* The request for the page at index (from 0). */
typedef struct api_request *(*pages_request_fn)(struct cmd_ctx *ctx, long index);
/* A page, in order; the result is freed when this returns. */
typedef void (*pages_deliver_fn)(struct cmd_ctx *ctx, long index, struct api_result *res);

/*
 * Fetch count pages for ctx. step is the command's own cmd_step_fn that passes each finished
 * job to pages_take (it finds this pages through its state). Nothing is sent before pages_start.
 */
struct pages *pages_new(struct cmd_ctx *ctx, long count, pages_request_fn request, pages_deliver_fn deliver,
			cmd_step_fn step);
/* Start fetching; first, when not NULL, is page 0 already fetched (its contents are taken over). */
void pages_start(struct pages *p, struct api_result *first);
/* A finished job of these pages: failed, the command fails; else its page waits for its turn or goes on. */
void pages_take(struct pages *p, struct worker_done *d);
/* Free (pages still held are dropped; jobs in flight belong to the command and end with it). */
void pages_free(struct pages *p);

#endif
