/* Untrusted text made safe to paste into Markdown (a ticket, a chat): shown as written, never formatting. */
#ifndef KT_MARKDOWN_H
#define KT_MARKDOWN_H

struct strbuf;

/*
 * Append s as inline Markdown text: terminal controls made visible (sanitize), line breaks
 * and table bars folded, every character that could start emphasis, code, a link, HTML or
 * an entity backslash-escaped. Safe after something on its line: a list item's label, a
 * heading's "# ", a table cell (a line that starts with server text is markdown_block's).
 */
void markdown_inline(struct strbuf *out, const char *s);
/*
 * Append s as a block of lines, each after prefix ("> " for a quote, "" for a paragraph):
 * escaped as markdown_inline, and what would begin a heading, a list, a quote or a rule at
 * the start of a line escaped too; empty lines keep the block together.
 */
void markdown_block(struct strbuf *out, const char *s, const char *prefix);

#endif
