/*
 * ChaCha20 block function (<core/chacha20.h>), after RFC 8439: a 4x4
 * matrix of 32-bit words (constants, key, counter, nonce) goes through
 * 20 rounds of quarter-rounds, alternately on columns and diagonals, and
 * the input is added back at the end.
 */
#include <core/chacha20.h>

#include <core/compiler.h>

static inline uint32_t rotl32(uint32_t v, int n)
{
	return (v << n) | (v >> (32 - n));
}

static inline uint32_t load_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline void store_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* RFC 8439 §2.1. */
#define QR(a, b, c, d)                                                        \
	do {                                                                  \
		a += b; d ^= a; d = rotl32(d, 16);                            \
		c += d; b ^= c; b = rotl32(b, 12);                            \
		a += b; d ^= a; d = rotl32(d, 8);                             \
		c += d; b ^= c; b = rotl32(b, 7);                             \
	} while (0)

void chacha20_block(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		    const uint8_t nonce[CHACHA20_NONCE_SIZE],
		    uint8_t out[CHACHA20_BLOCK_SIZE])
{
	uint32_t in[16], x[16];
	int i;

	/* "expand 32-byte k" (§2.3). */
	in[0] = 0x61707865;
	in[1] = 0x3320646e;
	in[2] = 0x79622d32;
	in[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		in[4 + i] = load_le32(key + 4 * i);
	in[12] = counter;
	for (i = 0; i < 3; i++)
		in[13 + i] = load_le32(nonce + 4 * i);

	for (i = 0; i < 16; i++)
		x[i] = in[i];
	for (i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++)
		store_le32(out + 4 * i, x[i] + in[i]);

	/* The state is key material: leave none of it on the stack. */
	for (i = 0; i < 16; i++)
		WRITE_ONCE(x[i], 0);
	for (i = 0; i < 16; i++)
		WRITE_ONCE(in[i], 0);
}
