/* UTF-8 decoding and terminal display width. */
#ifndef KT_UTF8_H
#define KT_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* The code point utf8_decode reports for a byte that starts no valid sequence. */
#define UTF8_INVALID 0xFFFFFFFFu

/* Decode one code point from s (len > 0); returns bytes used (>= 1), *cp = UTF8_INVALID on bad input. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* True when the len bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
bool utf8_valid(const char *s, size_t len);
/* Characters (code points) in a NUL-terminated string; an invalid byte counts as one. */
size_t utf8_chars(const char *s);
/* Its length as Kibana counts it (JavaScript's UTF-16 code units: a character past U+FFFF counts two). */
size_t utf8_utf16_len(const char *s);
/* Columns a code point takes on the terminal (0, 1 or 2; unprintables count 1). */
int utf8_cp_width(uint32_t cp);
/* Columns a sanitized, NUL-terminated string takes. */
int utf8_width(const char *s);
/* Bytes of s that fit in max_cols columns without splitting a character; *cols gets their width. */
size_t utf8_fit(const char *s, int max_cols, int *cols);
/* Bytes of s that make its first line of at most cols columns, broken after a space where one is near. */
size_t utf8_wrap(const char *s, int cols);
/* Append s cut to exactly cols columns: truncated with an ellipsis or padded with spaces. */
void utf8_pad(struct strbuf *out, const char *s, int cols);
/* Append s cut to exactly cols columns, right-aligned. */
void utf8_pad_right(struct strbuf *out, const char *s, int cols);
/* Use ASCII stand-ins ("..." for the ellipsis) when the terminal is not UTF-8. */
void utf8_set_ascii(bool ascii);
/* True when utf8_set_ascii(true) is in force. */
bool utf8_is_ascii(void);

#endif
