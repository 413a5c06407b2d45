// What envelope a made document gets: its signers in turn, each side's party index (the n of
// {%sign client n}), the language of each signer, and whether it can go out at once. Pure, so
// it is decided before the document's transaction opens.
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DealEvent, PlannedSigner, RunMessage, SendDocumentSettings } from '../../schemas/index.ts';
import type { EnvelopeSignersTable, EnvelopesTable } from '../storage/database-schema.ts';
import { envelopeLanguage } from './signer-language.ts';

export interface EnvelopeSource {
  envelopeId: string;
  documentId: string;
  runId: string | null;
  event: DealEvent;
  settings: SendDocumentSettings;
  signers: readonly PlannedSigner[];
  senderCompany: string;
  pdf: Uint8Array;
  /** false: a draft the CRM sends later (POST /envelopes/:id/send). */
  send: boolean;
  at: string;
}

export interface EnvelopePlan {
  envelope: Insertable<EnvelopesTable>;
  signers: Insertable<EnvelopeSignersTable>[];
  /** Why it cannot be sent now (a signer with no email or phone, nobody to sign): stays a draft. */
  blockers: RunMessage[];
  sendNow: boolean;
}

function humanType(documentType: string): string {
  const words = documentType.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function envelopeTitle(documentType: string, event: DealEvent): string {
  const deal = event.deal.title?.trim();
  return deal ? `${humanType(documentType)} — ${deal}` : `${humanType(documentType)} — deal ${event.deal.id}`;
}

export function planEnvelope(source: EnvelopeSource): EnvelopePlan {
  const { settings, event, at } = source;
  const language = settings.language ?? 'en';
  const contacts = new Map((event.deal.contacts ?? []).map((contact) => [contact.id, contact]));
  const blockers: RunMessage[] = [];
  let clients = 0;
  const signers = source.signers.map((planned, index): Insertable<EnvelopeSignersTable> => {
    const side = planned.side;
    const partyIndex = side === 'company' ? 1 : ++clients;
    const contact = planned.contactId ? contacts.get(planned.contactId) : undefined;
    const name = planned.name?.trim() || (side === 'company' ? 'Company signer' : `Client ${partyIndex}`);
    if (!planned.email && !planned.phone) {
      blockers.push({
        code: 'SIGNER_UNREACHABLE',
        message: `${name} (${side === 'company' ? 'company' : `client ${partyIndex}`}) has no email or phone: set one with PATCH /api/v1/envelopes/${source.envelopeId}/signers/<signer id>, then POST /api/v1/envelopes/${source.envelopeId}/send`,
      });
    }
    return {
      id: `sgn_${source.envelopeId.slice(4)}_${index + 1}`,
      envelope_id: source.envelopeId,
      position: index + 1,
      turn: planned.order,
      side,
      party_index: partyIndex,
      name,
      email: planned.email ?? null,
      phone: planned.phone ?? null,
      language: envelopeLanguage(contact?.language, language),
      employee_id: planned.employeeId ?? null,
      contact_id: planned.contactId ?? null,
      user_id: planned.userId ?? null,
      status: 'waiting',
      token_hash: null,
      token_issued_at: null,
      sent_at: null,
      viewed_at: null,
      consent_at: null,
      consent_version: null,
      code_hash: null,
      code_expires_at: null,
      code_attempts: 0,
      code_sends: 0,
      code_locked: 0,
      code_channel: null,
      code_destination: null,
      code_confirmed_at: null,
      session_hash: null,
      fields: '{}',
      signature_png: null,
      signature_method: null,
      stamp_png: null,
      signed_at: null,
      declined_at: null,
      decline_reason: null,
      ip: null,
      user_agent: null,
      updated_at: at,
    };
  });
  if (signers.length === 0) {
    blockers.push({
      code: 'NO_SIGNERS',
      message: `Nobody can sign this document: the deal has no responsible user and no matching contact. It stays a draft (envelope ${source.envelopeId}).`,
    });
  }
  const envelope: Insertable<EnvelopesTable> = {
    id: source.envelopeId,
    document_id: source.documentId,
    deal_id: event.deal.id,
    pipeline_id: event.pipelineId || null,
    run_id: source.runId,
    title: envelopeTitle(settings.documentType, event),
    sender_company: source.senderCompany,
    language,
    signing_order: settings.signingOrder,
    status: 'draft',
    link_expiry_days: settings.linkExpiryDays,
    expires_at: null,
    reminder_days: settings.reminderDays ?? null,
    original_sha256: createHash('sha256').update(source.pdf).digest('hex'),
    final_pdf: null,
    final_sha256: null,
    sealed_at: null,
    declined_reason: null,
    created_at: at,
    updated_at: at,
    sent_at: null,
    completed_at: null,
  };
  return { envelope, signers, blockers, sendNow: source.send && blockers.length === 0 };
}
