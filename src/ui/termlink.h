/*
 * What ktriage writes to the terminal beside curses: OSC 8 hyperlinks and the OSC 52
 * clipboard write.
 *
 * curses keeps a picture of the screen and cannot hold an OSC sequence in it, so a link is
 * added after the frame is on the terminal: while views draw they say where their linked
 * text is (termlink_add: row, column, width, URL); once refresh() has written the frame,
 * termlink_flush saves the cursor (DECSC), and for each link moves there, writes OSC 8 open,
 * the very characters curses drew there with their colours (read back from its screen), and
 * OSC 8 close, then restores the cursor and attributes (DECRC). The terminal shows the same
 * cells, now clickable; curses' picture stays true, so it never repaints them for this.
 * A frame with a dialog over the view writes no links (they would land on the dialog).
 */
#ifndef KT_TERMLINK_H
#define KT_TERMLINK_H
#include <stdbool.h>
#include <stddef.h>

/* Where the terminal's bytes go (curses' output descriptor), and whether links are written at all. */
void termlink_setup(int fd, bool links);
/* Turn links on or off (set links). */
void termlink_set_links(bool on);
/* Start a frame: no links yet. */
void termlink_begin(void);
/* The width columns at (y, x) drawn this frame link to url (a URL termesc_url_ok refuses is left out). */
void termlink_add(int y, int x, int width, const char *url);
/* Forget this frame's links (something was drawn over them). */
void termlink_drop(void);
/* After refresh(): write this frame's links over the text already on the terminal. */
void termlink_flush(void);
/* Write data to the terminal's clipboard (OSC 52); false when it cannot be put there (empty, too long). */
bool termlink_clipboard(const char *data, size_t len);

#endif
