/* SHA-256 (FIPS 180-4): the digest Kibana shows for files a response action moves. */
#ifndef KT_SHA256_H
#define KT_SHA256_H
#include <stddef.h>
#include <stdint.h>

/* Length of a digest as lowercase hex, without the terminating NUL. */
#define SHA256_HEX_LEN 64

/* The digest of len bytes of data, as 64 lowercase hex digits and a NUL in hex. */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_LEN + 1]);

#endif
