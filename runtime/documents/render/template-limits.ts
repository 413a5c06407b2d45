// What a template may contain. Each bound keeps inspection and rendering of one upload within a
// few seconds and a few hundred MB in a worker: a real contract or invoice is far below all of them.

export const templateLimits = {
  /** Entries (files) in the DOCX archive. */
  maxEntries: 500,
  /** Bytes all XML parts inflate to, together. */
  maxXmlBytes: 8 * 1024 * 1024,
  /** Bytes one XML part inflates to. */
  maxXmlPartBytes: 4 * 1024 * 1024,
  /** Placeholders ({…} tags, loops and conditions included) in the whole template. */
  maxTags: 5000,
  /** Bytes all entries (images included) inflate to. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Most times the upload's size the entries may inflate to. */
  maxRatio: 100,
} as const;

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** An XML part of the package: the parts docxtemplater and LibreOffice parse. */
export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}
