/**
 * `drfcore decode`: converts any supported Mesos message between protobuf
 * bytes and Mesos JSON.
 *
 *   drfcore decode --type mesos.TaskInfo [--from binary|json|hex|base64]
 *                  [--to json|binary|hex|base64] [--pretty] [--ignore-unknown]
 *                  [--output FILE] [FILE|-]
 *   drfcore decode --example          # the bundled TaskInfo as Mesos JSON
 *   drfcore decode --list-types
 *
 * Malformed input exits with status 1 and the CodecError message (type, field
 * path, problem) on stderr; usage errors exit with status 2.
 */
import type { Command } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { CliExit, processIO, type CliIO } from "./io.js";
import { CodecError, decode, encode, fromMesosJson, SUPPORTED_TYPES, toMesosJson } from "../codec/index.js";
import { EXAMPLE_TASK_INFO, EXAMPLE_TYPE } from "./examples/task-info.js";

const FORMATS = ["binary", "json", "hex", "base64"] as const;
type Format = (typeof FORMATS)[number];

interface DecodeOptions {
  type?: string;
  from: string;
  to: string;
  pretty?: boolean;
  output?: string;
  example?: boolean;
  listTypes?: boolean;
  ignoreUnknown?: boolean;
}

function usage(message: string): never {
  throw new CliExit(2, `drfcore decode: ${message}`);
}

function format(name: string, text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text)) usage(`--${name} must be one of ${FORMATS.join(", ")}, got '${text}'`);
  return text as Format;
}

/** Accepts `mesos.TaskInfo` or the short `TaskInfo`. */
function typeName(text: string): string {
  const full = text.startsWith("mesos.") ? text : `mesos.${text}`;
  if (!SUPPORTED_TYPES.includes(full)) usage(`unknown message type '${text}' (see --list-types)`);
  return full;
}

/** Re-indents compact JSON text (strings are left untouched). */
export function prettyJson(compact: string): string {
  let out = "";
  let indent = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (inString) {
      out += c;
      if (c === "\\") out += compact[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    switch (c) {
      case '"': inString = true; out += c; break;
      case "{": case "[": {
        const close = c === "{" ? "}" : "]";
        if (compact[i + 1] === close) { out += c + close; i++; break; }
        indent++;
        out += c + "\n" + "  ".repeat(indent);
        break;
      }
      case "}": case "]": indent--; out += "\n" + "  ".repeat(indent) + c; break;
      case ",": out += ",\n" + "  ".repeat(indent); break;
      case ":": out += ": "; break;
      default: out += c;
    }
  }
  return out;
}

function parseInput(type: string, from: Format, data: Buffer, ignoreUnknownFields: boolean): unknown {
  switch (from) {
    case "binary": return decode(type, new Uint8Array(data));
    case "json": return fromMesosJson(type, utf8(data), { ignoreUnknownFields });
    case "hex": {
      const text = utf8(data).replace(/\s+/g, "");
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new CodecError(type, "", "input is not hexadecimal");
      return decode(type, new Uint8Array(Buffer.from(text, "hex")));
    }
    case "base64": {
      const text = utf8(data).replace(/\s+/g, "");
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) throw new CodecError(type, "", "input is not base64");
      return decode(type, new Uint8Array(Buffer.from(text, "base64")));
    }
  }

  function utf8(b: Buffer): string {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch {
      throw new CodecError(type, "", "input is not valid UTF-8 text");
    }
  }
}

/** Registers the `decode` command. */
export function register(program: Command, io: CliIO): void {
  program
    .command("decode")
    .description("convert a Mesos message between protobuf bytes and Mesos JSON")
    .argument("[file]", "input file, or '-' for standard input")
    .option("-t, --type <name>", "message type, e.g. mesos.TaskInfo (see --list-types)")
    .option("--from <format>", `input format: ${FORMATS.join("|")}`, "binary")
    .option("--to <format>", `output format: ${FORMATS.join("|")}`, "json")
    .option("--pretty", "indent JSON output")
    .option("-o, --output <file>", "write the result to a file instead of standard output")
    .option("--example", `use the bundled example ${EXAMPLE_TYPE} as input`)
    .option("--ignore-unknown", "JSON input: skip keys the schema does not know instead of failing")
    .option("--list-types", "list the supported message types")
    .action(async (file: string | undefined, opts: DecodeOptions) => {
      if (opts.listTypes) {
        io.out(SUPPORTED_TYPES.join("\n") + "\n");
        return;
      }
      const from = format("from", opts.from);
      const to = format("to", opts.to);
      let type: string;
      let data: Buffer;
      if (opts.example) {
        if (file !== undefined) usage("--example takes no input file");
        if (opts.type !== undefined && typeName(opts.type) !== EXAMPLE_TYPE) usage(`the example is a ${EXAMPLE_TYPE}`);
        if (from !== "binary") usage("the example is binary; drop --from");
        type = EXAMPLE_TYPE;
        data = Buffer.from(EXAMPLE_TASK_INFO);
      } else {
        if (opts.type === undefined) usage("--type is required (e.g. --type mesos.TaskInfo), or use --example");
        type = typeName(opts.type);
        if (file === undefined) usage("no input: give a file, '-' for standard input, or --example");
        if (file === "-") data = await io.readStdin();
        else {
          try {
            data = readFileSync(file);
          } catch (e) {
            throw new CliExit(1, `drfcore decode: cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
        }
      }

      let value: unknown;
      let result: Uint8Array | string;
      try {
        value = parseInput(type, from, data, opts.ignoreUnknown === true);
        if (to === "json") {
          const json = toMesosJson(type, value);
          result = (opts.pretty ? prettyJson(json) : json) + "\n";
        } else {
          const bytes = encode(type, value);
          result = to === "binary" ? bytes : Buffer.from(bytes).toString(to) + "\n";
        }
      } catch (e) {
        if (e instanceof CodecError) throw new CliExit(1, `drfcore decode: ${e.message}`);
        throw e;
      }

      if (opts.output !== undefined) {
        writeFileSync(opts.output, result);
      } else if (typeof result === "string") {
        io.out(result);
      } else if (io === processIO) {
        process.stdout.write(result);
      } else {
        usage("--to binary needs --output FILE here (this output only takes text); or use --to hex or --to base64");
      }
    });
}
