// The OpenAPI document cannot drift: every route the routers hold is in it and nothing else, every
// schema of schemas/ is a component, and every $ref resolves. /healthz says what is wrong.
import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../runtime/http/app-types.ts';
import { apiPaths } from '../../runtime/http/openapi/api-paths.ts';
import { routeModules } from '../../runtime/http/routes/index.ts';
import { registerSystemRoutes } from '../../runtime/http/system-routes.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { loadSchema, schemaFiles } from '../../schemas/index.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

function registeredRoutes(services: RuntimeServices): string[] {
  const system = new Router<AppState>();
  registerSystemRoutes(system, services);
  const api = new Router<AppState>({ prefix: '/api/v1' });
  for (const register of routeModules) register(api, services);
  const routes = [...system.stack, ...api.stack].flatMap((layer) =>
    layer.methods
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${String(layer.path).replace(/:(\w+)/g, '{$1}')}`),
  );
  return routes.sort();
}

function documentedRoutes(document: OpenApi): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, refs);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') refs.push(item);
      else collectRefs(item, refs);
    }
  }
  return refs;
}

function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('OpenAPI document and /healthz', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let document: OpenApi;

  beforeAll(async () => {
    services = await createTestServices();
    server = await startTestServer(services);
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApi;
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('is OpenAPI 3.1 served without a token', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents exactly the routes the routers register', () => {
    const registered = registeredRoutes(services);
    expect(registered).toContain('POST /api/v1/events');
    expect(registered).toContain('GET /api/v1/flows/{id}/diff');
    expect(documentedRoutes(document)).toEqual(registered);
  });

  it('has a component for every schema and definition, named by its title, without $id, $schema or definitions', () => {
    for (const file of schemaFiles) {
      const schema = loadSchema(file);
      const definitions = (schema.definitions ?? {}) as Record<string, { title?: string }>;
      for (const title of [schema.title, ...Object.values(definitions).map((definition) => definition.title)]) {
        expect(document.components.schemas, `${file}: ${String(title)}`).toHaveProperty(String(title));
      }
    }
    const text = JSON.stringify(document.components);
    expect(text).not.toMatch(/"\$id"|"\$schema"|"definitions"/);
    expect(resolvePointer(document, '#/components/schemas/FlowDetail/properties/draft')).toEqual({
      $ref: '#/components/schemas/Flow',
    });
  });

  it('resolves every $ref inside the document', () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(100);
    const unresolved = [...new Set(refs)].filter((ref) => resolvePointer(document, ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('gives every route behind a token its 401, 403 and 503 as ApiError', () => {
    // publish reads an optional JSON body (the message), hence 413 and 415.
    const publish = document.paths['/api/v1/flows/{id}/publish']?.post as { responses: Record<string, unknown> };
    expect(Object.keys(publish.responses)).toEqual(['201', '400', '401', '403', '404', '413', '415', '503']);
    expect(publish.responses['403']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
  });

  it('lists the error codes a template upload can answer, per status', () => {
    const upload = document.paths['/api/v1/templates']?.post as { responses: Record<string, { description: string }> };
    const codesOf = (status: string) =>
      /\(error\.code: ([^)]*)\)/.exec(upload.responses[status]?.description ?? '')?.[1];
    for (const code of [
      'TEMPLATE_TOO_MANY_ENTRIES',
      'TEMPLATE_XML_TOO_LARGE',
      'TEMPLATE_TOO_MANY_TAGS',
      'TEMPLATE_TOO_COMPLEX',
      'TEMPLATE_HAS_REVISIONS',
      'TEMPLATE_XML_INVALID',
      'MULTIPART_INVALID',
      'TEXT_INVALID',
    ]) {
      expect(codesOf('400')?.split(', ')).toContain(code);
    }
    expect(codesOf('413')).toBe('TEMPLATE_TOO_LARGE');
    expect(codesOf('503')?.split(', ')).toEqual(['TEMPLATE_WORKERS_BUSY', 'STORAGE_FULL', 'STORAGE_UNAVAILABLE']);
  });

  it('states for each route the roles the route really lets in (403 for the others)', async () => {
    const checked: string[] = [];
    for (const role of ['client', 'analyst'] as const) {
      const token = await issueToken(services, role);
      for (const entry of apiPaths) {
        if (entry.roles === 'public') continue;
        const path = entry.path.replace(/:(\w+)/g, 'unknown-$1');
        const response = await fetch(`${server.url}${path}`, {
          method: entry.method.toUpperCase(),
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        const forbidden = response.status === 403;
        checked.push(`${role} ${entry.method} ${entry.path}: ${forbidden ? 'refused' : 'let in'}`);
        expect(`${role} ${entry.method} ${entry.path}: ${forbidden ? 'refused' : 'let in'}`).toBe(
          `${role} ${entry.method} ${entry.path}: ${entry.roles.includes(role) ? 'let in' : 'refused'}`,
        );
      }
    }
    expect(checked.filter((line) => line.endsWith('let in')).length).toBeGreaterThan(10);
  });

  it('/healthz answers 503 naming the dependency that is down, 200 when both are usable', async () => {
    const degraded = await fetch(`${server.url}/healthz`);
    expect(degraded.status).toBe(503);
    expect(await degraded.json()).toEqual({
      status: 'degraded',
      database: { ok: true, detail: 'sqlite' },
      libreoffice: { ok: false, detail: 'no pdf in this test' },
    });
    const healthy = await createTestServices({
      pdf: { ...services.pdf, health: async () => ({ ok: true, detail: 'warm: 1 instance' }) },
    });
    const healthyServer = await startTestServer(healthy);
    try {
      const response = await fetch(`${healthyServer.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', libreoffice: { ok: true } });
    } finally {
      await healthyServer.close();
      await healthy.dispose();
    }
  });
});
