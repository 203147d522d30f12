/** Loads the golden vectors (test/fixtures/vectors) listed in their manifest. */
import { readFileSync } from "node:fs";

const dir = new URL("../fixtures/vectors/", import.meta.url);

/** One golden vector: its type, bytes, Mesos JSON and standard JSON. */
export interface Vector {
  name: string;
  type: string;
  description: string;
  bin: Uint8Array;
  json: string;
  pbjson: Record<string, unknown>;
}

/** Every vector in the manifest. */
export const VECTORS: readonly Vector[] = (
  JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) as { name: string; type: string; description: string }[]
).map((c) => ({
  ...c,
  bin: new Uint8Array(readFileSync(new URL(`${c.name}.bin`, dir))),
  json: readFileSync(new URL(`${c.name}.json`, dir), "utf8"),
  pbjson: JSON.parse(readFileSync(new URL(`${c.name}.pbjson`, dir), "utf8")) as Record<string, unknown>,
}));

/** The vector called `name`. */
export function vector(name: string): Vector {
  const v = VECTORS.find((x) => x.name === name);
  if (!v) throw new Error(`no vector ${name}`);
  return v;
}
