/**
 * The host side of the memory map in assembly/layout.ts: hands out blocks of
 * the Wasm arena and keeps typed-array views over linear memory current.
 *
 * `memory.grow` detaches every view over the old buffer, so nobody should
 * hold a view across an `alloc`: read `heap.u32` (etc.) again after any
 * allocation. The getters re-create the views whenever the buffer changed.
 */
import { wasm, type WasmExports } from "./module.js";

const PAGE = 65536;
const ALIGN = 16;

/**
 * A first-fit block allocator over the Wasm arena, plus current views. Use
 * the process-wide `heap()`: two heaps over one instance would hand out the
 * same blocks.
 */
export class WasmHeap {
  private buffer: ArrayBuffer;
  private u32View: Uint32Array;
  private i32View: Int32Array;
  private u8View: Uint8Array;
  private f64View: Float64Array;
  private u64View: BigUint64Array;
  /** Free blocks as [ptr, size], sorted by ptr, coalesced. */
  private readonly freeList: [number, number][] = [];
  /** Size of every live block, by pointer. */
  private readonly live = new Map<number, number>();
  private top: number;

  constructor(readonly exports: WasmExports = wasm()) {
    this.top = exports.arenaBase();
    this.buffer = exports.memory.buffer;
    this.u32View = new Uint32Array(this.buffer);
    this.i32View = new Int32Array(this.buffer);
    this.u8View = new Uint8Array(this.buffer);
    this.f64View = new Float64Array(this.buffer);
    this.u64View = new BigUint64Array(this.buffer);
  }

  private refresh(): void {
    this.buffer = this.exports.memory.buffer;
    this.u32View = new Uint32Array(this.buffer);
    this.i32View = new Int32Array(this.buffer);
    this.u8View = new Uint8Array(this.buffer);
    this.f64View = new Float64Array(this.buffer);
    this.u64View = new BigUint64Array(this.buffer);
  }

  /** A Float64Array over all of linear memory (current after growth). */
  get f64(): Float64Array {
    if (this.buffer !== this.exports.memory.buffer) this.refresh();
    return this.f64View;
  }

  /** A BigUint64Array over all of linear memory (current after growth). */
  get u64(): BigUint64Array {
    if (this.buffer !== this.exports.memory.buffer) this.refresh();
    return this.u64View;
  }

  /** A Uint32Array over all of linear memory (current after growth). */
  get u32(): Uint32Array {
    if (this.buffer !== this.exports.memory.buffer) this.refresh();
    return this.u32View;
  }

  /** An Int32Array over all of linear memory (current after growth). */
  get i32(): Int32Array {
    if (this.buffer !== this.exports.memory.buffer) this.refresh();
    return this.i32View;
  }

  /** A Uint8Array over all of linear memory (current after growth). */
  get u8(): Uint8Array {
    if (this.buffer !== this.exports.memory.buffer) this.refresh();
    return this.u8View;
  }

  /** Bytes of linear memory currently reserved by the host. */
  get reservedBytes(): number {
    let n = 0;
    for (const size of this.live.values()) n += size;
    return n;
  }

  /**
   * Reserves `bytes` (rounded up to 16) and returns the block's byte offset,
   * 16-byte aligned. The contents are unspecified. Grows memory if needed,
   * which detaches views: re-read the view getters afterwards.
   */
  alloc(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`WasmHeap.alloc: bad size ${bytes}`);
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    for (let i = 0; i < this.freeList.length; i++) {
      const [ptr, free] = this.freeList[i]!;
      if (free >= size) {
        if (free === size) this.freeList.splice(i, 1);
        else this.freeList[i] = [ptr + size, free - size];
        this.live.set(ptr, size);
        return ptr;
      }
    }
    const ptr = this.top;
    const end = ptr + size;
    const have = this.exports.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      try {
        this.exports.memory.grow(pages);
      } catch (err) {
        throw new RangeError(`WasmHeap.alloc: cannot grow Wasm memory by ${pages} pages for ${size} bytes (${(err as Error).message})`);
      }
      this.refresh();
    }
    this.top = end;
    this.live.set(ptr, size);
    return ptr;
  }

  /** Returns a block from `alloc` to the arena. Freeing twice throws. */
  free(ptr: number): void {
    const size = this.live.get(ptr);
    if (size === undefined) throw new Error(`WasmHeap.free: ${ptr} is not a live block`);
    this.live.delete(ptr);
    if (ptr + size === this.top) {
      this.top = ptr;
      // Fold a trailing free block into the top as well.
      const last = this.freeList[this.freeList.length - 1];
      if (last && last[0] + last[1] === this.top) {
        this.top = last[0];
        this.freeList.pop();
      }
      return;
    }
    let i = 0;
    while (i < this.freeList.length && this.freeList[i]![0] < ptr) i++;
    this.freeList.splice(i, 0, [ptr, size]);
    // Coalesce with the neighbours.
    const next = this.freeList[i + 1];
    if (next && ptr + size === next[0]) {
      this.freeList[i] = [ptr, size + next[1]];
      this.freeList.splice(i + 1, 1);
    }
    const prev = this.freeList[i - 1];
    if (prev && prev[0] + prev[1] === ptr) {
      this.freeList[i - 1] = [prev[0], prev[1] + this.freeList[i]![1]];
      this.freeList.splice(i, 1);
    }
  }
}

let shared: WasmHeap | undefined;

/** The process-wide heap over the cached Wasm instance. */
export function heap(): WasmHeap {
  return (shared ??= new WasmHeap());
}

/**
 * A block of Wasm memory that a kernel binding reuses across calls, grown on
 * demand (at least doubling, 4 KiB at first). Each binding keeps its own.
 */
export class ScratchBlock {
  private ptr = 0;
  private bytes = 0;

  /** Returns the block's address, reallocating it first if it is smaller than `bytes`. */
  ensure(bytes: number): number {
    if (bytes > this.bytes) {
      const h = heap();
      if (this.bytes) h.free(this.ptr);
      this.bytes = Math.max(bytes, this.bytes * 2, 4096);
      this.ptr = h.alloc(this.bytes);
    }
    return this.ptr;
  }
}
