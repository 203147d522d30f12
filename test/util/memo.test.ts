import { describe, expect, it } from "vitest";
import { NamedMemo, ObjectMemo, PairMemo } from "../../src/util/memo.js";

describe("ObjectMemo", () => {
  it("computes once per key object, also when other keys are asked in between", () => {
    const calls: object[] = [];
    const memo = new ObjectMemo<{ n: number }, number>((k) => {
      calls.push(k);
      return k.n * 2;
    });
    const a = { n: 1 };
    const b = { n: 2 };
    expect([memo.get(a), memo.get(a), memo.get(b), memo.get(a), memo.get(b)]).toEqual([2, 2, 4, 2, 4]);
    expect(calls).toEqual([a, b]);
    // Equal content is not the same key.
    expect(memo.get({ n: 1 })).toBe(2);
    expect(calls.length).toBe(3);
  });
  it("remember() sets the value for a key, including the one in the last-key cache", () => {
    const memo = new ObjectMemo<object, string>(() => "computed");
    const k = {};
    expect(memo.get(k)).toBe("computed");
    memo.remember(k, "known");
    expect(memo.get(k)).toBe("known");
    const j = {};
    memo.remember(j, "given");
    expect(memo.get(j)).toBe("given");
  });
});

describe("PairMemo", () => {
  it("computes once per (a, b) pair of objects, in either order of asking", () => {
    let calls = 0;
    const memo = new PairMemo<{ n: number }, { n: number }, number>((a, b) => {
      calls++;
      return a.n - b.n;
    });
    const x = { n: 10 };
    const y = { n: 3 };
    expect([memo.get(x, y), memo.get(y, x), memo.get(x, y), memo.get(y, x)]).toEqual([7, -7, 7, -7]);
    expect(calls).toBe(2);
  });
});

describe("NamedMemo", () => {
  it("computes once per (key object, name)", () => {
    const calls: string[] = [];
    const memo = new NamedMemo<{ n: number }, string>((k, name) => {
      calls.push(name);
      return `${name}:${k.n}`;
    });
    const k = { n: 1 };
    expect([memo.get(k, "a"), memo.get(k, "b"), memo.get(k, "a"), memo.get({ n: 1 }, "a")]).toEqual(["a:1", "b:1", "a:1", "a:1"]);
    expect(calls).toEqual(["a", "b", "a"]);
  });
});

/** A key that keeps derived values in slots, as a frozen Resources does (or refuses, as an unfrozen one). */
class SlotKey {
  readonly slots: unknown[] = [];
  constructor(readonly n: number, private readonly keeps: boolean) {}
  derivedGet(slot: number): unknown {
    return this.slots[slot];
  }
  derivedSet(slot: number, value: unknown): boolean {
    if (!this.keeps) return false;
    this.slots[slot] = value;
    return true;
  }
}

describe("memos over keys with slots (DerivedSlots)", () => {
  it.each([true, false])("keys that keep slots: %s — each memo computes once per key and answers right", (keeps) => {
    let calls = 0;
    const double = new ObjectMemo<SlotKey, number>((k) => (calls++, k.n * 2));
    const triple = new ObjectMemo<SlotKey, number>((k) => (calls++, k.n * 3));
    const keys = [new SlotKey(1, keeps), new SlotKey(2, keeps), new SlotKey(3, keeps)];
    for (let round = 0; round < 3; round++) for (const k of keys) {
      expect(double.get(k)).toBe(k.n * 2);
      expect(triple.get(k)).toBe(k.n * 3);
    }
    expect(calls).toBe(6);
    // Values live in the keys exactly when they keep slots.
    expect(keys[0]!.slots.filter((v) => v !== undefined).length).toBe(keeps ? 2 : 0);
    const k4 = new SlotKey(4, keeps);
    double.remember(k4, 99);
    expect(double.get(k4)).toBe(99);
  });

  it.each([true, false])("PairMemo keeps a key's first partner in its slot and the others aside (keeps slots: %s)", (keeps) => {
    let calls = 0;
    const minus = new PairMemo<SlotKey, SlotKey, number>((a, b) => (calls++, a.n - b.n));
    const a = new SlotKey(10, keeps), b = new SlotKey(3, keeps), c = new SlotKey(4, keeps);
    for (let round = 0; round < 3; round++) {
      expect(minus.get(a, b)).toBe(7);
      expect(minus.get(a, c)).toBe(6);
      expect(minus.get(b, a)).toBe(-7);
    }
    expect(calls).toBe(3);
  });

  it.each([true, false])("NamedMemo answers per (key, name) (keeps slots: %s)", (keeps) => {
    let calls = 0;
    const tag = new NamedMemo<SlotKey, string>((k, name) => (calls++, `${name}:${k.n}`));
    const a = new SlotKey(1, keeps), b = new SlotKey(2, keeps);
    for (let round = 0; round < 2; round++) {
      expect([tag.get(a, "x"), tag.get(a, "y"), tag.get(b, "x")]).toEqual(["x:1", "y:1", "x:2"]);
    }
    expect(calls).toBe(3);
  });
});
