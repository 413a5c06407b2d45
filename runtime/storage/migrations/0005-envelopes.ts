// Electronic signing: envelopes and their signers, the hash-chained audit trail, the outbox of
// messages to signers, and the signature marks of templates and documents. Secrets are stored
// only as SHA-256 hashes (signer tokens, one-time codes); timestamps are ISO text as elsewhere.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../open-database.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const binary = sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');
  await db.schema
    .alterTable('templates')
    .addColumn('marks', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('documents')
    .addColumn('marks', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('envelopes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sender_company', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('signing_order', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('link_expiry_days', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('reminder_days', 'integer')
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('final_pdf', binary)
    .addColumn('final_sha256', 'text')
    .addColumn('sealed_at', 'text')
    .addColumn('declined_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('envelopes_by_deal').on('envelopes').columns(['deal_id', 'created_at']).execute();
  await db.schema.createIndex('envelopes_by_status').on('envelopes').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('envelopes_by_final_sha').on('envelopes').column('final_sha256').execute();
  await db.schema
    .createTable('envelope_signers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('envelope_id', 'text', (c) => c.notNull().references('envelopes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('turn', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('party_index', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_issued_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('viewed_at', 'text')
    .addColumn('consent_at', 'text')
    .addColumn('consent_version', 'text')
    .addColumn('code_hash', 'text')
    .addColumn('code_expires_at', 'text')
    .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code_sends', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code_channel', 'text')
    .addColumn('code_destination', 'text')
    .addColumn('code_confirmed_at', 'text')
    .addColumn('session_hash', 'text')
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('signature_png', binary)
    .addColumn('signature_method', 'text')
    .addColumn('stamp_png', binary)
    .addColumn('signed_at', 'text')
    .addColumn('declined_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('envelope_signers_position', ['envelope_id', 'position'])
    .execute();
  // A link that was replaced (resent, contact changed) gets a clear page instead of "unknown link".
  await db.schema
    .createTable('replaced_signer_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('signer_id', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('envelope_trail')
    .addColumn('envelope_id', 'text', (c) => c.notNull().references('envelopes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('signer_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('envelope_trail_pk', ['envelope_id', 'seq'])
    .execute();
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('envelope_id', 'text')
    .addColumn('signer_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_by_created').on('outbox').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('outbox_by_envelope').on('outbox').columns(['envelope_id', 'created_at']).execute();
}
