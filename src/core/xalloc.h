/* Allocation that aborts on exhaustion: callers never handle NULL from these. */
#ifndef KT_XALLOC_H
#define KT_XALLOC_H
#include <stdarg.h>
#include <stddef.h>

/* malloc that never returns NULL. */
void *xmalloc(size_t n);
/* calloc that never returns NULL and checks n*size for overflow. */
void *xcalloc(size_t n, size_t size);
/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n);
/* reallocarray that never returns NULL and checks n*size for overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
/* strdup that never returns NULL; xstrdup(NULL) is NULL. */
char *xstrdup(const char *s);
/* strndup that never returns NULL. */
char *xstrndup(const char *s, size_t n);
/* vasprintf that never fails. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* asprintf that never fails. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Overwrite then free a secret string; NULL is allowed. */
void xfree_secret(char *s);

#endif
