/**
 * Mesos' JSON form of a resource list, through the codec's Mesos JSON
 * (src/codec): an array of Resource objects with snake_case fields and
 * wrapper messages (`scalar: {value}`, `ranges: {range: [...]}`), uint64
 * range bounds as exact JSON numbers.
 */
import { resourceFromMesosJson, resourceToMesosJson, CodecError } from "../codec/index.js";
import type { Resource } from "../types/resource.js";
import { ResourceError } from "./errors.js";

/** JSON text of an array of resources in Mesos' form. */
export function formatMesosJSONArray(resources: Iterable<Resource>): string {
  let out = "[";
  let first = true;
  for (const r of resources) {
    if (!first) out += ",";
    out += resourceToMesosJson(r);
    first = false;
  }
  return out + "]";
}

/**
 * Reads `text` as a JSON array of Mesos Resource objects. Returns null when
 * the text is not a JSON array at all (then it is resource text); throws
 * ResourceError naming the element when an element is not a valid Resource.
 */
export function parseMesosJSONArray(text: string): Resource[] | null {
  const items = splitJSONArray(text);
  if (items === null) return null;
  return items.map((item, i) => {
    try {
      return resourceFromMesosJson(item);
    } catch (e) {
      if (e instanceof CodecError) throw new ResourceError(`element ${i} of the JSON array: ${e.message}`);
      throw e;
    }
  });
}

/**
 * Splits the text of a JSON array into the texts of its elements, or returns
 * null when the text is not one well-formed JSON array (checked with JSON.parse).
 */
function splitJSONArray(text: string): string[] | null {
  try {
    if (!Array.isArray(JSON.parse(text))) return null;
  } catch {
    return null;
  }
  const out: string[] = [];
  let i = text.indexOf("[") + 1;
  let depth = 0, start = i, inString = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      if (depth === 0) { // the closing bracket of the array
        if (text.slice(start, i).trim().length > 0) out.push(text.slice(start, i));
        break;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}
