/** Helpers shared by the codec tests: hand-built wire bytes and decode outcomes. */
import { CodecError } from "../../src/codec/index.js";

/** Base-128 little-endian groups of a 64-bit pattern, as the protobuf spec defines varints. */
export function varintBytes(v: bigint): number[] {
  let u = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    const low = Number(u & 0x7fn);
    u >>= 7n;
    out.push(u > 0n ? low | 0x80 : low);
  } while (u > 0n);
  return out;
}

/** What a decode did: its value, or the message of the CodecError it threw (any other exception propagates). */
export type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

/** Runs `fn` and reports its Outcome, so two decoders can be compared on the same input. */
export function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof CodecError) return { ok: false, message: e.message };
    throw e;
  }
}
