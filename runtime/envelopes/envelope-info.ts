// An envelope row and its signer rows → the API's Envelope. Secrets (token, code and session
// hashes, signature images) never leave this module: the API shape has no place for them.
import type { Selectable } from 'kysely';
import type { Envelope, EnvelopeSigner } from '../../schemas/index.ts';
import type { EnvelopeSignersTable, EnvelopesTable } from '../storage/database-schema.ts';

export type EnvelopeRow = Omit<Selectable<EnvelopesTable>, 'final_pdf'>;
export type SignerRow = Selectable<EnvelopeSignersTable>;

/** envelopes' columns without the final PDF's bytes. */
export const envelopeColumns = [
  'id',
  'document_id',
  'deal_id',
  'pipeline_id',
  'run_id',
  'title',
  'sender_company',
  'language',
  'signing_order',
  'status',
  'link_expiry_days',
  'expires_at',
  'reminder_days',
  'original_sha256',
  'final_sha256',
  'sealed_at',
  'declined_reason',
  'created_at',
  'updated_at',
  'sent_at',
  'completed_at',
] as const satisfies readonly (keyof EnvelopeRow)[];

function toSigner(row: SignerRow): EnvelopeSigner {
  return {
    id: row.id,
    position: row.position,
    turn: row.turn,
    side: row.side,
    partyIndex: row.party_index,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    status: row.status,
    employeeId: row.employee_id,
    contactId: row.contact_id,
    codeChannel: row.code_channel,
    sentAt: row.sent_at,
    viewedAt: row.viewed_at,
    consentAt: row.consent_at,
    codeConfirmedAt: row.code_confirmed_at,
    signedAt: row.signed_at,
    declinedAt: row.declined_at,
    declineReason: row.decline_reason,
    signatureMethod: row.signature_method,
    fields: JSON.parse(row.fields) as Record<string, string>,
  };
}

export function toEnvelope(row: EnvelopeRow, signers: readonly SignerRow[]): Envelope {
  const base = `/api/v1/envelopes/${row.id}`;
  return {
    id: row.id,
    documentId: row.document_id,
    dealId: row.deal_id,
    pipelineId: row.pipeline_id,
    runId: row.run_id,
    title: row.title,
    senderCompany: row.sender_company,
    language: row.language,
    signingOrder: row.signing_order,
    status: row.status,
    linkExpiryDays: row.link_expiry_days,
    expiresAt: row.expires_at,
    reminderDays: row.reminder_days,
    originalSha256: row.original_sha256,
    finalSha256: row.final_sha256,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    completedAt: row.completed_at,
    declinedReason: row.declined_reason,
    signers: [...signers].sort((a, b) => a.position - b.position).map(toSigner),
    links: {
      self: base,
      document: `/api/v1/documents/${row.document_id}`,
      finalPdf: row.status === 'completed' ? `${base}/final.pdf` : null,
      verify: `/verify/${row.id}`,
    },
  };
}

/** Envelopes that can still change hands: signing goes on in these. */
export const openStatuses = ['draft', 'sent', 'partially_signed'] as const;
export const isOpen = (status: EnvelopeRow['status']): boolean => (openStatuses as readonly string[]).includes(status);
