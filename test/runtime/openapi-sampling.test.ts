// Requests made from the OpenAPI document alone, as a spec-driven fuzzer makes them: for every
// operation, path and query parameters drawn from their schemas (bounds, patterns, enums, both
// ends of each range), with and without a JSON body. Every answer must be a documented status with
// a body matching its documented schema: nothing the document allows may be answered otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../runtime/http/openapi/build-openapi.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type OpenApi, type OpenApiOperation, responseChecker } from './openapi-conformance.ts';

type Schema = Record<string, unknown>;

const document = buildOpenApi() as unknown as OpenApi;

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return resolve(document.components.schemas[name] as Schema);
}

/** Values a fuzzer would try for a parameter: the ends of its range, its enum, real and unknown ids. */
function samples(raw: Schema): string[] {
  const schema = resolve(raw);
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if (schema.type === 'integer') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
    return [String(min), String(max), String(Math.floor((min + max) / 3))];
  }
  if (schema.format === 'date-time') return ['2026-12-01T10:00:00Z', '1970-01-01T00:00:00.000Z'];
  if (typeof schema.pattern === 'string' && schema.pattern.includes('[0-9a-f]{8}')) {
    return ['0190a0a0-0000-7000-8000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
  }
  if (typeof schema.pattern === 'string') return ['sales', 'sales-documents', 'invoice', 'director', 'A.b_c:9-z'];
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  return ['x', 'D-1042', `${'é'.repeat(max - 1)}z`];
}

/** Every combination of the path parameters' samples (ids × versions), at most 40. */
function pathsFor(template: string, parameters: NonNullable<OpenApiOperation['parameters']>): string[] {
  let paths = [template];
  for (const parameter of parameters.filter((candidate) => candidate.in === 'path')) {
    const values = samples(parameter.schema);
    paths = paths.flatMap((path) =>
      values.map((value) => path.replace(`{${parameter.name}}`, encodeURIComponent(value))),
    );
  }
  return paths.slice(0, 40);
}

function requestsFor(template: string, operation: OpenApiOperation): { path: string; body?: string }[] {
  const parameters = operation.parameters ?? [];
  const queries = parameters.filter((parameter) => parameter.in === 'query');
  const width = Math.max(3, ...queries.map((parameter) => samples(parameter.schema).length));
  const paths = pathsFor(template, parameters);
  const requests: { path: string; body?: string }[] = [];
  for (let round = 0; round < Math.max(width, paths.length); round++) {
    const query = new URLSearchParams();
    for (const parameter of queries) {
      const options = samples(parameter.schema);
      // Optional query parameters come and go, so that the bare route is asked too.
      if (parameter.required || round % 2 === 0) query.set(parameter.name, options[round % options.length] as string);
    }
    const search = query.toString();
    const path = paths[round % paths.length] as string;
    const json = operation.requestBody?.content['application/json'];
    const withBody = json !== undefined && (operation.requestBody?.required !== false || round % 2 === 0);
    requests.push({
      path: search ? `${path}?${search}` : path,
      ...(withBody ? { body: round === 0 ? '{}' : '{"id":"x"}' } : {}),
    });
  }
  return requests;
}

describe('requests drawn from the OpenAPI document get documented answers', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let admin: string;
  const checkResponse = responseChecker(document);

  beforeAll(async () => {
    services = await createTestServices();
    server = await startTestServer(services);
    admin = await issueToken(services, 'admin');
    await seedDemoSales(services);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('for every operation, every sample', async () => {
    const problems: string[] = [];
    let asked = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Multipart uploads are sampled by the templates tests; here they get a JSON body (415).
        for (const request of requestsFor(template, operation)) {
          const multipart = operation.requestBody?.content['multipart/form-data'] !== undefined;
          const body = multipart ? '{}' : request.body;
          const response = await fetch(`${server.url}${request.path}`, {
            method: method.toUpperCase(),
            headers: {
              authorization: `Bearer ${admin}`,
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(body !== undefined ? { body } : {}),
          });
          const text = await response.text();
          asked += 1;
          const found = checkResponse(
            method,
            template,
            response.status,
            response.headers.get('content-type') ?? '',
            text,
          );
          problems.push(...found.map((problem) => `${request.path}: ${problem}`));
        }
      }
    }
    expect(asked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 120_000);
});
