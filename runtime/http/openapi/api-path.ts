// The shape of one entry of the OpenAPI paths table, and helpers to write entries briefly.
import type { Role } from '../../../schemas/index.ts';

export type JsonSchema = Record<string, unknown>;

export interface ApiQueryParameter {
  name: string;
  description: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface ApiResponse {
  description: string;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
  schema?: JsonSchema;
  /** Further content types of the same answer (e.g. text/csv beside JSON), each with its schema. */
  alternatives?: Readonly<Record<string, JsonSchema>>;
}

export interface ApiPath {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** Unique across the document, camelCase (e.g. backtestFlow): clients generate method names from it. */
  operationId?: string;
  summary: string;
  /** Schemas of the path's :parameters; one not listed is a string of 1 to 200 characters. */
  params?: Readonly<Record<string, JsonSchema>>;
  /** 'public' needs no token; otherwise these roles (and admin, who may do everything). */
  roles: readonly Role[] | 'public';
  query?: readonly ApiQueryParameter[];
  /** optional: the route also answers without a body (e.g. validate the stored draft). */
  request?: { contentType: string; schema: JsonSchema; optional?: boolean };
  /** Request headers the route reads (besides Authorization and Content-Type). */
  headers?: readonly ApiQueryParameter[];
  responses: Readonly<Record<number, ApiResponse>>;
  /** Error statuses besides 401/403 (added for every route behind a token); each answers ApiError. */
  errors?: readonly number[];
  /** The error codes (ApiError's error.code) a status can carry, listed in its description. */
  errorCodes?: Readonly<Record<number, readonly string[]>>;
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const list = (name: string): JsonSchema => ({ type: 'array', items: ref(name) });
export const json = (name: string) => ({ contentType: 'application/json', schema: ref(name) });
export const binary = (contentType: string, description: string): ApiResponse => ({
  description,
  contentType,
  schema: { type: 'string', contentMediaType: contentType },
});
/** Path parameter schemas: ids as the schemas define them, versions as the server reads them. */
export const identifierParam: JsonSchema = ref('Identifier');
export const uuidParam: JsonSchema = {
  type: 'string',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};
export const versionParam: JsonSchema = { type: 'integer', minimum: 1, maximum: 999_999_999 };
export const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const api = '/api/v1';
