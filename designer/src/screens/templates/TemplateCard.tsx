// One template: its file, placeholders, signature marks and warnings (when the runtime reports
// them), and download / preview / delete.
import { useState } from 'react';
import type { TemplateInfo } from '../../../../schemas/index.ts';
import type { PdfAnswer } from '../../api/pdf-request.ts';
import { templatesApi } from '../../api/templates.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { PdfView } from '../shared/PdfView.tsx';
import type { PreviewDeal } from './preview-deal.ts';

/** Signature marks arrive once signing lands (not in TemplateInfo yet): shown when present. */
type TemplateExtras = { marks?: unknown[] };

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TemplateCard({
  template,
  canManage,
  onDelete,
  previewDeal,
}: {
  template: TemplateInfo;
  canManage: boolean;
  onDelete: () => void;
  /** The deal chosen for previews (undefined deal: the runtime's demo deal). */
  previewDeal: () => PreviewDeal;
}) {
  const t = useT();
  const [pdf, setPdf] = useState<PdfAnswer | undefined>();
  const [error, setError] = useState<unknown>();
  const [dealProblem, setDealProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState<'download' | 'preview' | undefined>();
  const extras = template as TemplateInfo & TemplateExtras;
  const act = (kind: 'download' | 'preview') => {
    setError(undefined);
    setDealProblem(undefined);
    const deal = kind === 'preview' ? previewDeal() : undefined;
    if (deal && !deal.ok) {
      setDealProblem(
        deal.reason === 'noEvent'
          ? t('screens.templates.previewDealNoEvent')
          : t('screens.templates.previewDealProblems', { count: deal.problems.length }),
      );
      return;
    }
    setBusy(kind);
    const done =
      kind === 'download'
        ? templatesApi.download(template.id).then((blob) => saveBlob(blob, template.fileName))
        : templatesApi.preview(template.id, deal?.deal).then(setPdf);
    done.catch(setError).finally(() => setBusy(undefined));
  };
  return (
    <li className="template-card">
      <h4>
        {template.name} <code>{template.id}</code>
      </h4>
      <p className="muted">
        {t('screens.templates.file', {
          fileName: template.fileName,
          size: Math.ceil(template.size / 1024),
          at: formatTime(template.createdAt),
        })}
      </p>
      <details>
        <summary>{t('screens.templates.placeholders', { count: template.placeholders.length })}</summary>
        <ul className="placeholder-list">
          {template.placeholders.map((placeholder) => (
            <li key={placeholder}>
              <code>{`{${placeholder}}`}</code>
            </li>
          ))}
        </ul>
      </details>
      {extras.marks ? (
        <details>
          <summary>{t('screens.templates.marks', { count: extras.marks.length })}</summary>
          <ul>
            {extras.marks.map((mark) => (
              <li key={JSON.stringify(mark)}>
                <code>{JSON.stringify(mark)}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">{t('screens.templates.noMarks')}</p>
      )}
      {template.warnings.map((warning) => (
        <ErrorText key={`${warning.code}-${warning.placeholder}`} severity="warning">
          <code>{`{${warning.placeholder}}`}</code>: {warning.message}
          {warning.suggestion ? ` ${t('screens.templates.suggestion', { suggestion: warning.suggestion })}` : ''}
        </ErrorText>
      ))}
      <div className="inline">
        {canManage ? (
          <>
            <button type="button" onClick={() => act('download')} disabled={busy !== undefined}>
              {t('screens.templates.download', { id: template.id })}
            </button>
            <button type="button" onClick={() => act('preview')} disabled={busy !== undefined}>
              {busy === 'preview' ? t('screens.preview.busy') : t('screens.templates.preview', { id: template.id })}
            </button>
            <button type="button" onClick={onDelete}>
              {t('screens.templates.delete', { id: template.id })}
            </button>
          </>
        ) : null}
      </div>
      {dealProblem ? <ErrorText>{dealProblem}</ErrorText> : null}
      <ApiErrorText error={error} />
      {pdf ? (
        <PdfView
          blob={pdf.pdf}
          warnings={pdf.warnings}
          fileName={`${template.id}-preview.pdf`}
          title={t('screens.templates.previewTitle', { id: template.id })}
        />
      ) : null}
    </li>
  );
}
