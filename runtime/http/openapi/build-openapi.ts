// The OpenAPI 3.1 document, built at run time from schemas/ (components) and the paths table, so
// neither the shapes nor the routes it describes can drift from the code.
import type { ApiPath, JsonSchema } from './api-path.ts';
import { apiPaths } from './api-paths.ts';
import { schemaComponents } from './schema-components.ts';

const errorDescriptions: Record<number, string> = {
  400: 'The request is invalid; the message and details say what to fix',
  401: 'No API token, or an unknown one',
  403: "The token's role may not do this",
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Wrong content type',
  503: 'A dependency is unavailable; retry later',
};

const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const pathParameters = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);

function content(contentType: string, schema: JsonSchema | undefined) {
  return { [contentType]: schema ? { schema } : {} };
}

function operation(entry: ApiPath) {
  const secured = entry.roles !== 'public';
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(entry.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: content(response.contentType ?? 'application/json', response.schema) } : {}),
    };
  }
  const errors = [...(entry.errors ?? []), ...(secured ? [401, 403] : [])].sort((a, b) => a - b);
  for (const status of errors) {
    responses[String(status)] = {
      description: errorDescriptions[status] ?? 'Error',
      content: content('application/json', { $ref: '#/components/schemas/ApiError' }),
    };
  }
  const parameters = [
    ...pathParameters(entry.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(entry.query ?? []).map((query) => ({
      name: query.name,
      in: 'query',
      required: query.required ?? false,
      description: query.description,
      schema: query.schema ?? { type: 'string' },
    })),
  ];
  return {
    ...(entry.operationId ? { operationId: entry.operationId } : {}),
    summary: entry.summary,
    ...(secured ? { description: `Roles: ${[...entry.roles, 'admin'].join(', ')}` } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(entry.request
      ? { requestBody: { required: true, content: content(entry.request.contentType, entry.request.schema) } }
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
      description: 'Deal events in, documents out. Every error is { "error": { "code", "message", "details"? } }.',
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
