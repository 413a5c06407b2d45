// The side panel: the form of the selected node (driven by its kind), the selected note, or the
// flow's own settings when nothing is selected; the node's problems are listed on top.
import { buildGraph, reachableFrom } from '../../../../engine/flow/flow-graph.ts';
import { type NodeKind, type NodeOfKind, triggerOf } from '../../../../engine/flow/node-kinds.ts';
import type { DealEvent, Diagnostic, Flow, FlowNode } from '../../../../schemas/types.generated.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { updateNote } from '../../graph/flow-edits.ts';
import { isNoteId, noteIdOf } from '../../graph/flow-mapping.ts';
import { useT } from '../../i18n/i18n.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import { deleteSelection, duplicateSelected } from '../commands.ts';
import { kindTitle } from '../kind-title.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { Field } from './Field.tsx';
import { SendDocumentForm } from './SendDocumentForm.tsx';
import { StageSelect } from './StageSelect.tsx';
import { TextInput } from './TextInput.tsx';
import { useNodeUpdate } from './use-node-update.ts';

/** The event type every trigger reaching this node shares (facts are offered for it), if one. */
function eventTypeReaching(flow: Flow, nodeId: string): DealEvent['type'] | undefined {
  const graph = buildGraph(flow);
  const types = new Set<DealEvent['type']>();
  for (const trigger of graph.triggers) {
    const info = triggerOf(trigger);
    if (info && reachableFrom(graph, [trigger.id]).has(nodeId)) types.add(info.eventType);
  }
  return types.size === 1 ? [...types][0] : undefined;
}

type FormOf = { [K in NodeKind]: (props: { node: NodeOfKind<K>; flow: Flow }) => React.ReactNode };

function LabelField({ node }: { node: FlowNode }) {
  const t = useT();
  const update = useNodeUpdate(node);
  return (
    <Field label={t('panel.nodeLabel')}>
      {(id) => (
        <TextInput
          id={id}
          maxLength={200}
          value={'label' in node.data ? (node.data.label ?? '') : ''}
          onValue={(label) => {
            const { label: _old, ...rest } = node.data as { label?: string };
            update((label === '' ? rest : { ...rest, label }) as FlowNode['data'], 'label');
          }}
        />
      )}
    </Field>
  );
}

function StageField({
  node,
  flow,
  label,
}: {
  node: NodeOfKind<'stageEntered' | 'moveDeal'>;
  flow: Flow;
  label: string;
}) {
  const update = useNodeUpdate(node);
  return (
    <Field label={label}>
      {(id) => (
        <StageSelect
          id={id}
          pipeline={flow.pipeline}
          value={node.data.stageId}
          onChange={(stageId) => update({ ...node.data, stageId }, 'stageId')}
        />
      )}
    </Field>
  );
}

function DocumentTypeField({ node }: { node: NodeOfKind<'documentCompleted' | 'documentDeclined'> }) {
  const t = useT();
  const update = useNodeUpdate(node);
  return (
    <Field label={t('send.documentType')}>
      {(id) => (
        <TextInput
          id={id}
          value={node.data.documentType}
          onValue={(documentType) => update({ ...node.data, documentType }, 'documentType')}
        />
      )}
    </Field>
  );
}

function ConditionForm({ node, flow }: { node: NodeOfKind<'condition'>; flow: Flow }) {
  const update = useNodeUpdate(node);
  return (
    <ConditionEditor
      root={node.data.conditions}
      pipeline={flow.pipeline}
      eventType={eventTypeReaching(flow, node.id)}
      onChange={(conditions, field) => update({ ...node.data, conditions }, field)}
    />
  );
}

function WebhookForm({ node }: { node: NodeOfKind<'callWebhook'> }) {
  const t = useT();
  const update = useNodeUpdate(node);
  return (
    <Field label={t('panel.webhookUrl')}>
      {(id) => (
        <TextInput id={id} type="url" value={node.data.url} onValue={(url) => update({ ...node.data, url }, 'url')} />
      )}
    </Field>
  );
}

function StageEnteredForm({ node, flow }: { node: NodeOfKind<'stageEntered'>; flow: Flow }) {
  const t = useT();
  return <StageField node={node} flow={flow} label={t('panel.triggerStage')} />;
}

function MoveDealForm({ node, flow }: { node: NodeOfKind<'moveDeal'>; flow: Flow }) {
  const t = useT();
  return <StageField node={node} flow={flow} label={t('panel.moveToStage')} />;
}

const forms: FormOf = {
  stageEntered: StageEnteredForm,
  documentCompleted: DocumentTypeField,
  documentDeclined: DocumentTypeField,
  condition: ConditionForm,
  sendDocument: SendDocumentForm,
  moveDeal: MoveDealForm,
  callWebhook: WebhookForm,
};

function NoteForm({ noteId, flow }: { noteId: string; flow: Flow }) {
  const t = useT();
  const note = flow.notes?.find((candidate) => candidate.id === noteId);
  if (!note) return null;
  return (
    <Field label={t('note.text')}>
      {(id) => (
        <textarea
          id={id}
          rows={6}
          maxLength={4000}
          value={note.text}
          onChange={(event) =>
            useFlowStore
              .getState()
              .updateFlow((current) => updateNote(current, noteId, { text: event.target.value }), `note:${noteId}:text`)
          }
        />
      )}
    </Field>
  );
}

function FlowSettings({ flow, readOnly }: { flow: Flow; readOnly: boolean }) {
  const t = useT();
  const set = (patch: Partial<Flow>, field: string) =>
    useFlowStore.getState().updateFlow((current) => ({ ...current, ...patch }), `flow:${field}`);
  return (
    <fieldset disabled={readOnly}>
      <legend className="visually-hidden">{t('panel.flowSettings')}</legend>
      <Field label={t('panel.flowName')}>
        {(id) => <TextInput id={id} maxLength={200} value={flow.name} onValue={(name) => set({ name }, 'name')} />}
      </Field>
      <Field label={t('panel.flowDescription')}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            maxLength={2000}
            value={flow.description ?? ''}
            onChange={(event) => set({ description: event.target.value }, 'description')}
          />
        )}
      </Field>
      <p className="field-hint">
        {t('panel.pipeline', { name: flow.pipeline.name, stages: flow.pipeline.stages.length })}
      </p>
      <p className="field-hint">{t('panel.selectHint')}</p>
    </fieldset>
  );
}

export function SidePanel({ diagnostics, readOnly }: { diagnostics: readonly Diagnostic[]; readOnly: boolean }) {
  const t = useT();
  const flow = useFlowStore((state) => state.flow);
  const selected = useFlowStore((state) => state.selectedNodeIds);
  if (!flow) return null;
  let body: React.ReactNode;
  let title = t('panel.flowSettings');
  if (selected.length > 1) {
    title = t('panel.multi', { count: selected.length });
    body = (
      <div className="panel-actions">
        <button type="button" onClick={duplicateSelected}>
          {t('menu.duplicate')}
        </button>
        <button type="button" onClick={deleteSelection}>
          {t('menu.delete')}
        </button>
      </div>
    );
  } else if (selected.length === 1 && isNoteId(selected[0] as string)) {
    title = t('note.title');
    body = <NoteForm noteId={noteIdOf(selected[0] as string)} flow={flow} />;
  } else if (selected.length === 1) {
    const node = flow.nodes.find((candidate) => candidate.id === selected[0]);
    if (node) {
      const Form = forms[node.type] as (props: { node: FlowNode; flow: Flow }) => React.ReactNode;
      const issues = diagnostics.filter((diagnostic) => diagnostic.nodeId === node.id);
      title = kindTitle(node.type);
      body = (
        <>
          <p className="field-hint">{t('panel.nodeId', { id: node.id })}</p>
          {issues.map((issue) => (
            <ErrorText key={`${issue.code}-${issue.pointer ?? ''}-${issue.message}`} severity={issue.severity}>
              <code>{issue.code}</code> {issue.message}
            </ErrorText>
          ))}
          <fieldset disabled={readOnly} className="node-form">
            <legend className="visually-hidden">{title}</legend>
            <LabelField node={node} />
            <Form node={node} flow={flow} />
            <div className="panel-actions">
              <button type="button" onClick={duplicateSelected}>
                {t('menu.duplicate')}
              </button>
              <button type="button" onClick={deleteSelection}>
                {t('menu.delete')}
              </button>
            </div>
          </fieldset>
        </>
      );
    }
  }
  return (
    <aside id="side-panel" className="side-panel" aria-labelledby="side-panel-title">
      <h2 id="side-panel-title">{title}</h2>
      {body ?? <FlowSettings flow={flow} readOnly={readOnly} />}
    </aside>
  );
}
