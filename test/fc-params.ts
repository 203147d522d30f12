/**
 * fast-check parameters for one property: `numRuns` cases from a fixed seed,
 * the same cases on every run (as CI needs); or, with `SOAK=N` in the
 * environment, N times as many cases from a fresh random seed, to look for
 * what the fixed cases miss (`SOAK=20 npx vitest run test/allocator`).
 * fast-check prints the seed and path of any failure, to replay it.
 */
export function fcParams(numRuns: number, seed: number = DEFAULT_SEED): { numRuns: number; seed?: number } {
  const soak = Number(process.env.SOAK ?? 0);
  if (Number.isFinite(soak) && soak > 0) return { numRuns: Math.ceil(numRuns * soak) };
  return { numRuns, seed };
}

/**
 * The seed of a property that names none. (Until 2026-11-27 such a property
 * ran from fast-check's own random seed on every run, so CI drew new cases
 * each time; one drew the text "[]", which a test did not expect.)
 */
export const DEFAULT_SEED = 20261127;
