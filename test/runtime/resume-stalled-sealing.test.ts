// An envelope left "sealing" after its seal job gave up gets a new seal job at start, once; one
// whose job is still queued or running, or that is not sealing, gets none.
import { afterEach, describe, expect, it } from 'vitest';
import { resumeStalledSealing } from '../../runtime/completion/resume-stalled-sealing.ts';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import { createTestServices } from '../support/test-services.ts';
import { insertEnvelopeRow } from '../support/verify-fixtures.ts';

type Services = Awaited<ReturnType<typeof createTestServices>>;

const envelopeIn = (services: Services, id: string, status: 'sealing' | 'completed') =>
  insertEnvelopeRow(services, id, { status });

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
