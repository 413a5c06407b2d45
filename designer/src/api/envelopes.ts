// Envelopes of documents (admin and client): status and signers, never a signer's link.
import type { EnvelopeList } from '../../../schemas/types.generated.ts';
import { request } from './client.ts';

export const envelopesApi = {
  ofDocument: (documentId: string) =>
    request<EnvelopeList>('GET', `/envelopes?documentId=${encodeURIComponent(documentId)}&limit=1`),
};
