/* Kibana spaces: GET /api/spaces/space, the spaces a user can switch to. */
#ifndef KT_SPACES_H
#define KT_SPACES_H
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One space. */
struct kb_space {
	char *id;           /* what goes in /s/<id>/ */
	char *name;
	char *description;  /* may be NULL */
};

/* Every space, as Kibana lists them. */
struct space_list {
	struct kb_space *items;
	size_t n;
};

/* GET /api/spaces/space (not scoped to a space: every space is listed from any of them). */
struct api_request *spaces_list_request(void);
/* The response, a bare array: a struct space_list. */
extern const struct kmodel spaces_list_model;
/* The space with this id, or NULL. */
const struct kb_space *spaces_find(const struct space_list *l, const char *id);

#endif
