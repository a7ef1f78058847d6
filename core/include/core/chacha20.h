/*
 * The ChaCha20 block function (RFC 8439 §2.3), the core of the kernel's
 * random generator (core/random.c). Integer-only: usable in the kernel.
 */
#ifndef CORE_CHACHA20_H
#define CORE_CHACHA20_H

#include <core/types.h>

#define CHACHA20_KEY_SIZE	32
#define CHACHA20_NONCE_SIZE	12
#define CHACHA20_BLOCK_SIZE	64

/*
 * Writes the 64-byte key-stream block number counter for key and nonce
 * into out (serialized little-endian, as the RFC's test vectors).
 */
void chacha20_block(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		    const uint8_t nonce[CHACHA20_NONCE_SIZE],
		    uint8_t out[CHACHA20_BLOCK_SIZE]);

#endif /* CORE_CHACHA20_H */
