/* A growable, always NUL-terminated byte buffer. */
#ifndef KT_STRBUF_H
#define KT_STRBUF_H
#include <stdarg.h>
#include <stddef.h>

/* The buffer; buf is never NULL after strbuf_init. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

/* Prepare an empty buffer. */
void strbuf_init(struct strbuf *sb);
/* Release the memory; the buffer may be initialised again. */
void strbuf_free(struct strbuf *sb);
/* Empty the buffer, keeping its memory. */
void strbuf_reset(struct strbuf *sb);
/* Make room for n more bytes. */
void strbuf_grow(struct strbuf *sb, size_t n);
/* Append n bytes. */
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
/* Append a C string (NULL appends nothing: a field Kibana left out). */
void strbuf_puts(struct strbuf *sb, const char *s);
/* Append one byte. */
void strbuf_putc(struct strbuf *sb, char c);
/* Append formatted text. */
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append formatted text from a va_list. */
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hand the string to the caller and leave the buffer empty and initialised. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

#endif
