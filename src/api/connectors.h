/* GET /api/actions/connectors: the connectors a case can be pushed to. */
#ifndef KT_CONNECTORS_H
#define KT_CONNECTORS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One connector; only id is sure (a row without one has a problem). */
struct connector {
	char *id;
	char *name;              /* may be NULL */
	char *type;              /* connector_type_id: ".jira", ".email", ...; may be NULL */
	bool is_preconfigured;
	bool is_deprecated;
	bool is_missing_secrets;
	long long referenced_by_count;
	char *problem;           /* why this connector could not be read, or NULL */
};

/* The list, in the server's order. */
struct connector_list {
	struct connector *items;
	size_t n;
	size_t bad;              /* connectors that could not be read */
};

/* GET /api/actions/connectors. */
struct api_request *connectors_list_request(void);
/* The list: a struct connector_list. */
extern const struct kmodel connectors_list_model;
/* The connector with this id, or NULL. */
const struct connector *connectors_find(const struct connector_list *l, const char *id);

#endif
