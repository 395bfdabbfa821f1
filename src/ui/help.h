/* The ? overlay and the man page's key list, both from the action table, the keymap and the command table. */
#ifndef KT_HELP_H
#define KT_HELP_H

struct app;
struct strbuf;

/* Open the help overlay: the keys of the view in front first, then every view's, then the commands. */
void help_open(struct app *a);
/* The KEYS section of the man page, in troff (default keys). */
void help_man_keys(struct strbuf *out);

#endif
