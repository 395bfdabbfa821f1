/* Percent-encoding for URL path segments and query strings. */
#ifndef KT_URLENC_H
#define KT_URLENC_H

struct strbuf;

/* A percent-encoded copy of one path segment: only RFC 3986 unreserved bytes stay as they are. */
char *urlenc_segment(const char *s);
/* Append s percent-encoded for a query name or value. */
void urlenc_append(struct strbuf *out, const char *s);
/* Append "?k=v" or "&k=v" to a query under construction (value may be NULL: then nothing). */
void urlenc_query_add(struct strbuf *query, const char *key, const char *value);
/* Append an integer query parameter. */
void urlenc_query_add_int(struct strbuf *query, const char *key, long value);

#endif
