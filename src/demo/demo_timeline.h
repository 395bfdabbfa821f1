/* POST /api/timeline/_import: an ndjson file of timelines, sent as multipart/form-data or JSON. */
#ifndef KT_DEMO_TIMELINE_H
#define KT_DEMO_TIMELINE_H

struct demo_req;
struct demo_resp;

/* Import the timelines of the request's "file" part; counts installed, updated and failed lines. */
void demo_timeline_import(struct demo_req *req, struct demo_resp *resp);

#endif
