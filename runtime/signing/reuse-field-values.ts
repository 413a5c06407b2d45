// Defaults for the requested fields (issue 7 item 5): what the same person (same contact, or
// same email) gave in their latest earlier signed envelope of the same document type. The signer
// sees them filled in and may change them; nothing is reused across document types.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { Signing } from './load-signing.ts';

export async function reuseFieldValues(
  db: Kysely<DatabaseSchema>,
  { signer, document }: Signing,
  names: readonly string[],
): Promise<Record<string, string>> {
  if (names.length === 0 || (!signer.contact_id && !signer.email)) return {};
  const earlier = await db
    .selectFrom('envelope_signers')
    .innerJoin('envelopes', 'envelopes.id', 'envelope_signers.envelope_id')
    .innerJoin('documents', 'documents.id', 'envelopes.document_id')
    .select(['envelope_signers.fields'])
    .where('envelope_signers.status', '=', 'signed')
    .where('envelope_signers.id', '!=', signer.id)
    .where('documents.document_type', '=', document.document_type)
    .where((eb) =>
      signer.contact_id
        ? eb('envelope_signers.contact_id', '=', signer.contact_id)
        : eb('envelope_signers.email', '=', signer.email ?? ''),
    )
    .orderBy('envelope_signers.signed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!earlier) return {};
  let values: unknown;
  try {
    values = JSON.parse(earlier.fields);
  } catch {
    return {};
  }
  const defaults: Record<string, string> = {};
  for (const name of names) {
    const value = (values as Record<string, unknown> | null)?.[name];
    if (typeof value === 'string') defaults[name] = value;
  }
  return defaults;
}
