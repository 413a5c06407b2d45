// A link's token → its signer, envelope and document marks, or the refusal that says what became
// of the link. A token that cannot be one is refused before any database read, and only the
// token's hash is ever looked up, so timing and logs learn nothing about other links.
import type { Kysely, Selectable } from 'kysely';
import { type EnvelopeRow, envelopeColumns, type SignerRow } from '../envelopes/envelope-info.ts';
import { hashSignerToken, signerTokenPattern } from '../envelopes/signer-token.ts';
import type { DatabaseSchema, DocumentsTable } from '../storage/database-schema.ts';
import { SigningRefusal } from './signing-refusal.ts';

export type SigningDocument = Pick<Selectable<DocumentsTable>, 'id' | 'document_type' | 'marks'>;

export interface Signing {
  envelope: EnvelopeRow;
  signer: SignerRow;
  document: SigningDocument;
}

export async function loadSigning(db: Kysely<DatabaseSchema>, token: string): Promise<Signing> {
  if (!signerTokenPattern.test(token)) throw new SigningRefusal('unknown_link');
  const tokenHash = hashSignerToken(token);
  const signer = await db
    .selectFrom('envelope_signers')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!signer) {
    const replaced = await db
      .selectFrom('replaced_signer_tokens')
      .innerJoin('envelope_signers', 'envelope_signers.id', 'replaced_signer_tokens.signer_id')
      .innerJoin('envelopes', 'envelopes.id', 'envelope_signers.envelope_id')
      .select(['envelopes.sender_company', 'envelope_signers.language'])
      .where('replaced_signer_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (replaced) {
      throw new SigningRefusal('replaced_link', { company: replaced.sender_company, language: replaced.language });
    }
    throw new SigningRefusal('unknown_link');
  }
  const envelope = await db
    .selectFrom('envelopes')
    .select(envelopeColumns)
    .where('id', '=', signer.envelope_id)
    .executeTakeFirstOrThrow();
  const document = await db
    .selectFrom('documents')
    .select(['id', 'document_type', 'marks'])
    .where('id', '=', envelope.document_id)
    .executeTakeFirstOrThrow();
  return { envelope, signer, document };
}

/** Refuses any step of a signer who cannot act now; read inside the step's own transaction. */
export function assertCanAct({ envelope, signer }: Pick<Signing, 'envelope' | 'signer'>, now: Date): void {
  const context = { company: envelope.sender_company, language: signer.language };
  if (signer.status === 'signed')
    throw new SigningRefusal('already_signed', { ...context, at: signer.signed_at ?? '' });
  if (signer.status === 'declined') {
    throw new SigningRefusal('already_declined', { ...context, at: signer.declined_at ?? '' });
  }
  if (envelope.status === 'cancelled') throw new SigningRefusal('cancelled', context);
  if (envelope.status === 'declined') throw new SigningRefusal('declined', context);
  if (envelope.status === 'completed' || envelope.status === 'sealing') throw new SigningRefusal('completed', context);
  const expired = envelope.expires_at !== null && Date.parse(envelope.expires_at) <= now.getTime();
  if (envelope.status === 'expired' || expired) throw new SigningRefusal('expired', context);
  if (signer.status === 'waiting' || envelope.status === 'draft') throw new SigningRefusal('not_your_turn', context);
  if (signer.code_locked === 1) throw new SigningRefusal('code_locked', context);
}

/** Re-reads the signer's row inside a transaction, so a state change checks the state it changes. */
export async function reloadSigner(db: Kysely<DatabaseSchema>, signerId: string): Promise<SignerRow> {
  return db.selectFrom('envelope_signers').selectAll().where('id', '=', signerId).executeTakeFirstOrThrow();
}

export const signerActor = (signer: Pick<SignerRow, 'id'>): string => `signer:${signer.id}`;
