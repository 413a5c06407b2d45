// The make-document job: one planned document of a run, made through the shared use case and
// committed together with the job's completion.
import { describeJobFailure, JobError, LeaseLostError } from '../jobs/job-error.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { loadRunEvent } from '../runs/load-run-event.ts';
import type { MakeDocumentPayload } from '../runs/make-document-payload.ts';
import type { RuntimeServices } from '../services.ts';
import { makeDocument } from './make-document.ts';

export function makeDocumentHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const payload = JSON.parse(job.payload) as MakeDocumentPayload;
    const { run, event } = await loadRunEvent(services, payload.runId);
    try {
      await makeDocument(
        services,
        {
          actionKey: `rule:${run.id}:${payload.ruleName}`,
          runId: run.id,
          ruleName: payload.ruleName,
          event,
          settings: payload.settings,
          signers: payload.signers,
          warnings: [],
        },
        { within: context.complete },
      );
    } catch (error) {
      if (error instanceof JobError || error instanceof LeaseLostError) throw error;
      const failure = describeJobFailure(error);
      throw new JobError(failure.code, failure.message, { retryable: failure.retryable, ruleName: payload.ruleName });
    }
  };
}
