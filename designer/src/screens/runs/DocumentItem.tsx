// A document of a run: type, template, its PDF (fetched with the token), warnings, signers in
// order, and the envelope's signers and statuses.
import { useState } from 'react';
import type { DocumentInfo } from '../../../../schemas/index.ts';
import { runsApi } from '../../api/runs.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { PdfView } from '../shared/PdfView.tsx';
import { signersInOrder, signerText } from '../shared/signer-text.ts';
import { EnvelopeStatus } from './EnvelopeStatus.tsx';

export function DocumentItem({ document }: { document: DocumentInfo }) {
  const t = useT();
  const [pdf, setPdf] = useState<Blob | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const open = () => {
    setBusy(true);
    setError(undefined);
    runsApi
      .pdf(document.id)
      .then(setPdf, setError)
      .finally(() => setBusy(false));
  };
  return (
    <li className="document-item">
      <strong>
        {t('screens.runs.document', { documentType: document.documentType, templateId: document.templateId })}
      </strong>{' '}
      <span className="muted">{formatTime(document.createdAt)}</span>
      <ul className="signers" aria-label={t('screens.plan.signers')}>
        {signersInOrder(document.signing.signers).map((signer) => {
          const text = signerText(signer, t, true);
          return <li key={text}>{text}</li>;
        })}
      </ul>
      {document.warnings.map((warning, at) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list
        <ErrorText key={at} severity="warning">
          {warning.code}: {warning.message}
        </ErrorText>
      ))}
      <EnvelopeStatus documentId={document.id} />
      <button type="button" onClick={open} disabled={busy}>
        {busy ? t('screens.preview.busy') : t('screens.runs.openPdf', { documentType: document.documentType })}
      </button>
      <ApiErrorText error={error} />
      {pdf ? (
        <PdfView
          blob={pdf}
          fileName={`${document.documentType}-${document.id}.pdf`}
          title={t('screens.runs.pdfTitle', { id: document.id })}
        />
      ) : null}
    </li>
  );
}
