// Commits a made document in one transaction with everything that depends on it: the documents
// row (once per action key: a retry after a crash between conversion and commit adds nothing),
// its warnings on the run, the caller's own step (completing the job) and the run's status.
import type { Kysely, Transaction } from 'kysely';
import type { RunMessage, SignatureMark, SigningSetup } from '../../schemas/index.ts';
import { createEnvelope } from '../envelopes/create-envelope.ts';
import { type EnvelopePlan, planEnvelope } from '../envelopes/plan-envelope.ts';
import { settleRun } from '../runs/settle-run.ts';
import { timeOrderedId } from '../runs/time-ordered-id.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { DocumentInfoRow } from './document-info.ts';
import type { DocumentOrder } from './document-order.ts';
import { findDocumentByAction } from './find-document-by-action.ts';

export interface DocumentFiles {
  docx: Uint8Array;
  pdf: Uint8Array;
  signing: SigningSetup;
  warnings: RunMessage[];
  /** Where each party signs and fills, with boxes in the PDF; empty for a template without marks. */
  marks: SignatureMark[];
  /** Our company's name as the document shows it: the signers' messages say who asks. */
  senderCompany: string;
}

export type WithinTransaction = (trx: Transaction<DatabaseSchema>) => Promise<void>;

async function insertDocument(
  db: Kysely<DatabaseSchema>,
  id: string,
  order: DocumentOrder,
  files: DocumentFiles,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('documents')
    .values({
      id,
      run_id: order.runId,
      deal_id: order.event.deal.id,
      document_type: order.settings.documentType,
      template_id: order.settings.templateId,
      rule_name: order.ruleName,
      action_key: order.actionKey,
      status: 'ready',
      docx: files.docx,
      pdf: files.pdf,
      signing: JSON.stringify(files.signing),
      deal: JSON.stringify(order.event.deal),
      warnings: JSON.stringify(files.warnings),
      marks: JSON.stringify(files.marks),
      created_at: at,
    })
    .onConflict((conflict) => conflict.column('action_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

function planEnvelopeOf(documentId: string, order: DocumentOrder, files: DocumentFiles, now: Date): EnvelopePlan {
  const at = now.toISOString();
  const plan = planEnvelope({
    envelopeId: `env_${timeOrderedId(now.getTime()).replaceAll('-', '')}`,
    documentId,
    runId: order.runId,
    event: order.event,
    settings: order.settings,
    signers: files.signing.signers,
    senderCompany: files.senderCompany,
    pdf: files.pdf,
    send: order.send !== false,
    at,
  });
  const ruleName = order.ruleName ? { ruleName: order.ruleName } : {};
  return { ...plan, blockers: plan.blockers.map((blocker) => ({ at, ...blocker, ...ruleName })) };
}

export async function storeDocument(
  services: RuntimeServices,
  id: string,
  order: DocumentOrder,
  files: DocumentFiles | undefined,
  within: WithinTransaction | undefined,
): Promise<{ row: DocumentInfoRow; created: boolean }> {
  const { database } = services;
  const now = services.now();
  const plan = files ? planEnvelopeOf(id, order, files, now) : undefined;
  const stored = plan && files ? { ...files, warnings: [...files.warnings, ...plan.blockers] } : files;
  return database.db.transaction().execute(async (trx) => {
    const created = stored ? await insertDocument(trx, id, order, stored, now.toISOString()) : false;
    if (created && plan) await createEnvelope(trx, services, plan, order.runId ? `rule:${order.ruleName}` : 'api', now);
    if (within) await within(trx);
    if (order.runId) {
      const warnings = created && stored ? stored.warnings : [];
      await settleRun(trx, database.dialect, order.runId, now, { warnings });
    }
    const row = await findDocumentByAction(trx, order.actionKey);
    if (!row) throw new Error(`document ${order.actionKey} vanished within its own transaction`);
    return { row, created };
  });
}
