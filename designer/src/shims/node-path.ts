// Browser stand-in for node:path (the two helpers schemas/validators.ts uses).
export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

export function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}
