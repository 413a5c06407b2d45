// The publish button and dialog (DESIGNER-SCREENS): a message, the draft's findings, and why it is
// disabled when it is. Unsaved edits are saved first, so what is published is what the admin sees.
// The editor renders <PublishSlot/> in its toolbar with these props; keep the props stable.
import '../styles/screens.css';
import { useState } from 'react';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import { historyApi, type VersionInfo } from '../api/history.ts';
import { useSession } from '../api/session.ts';
import { routeHash } from '../app/navigate.ts';
import { useT } from '../i18n/i18n.ts';
import { ApiErrorText } from '../screens/shared/ApiErrorText.tsx';
import { ConfirmDialog } from '../screens/shared/ConfirmDialog.tsx';
import { may } from '../screens/shared/permissions.ts';
import { publishFindings } from './publish-findings.ts';

export interface PublishSlotProps {
  flowId: string;
  flow: Flow;
  /** Unsaved edits exist: the draft on the server is older than the canvas. */
  dirty: boolean;
  /** Why publishing is not possible now (errors remain, unsaved, role); undefined when it is. */
  disabledReason: string | undefined;
  /** Saves the draft; resolves once the server has it. */
  saveDraft: () => Promise<void>;
  diagnostics: readonly Diagnostic[];
}

const maxMessage = 500;

export function PublishSlot({ flowId, dirty, disabledReason, saveDraft, diagnostics }: PublishSlotProps) {
  const t = useT();
  const { role } = useSession();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [published, setPublished] = useState<VersionInfo | undefined>();
  if (!may.publish(role)) return null;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const reason = disabledReason ?? (errors > 0 ? t('screens.publish.errorsRemain', { count: errors }) : undefined);

  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (dirty) await saveDraft();
      setPublished(await historyApi.publish(flowId, message));
      setMessage('');
      setOpen(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="publish-slot">
      <button
        type="button"
        className="primary"
        disabled={reason !== undefined}
        aria-describedby={disabledReason ? 'publish-reason' : reason ? 'publish-slot-reason' : undefined}
        onClick={() => {
          setPublished(undefined);
          setOpen(true);
        }}
      >
        {t('screens.publish.button')}
      </button>
      {/* The toolbar shows disabledReason itself (#publish-reason); only a reason of our own is shown here. */}
      {reason && !disabledReason ? (
        <span id="publish-slot-reason" className="message message-error">
          ⛔ {reason}
        </span>
      ) : null}
      {published ? (
        <span role="status" className="message">
          ✓ {t('screens.publish.done', { version: published.version })}{' '}
          <a href={routeHash('history', [flowId])}>{t('screens.publish.history')}</a>
        </span>
      ) : null}
      {published ? <PublishedFindings version={published} /> : null}
      <ConfirmDialog
        open={open}
        title={t('screens.publish.title')}
        confirmLabel={busy ? t('screens.publish.busy') : t('screens.publish.confirm')}
        disabledReason={reason}
        busy={busy}
        onConfirm={() => void publish()}
        onCancel={() => setOpen(false)}
      >
        <label htmlFor="publish-message">{t('screens.publish.message')}</label>
        <textarea
          id="publish-message"
          value={message}
          maxLength={maxMessage}
          rows={3}
          onChange={(event) => setMessage(event.target.value)}
          aria-describedby="publish-message-help"
        />
        <p id="publish-message-help" className="muted">
          {t('screens.publish.messageHelp', { left: maxMessage - message.length })}
        </p>
        {dirty ? <p>{t('screens.publish.savesFirst')}</p> : null}
        {warnings > 0 ? (
          <p className="message message-warning">⚠ {t('screens.publish.warnings', { count: warnings })}</p>
        ) : null}
        <ApiErrorText error={error} />
      </ConfirmDialog>
    </span>
  );
}

/** The published version's warnings, from the publish answer (the dialog has closed by then). */
function PublishedFindings({ version }: { version: VersionInfo }) {
  const t = useT();
  const findings = publishFindings(version);
  if (findings.total === 0) return null;
  return (
    <details className="publish-findings" open>
      <summary>⚠ {t('screens.publish.findings', { version: version.version, count: findings.total })}</summary>
      <ul>
        {findings.shown.map((diagnostic, at) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same code may repeat on one node
          <li key={at}>
            <code>{diagnostic.code}</code>
            {diagnostic.nodeId ? ` (${diagnostic.nodeId})` : ''}: {diagnostic.message}
          </li>
        ))}
      </ul>
      {findings.notShown > 0 ? (
        <p className="muted">{t('screens.publish.findingsMore', { count: findings.notShown })}</p>
      ) : null}
    </details>
  );
}
