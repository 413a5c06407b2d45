// A rendered preview with the warnings the runtime sends beside it (X-Inkflow-Warnings: a JSON list
// of {code, message, tag?}), which request() cannot hand back since it returns the body only.
import { ApiRequestError, apiBase, storedToken } from './client.ts';

export interface PreviewWarning {
  code: string;
  message: string;
  tag?: string;
}

export interface PdfAnswer {
  pdf: Blob;
  warnings: PreviewWarning[];
}

export function readWarnings(header: string | null): PreviewWarning[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed)
      ? parsed.filter(
          (item): item is PreviewWarning => typeof item?.code === 'string' && typeof item?.message === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export async function requestPdf(path: string, body: unknown): Promise<PdfAnswer> {
  const headers: Record<string, string> = { accept: 'application/pdf, application/json' };
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    const init: RequestInit = { method: 'POST', headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    response = await fetch(`${apiBase}${path}`, init);
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const text = await response.text();
    let failure: { code?: string; message?: string; details?: ApiRequestError['details'] } = {};
    try {
      failure = (JSON.parse(text) as { error?: typeof failure }).error ?? {};
    } catch {
      // not JSON: the status line says it
    }
    throw new ApiRequestError(
      response.status,
      failure.code ?? `HTTP_${response.status}`,
      failure.message ?? (text.slice(0, 300) || response.statusText),
      failure.details ?? [],
    );
  }
  return { pdf: await response.blob(), warnings: readWarnings(response.headers.get('x-inkflow-warnings')) };
}
