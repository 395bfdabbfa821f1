/* `cases --all`: every case, written page by page as pages arrive (windows of creation time past 10,000). */
#ifndef KT_CASES_ALL_H
#define KT_CASES_ALL_H
#include "cmd/cmd.h"

/* Run `cases --all` for ctx (its arguments give the filters and the sort). */
void cases_all_run(struct cmd_ctx *ctx);

#endif
