/**
 * A minimal XML well-formedness checker for the report tests: balanced and
 * properly nested tags, quoted attributes without duplicates, and only
 * well-formed entity references in text and attribute values. Returns the
 * list of problems (empty when well-formed) and the elements seen.
 */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  /** Index of the parent element in the list, -1 for roots. */
  parent: number;
  text: string;
}

const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;

function checkEntities(text: string, where: string, problems: string[]): void {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(text)) problems.push(`bare '&' in ${where} at ${JSON.stringify(text.slice(i, i + 12))}`);
  }
}

/** Checks `doc`; a leading `<!DOCTYPE ...>` is allowed. */
export function checkXml(doc: string): { problems: string[]; elements: XmlElement[] } {
  const problems: string[] = [];
  const elements: XmlElement[] = [];
  const stack: number[] = [];
  let i = 0;
  let roots = 0;
  while (i < doc.length) {
    const lt = doc.indexOf("<", i);
    const text = doc.slice(i, lt < 0 ? doc.length : lt);
    checkEntities(text, "text", problems);
    if (text.includes(">")) problems.push(`stray '>' in text near ${JSON.stringify(text.slice(0, 30))}`);
    if (stack.length) elements[stack[stack.length - 1]!]!.text += text;
    else if (text.trim() !== "") problems.push(`text outside the root: ${JSON.stringify(text.trim().slice(0, 30))}`);
    if (lt < 0) break;
    if (doc.startsWith("<!--", lt)) {
      const end = doc.indexOf("-->", lt + 4);
      if (end < 0) { problems.push("unterminated comment"); break; }
      i = end + 3;
      continue;
    }
    if (doc.startsWith("<!DOCTYPE", lt)) {
      if (elements.length) problems.push("DOCTYPE after the first element");
      i = doc.indexOf(">", lt) + 1;
      continue;
    }
    const gt = doc.indexOf(">", lt);
    if (gt < 0) { problems.push("unterminated tag"); break; }
    const tag = doc.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open === undefined) problems.push(`closing </${name}> with nothing open`);
      else if (elements[open]!.name !== name) problems.push(`</${name}> closes <${elements[open]!.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z][\w:.-]*)/.exec(body);
    if (!m) { problems.push(`bad tag <${tag.slice(0, 20)}>`); continue; }
    const attrs = new Map<string, string>();
    let rest = body.slice(m[1]!.length);
    const attr = /^\s+([A-Za-z_:][\w:.-]*)="([^"<]*)"/;
    for (;;) {
      const a = attr.exec(rest);
      if (!a) break;
      if (attrs.has(a[1]!)) problems.push(`duplicate attribute ${a[1]} on <${m[1]}>`);
      checkEntities(a[2]!, `attribute ${a[1]}`, problems);
      attrs.set(a[1]!, a[2]!);
      rest = rest.slice(a[0].length);
    }
    if (rest.trim() !== "") problems.push(`malformed attributes on <${m[1]}>: ${JSON.stringify(rest.slice(0, 30))}`);
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    if (parent === -1) roots++;
    elements.push({ name: m[1]!, attrs, parent, text: "" });
    if (!selfClosing) stack.push(elements.length - 1);
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.map((k) => elements[k]!.name).join(", ")}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return { problems, elements };
}

/** True when element `k` is inside an element named `ancestor`. */
export function isInside(elements: XmlElement[], k: number, ancestor: string): boolean {
  for (let p = elements[k]!.parent; p >= 0; p = elements[p]!.parent) if (elements[p]!.name === ancestor) return true;
  return false;
}
