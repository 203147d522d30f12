/**
 * `drfcore resources <operand> [<op> <operand>]... [--json]`: a resource
 * calculator with Mesos `Resources` semantics. Operands are resource text
 * (possibly empty, possibly starting with spaces); `<op>` is `+`, `-`,
 * `contains` or `==`, applied left to right. `+`/`-` results print as one
 * line of canonical text (`{}` when empty), or Mesos' JSON with `--json`;
 * `contains` and `==` print `true` or `false` and end the expression.
 * Invalid resource text exits with status 2 and the ResourceParseError message.
 */
import type { Command } from "commander";
import { CliExit, type CliIO } from "./io.js";
import { Resources, ResourceParseError } from "../resources/index.js";

/** The operators an expression may use between operands. */
const OPERATORS: ReadonlySet<string> = new Set(["+", "-", "contains", "=="]);

/** The outcome of evaluating an expression. */
export type ResourcesResult = { kind: "resources"; value: Resources } | { kind: "bool"; value: boolean };

/** Evaluates `args` (operands and operators) left to right. Throws ResourceParseError or a usage CliExit. */
export function evaluateResources(args: readonly string[]): ResourcesResult {
  const usage = "expected <operand> [<op> <operand>]... with <op> one of +, -, contains, ==";
  if (args.length === 0) throw new CliExit(2, `drfcore resources: no operand given; ${usage}`);
  // Operators first, so a typo is named before a missing operand is.
  for (let i = 1; i < args.length; i += 2) {
    if (!OPERATORS.has(args[i]!)) {
      throw new CliExit(2, `drfcore resources: argument ${i + 1}: unknown operator '${args[i]}' (expected +, -, contains or ==)`);
    }
  }
  if (args.length % 2 === 0) {
    throw new CliExit(2, `drfcore resources: argument ${args.length}: operator '${args[args.length - 1]}' has no right operand; ${usage}`);
  }
  const parse = (text: string, i: number): Resources => {
    try {
      return Resources.parse(text);
    } catch (e) {
      if (e instanceof ResourceParseError) throw new CliExit(2, `drfcore resources: operand ${i + 1}: ${e.message}`);
      throw e;
    }
  };
  let acc = parse(args[0]!, 0);
  for (let i = 1; i < args.length; i += 2) {
    const op = args[i]!;
    const rhs = parse(args[i + 1]!, i + 1);
    switch (op) {
      case "+": acc.add(rhs); break;
      case "-": acc.subtract(rhs); break;
      case "contains":
      case "==": {
        if (i + 2 < args.length) throw new CliExit(2, `drfcore resources: '${op}' gives true/false and must be the last operator`);
        return { kind: "bool", value: op === "==" ? acc.equals(rhs) : acc.contains(rhs) };
      }
      default:
        throw new Error(`unreachable: operator '${op}' was checked above`);
    }
  }
  return { kind: "resources", value: acc };
}

/** Registers the `resources` command. */
export function register(program: Command, io: CliIO): void {
  program
    .command("resources")
    .description("resource arithmetic with Mesos semantics: <operand> [<op> <operand>]... (op: +, -, contains, ==)")
    .option("--json", "print the result in Mesos' JSON form")
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[args...]", "operands and operators")
    .action((args: string[], opts: { json?: boolean }) => {
      const result = evaluateResources(args ?? []);
      if (result.kind === "bool") io.out(result.value ? "true\n" : "false\n");
      else io.out((opts.json ? result.value.toJSONText() : result.value.toString()) + "\n");
    });
}
