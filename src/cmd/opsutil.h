/* Helpers shared by the commands of the Operations pane (the rest of the seed document and `api`). */
#ifndef KT_OPSUTIL_H
#define KT_OPSUTIL_H
#include <jansson.h>
#include <stddef.h>
#include "cmd/cmd.h"

struct record;

/* Largest file the commands read (an upload, a body, a certificate): Kibana's default import limit. */
#define OPSUTIL_MAX_FILE (25u << 20)

/*
 * For a command whose arguments decide whether it changes data (api with a non-GET
 * method, ml sync without --simulate): refused in read-only mode exactly as a
 * CMD_MUTATES command is, otherwise confirmed like one (--yes in batch mode). what names
 * the command as given ("api POST").
 */
void opsutil_change(struct cmd_ctx *ctx, const char *what, const char *question, void (*then)(struct cmd_ctx *ctx));
/* Read a whole file of at most max bytes (NUL-terminated); NULL with *err naming the file and the problem. */
char *opsutil_read_file(const char *path, size_t max, size_t *len, char **err);
/* Join strings with sep (caller frees). */
char *opsutil_join(char *const *v, size_t n, const char *sep);
/* Each member of a JSON object as a record line: scalars as text, arrays of scalars joined, the rest as JSON. */
void opsutil_record_json(struct record *r, json_t *obj);
/* "1 thing" / "3 things": count with a singular or plural noun (caller frees). */
char *opsutil_count(size_t n, const char *one, const char *many);

#endif
