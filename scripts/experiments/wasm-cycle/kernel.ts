// Feasibility kernel (not product code): one DRF fair-share pass of a
// single role over columnar state in Wasm memory, with DeclineOffers'
// semantics for plain candidates: each agent, in the given order, goes
// whole to the first framework in DRF order (share, then allocation count,
// then name rank) whose filter bit for the agent is clear; that framework's
// allocation, share and count grow and it moves right in the order.
// Offsets are byte addresses laid out by the caller (see cycle.mjs).

@inline function before(f: u32, g: u32, sharePtr: usize, countPtr: usize, rankPtr: usize): bool {
  const sf = load<f64>(sharePtr + (<usize>f << 3));
  const sg = load<f64>(sharePtr + (<usize>g << 3));
  if (sf != sg) return sf < sg;
  const cf = load<u32>(countPtr + (<usize>f << 2));
  const cg = load<u32>(countPtr + (<usize>g << 2));
  if (cf != cg) return cf < cg;
  return load<u32>(rankPtr + (<usize>f << 2)) < load<u32>(rankPtr + (<usize>g << 2));
}

/** Runs one pass; writes (agent, framework) pairs to outAgentPtr/outFwPtr and returns how many. */
export function round(
  n: u32, m: u32, R: u32,
  totalPtr: usize, allocPtr: usize, sharePtr: usize, countPtr: usize, rankPtr: usize, orderPtr: usize,
  candPtr: usize, emptyPtr: usize, bitsPtr: usize, words: u32, agentOrderPtr: usize,
  outAgentPtr: usize, outFwPtr: usize,
): u32 {
  let k: u32 = 0;
  for (let ai: u32 = 0; ai < n; ai++) {
    const a = load<u32>(agentOrderPtr + (<usize>ai << 2));
    if (load<u8>(emptyPtr + <usize>a) != 0) continue;
    const row = bitsPtr + ((<usize>a * <usize>words) << 2);
    for (let i: u32 = 0; i < m; i++) {
      const f = load<u32>(orderPtr + (<usize>i << 2));
      if ((load<u32>(row + (<usize>(f >> 5) << 2)) & (1 << (f & 31))) != 0) continue;
      // Offer the whole candidate to f.
      store<u32>(outAgentPtr + (<usize>k << 2), a);
      store<u32>(outFwPtr + (<usize>k << 2), f);
      k++;
      store<u8>(emptyPtr + <usize>a, 1);
      let share: f64 = 0;
      const fa = allocPtr + ((<usize>f * <usize>R) << 3);
      const ca = candPtr + ((<usize>a * <usize>R) << 3);
      for (let r: u32 = 0; r < R; r++) {
        const v = load<f64>(fa + (<usize>r << 3)) + load<f64>(ca + (<usize>r << 3));
        store<f64>(fa + (<usize>r << 3), v);
        const t = load<f64>(totalPtr + (<usize>r << 3));
        if (t > 0 && v / t > share) share = v / t;
      }
      store<f64>(sharePtr + (<usize>f << 3), share);
      store<u32>(countPtr + (<usize>f << 2), load<u32>(countPtr + (<usize>f << 2)) + 1);
      // Move f right past every framework now before it.
      let lo = i + 1;
      let hi = m - 1;
      if (lo <= hi && before(load<u32>(orderPtr + (<usize>lo << 2)), f, sharePtr, countPtr, rankPtr)) {
        if (before(load<u32>(orderPtr + (<usize>hi << 2)), f, sharePtr, countPtr, rankPtr)) lo = hi;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (before(load<u32>(orderPtr + (<usize>mid << 2)), f, sharePtr, countPtr, rankPtr)) lo = mid;
          else hi = mid - 1;
        }
        memory.copy(orderPtr + (<usize>i << 2), orderPtr + (<usize>(i + 1) << 2), <usize>(lo - i) << 2);
        store<u32>(orderPtr + (<usize>lo << 2), f);
      }
      break;
    }
  }
  return k;
}
