/* What a response action's confirmation says: the hosts by name, the process as "name (pid N)", the path, the comment. */
#ifndef KT_RESPOND_ASK_H
#define KT_RESPOND_ASK_H
#include "api/actions_req.h"

/* Everything the question names. */
struct respond_subject {
	enum action_kind kind;
	const struct action_params *params;
	const char *hosts;          /* "WIN-SQL02", or "web-1, db-2" (ids where no name was found) */
	const char *process_name;   /* kill, suspend: the process's name, or NULL when nothing names it */
	const char *file_sha256;    /* upload: the file's digest, or NULL */
};

/* The question asked before the action is sent; caller frees. */
char *respond_question(const struct respond_subject *s);

#endif
