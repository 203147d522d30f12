/**
 * Lossless comparison of JSON texts for the vector tests, independent of the
 * codec: numbers are compared by value (integers as BigInt, everything else as
 * the IEEE double their text denotes), objects are unordered, arrays ordered.
 */

/** Parses JSON with every number replaced by `{ $num: "<its text>" }`. */
export function parseLossless(text: string): unknown {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))!;
      out += JSON.stringify({ $num: m[0] });
      i += m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

function numberEquals(a: string, b: string): boolean {
  const int = /^-?\d+$/;
  if (int.test(a) && int.test(b)) return BigInt(a) === BigInt(b);
  return Object.is(Number(a), Number(b));
}

/** Returns the first difference between two losslessly parsed JSON values, or undefined. */
export function jsonDifference(a: unknown, b: unknown, path = "$"): string | undefined {
  const isNum = (x: unknown): x is { $num: string } => typeof x === "object" && x !== null && "$num" in x;
  if (isNum(a) || isNum(b)) {
    return isNum(a) && isNum(b) && numberEquals(a.$num, b.$num) ? undefined : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: array mismatch`;
    for (let i = 0; i < a.length; i++) {
      const d = jsonDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join("\0") !== kb.join("\0")) return `${path}: keys [${ka}] != [${kb}]`;
    for (const k of ka) {
      const d = jsonDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}
