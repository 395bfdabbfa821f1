/* Completion for the command language: command words, option names, enum values and ids. */
#ifndef KT_COMPLETE_H
#define KT_COMPLETE_H
#include <stddef.h>
#include "cmd/cmd.h"

struct strbuf;

/* Appends "id\n" lines of the known ids of a kind (what the screen shows). */
typedef void (*complete_ids_fn)(void *ctx, enum cmd_id_kind kind, struct strbuf *out);

/* Candidates for the word being typed. */
struct completion {
	char **items;      /* sorted, unique, NULL-terminated */
	size_t n;
	size_t start;      /* byte offset in the line where the word being completed starts */
};

/* Complete line[0..point): the word under the cursor, given what comes before it. */
void complete_line(const char *line, size_t point, complete_ids_fn ids, void *ctx, struct completion *out);
/* Free the candidates. */
void complete_free(struct completion *c);

#endif
