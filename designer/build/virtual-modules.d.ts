// The module the Vite plugin generates from precompile-validators.ts.
declare module 'virtual:inkflow-validators' {
  export const byRef: Record<string, (data: unknown) => boolean>;
}
