/* Splitting a command line into words, with shell-like quoting. */
#ifndef KT_TOKENIZE_H
#define KT_TOKENIZE_H

/*
 * Split line into words: blanks separate, '...' is literal, "..." allows \" and
 * \\, a backslash outside quotes escapes the next character. Returns 0 with a
 * NULL-terminated *argv (free with tokenize_free), or -1 with *err.
 */
int tokenize(const char *line, int *argc, char ***argv, char **err);
/* Free what tokenize returned. */
void tokenize_free(int argc, char **argv);
struct strbuf;
/* Append s to a line, quoted if it needs to be, so tokenize gives it back unchanged. */
void tokenize_quote(struct strbuf *out, const char *s);

#endif
