// Import of a flow file: read, checked by the schema and the engine, the findings shown; nothing
// is saved or replaced until the user confirms a flow without errors.
import { type ChangeEvent, useId, useState } from 'react';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import { ErrorText } from '../app/ErrorText.tsx';
import { importFlowText } from '../graph/import-flow.ts';
import { useT } from '../i18n/i18n.ts';

interface ImportState {
  fileName: string;
  flow?: Flow;
  diagnostics: Diagnostic[];
  failure?: string;
}

export function ImportButton({
  onAccept,
  acceptLabel,
}: {
  onAccept: (flow: Flow) => Promise<void> | void;
  acceptLabel: string;
}) {
  const t = useT();
  const inputId = useId();
  const [state, setState] = useState<ImportState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    const result = importFlowText(await file.text());
    if (result.ok) setState({ fileName: file.name, flow: result.flow, diagnostics: result.diagnostics });
    else if (result.reason === 'invalid') setState({ fileName: file.name, diagnostics: result.diagnostics });
    else
      setState({
        fileName: file.name,
        diagnostics: [],
        failure: t(`import.${result.reason}`, { detail: result.detail }),
      });
  };
  const errors = state?.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') ?? [];
  return (
    <>
      <label className="button-like" htmlFor={inputId}>
        {t('import.button')}
      </label>
      <input id={inputId} className="visually-hidden" type="file" accept="application/json,.json" onChange={onFile} />
      {state && (
        <section className="import-result" aria-label={t('import.resultLabel', { file: state.fileName })}>
          <h3>{t('import.resultLabel', { file: state.fileName })}</h3>
          {state.failure && <ErrorText>{state.failure}</ErrorText>}
          {!state.failure && errors.length > 0 && (
            <ErrorText>{t('import.refused', { count: errors.length })}</ErrorText>
          )}
          <ul aria-label={t('import.findings')}>
            {state.diagnostics.map((diagnostic, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
              <li key={index} className={`problem problem-${diagnostic.severity}`}>
                <span aria-hidden="true">{diagnostic.severity === 'error' ? '✖' : '⚠'}</span>{' '}
                <code>{diagnostic.code}</code> {diagnostic.message}
                {diagnostic.pointer && <span className="problem-node"> ({diagnostic.pointer})</span>}
              </li>
            ))}
          </ul>
          {error && <ErrorText>{error}</ErrorText>}
          <div className="panel-actions">
            {state.flow && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await onAccept(state.flow as Flow);
                    setState(null);
                  } catch (caught) {
                    setError(caught instanceof Error ? caught.message : String(caught));
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {acceptLabel}
              </button>
            )}
            <button type="button" onClick={() => setState(null)}>
              {t('common.close')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
