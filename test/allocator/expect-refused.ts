import { expect } from "vitest";
import { AllocatorError, type AllocatorErrorCode, type HierarchicalDRFAllocator } from "../../src/allocator/index.js";

/**
 * Runs `call` on `allocator` and checks the allocator's contract for a
 * refused call: it throws an `AllocatorError` with `code` (and a message
 * matching `message`, if given), and the allocator's `snapshot()` is what
 * it was before. Returns the error.
 */
export function expectRefused(allocator: HierarchicalDRFAllocator, call: () => void, code: AllocatorErrorCode, message?: RegExp): AllocatorError {
  const before = JSON.stringify(allocator.snapshot());
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AllocatorError);
  expect((error as AllocatorError).code).toBe(code);
  if (message !== undefined) expect((error as Error).message).toMatch(message);
  expect(JSON.stringify(allocator.snapshot())).toBe(before);
  return error as AllocatorError;
}
