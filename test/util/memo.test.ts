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
