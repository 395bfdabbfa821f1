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

bool action_move(enum action_req req, size_t *pos, size_t page, size_t count)
{
	size_t half = page / 2 ? page / 2 : 1, p = *pos;
	switch (req) {
	case REQ_MOVE_DOWN:
		p++;
		break;
	case REQ_MOVE_UP:
		p = p ? p - 1 : 0;
		break;
	case REQ_HALF_DOWN:
		p += half;
		break;
	case REQ_HALF_UP:
		p = p > half ? p - half : 0;
		break;
	case REQ_PAGE_DOWN:
		p += page;
		break;
	case REQ_PAGE_UP:
		p = p > page ? p - page : 0;
		break;
	case REQ_FIRST:
		p = 0;
		break;
	case REQ_LAST:
		p = count;
		break;
	default:
		return false;
	}
	*pos = count ? (p < count ? p : count - 1) : 0;
	return true;
}
