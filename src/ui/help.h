/* The ? overlay and the man page's key list, both from the key and command tables. */
#ifndef KT_HELP_H
#define KT_HELP_H

struct strbuf;

/* The KEYS section of the man page, in troff. */
void help_man_keys(struct strbuf *out);

#endif
