// A document's envelope: its status and each signer's, in signing order, read from the runtime
// and refreshed while signing goes on (the CRM's deal card shows the same).
import { useEffect, useState } from 'react';
import type { Envelope } from '../../../../schemas/index.ts';
import { envelopesApi } from '../../api/envelopes.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';

const refreshMs = 5_000;
const finished = new Set(['completed', 'declined', 'expired', 'cancelled']);

export function EnvelopeStatus({ documentId }: { documentId: string }) {
  const t = useT();
  const [envelope, setEnvelope] = useState<Envelope | null | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      envelopesApi.ofDocument(documentId).then(
        (list) => {
          if (stopped) return;
          const found = list.items[0] ?? null;
          setEnvelope(found);
          setError(undefined);
          if (found && !finished.has(found.status)) timer = setTimeout(load, refreshMs);
        },
        (reason: unknown) => !stopped && setError(reason),
      );
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [documentId]);
  if (error) return <ApiErrorText error={error} />;
  if (envelope === undefined) return null;
  if (envelope === null) return <p className="muted">{t('screens.runs.noEnvelope')}</p>;
  return (
    <div className="envelope-status">
      <p>
        {t('screens.runs.envelope', { status: t(`screens.runs.envelopeStatus.${envelope.status}`) })}
        {envelope.expiresAt ? ` · ${t('screens.runs.expires', { at: formatTime(envelope.expiresAt) })}` : ''}
      </p>
      <ol aria-label={t('screens.runs.envelopeSigners')}>
        {envelope.signers.map((signer) => (
          <li key={signer.id}>
            {signer.name} (
            {signer.side === 'company'
              ? t('screens.runs.sideCompany')
              : t('screens.runs.sideClient', { n: signer.partyIndex })}
            ): <strong>{t(`screens.runs.signerStatus.${signer.status}`)}</strong>
            {signer.signedAt ? ` · ${formatTime(signer.signedAt)}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
