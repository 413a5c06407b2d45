import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow, Run, TemplateInfo } from '../../../../schemas/index.ts';
import { filterChoices, flowDocumentTypes } from './filter-choices.ts';

const fixture = (name: string): Flow =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/flows/${name}.json`, import.meta.url), 'utf8'));

const renewals = fixture('valid-custom-fields');
const sales = fixture('valid-sales-demo');

const template = (documentType: string): TemplateInfo =>
  ({ id: `t-${documentType}`, documentType }) as unknown as TemplateInfo;

const run = (bucket: string, documentTypes: string[]): Run =>
  ({
    id: 'r-1',
    pipelineId: 'other',
    plan: { bucket, actions: [] },
    documents: documentTypes.map((documentType) => ({ documentType })),
  }) as unknown as Run;

describe('flowDocumentTypes', () => {
  it('reads the types a flow sends and the types its document triggers wait for', () => {
    const declinedAmendment: Flow = {
      ...renewals,
      nodes: renewals.nodes.map((node) =>
        node.type === 'documentDeclined' ? { ...node, data: { ...node.data, documentType: 'amendment' } } : node,
      ),
    };
    expect(flowDocumentTypes(renewals).sort()).toEqual(['order-form', 'renewal']);
    expect(flowDocumentTypes(declinedAmendment).sort()).toEqual(['amendment', 'order-form', 'renewal']);
  });
});

describe('filterChoices', () => {
  it('lists one pipeline’s stages in its order, by name', () => {
    const choices = filterChoices({ pipelines: [renewals.pipeline], flows: [], templates: [], runs: [] });
    expect(choices.stages.map((stage) => stage.stageId)).toEqual(renewals.pipeline.stages.map((stage) => stage.id));
    expect(choices.stages[0]?.label).toBe(renewals.pipeline.stages[0]?.name);
  });

  it('names the pipeline when several are known', () => {
    const choices = filterChoices({
      pipelines: [renewals.pipeline, sales.pipeline],
      flows: [],
      templates: [],
      runs: [],
    });
    expect(choices.stages[0]?.label).toBe(`${renewals.pipeline.stages[0]?.name} (${renewals.pipeline.name})`);
  });

  it('joins the flows’, templates’ and runs’ document types, sorted and once each', () => {
    const choices = filterChoices({
      pipelines: [],
      flows: [renewals, sales],
      templates: [template('renewal'), template('nda')],
      runs: [run('other/deal.stage_changed/won', ['invoice'])],
    });
    expect(choices.documentTypes).toEqual(
      [...new Set([...flowDocumentTypes(sales), 'invoice', 'nda', 'order-form', 'renewal'])].sort(),
    );
  });

  it('keeps a stage a run shows when no pipeline can be read (the CRM client’s role)', () => {
    const choices = filterChoices({
      pipelines: [],
      flows: [],
      templates: [],
      runs: [run('other/deal.stage_changed/won', [])],
    });
    expect(choices.stages).toEqual([{ stageId: 'won', label: 'won' }]);
  });
});
