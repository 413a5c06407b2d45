// Test on a sample deal: fill a deal (or load a stored event), pick the trigger, run the draft in
// the browser with the engine; the path, the conditions' values and the plan are shown on the
// canvas and beside it. Route: #/test/<flowId>/<eventId?>.
import '../../styles/screens.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActionPlan, DealEvent, Flow, PlannedSendDocument, RuleSet } from '../../../../schemas/index.ts';
import { useSession } from '../../api/session.ts';
import { testDealApi } from '../../api/test-deal.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { routeHash, useRoute } from '../../app/navigate.ts';
import { FlowCanvas } from '../../editor/FlowCanvas.tsx';
import { useT } from '../../i18n/i18n.ts';
import type { Overlay } from '../../state/overlay.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { FlowPicker } from '../shared/FlowPicker.tsx';
import { PlanView } from '../shared/PlanView.tsx';
import { may } from '../shared/permissions.ts';
import { useFlowDraft } from '../shared/use-flow-draft.ts';
import { DocumentPreview } from './DocumentPreview.tsx';
import { dealFormSpec } from './deal-form.ts';
import { showTraceInEditor } from './editor-trace.ts';
import { readTrace } from './read-trace.ts';
import { runDraft } from './run-draft.ts';
import { SampleDealForm } from './SampleDealForm.tsx';
import { StoredEventPicker } from './StoredEventPicker.tsx';
import { blankForm, eventFromForm, formFromEvent, type Problem, type SampleForm } from './sample-event.ts';
import { traceOverlay } from './trace-overlay.ts';
import { triggerChoices, triggerKey } from './trigger-choices.ts';

interface Outcome {
  event: DealEvent;
  plan: ActionPlan;
  ruleSet: RuleSet;
  overlay: Overlay;
}

export function ruleLabelOf(flow: Flow, ruleSet: RuleSet) {
  const labels = new Map(flow.nodes.map((node) => [node.id, node.data.label || node.id]));
  const actionOf = new Map(ruleSet.rules.map((rule) => [rule.name, rule.event.params.actionNodeId]));
  return (ruleName: string) => labels.get(actionOf.get(ruleName) ?? '') ?? ruleName;
}

export function TestDealScreen() {
  const t = useT();
  const { role } = useSession();
  const route = useRoute();
  const [routeFlowId, routeEventId] = route.params;
  const draftState = useFlowDraft('test', routeFlowId);
  const { draft } = draftState;
  const pipeline = draft?.pipeline;
  const spec = useMemo(() => (pipeline ? dealFormSpec(pipeline) : undefined), [pipeline]);
  const choices = useMemo(() => (draft ? triggerChoices(draft) : []), [draft]);
  const [form, setForm] = useState<SampleForm | undefined>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  // An event opened from the backtest list is run at once: that is what the admin came to see.
  const [runWhenLoaded, setRunWhenLoaded] = useState(false);

  useEffect(() => {
    if (!form && spec && choices[0]) setForm(blankForm(choices[0], new Date()));
  }, [form, spec, choices]);
  // Another flow: its triggers and fields differ, so the sample and the result start over.
  // (Not on mount: a reset in the same commit as the first blank form would cancel it out.)
  const shownFlowId = useRef(draftState.flowId);
  useEffect(() => {
    if (shownFlowId.current === draftState.flowId) return;
    shownFlowId.current = draftState.flowId;
    setForm(undefined);
    setOutcome(undefined);
    setProblems([]);
    setFailure(undefined);
  }, [draftState.flowId]);
  useEffect(() => {
    if (!routeEventId || !spec || !may.readStoredEvents(role)) return;
    testDealApi.getStoredEvent(routeEventId).then(
      (stored) => {
        setForm(formFromEvent(spec, stored.event));
        setRunWhenLoaded(true);
      },
      (error: unknown) => setLoadError(error),
    );
  }, [routeEventId, spec, role]);

  const run = () => {
    if (!draft || !spec || !form) return;
    const built = eventFromForm(spec, form, draft.pipeline.id);
    setProblems(built.ok ? [] : built.problems);
    if (!built.ok) return;
    const result = runDraft(draft, built.event);
    if (!result.ok) {
      setFailure(result.reason);
      setOutcome(undefined);
      return;
    }
    setFailure(undefined);
    const reading = readTrace(draft, result.ruleSet, result.plan);
    const overlay = traceOverlay(draft, reading, t);
    setOutcome({ event: built.event, plan: result.plan, ruleSet: result.ruleSet, overlay });
    if (draftState.fromEditor) showTraceInEditor(draft, overlay);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, with the form the stored event filled
  useEffect(() => {
    if (!runWhenLoaded || !form) return;
    setRunWhenLoaded(false);
    run();
  }, [runWhenLoaded, form]);

  const previewExtra = (action: PlannedSendDocument) => {
    const node = draft?.nodes.find((candidate) => candidate.id === action.actionNodeId);
    if (!outcome || node?.type !== 'sendDocument' || !may.previewDocuments(role)) return null;
    return <DocumentPreview event={outcome.event} settings={node.data} ruleName={action.ruleName} />;
  };

  return (
    <section className="screen-split" aria-labelledby="test-title">
      <div className="side-panel">
        <h2 id="test-title">{t('screens.test.title')}</h2>
        <FlowPicker flows={draftState.flows} flowId={draftState.flowId} onChoose={draftState.choose} />
        <p className="muted">{t(draftState.fromEditor ? 'screens.test.fromEditor' : 'screens.test.fromServer')}</p>
        <ApiErrorText error={draftState.error ?? loadError} />
        {draft && spec && form ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              run();
            }}
          >
            <div className="form-row">
              <label htmlFor="test-trigger">{t('screens.test.trigger')}</label>
              <select
                id="test-trigger"
                value={triggerKey(form.trigger)}
                onChange={(event) => {
                  const choice = choices.find((candidate) => triggerKey(candidate) === event.target.value);
                  if (choice) setForm({ ...form, trigger: { type: choice.type, selector: choice.selector } });
                }}
              >
                {choices.map((choice) => (
                  <option key={triggerKey(choice)} value={triggerKey(choice)}>
                    {t(`screens.test.triggerOption.${choice.type}`, { selector: choice.selector, label: choice.label })}
                  </option>
                ))}
              </select>
            </div>
            {may.readStoredEvents(role) ? (
              <StoredEventPicker
                pipelineId={draft.pipeline.id}
                onPick={(event) => setForm(formFromEvent(spec, event))}
              />
            ) : (
              <p className="muted">{t('screens.test.noStoredEvents')}</p>
            )}
            <SampleDealForm spec={spec} pipeline={draft.pipeline} form={form} problems={problems} onChange={setForm} />
            {problems.length > 0 ? (
              <ErrorText>{t('screens.test.problems', { count: problems.length })}</ErrorText>
            ) : null}
            <button type="submit" className="primary">
              {t('screens.test.run')}
            </button>
          </form>
        ) : choices.length === 0 && draft ? (
          <p>{t('screens.test.noTriggers')}</p>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </div>
      <div className="main-panel">
        {failure ? <ErrorText>{t('screens.test.cannotRun', { reason: failure })}</ErrorText> : null}
        {draft ? (
          <section className="canvas-box" aria-label={t('screens.test.canvas')}>
            <FlowCanvas flow={draft} readOnly overlay={outcome?.overlay ?? null} />
          </section>
        ) : null}
        {outcome && draft && draftState.fromEditor && draftState.flowId ? (
          <p>
            <a href={routeHash('editor', [draftState.flowId])}>{t('screens.test.showInEditor')}</a>
          </p>
        ) : null}
        {outcome && draft ? (
          <PlanView
            plan={outcome.plan}
            ruleLabel={ruleLabelOf(draft, outcome.ruleSet)}
            showPersonal
            documentExtra={previewExtra}
          />
        ) : (
          <p className="muted">{t('screens.test.hint')}</p>
        )}
      </div>
    </section>
  );
}
