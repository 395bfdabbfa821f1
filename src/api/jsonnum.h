/* Numbers in JSON text that jansson cannot hold, made into text it can. */
#ifndef KT_JSONNUM_H
#define KT_JSONNUM_H
#include <stddef.h>

/*
 * A copy of the JSON text buf[0..len) in which every number jansson refuses (an integer
 * that does not fit in 64 signed bits, such as an Elasticsearch unsigned_long of
 * 18446744073709551615, or a real past the range of a double) becomes a string holding
 * its exact text; *out_len gets the copy's length. NULL when there is no such number.
 */
char *jsonnum_quote_big(const char *buf, size_t len, size_t *out_len);

#endif
