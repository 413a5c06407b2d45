// How deep a JSON text nests, found without parsing it: JSON.parse itself copes with 100,000
// nested `[`, but every later reader of the document (ajv, locate-json-error) recurses and would
// exhaust the stack. A linear scan over brackets outside strings, stopping at the first one too deep.

export interface TextNesting {
  line: number;
  column: number;
}

/** Where the text first opens more than `limit` arrays and objects, or undefined. */
export function findTextNesting(text: string, limit: number): TextNesting | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c)
        at++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
      else if (char === 0x0a) [line, lineStart] = [line + 1, at + 1];
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x0a) [line, lineStart] = [line + 1, at + 1];
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > limit) return { line, column: at - lineStart + 1 };
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return undefined;
}
