// Templates per document type: upload a DOCX (checked here, then by the runtime), see its
// placeholders, marks and warnings, download it, preview it filled with a sample deal as PDF, and
// delete it (the runtime refuses while a published flow uses it, and says which).
import '../../styles/screens.css';
import { useCallback, useState } from 'react';
import type { TemplateInfo } from '../../../../schemas/index.ts';
import { useSession } from '../../api/session.ts';
import { templatesApi } from '../../api/templates.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { may } from '../shared/permissions.ts';
import { useAsync } from '../shared/use-async.ts';
import type { Problem } from '../test-deal/sample-event.ts';
import { PreviewDealPanel } from './PreviewDealPanel.tsx';
import { type PreviewChoice, previewDeal } from './preview-deal.ts';
import { TemplateCard } from './TemplateCard.tsx';
import { UploadForm } from './UploadForm.tsx';
import { byDocumentType } from './upload-check.ts';

export function TemplatesScreen() {
  const t = useT();
  const { role } = useSession();
  const templates = useAsync(() => templatesApi.list(), []);
  const [deleting, setDeleting] = useState<TemplateInfo | undefined>();
  const [deleteError, setDeleteError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const canManage = may.manageTemplates(role);
  const [previewChoice, setPreviewChoice] = useState<PreviewChoice>({ kind: 'demo' });
  const [previewProblems, setPreviewProblems] = useState<Problem[]>([]);
  const onPreviewChoice = useCallback((choice: PreviewChoice) => setPreviewChoice(choice), []);
  // Problems of the sample form land under its inputs; the card says the preview waits for them.
  const resolvePreviewDeal = () => {
    const deal = previewDeal(previewChoice);
    setPreviewProblems(!deal.ok && deal.reason === 'problems' ? deal.problems : []);
    return deal;
  };

  const confirmDelete = () => {
    if (!deleting) return;
    setBusy(true);
    templatesApi
      .remove(deleting.id)
      .then(() => {
        setNotice(t('screens.templates.deleted', { id: deleting.id }));
        setDeleting(undefined);
        templates.reload();
      }, setDeleteError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="screen-page" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('screens.templates.title')}</h2>
      {canManage ? (
        <UploadForm
          documentTypes={[...new Set((templates.data ?? []).map((template) => template.documentType))]}
          onUploaded={(template) => {
            setNotice(t('screens.templates.uploaded', { id: template.id, count: template.placeholders.length }));
            templates.reload();
          }}
        />
      ) : (
        <p className="muted">{t('screens.templates.readOnly')}</p>
      )}
      {notice ? (
        <p role="status" className="message">
          ✓ {notice}
        </p>
      ) : null}
      {canManage && may.previewDocuments(role) ? (
        <PreviewDealPanel onChoice={onPreviewChoice} problems={previewProblems} />
      ) : null}
      <ApiErrorText error={templates.error} />
      {templates.loading && !templates.data ? <p>{t('common.loading')}</p> : null}
      {byDocumentType(templates.data ?? []).map(([documentType, list]) => (
        <section key={documentType} aria-labelledby={`type-${documentType}`}>
          <h3 id={`type-${documentType}`}>
            {t('screens.templates.documentType', { documentType, count: list.length })}
          </h3>
          <ul className="template-list">
            {list.map((template) => (
              <TemplateCard
                key={template.id}
                template={template}
                canManage={canManage}
                previewDeal={resolvePreviewDeal}
                onDelete={() => {
                  setDeleteError(undefined);
                  setDeleting(template);
                }}
              />
            ))}
          </ul>
        </section>
      ))}
      {templates.data?.length === 0 ? <p>{t('screens.templates.none')}</p> : null}
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('screens.templates.deleteTitle', { id: deleting?.id ?? '' })}
        confirmLabel={t('screens.templates.deleteConfirm')}
        busy={busy}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          {t('screens.templates.deleteText', {
            name: deleting?.name ?? '',
            documentType: deleting?.documentType ?? '',
          })}
        </p>
        <ApiErrorText error={deleteError} />
      </ConfirmDialog>
    </section>
  );
}
