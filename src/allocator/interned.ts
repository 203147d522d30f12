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

/** How many recently interned values `intern` tries by entry identity before hashing. */
const RECENT = 4;

/** A table from `Resources.valueHash()` to private copies of the values seen, held weakly. */
export class ResourcesInterner {
  private readonly byHash = new Map<number, WeakRef<Resources>[]>();
  /** The values interned last (at most RECENT, held strongly), for the fast path of `intern`. */
  private readonly recent: Resources[] = [];
  private recentNext = 0;
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
    // Callers often hand in copies of a few values, again and again (a
    // master adding agents of one shape: a total and what a framework uses
    // on it): a copy that still shares the entries of a recently interned
    // value is that value, without hashing.
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const x = recent[i]!;
      if (r.sharesEntriesWith(x)) return x;
    }
    const own = this.lookup(r);
    if (recent.length < RECENT) recent.push(own);
    else recent[this.recentNext] = own;
    this.recentNext = (this.recentNext + 1) % RECENT;
    return own;
  }

  private lookup(r: Resources): Resources {
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
