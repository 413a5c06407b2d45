// The signer signs: requested fields, the signature (typed, drawn or uploaded, already a checked
// PNG) and, for the company, a stamp, all in one transaction with the trail ('field_filled' per
// field by name only, then 'signed') and advanceEnvelope (next turn, sealing). Only the browser
// that confirmed the code may sign; a second submit finds the signer signed and changes nothing.
import { advanceEnvelope } from '../envelopes/advance-envelope.ts';
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { emitSignerEvent } from '../webhooks/emit-domain-events.ts';
import { type Signing, signerActor } from './load-signing.ts';
import { sameHash, sessionHash } from './one-time-code.ts';
import { requestedFields, stampRequired } from './requested-fields.ts';
import { SigningRefusal } from './signing-refusal.ts';
import { signingStep } from './signing-step.ts';

export const maxFieldLength = 500;

export interface Submission {
  fields: Readonly<Record<string, string>>;
  method: 'typed' | 'drawn' | 'uploaded';
  signaturePng: Uint8Array;
  stampPng: Uint8Array | null;
}

export interface SignerClient {
  sessionSecret: string | undefined;
  ip: string;
  userAgent: string;
}

/** Refuses a browser that did not confirm the code for this link (or a link not yet confirmed). */
export function assertSession(signer: Signing['signer'], client: Pick<SignerClient, 'sessionSecret'>): void {
  const valid =
    signer.status === 'code_confirmed' &&
    signer.session_hash !== null &&
    client.sessionSecret !== undefined &&
    sameHash(sessionHash(client.sessionSecret), signer.session_hash);
  if (!valid) throw new SigningRefusal('session_required', { language: signer.language });
}

/** The requested fields' values: all present, trimmed, bounded; other names are ignored. */
export function checkFields(signing: Signing, given: Readonly<Record<string, string>>): Record<string, string> {
  const fields: Record<string, string> = {};
  const missing: string[] = [];
  for (const field of requestedFields(signing.document.marks, signing.signer)) {
    const value = (given[field.name] ?? '').trim();
    if (value.length > maxFieldLength) {
      throw new SigningRefusal('bad_request', {}, `${field.label} is longer than ${maxFieldLength} characters`);
    }
    if (!value) missing.push(field.label);
    fields[field.name] = value;
  }
  if (missing.length > 0) throw new SigningRefusal('bad_request', { detail: missing.join(', ') }, 'missing fields');
  return fields;
}

export async function submitSignature(
  services: RuntimeServices,
  signing: Signing,
  submission: Submission,
  client: SignerClient,
  now: Date,
): Promise<void> {
  const fields = checkFields(signing, submission.fields);
  const isCompany = signing.signer.side === 'company';
  if (isCompany && !submission.stampPng && stampRequired(signing.document.marks, signing.signer)) {
    throw new SigningRefusal('bad_request', { detail: 'stamp' }, 'this document needs the company stamp');
  }
  await signingStep(services, signing, now, async ({ trx, envelope, signer }) => {
    assertSession(signer, client);
    const at = now.toISOString();
    await trx
      .updateTable('envelope_signers')
      .set({
        fields: JSON.stringify(fields),
        signature_png: submission.signaturePng,
        signature_method: submission.method,
        stamp_png: isCompany ? submission.stampPng : null,
        ip: client.ip.slice(0, 100),
        user_agent: client.userAgent.slice(0, 500),
        signed_at: at,
        status: 'signed',
        session_hash: null,
        updated_at: at,
      })
      .where('id', '=', signer.id)
      .where('status', '=', 'code_confirmed')
      .execute();
    const actor = signerActor(signer);
    for (const name of Object.keys(fields)) {
      await appendTrailEntry(
        trx,
        envelope.id,
        { kind: 'field_filled', actor, signerId: signer.id, details: { field: name } },
        now,
      );
    }
    await appendTrailEntry(
      trx,
      envelope.id,
      {
        kind: 'signed',
        actor,
        signerId: signer.id,
        details: { method: submission.method, stamp: isCompany && submission.stampPng !== null },
      },
      now,
    );
    await emitSignerEvent(trx, services, 'signer.signed', signer.id, now);
    await advanceEnvelope(trx, services, envelope.id, now);
  });
}
