import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "../../src/util/min-heap.js";
import { fcParams } from "../fc-params.js";

describe("MinHeap", () => {
  it("pops in the order of a stable sort, with pushes and pops interleaved", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(null)), { maxLength: 200 }), (ops) => {
        type Item = { key: number; seq: number };
        const heap = new MinHeap<Item>((a, b) => a.key < b.key || (a.key === b.key && a.seq < b.seq));
        const model: Item[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op === null) {
            model.sort((a, b) => a.key - b.key || a.seq - b.seq);
            expect(heap.pop()).toEqual(model.shift());
          } else {
            const item = { key: op, seq: seq++ };
            heap.push(item);
            model.push(item);
          }
          expect(heap.size).toBe(model.length);
        }
      }),
      fcParams(200),
    );
  });

  it("answers undefined when empty", () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peek()).toBeUndefined();
  });
});
