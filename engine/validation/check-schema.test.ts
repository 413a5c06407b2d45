import { describe, expect, it } from 'vitest';
import { demoFlow } from '../../test/support/examples.ts';
import { checkSchema } from './check-schema.ts';

describe('checkSchema: the language version', () => {
  it.each([
    ['a list', [], '/'],
    ['null', null, '/'],
    ['a string', 'flow', '/'],
  ])('rejects a document that is %s, not an object', (found, document, pointer) => {
    const { flow, diagnostics } = checkSchema(document);
    expect(flow).toBe(undefined);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SCHEMA_VERSION_UNSUPPORTED', pointer })]);
    expect(diagnostics[0]?.message).toContain(`The document is ${found}`);
  });

  it('asks for the schemaVersion when it is missing, naming the version this build reads', () => {
    const { schemaVersion: _, ...unversioned } = demoFlow();
    const [diagnostic] = checkSchema(unversioned).diagnostics;
    expect(diagnostic?.code).toBe('SCHEMA_VERSION_UNSUPPORTED');
    expect(diagnostic?.message).toContain('add "schemaVersion": 1');
  });

  it('reports another version as unsupported, not as a schema violation', () => {
    const { diagnostics } = checkSchema({ ...demoFlow(), schemaVersion: 2 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SCHEMA_VERSION_UNSUPPORTED', pointer: '/schemaVersion' });
    expect(diagnostics[0]?.message).toMatch(/"schemaVersion": 2.*reads flows with "schemaVersion": 1/);
  });
});

describe('checkSchema: violations', () => {
  it('returns the typed flow when the document matches the schema', () => {
    const document = demoFlow();
    expect(checkSchema(document)).toEqual({ flow: document, diagnostics: [] });
  });

  it('reports each violation with its pointer and the id of the node it lies under', () => {
    const document = demoFlow() as unknown as { nodes: { data: Record<string, unknown> }[]; edges: unknown[] };
    delete (document.nodes[7] as { data: Record<string, unknown> }).data.stageId;
    const { flow, diagnostics } = checkSchema(document);
    expect(flow).toBe(undefined);
    expect(diagnostics).toEqual([
      {
        code: 'SCHEMA_INVALID',
        severity: 'error',
        nodeId: 'move-to-invoice',
        pointer: '/nodes/7/data',
        message: 'At /nodes/7/data (node "move-to-invoice"): missing required property "stageId".',
      },
    ]);
  });

  it('fills edgeId under /edges/N, and neither id when the item has none', () => {
    const document = demoFlow() as unknown as { edges: Record<string, unknown>[] };
    (document.edges[1] as Record<string, unknown>).sourceHandle = 'maybe';
    delete (document.edges[2] as Record<string, unknown>).id;
    const { diagnostics } = checkSchema(document);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA_INVALID', edgeId: 'e-large-true', pointer: '/edges/1/sourceHandle' }),
    );
    const anonymous = diagnostics.find((diagnostic) => diagnostic.pointer?.startsWith('/edges/2'));
    expect(anonymous).toBeDefined();
    expect(anonymous?.edgeId).toBe(undefined);
    expect(anonymous?.nodeId).toBe(undefined);
  });
});

describe('checkSchema: numbers JSON.parse cannot hold', () => {
  // JSON.parse reads 1e400 as Infinity, which JSON Schema's "number" accepts and JSON.stringify writes as null.
  const withNumber = (path: (flow: ReturnType<typeof demoFlow>) => void) => {
    const flow = demoFlow();
    path(flow);
    return JSON.parse(JSON.stringify(flow).replace('"__NUMBER__"', '1e400'));
  };

  it.each([
    [
      'a comparison value',
      (flow: ReturnType<typeof demoFlow>) => {
        const node = flow.nodes.find((candidate) => candidate.type === 'condition');
        if (node?.type === 'condition')
          (node.data.conditions as unknown as { all: [{ value: unknown }] }).all[0].value = '__NUMBER__';
      },
    ],
    [
      'a priority',
      (flow: ReturnType<typeof demoFlow>) => {
        const node = flow.nodes.find((candidate) => candidate.type === 'sendDocument');
        if (node?.type === 'sendDocument') (node.data as { priority: unknown }).priority = '__NUMBER__';
      },
    ],
    [
      'linkExpiryDays',
      (flow: ReturnType<typeof demoFlow>) => {
        const node = flow.nodes.find((candidate) => candidate.type === 'sendDocument');
        if (node?.type === 'sendDocument') (node.data as { linkExpiryDays: unknown }).linkExpiryDays = '__NUMBER__';
      },
    ],
    [
      'a position',
      (flow: ReturnType<typeof demoFlow>) => {
        (flow.nodes[2]?.position as { x: unknown }).x = '__NUMBER__';
      },
    ],
  ])('refuses Infinity as %s, pointing at it', (_, place) => {
    const document = withNumber(place);
    const { flow, diagnostics } = checkSchema(document);
    expect(flow).toBe(undefined);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'SCHEMA_INVALID', severity: 'error' });
    expect(diagnostics[0]?.pointer).toMatch(/^\/nodes\/\d+\/(data|position)\//);
    expect(diagnostics[0]?.nodeId).toBeDefined();
    expect(diagnostics[0]?.message).toContain('must be a finite number');
  });

  it('refuses NaN too', () => {
    const flow = demoFlow();
    (flow.nodes[0]?.position as { y: number }).y = Number.NaN;
    expect(checkSchema(flow).diagnostics[0]?.pointer).toBe('/nodes/0/position/y');
  });
});
