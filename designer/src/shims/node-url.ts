// Browser stand-in for node:url: the module's URL path is enough for the schema shim.
export function fileURLToPath(url: string | URL): string {
  return new URL(String(url)).pathname;
}
