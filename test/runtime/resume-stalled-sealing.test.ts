// An envelope left "sealing" after its seal job gave up gets a new seal job at start, once; one
// whose job is still queued or running, or that is not sealing, gets none.
import { afterEach, describe, expect, it } from 'vitest';
import { resumeStalledSealing } from '../../runtime/completion/resume-stalled-sealing.ts';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import { createTestServices } from '../support/test-services.ts';

type Services = Awaited<ReturnType<typeof createTestServices>>;

async function envelopeIn(services: Services, id: string, status: 'sealing' | 'completed'): Promise<void> {
  const at = new Date().toISOString();
  const { db } = services.database;
  await db
    .insertInto('documents')
    .values({
      id: `doc-${id}`,
      run_id: null,
      deal_id: 'D-1',
      document_type: 'contract',
      template_id: 't',
      rule_name: null,
      action_key: `manual:${id}`,
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
      id,
      document_id: `doc-${id}`,
      deal_id: 'D-1',
      pipeline_id: null,
      run_id: null,
      title: 'Contract',
      sender_company: 'Initech',
      language: 'en',
      signing_order: 'companyFirst',
      status,
      link_expiry_days: 14,
      expires_at: null,
      reminder_days: null,
      original_sha256: '0'.repeat(64),
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
}

const openSealJobs = (services: Services, id: string) =>
  services.database.db
    .selectFrom('jobs')
    .select(['id', 'status'])
    .where('kind', '=', 'seal-envelope')
    .where('payload', '=', JSON.stringify({ envelopeId: id }))
    .where('status', 'in', ['queued', 'running'])
    .execute();

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`resume stalled sealing (${dialect})`, () => {
    let services: Services | undefined;
    afterEach(async () => services?.dispose());

    it('queues a new seal job for a sealing envelope whose job failed, once', async () => {
      services = await createTestServices({ dialect });
      const { db } = services.database;
      await envelopeIn(services, 'env_stalled', 'sealing');
      await envelopeIn(services, 'env_waiting', 'sealing');
      await envelopeIn(services, 'env_done', 'completed');
      const now = new Date();
      await enqueueJob(
        db,
        { kind: 'seal-envelope', runId: null, payload: { envelopeId: 'env_stalled' }, dedupeKey: 'seal:env_stalled' },
        now,
      );
      await db.updateTable('jobs').set({ status: 'failed' }).where('dedupe_key', '=', 'seal:env_stalled').execute();
      await enqueueJob(
        db,
        { kind: 'seal-envelope', runId: null, payload: { envelopeId: 'env_waiting' }, dedupeKey: 'seal:env_waiting' },
        now,
      );

      expect(await resumeStalledSealing(services)).toBe(1);
      expect(await openSealJobs(services, 'env_stalled')).toHaveLength(1);
      expect(await openSealJobs(services, 'env_waiting')).toHaveLength(1);
      expect(await openSealJobs(services, 'env_done')).toHaveLength(0);
      expect(await resumeStalledSealing(services)).toBe(0);
    });
  });
}
