// Content-Disposition for downloads: a quoted ASCII fallback that no client can misread (no quotes,
// backslashes, control characters or path separators) and the real name in RFC 5987's filename*.
const unsafeInAsciiName = /[^A-Za-z0-9._ ()-]/g;

export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(unsafeInAsciiName, '_');
  const fallback = ascii.replace(/^[.\s]+/, '').slice(0, 150) || 'download';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
