/* Fleet files and assets: DELETE /api/fleet/agents/files/{fileId}, POST /api/fleet/epm/bulk_assets. */
#ifndef KT_FLEET_H
#define KT_FLEET_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* The answer to a file deletion. */
struct fleet_file_deleted {
	char *id;           /* may be NULL */
	bool deleted;       /* true unless Kibana said false */
};

/* An asset to look up: its saved-object type ("dashboard") and id. */
struct fleet_asset_ref {
	const char *type;
	const char *id;
};

/* One asset Kibana found; only id is sure. */
struct fleet_asset {
	char *id;
	char *type;
	char *title;        /* attributes.title, may be NULL */
	char *description;  /* attributes.description, may be NULL */
	char *service;      /* attributes.service, may be NULL */
	char *app_link;     /* may be NULL */
	char *updated_at;   /* may be NULL */
	char *problem;      /* why this asset could not be read, or NULL */
};

/* The assets found, in the server's order. */
struct fleet_asset_list {
	struct fleet_asset *items;
	size_t n;
	size_t bad;         /* assets that could not be read */
};

/* DELETE /api/fleet/agents/files/{fileId}. */
struct api_request *fleet_file_delete_request(const char *file_id);
/* The answer to a file deletion: a struct fleet_file_deleted. */
extern const struct kmodel fleet_file_deleted_model;

/* Split "type:id" at its first colon into ref (borrowing s); NULL, or a message saying what to fix. */
char *fleet_asset_ref_parse(char *s, struct fleet_asset_ref *ref);
/* POST /api/fleet/epm/bulk_assets for n assets. */
struct api_request *fleet_bulk_assets_request(const struct fleet_asset_ref *refs, size_t n);
/* The assets found: a struct fleet_asset_list. */
extern const struct kmodel fleet_assets_model;

#endif
