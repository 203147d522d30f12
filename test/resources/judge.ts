/**
 * An independent reader of resource text for judging CLI output: a small,
 * deliberately naive model (plain strings, bigint interval merging) that
 * shares no code with src/resources, so a result is not judged only by the
 * parser that produced it. It reads the simple text form of valid
 * resources: `name[(role)]:value;...`, where value is a scalar, `[a-b,...]`
 * or `{x,y}`; `{}` or "" is empty.
 */
export type Model = Map<string, string>;

function mergeRanges(pairs: Array<[bigint, bigint]>): string {
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [b, e] of pairs) {
    const last = out[out.length - 1];
    if (last && b <= last[1] + 1n) { if (e > last[1]) last[1] = e; }
    else out.push([b, e]);
  }
  return out.map(([b, e]) => `${b}-${e}`).join(",");
}

/** Parses text into key "name(role)#TYPE" -> canonical value string; zero/empty values are left out. */
export function readModel(text: string): Model {
  const acc = new Map<string, { type: string; scalar: bigint; ranges: Array<[bigint, bigint]>; items: Set<string> }>();
  const trimmed = text.trim();
  if (trimmed === "{}" || trimmed === "") return new Map();
  for (const piece of text.split(";")) {
    if (piece.length === 0) continue;
    const colon = piece.lastIndexOf(":");
    if (colon < 0) throw new Error(`judge: no ':' in '${piece}'`);
    const head = piece.slice(0, colon);
    const value = piece.slice(colon + 1).split(" ").join("");
    const m = /^\s*([^()]+?)\s*(?:\(\s*([^()]*?)\s*\))?\s*$/.exec(head);
    if (!m) throw new Error(`judge: bad head '${head}'`);
    const name = m[1]!;
    const role = m[2] === undefined || m[2] === "*" ? "*" : m[2];
    let type: string;
    if (value.startsWith("[")) type = "RANGES";
    else if (value.startsWith("{")) type = "SET";
    else type = "SCALAR";
    const key = `${name}(${role})#${type}`;
    let slot = acc.get(key);
    if (!slot) { slot = { type, scalar: 0n, ranges: [], items: new Set() }; acc.set(key, slot); }
    if (type === "SCALAR") {
      const v = Number(value);
      if (!Number.isFinite(v) || v < 0) throw new Error(`judge: bad scalar '${value}'`);
      slot.scalar += BigInt(Math.round(v * 1000));
    } else if (type === "RANGES") {
      const body = value.slice(1, -1);
      for (const part of body.split(",")) {
        if (part === "") continue;
        const [b, e] = part.split("-");
        slot.ranges.push([BigInt(b!.replace(/^\+/, "")), BigInt(e!.replace(/^\+/, ""))]);
      }
    } else {
      for (const item of value.slice(1, -1).split(",")) if (item !== "") slot.items.add(item);
    }
  }
  const model: Model = new Map();
  for (const [key, s] of acc) {
    let v: string;
    if (s.type === "SCALAR") v = s.scalar === 0n ? "" : s.scalar.toString();
    else if (s.type === "RANGES") v = mergeRanges(s.ranges);
    else v = [...s.items].sort().join(",");
    if (v !== "") model.set(key, v);
  }
  return model;
}

/** True when both models hold the same resources. */
export function sameModel(a: Model, b: Model): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
