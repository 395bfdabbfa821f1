/* Kibana's version as /api/status reports it, and the comparisons that version branches make. */
#ifndef KT_KVERSION_H
#define KT_KVERSION_H
#include <stdbool.h>

/* A release number; known is false until a version was read. */
struct kversion {
	bool known;
	int major, minor, patch;
};

/* Read "9.2.0" (a suffix such as "-SNAPSHOT" is ignored) into v; false, with v unknown, when s is not one. */
bool kversion_parse(const char *s, struct kversion *v);
/* True only when v is known and older than major.minor: an unknown version is taken for the newest. */
bool kversion_before(const struct kversion *v, int major, int minor);

#endif
