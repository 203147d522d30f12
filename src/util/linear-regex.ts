/**
 * A regular-expression matcher whose time is linear in the input, for
 * patterns that schedulers hand to the allocator (Mesos' offer constraints
 * use RE2, which guarantees this; JavaScript's backtracking `RegExp` does
 * not, and a pattern such as `(a+)+b` would hang the allocator on a long
 * attribute value). The pattern compiles to a Thompson NFA, which
 * `fullMatch` simulates breadth first (a Pike VM without captures): at most
 * one visit per instruction per input character.
 *
 * Syntax (RE2's, the subset offer constraints need): literals and escaped
 * metacharacters; `.` (any character but `\n`); classes `[...]`, `[^...]`
 * with ranges and `\d \D \w \W \s \S` inside or outside them; `\t \n \r \f
 * \v`; groups `(...)`, `(?:...)`, `(?P<name>...)`; alternation `|`;
 * quantifiers `* + ? {n} {n,} {n,m}` (n, m <= 1000), each optionally lazy
 * (`?` after it), which makes no difference to a full match; anchors `^ $`.
 * Not supported, and rejected with a `RegexSyntaxError` rather than read
 * differently: flags `(?i)` etc., back-references (RE2 has none either),
 * look-around (neither), POSIX classes `[[:alpha:]]`, `\b`, `\x`, `\p`.
 * Characters are Unicode code points.
 */

/** Why a pattern does not compile: what, where (offset in the pattern), why. */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    /** The pattern. */
    readonly pattern: string,
    /** Offset (UTF-16 units) in the pattern where the problem is. */
    readonly offset: number,
  ) {
    super(message);
    this.name = "RegexSyntaxError";
  }
}

/** Options of `LinearRegex.compile`. */
export interface LinearRegexOptions {
  /** Most instructions the compiled program may have (default 1,000): bounds the time per input character. */
  maxProgramSize?: number;
}

/** A set of code points: sorted, disjoint [lo, hi] pairs, possibly negated. */
interface CharSet {
  ranges: number[];
  negated: boolean;
}

type Node =
  | { t: "empty" }
  | { t: "set"; set: CharSet }
  | { t: "cat"; xs: Node[] }
  | { t: "alt"; xs: Node[] }
  | { t: "rep"; x: Node; min: number; max: number }
  | { t: "bol" }
  | { t: "eol" };

const MAX_REPEAT = 1000;
const DIGIT = [0x30, 0x39];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
const SPACE = [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20];
const NOT_NEWLINE: CharSet = { ranges: [0x0a, 0x0a], negated: true };

/** `ranges` sorted and merged. */
function normalize(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

/** The complement of normalized `ranges` over all code points. */
function complement(ranges: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i]! > next) out.push(next, ranges[i]! - 1);
    next = ranges[i + 1]! + 1;
  }
  if (next <= 0x10ffff) out.push(next, 0x10ffff);
  return out;
}

function inSet(set: CharSet, c: number): boolean {
  const r = set.ranges;
  let found = false;
  for (let i = 0; i < r.length; i += 2) {
    if (c < r[i]!) break;
    if (c <= r[i + 1]!) {
      found = true;
      break;
    }
  }
  return found !== set.negated;
}

/** Recursive-descent parser over the pattern's code points. */
class Parser {
  private readonly cps: number[] = [];
  /** UTF-16 offset of each code point, for error messages. */
  private readonly at: number[] = [];
  private i = 0;

  constructor(private readonly pattern: string) {
    for (let k = 0; k < pattern.length; ) {
      const c = pattern.codePointAt(k)!;
      this.cps.push(c);
      this.at.push(k);
      k += c > 0xffff ? 2 : 1;
    }
    this.at.push(pattern.length);
  }

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.cps.length) this.fail(this.cps[this.i] === 0x29 ? "unexpected ')' (no group to close)" : "unexpected character");
    return n;
  }

  private fail(why: string, at = this.i): never {
    throw new RegexSyntaxError(`invalid regex '${this.pattern}' at offset ${this.at[at]}: ${why}`, this.pattern, this.at[at]!);
  }

  private peek(): number {
    return this.i < this.cps.length ? this.cps[this.i]! : -1;
  }

  private alternation(): Node {
    const xs = [this.concat()];
    while (this.peek() === 0x7c /* | */) {
      this.i++;
      xs.push(this.concat());
    }
    return xs.length === 1 ? xs[0]! : { t: "alt", xs };
  }

  private concat(): Node {
    const xs: Node[] = [];
    for (let c = this.peek(); c !== -1 && c !== 0x7c && c !== 0x29; c = this.peek()) xs.push(this.repeat());
    return xs.length === 0 ? { t: "empty" } : xs.length === 1 ? xs[0]! : { t: "cat", xs };
  }

  private repeat(): Node {
    let x = this.atom();
    let quantified = false;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      const q = this.i;
      if (c === 0x2a /* * */) [min, max] = [0, -1];
      else if (c === 0x2b /* + */) [min, max] = [1, -1];
      else if (c === 0x3f /* ? */) [min, max] = [0, 1];
      else if (c === 0x7b /* { */ && this.isCount()) [min, max] = this.count();
      else break;
      if (c !== 0x7b) this.i++;
      if (quantified) this.fail("bad repetition operator (a quantifier after a quantifier)", q);
      if (x.t === "bol" || x.t === "eol") this.fail("missing argument to repetition operator (an anchor cannot repeat)", q);
      x = { t: "rep", x, min, max };
      quantified = true;
      // A lazy quantifier matches the same strings in full.
      if (this.peek() === 0x3f) this.i++;
    }
    return x;
  }

  /** Whether `{` starts a counted repetition `{n}`, `{n,}` or `{n,m}` (otherwise it is a literal, as in RE2). */
  private isCount(): boolean {
    let k = this.i + 1;
    const digits = () => {
      const s = k;
      while (k < this.cps.length && this.cps[k]! >= 0x30 && this.cps[k]! <= 0x39) k++;
      return k > s;
    };
    if (!digits()) return false;
    if (this.cps[k] === 0x2c /* , */) {
      k++;
      digits();
    }
    return this.cps[k] === 0x7d;
  }

  private count(): [number, number] {
    const q = this.i;
    this.i++; // {
    const num = () => {
      let v = 0;
      while (this.peek() >= 0x30 && this.peek() <= 0x39) {
        v = Math.min(v * 10 + (this.peek() - 0x30), MAX_REPEAT + 1);
        this.i++;
      }
      return v;
    };
    const min = num();
    let max = min;
    if (this.peek() === 0x2c) {
      this.i++;
      max = this.peek() === 0x7d ? -1 : num();
    }
    this.i++; // }
    if (min > MAX_REPEAT || max > MAX_REPEAT) this.fail(`bad repetition operator (counts above ${MAX_REPEAT})`, q);
    if (max !== -1 && max < min) this.fail("bad repetition operator (maximum below minimum)", q);
    return [min, max];
  }

  private atom(): Node {
    const c = this.peek();
    const at = this.i;
    if (c === 0x28 /* ( */) {
      this.i++;
      if (this.peek() === 0x3f /* ? */) {
        this.i++;
        if (this.peek() === 0x3a /* : */) this.i++;
        else if (this.peek() === 0x50 /* P */ && this.cps[this.i + 1] === 0x3c /* < */) {
          this.i += 2;
          const nameStart = this.i;
          while (this.peek() !== -1 && this.peek() !== 0x3e) {
            const n = this.peek();
            const ok = (n >= 0x30 && n <= 0x39) || (n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a) || n === 0x5f;
            if (!ok) this.fail("invalid named capture group name");
            this.i++;
          }
          if (this.peek() !== 0x3e || this.i === nameStart) this.fail("invalid named capture group");
          this.i++;
        } else this.fail("unsupported group syntax (flags and look-around are not supported)", at);
      }
      const inner = this.alternation();
      if (this.peek() !== 0x29) this.fail("missing ')'", at);
      this.i++;
      return inner;
    }
    if (c === 0x5b /* [ */) return { t: "set", set: this.charClass() };
    if (c === 0x2e /* . */) {
      this.i++;
      return { t: "set", set: NOT_NEWLINE };
    }
    if (c === 0x5e /* ^ */) {
      this.i++;
      return { t: "bol" };
    }
    if (c === 0x24 /* $ */) {
      this.i++;
      return { t: "eol" };
    }
    if (c === 0x5c /* \ */) return { t: "set", set: this.escape(false) };
    if (c === 0x2a || c === 0x2b || c === 0x3f) this.fail("missing argument to repetition operator");
    this.i++;
    return { t: "set", set: { ranges: [c, c], negated: false } };
  }

  /** An escape at `\`: a class (`\d` ...) or one character. */
  private escape(inClass: boolean): CharSet {
    const at = this.i;
    this.i++;
    const c = this.peek();
    if (c === -1) this.fail("trailing '\\'", at);
    this.i++;
    const one = (x: number): CharSet => ({ ranges: [x, x], negated: false });
    switch (c) {
      case 0x64: return { ranges: DIGIT, negated: false }; // d
      case 0x44: return { ranges: DIGIT, negated: true }; // D
      case 0x77: return { ranges: WORD, negated: false }; // w
      case 0x57: return { ranges: WORD, negated: true }; // W
      case 0x73: return { ranges: SPACE, negated: false }; // s
      case 0x53: return { ranges: SPACE, negated: true }; // S
      case 0x74: return one(0x09); // t
      case 0x6e: return one(0x0a); // n
      case 0x72: return one(0x0d); // r
      case 0x66: return one(0x0c); // f
      case 0x76: return one(0x0b); // v
    }
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (alnum) this.fail(`unsupported escape '\\${String.fromCodePoint(c)}'${c >= 0x31 && c <= 0x39 && !inClass ? " (back-references are not supported)" : ""}`, at);
    return one(c);
  }

  private charClass(): CharSet {
    const at = this.i;
    this.i++; // [
    let negated = false;
    if (this.peek() === 0x5e) {
      negated = true;
      this.i++;
    }
    const ranges: number[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === -1) this.fail("missing ']'", at);
      if (c === 0x5d /* ] */ && !first) break;
      first = false;
      if (c === 0x5b && this.cps[this.i + 1] === 0x3a) this.fail("POSIX classes ([:name:]) are not supported");
      let lo: number;
      if (c === 0x5c) {
        const s = this.escape(true);
        if (s.negated || s.ranges.length !== 2 || s.ranges[0] !== s.ranges[1]) {
          ranges.push(...(s.negated ? complement(s.ranges) : s.ranges));
          continue;
        }
        lo = s.ranges[0]!;
      } else {
        lo = c;
        this.i++;
      }
      if (this.peek() === 0x2d /* - */ && this.cps[this.i + 1] !== undefined && this.cps[this.i + 1] !== 0x5d) {
        const dash = this.i;
        this.i++;
        let hi: number;
        if (this.peek() === 0x5c) {
          const s = this.escape(true);
          if (s.negated || s.ranges.length !== 2 || s.ranges[0] !== s.ranges[1]) this.fail("bad character class range", dash);
          hi = s.ranges[0]!;
        } else {
          hi = this.peek();
          this.i++;
        }
        if (hi < lo) this.fail("bad character class range (end before start)", dash);
        ranges.push(lo, hi);
      } else ranges.push(lo, lo);
    }
    this.i++; // ]
    return { ranges: normalize(ranges), negated };
  }
}

const CHAR = 0;
const SPLIT = 1;
const JMP = 2;
const MATCH = 3;
const BOL = 4;
const EOL = 5;

/** Emits the NFA program of a parse tree, refusing to grow past `limit` instructions. */
class Compiler {
  readonly op: number[] = [];
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly sets: CharSet[] = [];

  constructor(
    private readonly limit: number,
    private readonly pattern: string,
  ) {}

  private emit(op: number, a = 0, b = 0): number {
    if (this.op.length >= this.limit) {
      throw new RegexSyntaxError(`regex '${this.pattern}' is too complex: its program is larger than the maximum of ${this.limit} instructions`, this.pattern, 0);
    }
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.op.length - 1;
  }

  gen(n: Node): void {
    switch (n.t) {
      case "empty":
        return;
      case "set":
        this.sets.push(n.set);
        this.emit(CHAR, this.sets.length - 1);
        return;
      case "bol":
        this.emit(BOL);
        return;
      case "eol":
        this.emit(EOL);
        return;
      case "cat":
        for (const x of n.xs) this.gen(x);
        return;
      case "alt": {
        const jumps: number[] = [];
        for (let k = 0; k < n.xs.length - 1; k++) {
          const split = this.emit(SPLIT);
          this.a[split] = this.op.length;
          this.gen(n.xs[k]!);
          jumps.push(this.emit(JMP));
          this.b[split] = this.op.length;
        }
        this.gen(n.xs[n.xs.length - 1]!);
        for (const j of jumps) this.a[j] = this.op.length;
        return;
      }
      case "rep": {
        for (let k = 0; k < n.min; k++) this.gen(n.x);
        if (n.max === -1) {
          // x*: L: split(body, end); body; jmp L
          const split = this.emit(SPLIT);
          this.a[split] = this.op.length;
          this.gen(n.x);
          this.emit(JMP, split);
          this.b[split] = this.op.length;
          return;
        }
        // (max - min) optional copies, nested: x? (x? (...)).
        const splits: number[] = [];
        for (let k = n.min; k < n.max; k++) {
          const split = this.emit(SPLIT);
          this.a[split] = this.op.length;
          splits.push(split);
          this.gen(n.x);
        }
        for (const s of splits) this.b[s] = this.op.length;
        return;
      }
    }
  }
}

/** A compiled pattern (see the module comment). */
export class LinearRegex {
  private constructor(
    /** The pattern it was compiled from. */
    readonly source: string,
    private readonly op: Int8Array,
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly sets: readonly CharSet[],
  ) {}

  /** Compiles `pattern`; throws `RegexSyntaxError` saying what and where when it is not valid or too complex. */
  static compile(pattern: string, options: LinearRegexOptions = {}): LinearRegex {
    if (typeof pattern !== "string") throw new TypeError(`pattern must be a string, got ${typeof pattern}`);
    const limit = options.maxProgramSize ?? 1000;
    const tree = new Parser(pattern).parse();
    const c = new Compiler(limit, pattern);
    c.gen(tree);
    c.op.push(MATCH);
    c.a.push(0);
    c.b.push(0);
    return new LinearRegex(pattern, Int8Array.from(c.op), Int32Array.from(c.a), Int32Array.from(c.b), c.sets);
  }

  /** Number of instructions of the compiled program (what `maxProgramSize` bounds). */
  get programSize(): number {
    return this.op.length;
  }

  /** Whether the whole of `text` matches (RE2's `FullMatch`). Linear in `text`'s length times the program's size. */
  fullMatch(text: string): boolean {
    const n = this.op.length;
    const end = text.length;
    let clist = new Int32Array(n);
    let nlist = new Int32Array(n);
    const mark = new Int32Array(n).fill(-1);
    const stack = new Int32Array(n * 2 + 2);
    let generation = 0;
    // Adds pc and every instruction it reaches without consuming a character at `pos`.
    const add = (list: Int32Array, size: number, pc0: number, pos: number): number => {
      let sp = 0;
      stack[sp++] = pc0;
      while (sp > 0) {
        const pc = stack[--sp]!;
        if (mark[pc] === generation) continue;
        mark[pc] = generation;
        switch (this.op[pc]) {
          case JMP:
            stack[sp++] = this.a[pc]!;
            break;
          case SPLIT:
            // b pushed first, so a is explored first (order does not matter for a full match).
            stack[sp++] = this.b[pc]!;
            stack[sp++] = this.a[pc]!;
            break;
          case BOL:
            if (pos === 0) stack[sp++] = pc + 1;
            break;
          case EOL:
            if (pos === end) stack[sp++] = pc + 1;
            break;
          default:
            list[size++] = pc;
        }
      }
      return size;
    };
    let csize = add(clist, 0, 0, 0);
    for (let pos = 0; pos < end && csize > 0; ) {
      const c = text.codePointAt(pos)!;
      const next = pos + (c > 0xffff ? 2 : 1);
      generation++;
      let nsize = 0;
      for (let k = 0; k < csize; k++) {
        const pc = clist[k]!;
        if (this.op[pc] === CHAR && inSet(this.sets[this.a[pc]!]!, c)) nsize = add(nlist, nsize, pc + 1, next);
      }
      [clist, nlist] = [nlist, clist];
      csize = nsize;
      pos = next;
    }
    for (let k = 0; k < csize; k++) if (this.op[clist[k]!] === MATCH) return true;
    return false;
  }
}
