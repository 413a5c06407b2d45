// A realistic workload for the engine benchmark: rules spread over 50 pipelines × 10 stages, each
// testing ~5 facts (amount, currency, custom fields, contact roles), a few document types per stage
// with priorities; and deal events that hit random buckets. Seeded, so every run measures the same.
import type { Comparison, ConditionGroup, DealEvent, Flow, FlowEdge, FlowNode, Pipeline } from '../../schemas/index.ts';

export const pipelineCount = 50;
export const stagesPerPipeline = 10;

/** mulberry32: a tiny seeded PRNG, so the workload is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const currencies = ['EUR', 'USD', 'BRL'] as const;
const regions = ['EU', 'US', 'LATAM'] as const;
const roles = ['signer', 'finance', 'legal'] as const;
const documentTypes = ['contract', 'invoice', 'nda', 'proposal'] as const;

function pipelineOf(index: number): Pipeline {
  return {
    id: `p${index}`,
    name: `Pipeline ${index}`,
    stages: Array.from({ length: stagesPerPipeline }, (_, stage) => ({ id: `s${stage}`, name: `Stage ${stage}` })),
    fields: [
      { id: 'region', type: 'string' },
      { id: 'termMonths', type: 'number' },
      { id: 'renewal', type: 'boolean' },
    ],
  };
}

function ruleConditions(random: Random): ConditionGroup {
  const amount: Comparison = {
    fact: 'amount',
    operator: random() < 0.7 ? 'greaterThan' : 'lessThan',
    value: Math.floor(random() * 16) * 5000,
  };
  const currency: Comparison = {
    fact: 'currency',
    operator: 'in',
    value: [pick(random, currencies), pick(random, currencies)],
  };
  const region: Comparison = {
    fact: 'fields.region',
    operator: random() < 0.7 ? 'equal' : 'notEqual',
    value: pick(random, regions),
  };
  const term: Comparison = {
    fact: 'fields.termMonths',
    operator: 'greaterThanInclusive',
    value: pick(random, [6, 12, 24]),
  };
  const role: Comparison = {
    fact: 'contacts.role',
    operator: random() < 0.8 ? 'contains' : 'doesNotContain',
    value: pick(random, roles),
  };
  return { all: [amount, currency, { any: [region, term] }, role] };
}

function sendDocumentNode(id: string, random: Random): FlowNode {
  return {
    id,
    type: 'sendDocument',
    position: { x: 0, y: 0 },
    data: {
      documentType: pick(random, documentTypes),
      templateId: `tpl-${id}`,
      priority: 1 + Math.floor(random() * 5),
      companySigner: random() < 0.5 ? { kind: 'responsibleUser' } : { kind: 'employee', employeeId: 'director' },
      counterparties: random() < 0.5 ? { kind: 'allContacts' } : { kind: 'role', role: 'signer' },
      signingOrder: pick(random, ['companyFirst', 'clientsFirst', 'parallel'] as const),
      linkExpiryDays: 14,
    },
  };
}

/** One flow per pipeline; rule r goes to bucket r mod 500, so buckets fill evenly. */
export function benchFlows(ruleCount: number, seed = 1): Flow[] {
  const random = seededRandom(seed);
  const flows = Array.from({ length: pipelineCount }, (_, index): Flow => {
    const pipeline = pipelineOf(index);
    const triggers = pipeline.stages.map(
      (stage): FlowNode => ({
        id: `enter-${stage.id}`,
        type: 'stageEntered',
        position: { x: 0, y: 0 },
        data: { stageId: stage.id },
      }),
    );
    return {
      schemaVersion: 1,
      id: `flow-p${index}`,
      version: 1,
      name: `Flow ${index}`,
      pipeline,
      nodes: triggers,
      edges: [],
    };
  });
  for (let rule = 0; rule < ruleCount; rule++) {
    const bucket = rule % (pipelineCount * stagesPerPipeline);
    const flow = flows[Math.floor(bucket / stagesPerPipeline)] as Flow;
    const stage = `s${bucket % stagesPerPipeline}`;
    const condition: FlowNode = {
      id: `r${rule}-when`,
      type: 'condition',
      position: { x: 0, y: 0 },
      data: { conditions: ruleConditions(random) },
    };
    flow.nodes.push(condition, sendDocumentNode(`r${rule}-send`, random));
    const edges: FlowEdge[] = [
      { id: `r${rule}-e1`, source: `enter-${stage}`, target: condition.id },
      { id: `r${rule}-e2`, source: condition.id, target: `r${rule}-send`, sourceHandle: 'true' },
    ];
    flow.edges.push(...edges);
  }
  return flows;
}

export function benchEvents(count: number, seed = 2): DealEvent[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index): DealEvent => {
    const contacts = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, at) => ({
      id: `P-${at}`,
      name: `Contact ${at}`,
      email: `c${at}@client.example`,
      role: pick(random, roles),
    }));
    return {
      eventId: `bench-${index}`,
      type: 'deal.stage_changed',
      occurredAt: '2026-11-29T10:15:00Z',
      pipelineId: `p${Math.floor(random() * pipelineCount)}`,
      deal: {
        id: `D-${index}`,
        title: 'Annual support',
        stageId: `s${Math.floor(random() * stagesPerPipeline)}`,
        amount: Math.floor(random() * 100_000),
        currency: pick(random, currencies),
        responsibleUserId: 'u-7',
        fields: {
          region: pick(random, regions),
          termMonths: pick(random, [3, 6, 12, 24, 36]),
          renewal: random() < 0.5,
        },
        company: { id: 'C-1', name: 'Globex' },
        contacts,
      },
    };
  });
}
