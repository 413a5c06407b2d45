// A signable envelope for the signer page's tests without the lead's envelope creation: a real
// document (LibreOffice PDF of a small DOCX, made once per test file), an envelope in 'sent' and
// its signers with freshly issued link tokens (returned, as only the signer's message would
// carry them), and marks asking the first client (partyIndex 1, as plan-envelope numbers them) for a field.
import { randomUUID } from 'node:crypto';
import { issueSignerToken } from '../../runtime/envelopes/signer-token.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Deal, SignatureMark } from '../../schemas/index.ts';
import { minimalDocx } from './minimal-docx.ts';
import { createRealPdf } from './real-pdf.ts';

let pdfPromise: Promise<Uint8Array> | undefined;

/** One real PDF per test process (LibreOffice is slow to start). */
export function fixturePdf(): Promise<Uint8Array> {
  pdfPromise ??= (async () => {
    const converter = createRealPdf();
    try {
      return await converter.convert(
        minimalDocx(['Service agreement', 'The client agrees to the terms.', 'Signed electronically.']),
      );
    } finally {
      await converter.close();
    }
  })();
  return pdfPromise;
}

export interface FixtureSigner {
  id: string;
  token: string;
  name: string;
  email: string | null;
}

export interface SigningFixture {
  envelopeId: string;
  documentId: string;
  signers: FixtureSigner[];
}

export interface SigningFixtureOptions {
  /** Signers in order; each has its own turn unless parallel. Default: one client. */
  signers?: {
    side: 'company' | 'counterparty';
    name: string;
    email?: string | null;
    status?: 'sent' | 'waiting';
    contactId?: string;
    language?: 'en' | 'pt-BR';
  }[];
  marks?: SignatureMark[];
  documentType?: string;
  envelopeStatus?: 'sent' | 'cancelled' | 'declined' | 'completed' | 'expired';
  expiresAt?: string | null;
  senderCompany?: string;
  /** The pipeline and deal the envelope belongs to (default: none, and deal D-sign). */
  pipelineId?: string;
  deal?: Deal;
}

export const defaultMarks: SignatureMark[] = [
  { kind: 'sign', party: 'client', partyIndex: 1, tag: '{{sign:client}}' },
  { kind: 'field', party: 'client', partyIndex: 1, field: 'passportNumber', tag: '{{field:client:passportNumber}}' },
];

export async function createSigningFixture(
  services: RuntimeServices,
  options: SigningFixtureOptions = {},
): Promise<SigningFixture> {
  const pdf = await fixturePdf();
  const { db } = services.database;
  const at = services.now().toISOString();
  const documentId = `doc-${randomUUID()}`;
  const envelopeId = `env-${randomUUID()}`;
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      run_id: null,
      deal_id: options.deal?.id ?? 'D-sign',
      document_type: options.documentType ?? 'contract',
      template_id: 'contract',
      rule_name: null,
      action_key: `fixture:${documentId}`,
      status: 'ready',
      docx: new Uint8Array([1]),
      pdf,
      signing: '{}',
      deal: JSON.stringify(options.deal ?? {}),
      warnings: '[]',
      marks: JSON.stringify(options.marks ?? defaultMarks),
      created_at: at,
    })
    .execute();
  await db
    .insertInto('envelopes')
    .values({
      id: envelopeId,
      document_id: documentId,
      deal_id: options.deal?.id ?? 'D-sign',
      pipeline_id: options.pipelineId ?? null,
      run_id: null,
      title: 'Service agreement',
      sender_company: options.senderCompany ?? 'Acme Ltd',
      language: 'en',
      signing_order: 'companyFirst',
      status: options.envelopeStatus ?? 'sent',
      link_expiry_days: 14,
      expires_at:
        options.expiresAt === undefined ? new Date(Date.now() + 14 * 86_400_000).toISOString() : options.expiresAt,
      reminder_days: null,
      original_sha256: 'x'.repeat(64),
      final_pdf: null,
      final_sha256: null,
      sealed_at: null,
      declined_reason: null,
      created_at: at,
      updated_at: at,
      sent_at: at,
      completed_at: null,
    })
    .execute();
  const wanted = options.signers ?? [
    { side: 'counterparty' as const, name: 'Dana Client', email: 'dana@client.example' },
  ];
  const signers: FixtureSigner[] = [];
  let clients = 0;
  for (const [position, signer] of wanted.entries()) {
    const token = issueSignerToken();
    const id = `sig-${randomUUID()}`;
    const partyIndex = signer.side === 'company' ? 1 : ++clients;
    await db
      .insertInto('envelope_signers')
      .values({
        id,
        envelope_id: envelopeId,
        position,
        turn: position,
        side: signer.side,
        party_index: partyIndex,
        name: signer.name,
        email: signer.email === undefined ? `signer${position}@example.com` : signer.email,
        phone: signer.email === null ? '+55 11 99999 1234' : null,
        language: signer.language ?? 'en',
        employee_id: null,
        contact_id: signer.contactId ?? null,
        user_id: null,
        status: signer.status ?? 'sent',
        token_hash: token.hash,
        token_issued_at: at,
        sent_at: at,
        viewed_at: null,
        consent_at: null,
        consent_version: null,
        code_hash: null,
        code_expires_at: null,
        code_channel: null,
        code_destination: null,
        code_confirmed_at: null,
        session_hash: null,
        signature_png: null,
        signature_method: null,
        stamp_png: null,
        signed_at: null,
        declined_at: null,
        decline_reason: null,
        ip: null,
        user_agent: null,
        updated_at: at,
      })
      .execute();
    signers.push({ id, token: token.token, name: signer.name, email: signer.email ?? null });
  }
  return { envelopeId, documentId, signers };
}

/** The latest one-time code sent to a signer, read from the outbox (the message the signer got). */
export async function codeFromOutbox(services: RuntimeServices, signerId: string): Promise<string> {
  const row = await services.database.db
    .selectFrom('outbox')
    .select(['text', 'dedupe_key'])
    .where('signer_id', '=', signerId)
    .where('purpose', '=', 'code')
    .orderBy('created_at', 'desc')
    .orderBy('dedupe_key', 'desc')
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.text)?.[1];
  if (!code) throw new Error('no code in the outbox message');
  return code;
}

/** The latest one-time code the outbox holds for a signer (as the signer reads it in the message). */
export async function latestCode(services: RuntimeServices, signerId: string): Promise<string> {
  const row = await services.database.db
    .selectFrom('outbox')
    .select(['text', 'created_at', 'dedupe_key'])
    .where('signer_id', '=', signerId)
    .where('purpose', '=', 'code')
    .execute();
  const latest = row.sort((a, b) => Number(b.dedupe_key.split(':')[2]) - Number(a.dedupe_key.split(':')[2]))[0];
  const code = latest ? /\b(\d{6})\b/.exec(latest.text)?.[1] : undefined;
  if (!code) throw new Error(`no code in the outbox for ${signerId}`);
  return code;
}

export interface SignerAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  text: string;
}

/** A signer's browser over real HTTP: its own cookie jar, and forms posted from the page's origin. */
export function signerBrowser(baseUrl: string, token: string, origin = baseUrl) {
  let cookie = '';
  async function send(path: string, init: RequestInit = {}): Promise<SignerAnswer> {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    if (init.method === 'POST' && !headers.has('origin') && origin) headers.set('origin', origin);
    const response = await fetch(`${baseUrl}/sign/${token}${path}`, { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    const text = response.headers.get('content-type')?.startsWith('image/') ? '' : await response.text();
    return { status: response.status, location: response.headers.get('location'), headers: response.headers, text };
  }
  return {
    open: () => send(''),
    get: (path: string) => send(path),
    postForm: (step: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      send(`/${step}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    postMultipart: (step: string, form: FormData, headers: Record<string, string> = {}) =>
      send(`/${step}`, { method: 'POST', headers, body: form }),
    hasSession: () => cookie !== '',
  };
}

export type SignerBrowser = ReturnType<typeof signerBrowser>;
