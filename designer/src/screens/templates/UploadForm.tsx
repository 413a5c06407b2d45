// Upload a DOCX template for a document type (multipart). Problems are named before sending; the
// runtime's refusal (not a DOCX, broken zip, unbalanced tags …) is shown with its details.
import { useRef, useState } from 'react';
import type { TemplateInfo } from '../../../../schemas/index.ts';
import { templatesApi } from '../../api/templates.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { type UploadProblem, uploadProblems } from './upload-check.ts';

export function UploadForm({
  documentTypes,
  onUploaded,
}: {
  documentTypes: string[];
  onUploaded: (template: TemplateInfo) => void;
}) {
  const t = useT();
  const [documentType, setDocumentType] = useState('');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = () => {
    const found = uploadProblems({ documentType, file });
    setProblems(found);
    if (found.length > 0 || !file) return;
    setBusy(true);
    setError(undefined);
    templatesApi
      .upload({ documentType: documentType.trim(), name: name.trim(), id: id.trim(), file })
      .then((template) => {
        setName('');
        setId('');
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        onUploaded(template);
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="upload-form"
      aria-labelledby="upload-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="upload-title">{t('screens.templates.uploadTitle')}</h3>
      <div className="form-row">
        <label htmlFor="upload-type">{t('screens.templates.documentTypeLabel')} *</label>
        <input
          id="upload-type"
          list="upload-types"
          value={documentType}
          onChange={(event) => setDocumentType(event.target.value)}
        />
        <datalist id="upload-types">
          {documentTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div className="form-row">
        <label htmlFor="upload-name">{t('screens.templates.name')}</label>
        <input id="upload-name" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor="upload-id">{t('screens.templates.id')}</label>
        <input id="upload-id" value={id} maxLength={64} onChange={(event) => setId(event.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor="upload-file">{t('screens.templates.fileLabel')} *</label>
        <input
          id="upload-file"
          ref={fileInput}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      {problems.map((problem) => (
        <p key={problem} className="message message-error" role="alert">
          ⛔ {t(`screens.templates.problem.${problem}`)}
        </p>
      ))}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('screens.templates.uploading') : t('screens.templates.upload')}
      </button>
      <ApiErrorText error={error} />
    </form>
  );
}
