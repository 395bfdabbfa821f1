/* multipart/form-data bodies (timeline import, response-action upload), split into their parts. */
#ifndef KT_DEMO_MULTIPART_H
#define KT_DEMO_MULTIPART_H
#include <stdbool.h>
#include <stddef.h>

/* One part of a multipart body; data points into the body. */
struct demo_part {
	char *name, *filename;
	const char *data;
	size_t len;
};

/* True when a Content-Type says multipart/form-data. */
bool demo_is_multipart(const char *content_type);
/* Split a body by the boundary its Content-Type names into at most max parts (*n); false when malformed. */
bool demo_multipart(const char *content_type, const char *body, size_t len, struct demo_part *parts, size_t max,
		    size_t *n);
/* Free what the parts hold. */
void demo_parts_free(struct demo_part *parts, size_t n);
/* The part called name, or NULL. */
const struct demo_part *demo_part_named(const struct demo_part *parts, size_t n, const char *name);

#endif
