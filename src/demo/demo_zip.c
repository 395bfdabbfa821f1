#include "config.h"
#include "demo/demo_zip.h"
#include "core/strbuf.h"
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void)
{
	if (crc_table[1])
		return;
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

static uint32_t crc_byte(uint32_t crc, unsigned char b)
{
	return crc_table[(crc ^ b) & 0xff] ^ (crc >> 8);
}

uint32_t demo_zip_crc32(const void *data, size_t len)
{
	crc_init();
	uint32_t c = 0xffffffffu;
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		c = crc_byte(c, p[i]);
	return c ^ 0xffffffffu;
}

/* The traditional PKWARE cipher's three keys. */
struct zip_keys {
	uint32_t k0, k1, k2;
};

static void keys_update(struct zip_keys *k, unsigned char c)
{
	k->k0 = crc_byte(k->k0, c);
	k->k1 = (k->k1 + (k->k0 & 0xff)) * 134775813u + 1;
	k->k2 = crc_byte(k->k2, (unsigned char)(k->k1 >> 24));
}

static unsigned char keys_encrypt(struct zip_keys *k, unsigned char plain)
{
	unsigned t = (k->k2 | 2) & 0xffffu;
	unsigned char out = plain ^ (unsigned char)((t * (t ^ 1)) >> 8);
	keys_update(k, plain);
	return out;
}

static void put16(struct strbuf *sb, unsigned v)
{
	unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	strbuf_add(sb, (const char *)b, 2);
}

static void put32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
	strbuf_add(sb, (const char *)b, 4);
}

/* 2024-05-02 10:00:00 in DOS time and date: a fixed stamp keeps archives reproducible. */
#define ZIP_DOS_TIME (10u << 11)
#define ZIP_DOS_DATE (((2024u - 1980u) << 9) | (5u << 5) | 2u)
/* Bytes of the encryption header before each entry's data. */
#define ZIP_CRYPT_HEADER 12

/* The fields a local and a central header share, from "version needed" to the name's length. */
static void put_common(struct strbuf *sb, uint32_t crc, size_t len, size_t name_len)
{
	put16(sb, 20);          /* version needed: 2.0 */
	put16(sb, 1);           /* flags: encrypted */
	put16(sb, 0);           /* method: stored */
	put16(sb, ZIP_DOS_TIME);
	put16(sb, ZIP_DOS_DATE);
	put32(sb, crc);
	put32(sb, (uint32_t)(len + ZIP_CRYPT_HEADER));
	put32(sb, (uint32_t)len);
	put16(sb, (unsigned)name_len);
}

unsigned char *demo_zip(const struct demo_zip_entry *e, size_t n, const char *password, uint64_t salt, size_t *len)
{
	crc_init();
	struct strbuf out, central;
	strbuf_init(&out);
	strbuf_init(&central);
	for (size_t i = 0; i < n; i++) {
		uint32_t crc = demo_zip_crc32(e[i].data, e[i].len);
		size_t name_len = strlen(e[i].name);
		uint32_t offset = (uint32_t)out.len;
		put32(&out, 0x04034b50);
		put_common(&out, crc, e[i].len, name_len);
		put16(&out, 0); /* extra field length */
		strbuf_add(&out, e[i].name, name_len);
		struct zip_keys k = {0x12345678u, 0x23456789u, 0x34567890u};
		for (const char *p = password; *p; p++)
			keys_update(&k, (unsigned char)*p);
		/* Eleven bytes of noise, then the CRC's high byte, which lets a reader check the password. */
		uint64_t s = salt ^ ((uint64_t)i * 0x9e3779b97f4a7c15ull);
		for (int b = 0; b < ZIP_CRYPT_HEADER; b++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			unsigned char plain = b == ZIP_CRYPT_HEADER - 1 ? (unsigned char)(crc >> 24) : (unsigned char)(s >> 56);
			strbuf_putc(&out, (char)keys_encrypt(&k, plain));
		}
		const unsigned char *p = e[i].data;
		for (size_t j = 0; j < e[i].len; j++)
			strbuf_putc(&out, (char)keys_encrypt(&k, p[j]));
		put32(&central, 0x02014b50);
		put16(&central, 20); /* version made by */
		put_common(&central, crc, e[i].len, name_len);
		put16(&central, 0);  /* extra field length */
		put16(&central, 0);  /* comment length */
		put16(&central, 0);  /* disk number */
		put16(&central, 0);  /* internal attributes */
		put32(&central, 0);  /* external attributes */
		put32(&central, offset);
		strbuf_add(&central, e[i].name, name_len);
	}
	uint32_t cd_offset = (uint32_t)out.len;
	strbuf_add(&out, central.buf, central.len);
	put32(&out, 0x06054b50);
	put16(&out, 0);
	put16(&out, 0);
	put16(&out, (unsigned)n);
	put16(&out, (unsigned)n);
	put32(&out, (uint32_t)central.len);
	put32(&out, cd_offset);
	put16(&out, 0);
	strbuf_free(&central);
	return (unsigned char *)strbuf_detach(&out, len);
}
