// The public face of schemas/: generated types and compiled validators.

export { maxGroupItems } from './condition-limits.ts';
export { type SchemaFile, schemaFiles } from './schema-files.ts';
export * from './types.generated.ts';
export * from './validators.ts';
