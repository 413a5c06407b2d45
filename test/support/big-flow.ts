// A large flow for the designer bench: 100 groups of 5 nodes (a stage trigger, two conditions, two
// sendDocument actions of one of four document types) and 6 edges each: 500 nodes and 600 edges, laid out in a grid so that
// auto-layout has real work to do. Its own pipeline (a pipeline has one flow).
import type { Flow, FlowEdge, FlowNode } from '../../schemas/index.ts';

const stages = ['lead', 'qualified', 'proposal', 'contract', 'invoice', 'won', 'lost'];
// As in the engine bench's workload (bench-workload.ts): a few document types.
const documentTypes = ['contract', 'invoice', 'nda', 'proposal'];

function group(at: number): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const id = (name: string) => `g${at}-${name}`;
  const position = (column: number) => ({
    x: (at % 10) * 900 + column * 160,
    y: Math.floor(at / 10) * 400 + column * 30,
  });
  const send = (name: string, column: number, templateId: string, priority: number): FlowNode => ({
    id: id(name),
    type: 'sendDocument',
    position: position(column),
    data: {
      documentType: documentTypes[at % documentTypes.length] as string,
      templateId,
      priority,
      companySigner: { kind: 'responsibleUser' },
      counterparties: { kind: 'role', role: 'signer' },
      signingOrder: 'companyFirst',
      linkExpiryDays: 14,
    },
  });
  const nodes: FlowNode[] = [
    {
      id: id('enter'),
      type: 'stageEntered',
      position: position(0),
      data: { stageId: stages[at % stages.length] as string },
    },
    {
      id: id('large'),
      type: 'condition',
      position: position(1),
      data: { conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1000 * at }] } },
    },
    {
      id: id('eu'),
      type: 'condition',
      position: position(2),
      data: { conditions: { any: [{ fact: 'fields.region', operator: 'equal', value: 'EU' }] } },
    },
    send('send-large', 3, 'contract-large', 2 * at + 2),
    send('send-standard', 4, 'contract-standard', 2 * at + 1),
  ];
  const edge = (from: string, to: string, branch?: 'true' | 'false'): FlowEdge => ({
    id: id(`${from}-${to}${branch ? `-${branch}` : ''}`),
    source: id(from),
    target: id(to),
    ...(branch ? { sourceHandle: branch } : {}),
  });
  const edges = [
    edge('enter', 'large'),
    edge('enter', 'eu'),
    edge('large', 'eu', 'true'),
    edge('large', 'send-standard', 'false'),
    edge('eu', 'send-large', 'true'),
    edge('eu', 'send-standard', 'false'),
  ];
  return { nodes, edges };
}

export function bigFlow(groups = 100): Flow {
  const parts = Array.from({ length: groups }, (_, at) => group(at));
  return {
    schemaVersion: 1,
    id: 'bench-big',
    name: `Big flow (${groups * 5} nodes)`,
    pipeline: {
      id: 'bench',
      name: 'Bench',
      stages: stages.map((stage) => ({ id: stage, name: stage })),
      fields: [{ id: 'region', type: 'string' }],
    },
    nodes: parts.flatMap((part) => part.nodes),
    edges: parts.flatMap((part) => part.edges),
  };
}
