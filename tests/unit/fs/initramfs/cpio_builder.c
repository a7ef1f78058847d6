/*
 * Test helper: hand-made cpio archives and fixture files (see
 * cpio_builder.h).
 */
#include "cpio_builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cb_put(struct cb *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
	if (data)
		memcpy(b->p + b->len, data, n);
	else
		memset(b->p + b->len, 0, n);
	b->len += n;
}

void cb_pad4(struct cb *b)
{
	cb_put(b, NULL, (4 - b->len % 4) % 4);
}

void cb_header(struct cb *b, const char *magic, const struct cb_hdr *h)
{
	char s[111];

	snprintf(s, sizeof(s),
		 "......%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 h->ino, h->mode, h->uid, h->gid, h->nlink, h->mtime,
		 h->filesize, h->devmajor, h->devminor, h->rdevmajor,
		 h->rdevminor, h->namesize, h->check);
	memcpy(s, magic, 6);
	cb_put(b, s, 110);
}

void cb_entry(struct cb *b, int crc, const char *name, uint32_t mode,
	      const void *data, size_t size)
{
	static uint32_t ino = 100;
	struct cb_hdr h = {
		.ino = ino++, .mode = mode, .nlink = 1, .mtime = 1700000000,
		.filesize = (uint32_t)size,
		.namesize = (uint32_t)strlen(name) + 1,
	};
	size_t i;

	for (i = 0; crc && i < size; i++)
		h.check += ((const unsigned char *)data)[i];
	cb_header(b, crc ? "070702" : "070701", &h);
	cb_put(b, name, strlen(name) + 1);
	cb_pad4(b);
	cb_put(b, data, size);
	cb_pad4(b);
}

void cb_trailer(struct cb *b)
{
	cb_entry(b, 0, "TRAILER!!!", 0, NULL, 0);
}

void cb_free(struct cb *b)
{
	free(b->p);
	*b = (struct cb){ 0 };
}

unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		p = malloc(n ? (size_t)n : 1);
		if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return p;
}
