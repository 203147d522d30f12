/**
 * The shape of a bag in column form (see resources.ts): the ordered list of
 * identities of a bag whose every entry is a NORMAL scalar (any metadata:
 * roles, reservations, revocable). A bag in column form keeps one shape and
 * one array of amounts, position k of one belonging to position k of the
 * other, so `total += r` on two bags of one shape is a loop over two arrays
 * of numbers, and `total + r` copies one array instead of building an
 * `Entry` per resource.
 *
 * Shapes are immutable and shared: a clone, a `plus` or a `minus` keeps its
 * source's shape object, and two bags found to have equal shapes are made to
 * share one (`sameShape`), so the common test is one pointer comparison.
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
   * are tested. They become the templates: the caller must not change them
   * and must not let a bag own them.
   */
  static ofAdoptable(entries: readonly Entry[]): ScalarShape | null {
    const n = entries.length;
    if (n === 0 || n > INDEX_THRESHOLD) return null;
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      if (e.type !== SCALAR || e.kind !== NORMAL) return null;
    }
    return new ScalarShape(entries);
  }
}

/** True when both shapes list the same identities in the same order. */
export function sameShape(a: ScalarShape, b: ScalarShape): boolean {
  if (a === b) return true;
  const ta = a.templates, tb = b.templates;
  if (ta.length !== tb.length) return false;
  for (let i = 0; i < ta.length; i++) if (ta[i]!.id !== tb[i]!.id) return false;
  return true;
}
