// A tag opened with "{" and not closed before its paragraph ends. docxtemplater reports it with
// the text that follows, the next paragraphs' included ("{deal.titleThe next paragraph…"), so the
// tag is found here, paragraph by paragraph, and named alone.
import type { ApiErrorDetail } from '../../../schemas/index.ts';

const textOrParagraphEnd = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g;
const shownLength = 40;

function unclosedIn(paragraph: string): string | undefined {
  let open = -1;
  for (let at = 0; at < paragraph.length; at++) {
    const char = paragraph[at];
    if (char === '{') open = at;
    else if (char === '}') open = -1;
  }
  if (open < 0) return undefined;
  const tag = paragraph.slice(open).trimEnd();
  return tag.length > shownLength ? `${tag.slice(0, shownLength)}…` : tag;
}

export function findUnclosedTags(parts: ReadonlyMap<string, string>): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  for (const [part, xml] of parts) {
    if (!part.startsWith('word/')) continue;
    let paragraph = '';
    for (const match of xml.matchAll(textOrParagraphEnd)) {
      if (match[1] !== undefined) {
        paragraph += match[1];
        continue;
      }
      const tag = unclosedIn(paragraph);
      if (tag) {
        details.push({
          code: 'UNCLOSED_TAG',
          message: `The tag "${tag}" in ${part} has no closing "}" before its paragraph ends`,
        });
      }
      paragraph = '';
    }
  }
  return details;
}
