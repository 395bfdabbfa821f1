#include "config.h"
#include "ui/action.h"
#include "ui/keys.h"
#include <string.h>

static const struct action action_table[] = {
	{REQ_NONE, "none", "", "", 0, NULL},
#define ACTION_ROW(id, name, keys, help, where, hint) {REQ_##id, name, keys, help, where, hint},
	ACTION_REQUESTS(ACTION_ROW)
#undef ACTION_ROW
};

const struct action *action_get(enum action_req req)
{
	return &action_table[req];
}

enum action_req action_by_name(const char *name)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++)
		if (!strcmp(action_table[r].name, name))
			return (enum action_req)r;
	return REQ_NONE;
}

int action_key(const char *keys, size_t i)
{
	const char *p = keys;
	for (;;) {
		p += strspn(p, " ");
		if (!*p)
			return -1;
		size_t n = strcspn(p, " ");
		if (i-- == 0) {
			char name[32];
			if (n >= sizeof(name))
				return -1;
			memcpy(name, p, n);
			name[n] = '\0';
			return keys_parse(name);
		}
		p += n;
	}
}
