/*
 * The kernel's random generator (<core/random.h>): ChaCha20
 * (core/chacha20.c) in "fast key erasure" form. A request runs the block
 * function on a secret 256-bit key; the first 32 bytes of the key stream
 * replace the key and the rest is the output, so a later look at the state
 * reveals nothing about bytes already handed out.
 *
 * Seeding: seed material is XORed into the key, which is then replaced by
 * a ChaCha20 block of itself under a separate nonce (the block function
 * is a PRF: the new key depends on every seed bit). Sources, at boot:
 * the CPU's generator when it has one (<arch/random.h>: RDSEED/RDRAND,
 * RNDR), the jitter of the cycle counter across work of varying length,
 * the clocks and the RTC time (the late initcall, after the RTC driver
 * set the wall clock). Every RESEED_NS the CPU generator and the clocks
 * are mixed in again. A request before the initcall seeds without the
 * RTC. Without a hardware generator the quality is that of the jitter.
 *
 * Locking: the state is touched with interrupts off (one CPU); requests
 * are served in chunks of CHUNK bytes so that interrupts stay off
 * briefly even for a large getrandom().
 */
#define pr_fmt(fmt) "random: " fmt

#include <core/random.h>

#include <arch/irq.h>
#include <arch/random.h>
#include <core/chacha20.h>
#include <core/init.h>
#include <core/printk.h>
#include <core/string.h>
#include <core/time.h>

#define CHUNK		512
#define RESEED_NS	(60 * NSEC_PER_SEC)
#define JITTER_SAMPLES	256

static uint8_t key[CHACHA20_KEY_SIZE];
static const uint8_t output_nonce[CHACHA20_NONCE_SIZE];
static const uint8_t mix_nonce[CHACHA20_NONCE_SIZE] = "seed-mixing";
static bool seeded;
static uint64_t last_reseed_ns;

/* Zeroes secrets in a way the compiler may not drop as a dead store. */
static void wipe(void *p, size_t n)
{
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

/* Folds len bytes of seed material into the key. Interrupts off. */
static void mix(const void *data, size_t len)
{
	const uint8_t *in = data;
	uint8_t blk[CHACHA20_BLOCK_SIZE];
	size_t i, n;

	while (len) {
		n = MIN(len, sizeof(key));
		for (i = 0; i < n; i++)
			key[i] ^= in[i];
		chacha20_block(key, 0, mix_nonce, blk);
		memcpy(key, blk, sizeof(key));
		in += n;
		len -= n;
	}
	wipe(blk, sizeof(blk));
}

static void mix_u64(uint64_t v)
{
	mix(&v, sizeof(v));
}

/* Up to 8 words from the CPU's generator; returns how many it gave. */
static int mix_hw(void)
{
	uint64_t v;
	int n;

	for (n = 0; n < 8; n++) {
		if (!arch_random_seed(&v))
			break;
		mix_u64(v);
	}
	wipe(&v, sizeof(v));
	return n;
}

/*
 * Timer jitter: the cycle counter read around a block computation whose
 * length (1-4 blocks) depends on the previous reading. The low bits of
 * each delta are folded into a pool that is mixed in at the end.
 */
static void mix_jitter(void)
{
	uint64_t pool[8] = { 0 };
	uint8_t blk[CHACHA20_BLOCK_SIZE];
	uint64_t prev = arch_random_cycles(), now;
	unsigned int i, j, rounds = 1;

	for (i = 0; i < JITTER_SAMPLES; i++) {
		for (j = 0; j < rounds; j++)
			chacha20_block(key, i, mix_nonce, blk);
		now = arch_random_cycles();
		pool[i % 8] = (pool[i % 8] << 7 | pool[i % 8] >> 57) ^
			      (now - prev) ^ clock_ns();
		rounds = 1 + (now & 3);
		prev = now;
	}
	mix(pool, sizeof(pool));
	wipe(pool, sizeof(pool));
	wipe(blk, sizeof(blk));
}

static void mix_clocks(void)
{
	mix_u64(clock_ns());
	mix_u64((uint64_t)clock_realtime_ns());
	mix_u64(arch_random_cycles());
}

/* Seeds from every source. Interrupts off. Returns the hardware words. */
static int seed_locked(void)
{
	int hw;

	mix_clocks();
	hw = mix_hw();
	mix_jitter();
	mix_clocks();
	seeded = true;
	last_reseed_ns = clock_ns();
	return hw;
}

/*
 * len <= CHUNK bytes of output, then a new key (fast key erasure).
 * Interrupts off.
 */
static void generate(uint8_t *out, size_t len)
{
	uint8_t blk[CHACHA20_BLOCK_SIZE], next_key[CHACHA20_KEY_SIZE];
	uint32_t counter = 0;
	size_t n;

	chacha20_block(key, counter++, output_nonce, blk);
	memcpy(next_key, blk, sizeof(next_key));
	n = MIN(len, sizeof(blk) - sizeof(next_key));
	memcpy(out, blk + sizeof(next_key), n);
	out += n;
	len -= n;
	while (len) {
		chacha20_block(key, counter++, output_nonce, blk);
		n = MIN(len, sizeof(blk));
		memcpy(out, blk, n);
		out += n;
		len -= n;
	}
	memcpy(key, next_key, sizeof(key));
	wipe(blk, sizeof(blk));
	wipe(next_key, sizeof(next_key));
}

void get_random_bytes(void *buf, size_t len)
{
	uint8_t *out = buf;
	unsigned long flags;
	size_t n;

	while (len) {
		n = MIN(len, CHUNK);
		flags = arch_irq_save();
		if (!seeded) {
			seed_locked();
		} else if (clock_ns() - last_reseed_ns >= RESEED_NS) {
			mix_hw();
			mix_clocks();
			last_reseed_ns = clock_ns();
		}
		generate(out, n);
		arch_irq_restore(flags);
		out += n;
		len -= n;
	}
}

/* After the drivers (the RTC set the wall clock): the full seeding. */
static int random_init(void)
{
	unsigned long flags = arch_irq_save();
	const char *hw_name = arch_random_name();
	int hw = seed_locked();

	arch_irq_restore(flags);
	pr_info("seeded from %s%stimer jitter and the clocks%s\n",
		hw ? hw_name : "", hw ? ", " : "",
		clock_realtime_is_set() ? " (RTC time included)" : "");
	return 0;
}
late_initcall(random_init);
