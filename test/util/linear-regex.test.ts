import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinearRegex, RegexSyntaxError } from "../../src/util/linear-regex.js";
import { fcParams } from "../fc-params.js";

const full = (pattern: string, text: string) => LinearRegex.compile(pattern).fullMatch(text);

describe("LinearRegex.fullMatch", () => {
  it.each([
    ["rack-[0-9]+", "rack-12", true],
    ["rack-[0-9]+", "rack-", false],
    ["rack-[0-9]+", "xrack-1", false],
    ["(us|eu)-(east|west)-\\d", "eu-west-2", true],
    ["(us|eu)-(east|west)-\\d", "eu-north-2", false],
    ["a.c", "abc", true],
    ["a.c", "a\nc", false],
    ["[^a-c]+", "xyz", true],
    ["[^a-c]+", "xaz", false],
    ["[]a]+", "]a]", true],
    ["[a-]+", "a-a", true],
    ["\\w+\\s\\S", "ab_9 x", true],
    ["\\D\\W", "a-", true],
    ["a{2,3}", "aaa", true],
    ["a{2,3}", "aaaa", false],
    ["a{2}", "aa", true],
    ["a{2,}", "aaaaa", true],
    ["a{,2}", "a{,2}", true],
    ["x*?y+?", "xxy", true],
    ["(?:ab)*", "", true],
    ["(?P<zone>z[0-9])", "z7", true],
    ["^host$", "host", true],
    ["a^b", "ab", false],
    ["", "", true],
    ["", "a", false],
    ["h.st-\\.example", "host-.example", true],
    ["é+", "éé", true],
    ["[😀-😂]", "😁", true],
    ["()*a", "a", true],
    // Just outside each class's ranges.
    ["[a-c]", "`", false],
    ["[a-c]", "d", false],
    ["\\d", "/", false],
    ["\\d", ":", false],
    ["\\w", "`", false],
    ["\\w", "[", false],
    ["[^a-c]", "`", true],
  ])("%s against %j is %s", (pattern, text, want) => {
    expect(full(pattern, text)).toBe(want);
  });

  it("agrees with JavaScript's RegExp (anchored, Unicode) on random patterns of the common syntax (fast-check)", () => {
    // Patterns of the syntax both read alike, printed from a random tree.
    const leaf = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\d", "\\w", "x", "[a-c]", "\\.");
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.tuple(tie("node"), tie("node")).map(([x, y]) => x + y),
        fc.tuple(tie("node"), tie("node")).map(([x, y]) => `(?:${x}|${y})`),
        fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?")).map(([x, q]) => `(?:${x})${q}`),
        tie("node").map((x) => `(${x})`),
      ),
    })).node;
    // Characters inside the classes and just outside them (`/ : @ [ ` d`), to try every boundary.
    const text = fc.stringMatching(/^[abcdx019.\/:@[`_]{0,12}$/);
    fc.assert(
      fc.property(tree, text, (pattern, s) => {
        expect(full(pattern, s), `${pattern} on ${JSON.stringify(s)}`).toBe(new RegExp(`^(?:${pattern})$`, "u").test(s));
      }),
      fcParams(3000, 17),
    );
  });

  it("takes linear time where a backtracking engine takes exponential time (the test would not finish otherwise)", () => {
    // 2^60 paths for a backtracking matcher; one pass over 60 characters here.
    const evil = "a".repeat(60) + "!";
    expect(full("(a+)+b", evil)).toBe(false);
    expect(full("(a|aa)*c", evil)).toBe(false);
    expect(full("(?:a*)*$", "a".repeat(10000))).toBe(true);
  });

  it("reports its program size, and refuses programs beyond the maximum", () => {
    expect(LinearRegex.compile("ab").programSize).toBe(3);
    expect(() => LinearRegex.compile("a{1000}", { maxProgramSize: 100 })).toThrow(/too complex.*maximum of 100/);
    expect(() => LinearRegex.compile("(a{1000}){1000}")).toThrow(RegexSyntaxError);
  });

  it.each([
    ["(ab", /offset 0: missing '\)'/],
    ["ab)", /offset 2: unexpected '\)'/],
    ["[ab", /offset 0: missing '\]'/],
    ["*a", /offset 0: missing argument to repetition operator/],
    ["a**", /offset 2: bad repetition operator/],
    ["a{3,2}", /maximum below minimum/],
    ["a{1001}", /counts above 1000/],
    ["(a)\\1", /back-references are not supported/],
    ["(?=a)", /unsupported group syntax/],
    ["(?i)abc", /unsupported group syntax/],
    ["\\bx", /unsupported escape '\\b'/],
    ["x\\", /trailing '\\'/],
    ["[z-a]", /bad character class range/],
    ["[[:alpha:]]", /POSIX classes/],
    ["^*", /an anchor cannot repeat/],
    ["(?P<>a)", /invalid named capture group/],
  ])("refuses %s, saying where and why", (pattern, message) => {
    let error: unknown;
    try {
      LinearRegex.compile(pattern);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegexSyntaxError);
    expect((error as Error).message).toMatch(message);
    expect((error as RegexSyntaxError).pattern).toBe(pattern);
  });

  it("throws only RegexSyntaxError on random patterns (fuzz)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab()[]{}|*+?.^$\\-,:=!<>P0129dwsx".split("")), maxLength: 16 }), (pattern) => {
        try {
          const re = LinearRegex.compile(pattern);
          re.fullMatch("ab01");
        } catch (e) {
          expect(e).toBeInstanceOf(RegexSyntaxError);
        }
      }),
      fcParams(3000, 23),
    );
  });
});
