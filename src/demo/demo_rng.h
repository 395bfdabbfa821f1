/* A small, fast, seedable PRNG (xoshiro256** seeded by splitmix64) for reproducible demo data. */
#ifndef KT_DEMO_RNG_H
#define KT_DEMO_RNG_H
#include <stddef.h>
#include <stdint.h>

/* Generator state; copy it to fork an independent stream. */
struct demo_rng {
	uint64_t s[4];
};

/* Seed from a 64-bit value and a stream number, so each data set draws from its own stream. */
void demo_rng_seed(struct demo_rng *r, uint64_t seed, uint64_t stream);
/* The next 64 random bits. */
uint64_t demo_rng_next(struct demo_rng *r);
/* A uniform integer in [0, n); n == 0 gives 0. */
uint32_t demo_rng_below(struct demo_rng *r, uint32_t n);
/* A uniform integer in [lo, hi]. */
int64_t demo_rng_range(struct demo_rng *r, int64_t lo, int64_t hi);
/* True with probability pct/100. */
int demo_rng_chance(struct demo_rng *r, unsigned pct);
/* An index into a table of n entries, weighted towards the front (Zipf-like). */
uint32_t demo_rng_skewed(struct demo_rng *r, uint32_t n);
/* One step of splitmix64: a good 64-bit mix of x (also used to derive stable hashes). */
uint64_t demo_mix64(uint64_t x);

#endif
