/**
 * The shape of a bag in column form (see resources.ts): the ordered list of
 * identities of a bag whose every entry is a NORMAL scalar (any metadata:
 * roles, reservations, revocable). A bag in column form keeps one shape and
 * one array of amounts, position k of one belonging to position k of the
 * other, so `total += r` on two bags of one shape is a loop over two arrays
 * of numbers, and `total + r` copies one array instead of building an
 * `Entry` per resource.
 *
 * Shapes are immutable and shared: `parse` looks each new list of
 * identities up in a small cache of recent shapes (so 10,000 agents parsed
 * from texts of the same names hold two or three shape objects, not 10,000),
 * a clone, a `plus` or a `minus` keeps its source's shape object, and two
 * bags found to have equal shapes are made to share one (`sameShape`), so
 * the common test is one pointer comparison.
 */
import { Entry, NORMAL, SCALAR } from "./resource.js";
import { INDEX_THRESHOLD } from "./id-index.js";

/** An ordered list of distinct NORMAL scalar identities, with one template entry per identity. */
export class ScalarShape {
  /**
   * The template entries: identity, name and metadata of each position.
   * Never changed and never owned by a bag (`owner` is null), so a bag may
   * hold one as its entry while the template's `scalar` equals its amount:
   * copy on write copies it before any change.
   */
  readonly templates: readonly Entry[];

  private constructor(templates: readonly Entry[]) {
    this.templates = templates;
  }

  /**
   * The shape of `entries` when column form can hold them (1 to INDEX_THRESHOLD
   * NORMAL scalars), else null. The entries must already be known to be
   * distinct, non-empty, single copies that no bag owns (a freshly parsed
   * list that a bag may adopt as it is), so only the number, types and kinds
   * are tested.
   *
   * A shape of the same identities in the same order made recently is
   * returned as it is (see SHAPE_CACHE_BITS); its templates then carry the
   * amounts of the text that made it, not of `entries`. Otherwise `entries`
   * become the templates of a new shape: the caller must not change them and
   * must not let a bag own them.
   */
  static ofAdoptable(entries: readonly Entry[]): ScalarShape | null {
    const n = entries.length;
    if (n === 0 || n > INDEX_THRESHOLD) return null;
    let h = n;
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      if (e.type !== SCALAR || e.kind !== NORMAL) return null;
      h = Math.imul(h ^ e.id, 0x9e3779b1);
    }
    const slot = h >>> (32 - SHAPE_CACHE_BITS);
    const cached = recentShapes[slot];
    if (cached !== undefined && sameIds(cached.templates, entries)) return cached;
    return (recentShapes[slot] = new ScalarShape(entries));
  }
}

/**
 * log2 of the slots in parse's cache of recent shapes: direct-mapped, keyed
 * by a hash of the identity ids (ids are never reused, so equal ids are the
 * same identities). 64 slots hold at most 64 shapes of at most
 * INDEX_THRESHOLD template entries each; a collision only costs a new shape.
 * Why it exists: with a shape per parsed bag, a loop of `add` over 10,000
 * parsed agents touched a shape, a template list and its entries per bag,
 * and took 1.15-1.33x the time it took before column form existed
 * (docs/bench-resources.md, performance pass 9).
 */
const SHAPE_CACHE_BITS = 6;
const recentShapes: (ScalarShape | undefined)[] = new Array<ScalarShape | undefined>(1 << SHAPE_CACHE_BITS).fill(undefined);

/** True when both lists hold the same identity ids in the same order. */
function sameIds(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/** True when both shapes list the same identities in the same order. */
export function sameShape(a: ScalarShape, b: ScalarShape): boolean {
  return a === b || sameIds(a.templates, b.templates);
}
