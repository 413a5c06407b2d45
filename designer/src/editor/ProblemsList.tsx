// "Problems": every diagnostic (engine codes and messages, as the CLI prints them) with an icon
// and text; choosing one selects and focuses the node it concerns.
import type { Diagnostic } from '../../../schemas/types.generated.ts';
import { diagnosticKey } from '../graph/diagnostics-index.ts';
import { useT } from '../i18n/i18n.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { focusNode } from './commands.ts';

export function ProblemsList({ diagnostics, pending }: { diagnostics: readonly Diagnostic[]; pending: boolean }) {
  const t = useT();
  const flow = useFlowStore((state) => state.flow);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const nodeOf = (diagnostic: Diagnostic): string | undefined => {
    if (diagnostic.nodeId) return diagnostic.nodeId;
    const edge = diagnostic.edgeId ? flow?.edges.find((candidate) => candidate.id === diagnostic.edgeId) : undefined;
    return edge?.source;
  };
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        {t('problems.title')}{' '}
        <span className="problems-count">
          {t('problems.count', { errors, warnings: diagnostics.length - errors })}
          {pending ? ` · ${t('problems.checkingServer')}` : ''}
        </span>
      </h2>
      {diagnostics.length === 0 && (
        <p className="message message-ok">
          <span aria-hidden="true">✔</span> {t('problems.none')}
        </p>
      )}
      {/* biome-ignore lint/a11y/noRedundantRoles: list-style none drops the implicit role in WebKit; tests look for role=list */}
      <ul aria-label={t('problems.title')} role="list">
        {diagnostics.map((diagnostic, index) => {
          const nodeId = nodeOf(diagnostic);
          return (
            <li key={diagnosticKey(diagnostic, index)} className={`problem problem-${diagnostic.severity}`}>
              <button type="button" disabled={!nodeId} onClick={() => nodeId && focusNode(nodeId)}>
                <span aria-hidden="true">{diagnostic.severity === 'error' ? '✖' : '⚠'}</span>{' '}
                <span className="visually-hidden">
                  {t(diagnostic.severity === 'error' ? 'error.icon' : 'warning.icon')}:{' '}
                </span>
                <code>{diagnostic.code}</code> {diagnostic.message}
                {nodeId && <span className="problem-node"> ({nodeId})</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
