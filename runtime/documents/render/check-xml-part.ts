// A strict well-formedness check for one XML part of a DOCX, in one linear pass: LibreOffice's
// parser refuses what this refuses (broken tags, stray "&", a DOCTYPE), so a template that would
// fail at conversion fails at upload instead, naming the part. Returns the problem, or undefined.

const namePattern = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const attributePattern = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"<]*"|'[^'<]*')/y;
const tagEndPattern = /\s*(\/?)>/y;
const closeEndPattern = /\s*>/y;
const entityPattern = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/y;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The first "&" in text[from, to) that does not start a predefined or numeric entity. */
function badEntity(text: string, from: number, to: number): number | undefined {
  let at = text.indexOf('&', from);
  while (at >= 0 && at < to) {
    if (!stickyMatch(entityPattern, text, at)) return at;
    at = text.indexOf('&', at + 1);
  }
  return undefined;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < at; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

export function checkXmlPart(text: string): string | undefined {
  const problem = scan(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return problem && `${problem.message} (line ${lineOf(text, problem.at)})`;
}

function scan(text: string): { message: string; at: number } | undefined {
  const open: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < text.length) {
    const next = text.indexOf('<', at);
    const textEnd = next < 0 ? text.length : next;
    const entity = badEntity(text, at, textEnd);
    if (entity !== undefined) return { message: 'an "&" that starts no entity (write &amp;)', at: entity };
    if (open.length === 0 && text.slice(at, textEnd).trim() !== '') {
      return { message: 'text outside the root element', at };
    }
    if (next < 0) break;
    const outcome = markup(text, next, open);
    if (typeof outcome === 'object') return outcome;
    if (outcome < 0) roots++;
    at = Math.abs(outcome);
    if (roots > 1) return { message: 'more than one root element', at: next };
  }
  if (open.length > 0) return { message: `<${open.at(-1)}> is never closed`, at: text.length };
  if (roots === 0) return { message: 'no root element', at: 0 };
  return undefined;
}

/**
 * Reads the markup at `at` ("<..."); returns where it ends, negated when it opened a new root
 * element, or the problem.
 */
function markup(text: string, at: number, open: string[]): number | { message: string; at: number } {
  if (text.startsWith('<!--', at)) return skipTo(text, at, '-->', 'a comment that is never closed');
  if (text.startsWith('<![CDATA[', at)) return skipTo(text, at, ']]>', 'a CDATA section that is never closed');
  if (text.startsWith('<!', at)) return { message: 'a DOCTYPE or other declaration, which Word never writes', at };
  if (text.startsWith('<?', at)) return skipTo(text, at, '?>', 'a processing instruction that is never closed');
  if (text.startsWith('</', at)) {
    const name = stickyMatch(namePattern, text, at + 2);
    const end = name && stickyMatch(closeEndPattern, text, at + 2 + name[0].length);
    if (!name || !end) return { message: 'a broken closing tag', at };
    const expected = open.pop();
    if (expected !== name[0]) {
      return { message: `</${name[0]}> closes ${expected ? `<${expected}>` : 'nothing'}`, at };
    }
    return end.index + end[0].length;
  }
  const name = stickyMatch(namePattern, text, at + 1);
  if (!name) return { message: 'a "<" that starts no tag (write &lt;)', at };
  let position = at + 1 + name[0].length;
  const seen = new Set<string>();
  for (let attribute = stickyMatch(attributePattern, text, position); attribute; ) {
    if (seen.has(attribute[1] as string)) return { message: `attribute ${attribute[1]} given twice`, at: position };
    seen.add(attribute[1] as string);
    const value = attribute[2] as string;
    if (badEntity(value, 0, value.length) !== undefined) {
      return { message: `attribute ${attribute[1]} holds an "&" that starts no entity`, at: position };
    }
    position = attribute.index + attribute[0].length;
    attribute = stickyMatch(attributePattern, text, position);
  }
  const end = stickyMatch(tagEndPattern, text, position);
  if (!end) return { message: `a broken <${name[0]}> tag`, at };
  const after = end.index + end[0].length;
  const isRoot = open.length === 0;
  if (end[1] !== '/') open.push(name[0]);
  return isRoot ? -after : after;
}

function skipTo(
  text: string,
  at: number,
  terminator: string,
  message: string,
): number | { message: string; at: number } {
  const end = text.indexOf(terminator, at);
  return end < 0 ? { message, at } : end + terminator.length;
}
