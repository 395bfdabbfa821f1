#include "config.h"
#include "api/kversion.h"
#include <stdlib.h>
#include <string.h>

/* A number of at most 4 digits at *s, moving past it; -1 when there is none. */
static int kversion_number(const char **s)
{
	int n = 0, digits = 0;
	while (**s >= '0' && **s <= '9' && digits < 4) {
		n = n * 10 + (**s - '0');
		(*s)++;
		digits++;
	}
	return digits ? n : -1;
}

bool kversion_parse(const char *s, struct kversion *v)
{
	memset(v, 0, sizeof(*v));
	if (!s)
		return false;
	int parts[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++) {
		parts[i] = kversion_number(&s);
		if (parts[i] < 0)
			return false;
		if (i < 2 && *s++ != '.')
			return false;
	}
	if (*s && *s != '-' && *s != '+')
		return false;
	v->known = true;
	v->major = parts[0];
	v->minor = parts[1];
	v->patch = parts[2];
	return true;
}

bool kversion_before(const struct kversion *v, int major, int minor)
{
	return v && v->known && (v->major < major || (v->major == major && v->minor < minor));
}
