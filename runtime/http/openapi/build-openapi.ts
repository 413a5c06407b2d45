// The OpenAPI 3.1 document, built at run time from schemas/ (components) and the paths table, so
// neither the shapes nor the routes it describes can drift from the code.
import type { ApiPath, ApiQueryParameter, JsonSchema } from './api-path.ts';
import { apiPaths } from './api-paths.ts';
import { schemaComponents } from './schema-components.ts';

const errorDescriptions: Record<number, string> = {
  400: 'The request is invalid; the message and details say what to fix',
  401: 'No API token, or an unknown one',
  403: "The token's role may not do this",
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Too large',
  410: 'No longer usable (an expired, used or replaced link)',
  415: 'Wrong content type',
  429: 'Too many requests or attempts; retry after the Retry-After header',
  405: 'The path does not answer this method (the Allow header lists those it does)',
  503: 'A dependency is unavailable (e.g. the store is full); retry after the Retry-After header',
};

const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const pathParameters = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);

const defaultPathParameter: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

/**
 * Statuses every route of a kind can answer: a JSON body can be invalid (400), too large (413) or
 * not JSON (415); a route behind a token answers 401 and 403, and 503 when the store is full or
 * unreachable (with Retry-After).
 */
function implicitErrors(entry: ApiPath): number[] {
  const body = entry.request?.contentType === 'application/json' ? [400, 413, 415] : [];
  return [...body, ...(entry.roles !== 'public' ? [401, 403, 503] : [])];
}

function content(contentType: string, schema: JsonSchema | undefined) {
  return { [contentType]: schema ? { schema } : {} };
}

/** A query or header parameter: optional and a string unless the entry says otherwise. */
function namedParameter(place: 'query' | 'header', parameter: ApiQueryParameter) {
  return {
    name: parameter.name,
    in: place,
    required: parameter.required ?? false,
    description: parameter.description,
    schema: parameter.schema ?? { type: 'string' },
  };
}

function operation(entry: ApiPath) {
  const secured = entry.roles !== 'public';
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(entry.responses)) {
    const types = {
      ...(response.schema ? content(response.contentType ?? 'application/json', response.schema) : {}),
      ...Object.fromEntries(Object.entries(response.alternatives ?? {}).map(([type, schema]) => [type, { schema }])),
    };
    responses[status] = {
      description: response.description,
      ...(Object.keys(types).length > 0 ? { content: types } : {}),
    };
  }
  const errors = [...new Set([...(entry.errors ?? []), ...implicitErrors(entry)])].sort((a, b) => a - b);
  for (const status of errors) {
    const codes = entry.errorCodes?.[status];
    responses[String(status)] = {
      description: `${errorDescriptions[status] ?? 'Error'}${codes ? ` (error.code: ${codes.join(', ')})` : ''}`,
      content: content('application/json', { $ref: '#/components/schemas/ApiError' }),
    };
  }
  const parameters = [
    ...pathParameters(entry.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: entry.params?.[name] ?? defaultPathParameter,
    })),
    ...(entry.query ?? []).map((query) => namedParameter('query', query)),
    ...(entry.headers ?? []).map((header) => namedParameter('header', header)),
  ];
  return {
    ...(entry.operationId ? { operationId: entry.operationId } : {}),
    summary: entry.summary,
    ...(secured ? { description: `Roles: ${[...entry.roles, 'admin'].join(', ')}` } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(entry.request
      ? {
          requestBody: {
            required: !entry.request.optional,
            content: content(entry.request.contentType, entry.request.schema),
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of apiPaths) {
    const path = openApiPath(entry.path);
    paths[path] = { ...paths[path], [entry.method]: operation(entry) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'inkflow runtime API',
      version: '1',
      description:
        'Deal events in, documents out. Every error is { "error": { "code", "message", "details"?, "truncated"? } } ' +
        'with at most 50 details (truncated gives the total). Every answer carries X-Content-Type-Options: nosniff, ' +
        'API answers Cache-Control: no-store; a method a path does not have answers 405 with Allow.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token: Authorization: Bearer ink_…' },
      },
      schemas: schemaComponents(),
    },
  };
}
