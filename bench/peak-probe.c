/*
 * Measures this core's fp32 FMA throughput, and the clock from a chain of dependent integer
 * multiplies, so bench/peak.ts's assumptions (clock, FMA units per core) can be checked:
 *
 *   gcc -O2 -march=native bench/peak-probe.c -o /tmp/peak-probe && /tmp/peak-probe
 *
 * 12 independent accumulators hide the FMA latency (4 cycles x 2 units = 8 in flight). Times are
 * this process's CPU time, so other load on the machine does not count against it.
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

#define CHAINS(T, SET1, FMA, LANES, NAME)                                                   \
  static double NAME(long n) {                                                              \
    T a0 = SET1(1.0f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;       \
    T a8 = a0, a9 = a0, a10 = a0, a11 = a0;                                                 \
    const T m = SET1(0.999999f), c = SET1(1e-7f);                                           \
    double t0 = cpu_seconds();                                                              \
    for (long i = 0; i < n; i++) {                                                          \
      a0 = FMA(a0, m, c); a1 = FMA(a1, m, c); a2 = FMA(a2, m, c); a3 = FMA(a3, m, c);       \
      a4 = FMA(a4, m, c); a5 = FMA(a5, m, c); a6 = FMA(a6, m, c); a7 = FMA(a7, m, c);       \
      a8 = FMA(a8, m, c); a9 = FMA(a9, m, c); a10 = FMA(a10, m, c); a11 = FMA(a11, m, c);   \
      __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5));    \
      __asm__ volatile("" : "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11));  \
    }                                                                                       \
    double s = cpu_seconds() - t0;                                                          \
    return 12.0 * 2 * LANES * n / s / 1e9;                                                  \
  }

CHAINS(__m512, _mm512_set1_ps, _mm512_fmadd_ps, 16, fma512)
CHAINS(__m256, _mm256_set1_ps, _mm256_fmadd_ps, 8, fma256)
CHAINS(__m128, _mm_set1_ps, _mm_fmadd_ps, 4, fma128)

/* Dependent 64-bit multiplies: 3 cycles each on Intel cores, so the rate gives the clock. */
static double clock_ghz(long n) {
  volatile unsigned long seed = 0x9e3779b97f4a7c15ul;
  unsigned long x = 1, y = seed;
  double t0 = cpu_seconds();
  for (long i = 0; i < n; i++) {
    x *= y; __asm__ volatile("" : "+r"(x));
    x *= y; __asm__ volatile("" : "+r"(x));
    x *= y; __asm__ volatile("" : "+r"(x));
    x *= y; __asm__ volatile("" : "+r"(x));
  }
  double s = cpu_seconds() - t0;
  return (x == 42 ? 1 : 3.0) * 4 * n / s / 1e9;
}

int main(void) {
  const long n = 200000000;
  for (int round = 0; round < 3; round++) {
    double ghz = clock_ghz(n);
    double g512 = fma512(n / 2), g256 = fma256(n / 2), g128 = fma128(n / 2);
    printf("clock %.2f GHz; fp32 FMA per core: 512-bit %.1f GFLOP/s (%.1f FLOPs/cycle), 256-bit %.1f (%.1f), 128-bit %.1f (%.1f)\n",
           ghz, g512, g512 / ghz, g256, g256 / ghz, g128, g128 / ghz);
  }
  return 0;
}
