/*
 * The escape sequences ktriage writes to the terminal itself, beside curses: OSC 8 hyperlinks
 * around text curses has already drawn, and the OSC 52 clipboard write a key asks for. These
 * are the only OSC sequences ktriage emits; what goes inside them is built here, never taken
 * from the server as it came (links are encoded, clipboard data is base64).
 */
#ifndef KT_TERMESC_H
#define KT_TERMESC_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* Longest URL put in a hyperlink (terminals cap them too; VTE at 2083 bytes). */
#define TERMESC_URL_MAX 2048
/* Most bytes put on the clipboard at once (before base64). */
#define TERMESC_CLIP_MAX 8192

/* True when url may go inside OSC 8: http:// or https://, printable ASCII without spaces, not too long. */
bool termesc_url_ok(const char *url);
/* OSC 8 opening a link to url (checked with termesc_url_ok; false and nothing written otherwise); id joins pieces. */
bool termesc_link_open(struct strbuf *out, const char *url, unsigned id);
/* OSC 8 closing the link. */
void termesc_link_close(struct strbuf *out);
/* OSC 52 writing data (base64-encoded) to the clipboard; false and nothing written when it is empty or too long. */
bool termesc_clipboard(struct strbuf *out, const char *data, size_t len);
/* DECSC: save the cursor (position and attributes). */
void termesc_save(struct strbuf *out);
/* DECRC: restore what termesc_save saved. */
void termesc_restore(struct strbuf *out);
/* CUP: the cursor to row y, column x (both from 0). */
void termesc_move(struct strbuf *out, int y, int x);

/* Display attributes for termesc_sgr. */
enum { TERMESC_BOLD = 1, TERMESC_DIM = 2, TERMESC_ITALIC = 4, TERMESC_UNDERLINE = 8, TERMESC_REVERSE = 16 };
/* SGR: reset, then the attributes and colours (fg, bg from 0 to 255, or -1 for the terminal's default). */
void termesc_sgr(struct strbuf *out, unsigned attrs, int fg, int bg);

#endif
