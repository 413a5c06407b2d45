// JSON pointers (RFC 6901) into parsed documents. Walks keep a chain of parent links and build
// the pointer only for what they report: a string per value of a 5,000-node flow would cost more
// than the walk itself.

/** Where a walk stands: the key it took, under its parent (undefined at the root). */
export interface Place {
  parent: Place | undefined;
  key: string | number;
}

const escapeKey = (key: string | number): string => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** `/a/0/b`, or `/` for the root, as everywhere else in inkflow's messages. */
export function pointerOf(place: Place | undefined): string {
  const segments: string[] = [];
  for (let at = place; at !== undefined; at = at.parent) segments.push(escapeKey(at.key));
  return segments.length === 0 ? '/' : `/${segments.reverse().join('/')}`;
}
