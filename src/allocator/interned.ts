/**
 * One object per value for the Resources that enter the allocator (agent
 * totals, used resources). The allocator memoizes what it derives from a
 * Resources object (its quantities, allocatable part, offer form) by object
 * identity, so a thousand agents registered with a thousand equal but
 * distinct objects (what a master decoding each agent's message hands over)
 * would each pay for every derivation; interned, they share one object and
 * pay once.
 */
import type { Resources } from "../resources/index.js";

/** A table from `Resources.valueHash()` to private copies of the values seen, held weakly. */
export class ResourcesInterner {
  private readonly byHash = new Map<number, WeakRef<Resources>[]>();
  private readonly collected = new FinalizationRegistry<number>((hash) => {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return;
    const live = bucket.filter((ref) => ref.deref() !== undefined);
    if (live.length === 0) this.byHash.delete(hash);
    else this.byHash.set(hash, live);
  });

  /**
   * The interned object identical to `r`: one object for every equal value
   * while anything holds it. On the first sight of a value the table keeps
   * a frozen copy of it, so the allocator never holds the caller's object: a
   * caller that later changes `r` in place (`add`, `subtract`) changes
   * nothing the allocator holds or has derived.
   */
  intern(r: Resources): Resources {
    const hash = r.valueHash();
    let bucket = this.byHash.get(hash);
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const x = bucket[i]!.deref();
        if (x !== undefined && x.identical(r)) return x;
      }
    } else {
      this.byHash.set(hash, (bucket = []));
    }
    // Frozen: nothing changes it, and what memos derive from it is kept in it.
    const own = r.clone().freeze();
    bucket.push(new WeakRef(own));
    this.collected.register(own, hash);
    return own;
  }
}
