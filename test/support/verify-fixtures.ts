// An envelope as the seal-envelope job leaves it (completed, sealed, final_sha256 set), with a
// document row beneath it and two signers, for the verification tests; and the bare rows of an
// envelope in any status, for tests of what the runtime does with them.
import { createHash } from 'node:crypto';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { EnvelopesTable } from '../../runtime/storage/database-schema.ts';

export interface EnvelopeRowOptions {
  status: EnvelopesTable['status'];
  /** The sealed final PDF, for a completed envelope. */
  sealed?: Uint8Array;
}

/** A documents row and an envelope row above it, as the store holds them, without signers. */
export async function insertEnvelopeRow(
  services: RuntimeServices,
  envelopeId: string,
  options: EnvelopeRowOptions,
): Promise<void> {
  const { db } = services.database;
  const at = '2026-12-01T12:00:00.000Z';
  const documentId = `doc_${envelopeId}`;
  const { sealed } = options;
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      run_id: null,
      deal_id: 'D-verify',
      document_type: 'contract',
      template_id: 'contract-standard',
      rule_name: null,
      action_key: `manual:${envelopeId}`,
      status: 'ready',
      docx: new Uint8Array([1]),
      pdf: new Uint8Array([1]),
      signing: '{}',
      deal: '{}',
      warnings: '[]',
      created_at: at,
    })
    .execute();
  await db
    .insertInto('envelopes')
    .values({
      id: envelopeId,
      document_id: documentId,
      deal_id: 'D-verify',
      pipeline_id: null,
      run_id: null,
      title: 'Service contract',
      sender_company: 'Construtora São Paulo',
      language: 'en',
      signing_order: 'companyFirst',
      status: options.status,
      link_expiry_days: 14,
      expires_at: null,
      reminder_days: null,
      original_sha256: '0'.repeat(64),
      final_pdf: sealed ?? null,
      final_sha256: sealed ? createHash('sha256').update(sealed).digest('hex') : null,
      sealed_at: sealed ? at : null,
      declined_reason: null,
      created_at: at,
      updated_at: at,
      sent_at: at,
      completed_at: sealed ? at : null,
    })
    .execute();
}

export async function insertSealedEnvelope(
  services: RuntimeServices,
  envelopeId: string,
  sealed: Uint8Array,
): Promise<void> {
  await insertEnvelopeRow(services, envelopeId, { status: 'completed', sealed });
  const { db } = services.database;
  const at = '2026-12-01T12:00:00.000Z';
  const signer = (
    position: number,
    side: 'company' | 'counterparty',
    name: string,
    email: string,
    signedAt: string,
  ) => ({
    id: `${envelopeId}_s${position}`,
    envelope_id: envelopeId,
    position,
    turn: position,
    side,
    party_index: 1,
    name,
    email,
    phone: side === 'counterparty' ? '+55 11 99999-0000' : null,
    language: 'en' as const,
    status: 'signed' as const,
    code_destination: email,
    signed_at: signedAt,
    ip: side === 'counterparty' ? '203.0.113.7' : '198.51.100.2',
    user_agent: 'Mozilla/5.0 test',
    updated_at: at,
  });
  await db
    .insertInto('envelope_signers')
    .values([
      signer(1, 'company', 'Ana Diretora', 'ana@example.com', '2026-12-01T10:00:00.000Z'),
      signer(2, 'counterparty', 'Bruno Cliente', 'bruno@example.com', '2026-12-01T11:00:00.000Z'),
    ])
    .execute();
}
