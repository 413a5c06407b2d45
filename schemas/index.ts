// The public face of schemas/: generated types and compiled validators.
export * from './types.generated.ts';
export * from './validators.ts';
export { schemaFiles, type SchemaFile } from './schema-files.ts';
