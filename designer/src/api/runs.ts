// Runs and their documents (admin and client: runs carry the deal's personal data).
import type { Run } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';

export const runsApi = {
  list: (query: string) => request<Run[]>('GET', `/runs?${query}`),
  get: (id: string) => request<Run>('GET', `/runs/${encodeURIComponent(id)}`),
  pdf: (documentId: string) =>
    request<Blob>('GET', `/documents/${encodeURIComponent(documentId)}/pdf`, undefined, { as: 'blob' }),
};
