/* Value lists: reading one (GET /api/lists) to name it, and deleting it (DELETE /api/lists). */
#ifndef KT_LISTS_H
#define KT_LISTS_H
#include <jansson.h>
#include <stdbool.h>
#include "api/kmodel.h"
#include "api/request.h"

/* A value list, as both answers describe it; any string may be NULL. */
struct value_list {
	char *id;
	char *name;
	char *description;
	char *type;          /* ip, keyword, ip_range, ... */
	bool immutable;
	long long version;
	char *updated_at;
	char *updated_by;
};

/* GET /api/lists?id=. */
struct api_request *lists_get_request(const char *id);
/* DELETE /api/lists?id=, optionally deleting the exception items that reference it, or not checking them. */
struct api_request *lists_delete_request(const char *id, bool delete_references, bool ignore_references);
/* Both answers: a struct value_list. */
extern const struct kmodel lists_value_list_model;

#endif
