/* Timing helpers for the benchmarks: medians of repeated runs, never pass/fail on time. */
#ifndef KT_BENCH_UTIL_H
#define KT_BENCH_UTIL_H
#include <stdlib.h>
#include <time.h>

/* Monotonic seconds. */
static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The median of n samples (sorts them). */
static inline double bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(double), bench_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
