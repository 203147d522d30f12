/** A small seeded PRNG (mulberry32) so every random choice is reproducible. */
export class Prng {
  /** The 32-bit state, kept in a typed array so it is never boxed as a heap number (values above 2^30 are not small integers). */
  private readonly state = new Uint32Array(1);
  constructor(seed: number) {
    this.state[0] = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state[0]! + 0x6d2b79f5) >>> 0;
    this.state[0] = t;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Advances the state as `n` calls of `next` would (0 <= n < 2^31): mulberry32's state moves by one constant per call. */
  skip(n: number): void {
    this.state[0] = (this.state[0]! + Math.imul(n, 0x6d2b79f5)) >>> 0;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Fisher-Yates shuffle in place. */
  shuffle<T>(a: T[]): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  }
}
