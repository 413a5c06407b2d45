// "Preview the document": the runtime renders what this node would send for the sample event, as
// PDF, without storing or sending it.
import { useState } from 'react';
import type { DealEvent, SendDocumentSettings } from '../../../../schemas/index.ts';
import type { PdfAnswer } from '../../api/pdf-request.ts';
import { testDealApi } from '../../api/test-deal.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { PdfView } from '../shared/PdfView.tsx';

export function DocumentPreview({
  event,
  settings,
  ruleName,
}: {
  event: DealEvent;
  settings: SendDocumentSettings;
  ruleName: string;
}) {
  const t = useT();
  const [pdf, setPdf] = useState<PdfAnswer | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const preview = () => {
    setBusy(true);
    setError(undefined);
    testDealApi
      .previewDocument({ event, settings, ruleName })
      .then(setPdf, setError)
      .finally(() => setBusy(false));
  };
  return (
    <div className="document-preview">
      <button type="button" onClick={preview} disabled={busy}>
        {busy ? t('screens.preview.busy') : t('screens.preview.document', { documentType: settings.documentType })}
      </button>
      <ApiErrorText error={error} />
      {pdf ? (
        <PdfView
          blob={pdf.pdf}
          warnings={pdf.warnings}
          fileName={`${settings.documentType}-preview.pdf`}
          title={t('screens.preview.title', { templateId: settings.templateId })}
        />
      ) : null}
    </div>
  );
}
