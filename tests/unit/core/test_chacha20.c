/*
 * Unit tests of the ChaCha20 block function (core/chacha20.c) against
 * RFC 8439: the block test vector of §2.3.2 and the first two block
 * vectors of Appendix A.1.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/chacha20.h>

static void from_hex(const char *hex, uint8_t *out, size_t n)
{
	size_t i;
	unsigned int byte;

	assert_int_equal(strlen(hex), 2 * n);
	for (i = 0; i < n; i++) {
		assert_int_equal(sscanf(hex + 2 * i, "%2x", &byte), 1);
		out[i] = byte;
	}
}

/* RFC 8439 §2.3.2: key 00..1f, nonce 00:00:00:09:00:00:00:4a:00:00:00:00. */
static void test_rfc8439_2_3_2(void **state)
{
	uint8_t key[32], nonce[12], out[64], want[64];
	int i;

	for (i = 0; i < 32; i++)
		key[i] = i;
	from_hex("000000090000004a00000000", nonce, sizeof(nonce));
	from_hex("10f1e7e4d13b5915500fdd1fa32071c4"
		 "c7d1f4c733c068030422aa9ac3d46c4e"
		 "d2826446079faa0914c2d705d98b02a2"
		 "b5129cd1de164eb9cbd083e8a2503c4e",
		 want, sizeof(want));
	chacha20_block(key, 1, nonce, out);
	assert_memory_equal(out, want, sizeof(want));
}

/* RFC 8439 A.1 test vectors #1 and #2: all-zero key and nonce. */
static void test_rfc8439_a1(void **state)
{
	uint8_t key[32] = { 0 }, nonce[12] = { 0 }, out[64], want[64];

	from_hex("76b8e0ada0f13d90405d6ae55386bd28"
		 "bdd219b8a08ded1aa836efcc8b770dc7"
		 "da41597c5157488d7724e03fb8d84a37"
		 "6a43b8f41518a11cc387b669b2ee6586",
		 want, sizeof(want));
	chacha20_block(key, 0, nonce, out);
	assert_memory_equal(out, want, sizeof(want));

	from_hex("9f07e7be5551387a98ba977c732d080d"
		 "cb0f29a048e3656912c6533e32ee7aed"
		 "29b721769ce64e43d57133b074d839d5"
		 "31ed1f28510afb45ace10a1f4b794d6f",
		 want, sizeof(want));
	chacha20_block(key, 1, nonce, out);
	assert_memory_equal(out, want, sizeof(want));
}

/* Different counters give different blocks; the same inputs the same. */
static void test_deterministic(void **state)
{
	uint8_t key[32] = { 1 }, nonce[12] = { 2 }, a[64], b[64];

	chacha20_block(key, 7, nonce, a);
	chacha20_block(key, 7, nonce, b);
	assert_memory_equal(a, b, sizeof(a));
	chacha20_block(key, 8, nonce, b);
	assert_memory_not_equal(a, b, sizeof(a));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc8439_2_3_2),
		cmocka_unit_test(test_rfc8439_a1),
		cmocka_unit_test(test_deterministic),
	};

	return cmocka_run_group_tests_name("chacha20", tests, NULL, NULL);
}
