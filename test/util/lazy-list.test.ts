import { describe, expect, it } from "vitest";
import { lazyList } from "../../src/util/lazy-list.js";

describe("lazyList", () => {
  it("computes its elements once, at the first read, and then reads like the array it stands for", () => {
    let made = 0;
    const list = lazyList(() => {
      made++;
      return ["b", "a", "c"];
    });
    expect(made).toBe(0);
    expect(list.length).toBe(3);
    expect(made).toBe(1);
    expect(list[1]).toBe("a");
    expect([...list]).toEqual(["b", "a", "c"]);
    expect(list.includes("c")).toBe(true);
    expect(list.join(",")).toBe("b,a,c");
    expect([...list].sort()).toEqual(["a", "b", "c"]);
    expect(Array.isArray(list)).toBe(true);
    expect(JSON.stringify(list)).toBe('["b","a","c"]');
    expect(Object.keys(list)).toEqual(["0", "1", "2"]);
    expect(2 in list).toBe(true);
    expect(made).toBe(1);
  });

  it("cannot be changed through it", () => {
    const list = lazyList(() => [1, 2]) as number[];
    expect(() => {
      list[0] = 5;
    }).toThrow(TypeError);
    expect(() => list.push(3)).toThrow(TypeError);
    expect([...list]).toEqual([1, 2]);
  });
});
