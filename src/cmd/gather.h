/* A list's pieces gathered into one output, for a front end that shows results whole (the TUI). */
#ifndef KT_GATHER_H
#define KT_GATHER_H

struct cmd_ctx;
struct cmd_gather;
struct cmd_output;

/* Take one piece (FIRST, MORE, LAST) of ctx's list; on LAST, hand the whole list to the front end. */
void cmd_gather_piece(struct cmd_ctx *ctx, const struct cmd_output *out);
/* Free what was gathered (NULL is fine). */
void cmd_gather_free(struct cmd_gather *g);

#endif
