// JSON pointers (RFC 6901) into parsed documents, built one segment at a time.

export function pointerChild(pointer: string, key: string | number): string {
  const segment = String(key).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${pointer}/${segment}`;
}

/** The root is shown as `/`, as everywhere else in inkflow's messages. */
export const shownPointer = (pointer: string): string => (pointer === '' ? '/' : pointer);
