/*
 * Password-protected zip archives as Kibana serves a response action's files: stored entries
 * under the traditional PKWARE encryption (APPNOTE.TXT 6.1), which unzip and every archiver open.
 */
#ifndef KT_DEMO_ZIP_H
#define KT_DEMO_ZIP_H
#include <stddef.h>
#include <stdint.h>

/* One file to put in the archive. */
struct demo_zip_entry {
	const char *name;
	const void *data;
	size_t len;
};

/* An archive of n entries encrypted with password; salt varies the encryption headers. *len gets its size; caller frees. */
unsigned char *demo_zip(const struct demo_zip_entry *e, size_t n, const char *password, uint64_t salt, size_t *len);
/* The CRC-32 of data (the zip polynomial). */
uint32_t demo_zip_crc32(const void *data, size_t len);

#endif
