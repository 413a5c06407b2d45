// The test panel's calls: stored events of a pipeline (admin, client) and the document preview
// (admin: rendered as PDF by the runtime, not stored, not sent).
import type { DocumentPreviewRequest, StoredEvent, StoredEventList } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';
import { requestPdf } from './pdf-request.ts';

const enc = encodeURIComponent;

export const testDealApi = {
  listStoredEvents: (pipelineId: string, limit = 50, before?: string) =>
    request<StoredEventList>(
      'GET',
      `/pipelines/${enc(pipelineId)}/events?limit=${limit}${before ? `&before=${enc(before)}` : ''}`,
    ),
  getStoredEvent: (eventId: string) => request<StoredEvent>('GET', `/events/${enc(eventId)}`),
  previewDocument: (body: DocumentPreviewRequest) => requestPdf('/documents/preview', body),
};
