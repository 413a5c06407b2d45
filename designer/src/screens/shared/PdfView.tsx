// A PDF the runtime made (fetched with the token, so it cannot be a plain link): shown inline in
// an <object> with a download link beside it; the object URL is released when it goes away.
import { useEffect, useMemo } from 'react';
import type { PreviewWarning } from '../../api/pdf-request.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { useT } from '../../i18n/i18n.ts';

export function PdfView({
  blob,
  fileName,
  title,
  warnings = [],
}: {
  blob: Blob;
  fileName: string;
  title: string;
  /** What the runtime noticed while rendering (a placeholder the deal lacks, …). */
  warnings?: PreviewWarning[];
}) {
  const t = useT();
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <figure className="pdf-view">
      <figcaption>
        {title} ·{' '}
        <a href={url} download={fileName}>
          {t('screens.pdf.download', { fileName })}
        </a>
      </figcaption>
      {warnings.map((warning) => (
        <ErrorText key={`${warning.code}-${warning.tag ?? warning.message}`} severity="warning">
          {warning.code}: {warning.message}
        </ErrorText>
      ))}
      <object data={url} type="application/pdf" aria-label={title}>
        <p>{t('screens.pdf.noViewer')}</p>
      </object>
    </figure>
  );
}
