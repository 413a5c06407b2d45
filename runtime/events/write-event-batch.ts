// One transaction for a batch of accepted events: each new event is stored with its run and its
// evaluate-run job; an eventId stored before (by an earlier request, another process, or earlier
// in this batch) gets the run it made then. The unique key on events.event_id decides, so two
// processes accepting the same event at once still make one run.
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../engine/json/canonical-json.ts';
import type { DealEvent, EventAccepted } from '../../schemas/index.ts';
import { type AppError, conflict } from '../errors/app-error.ts';
import { enqueueJobs } from '../jobs/enqueue-job.ts';
import { timeOrderedId } from '../runs/time-ordered-id.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export const evaluateRunJob = 'evaluate-run';

export interface AcceptedEvent {
  /** False when this eventId had been accepted before: nothing new was made. */
  created: boolean;
  body: EventAccepted;
}

export type BatchOutcome = AcceptedEvent | AppError | Error;

function reused(eventId: string): AppError {
  return conflict(
    'EVENT_ID_REUSED',
    `eventId "${eventId}" was accepted before with a different payload; send a new eventId for a new event`,
  );
}

function lost(eventId: string): Error {
  return new Error(`eventId ${JSON.stringify(eventId)} was neither stored nor found: refusing to answer without a run`);
}

async function insertNew(db: Kysely<DatabaseSchema>, events: DealEvent[], now: Date): Promise<Map<string, string>> {
  const at = now.toISOString();
  const runIds = new Map(events.map((event) => [event.eventId, timeOrderedId()]));
  const rows = events.map((event) => ({
    event_id: event.eventId,
    run_id: runIds.get(event.eventId) as string,
    payload: canonicalJson(event),
    received_at: at,
  }));
  const inserted = await db
    .insertInto('events')
    .values(rows)
    .onConflict((onConflict) => onConflict.column('event_id').doNothing())
    .returning('event_id')
    .execute();
  const created = new Map(inserted.map((row) => [row.event_id, runIds.get(row.event_id) as string]));
  const fresh = events.filter((event) => created.has(event.eventId));
  if (fresh.length === 0) return created;
  await db
    .insertInto('runs')
    .values(
      fresh.map((event) => ({
        id: created.get(event.eventId) as string,
        event_id: event.eventId,
        pipeline_id: event.pipelineId,
        deal_id: event.deal.id,
        status: 'accepted' as const,
        plan: null,
        warnings: '[]',
        errors: '[]',
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const jobs = fresh.map((event) => {
    const runId = created.get(event.eventId) as string;
    return { kind: evaluateRunJob, runId, payload: { runId }, dedupeKey: `run:${runId}` };
  });
  await enqueueJobs(db, jobs, now);
  return created;
}

async function readEarlier(db: Kysely<DatabaseSchema>, eventIds: string[]) {
  if (eventIds.length === 0)
    return new Map<string, { payload: string; runId: string; status: EventAccepted['status'] }>();
  const rows = await db
    .selectFrom('events')
    .innerJoin('runs', 'runs.id', 'events.run_id')
    .select(['events.event_id', 'events.payload', 'runs.id', 'runs.status'])
    .where('events.event_id', 'in', eventIds)
    .execute();
  return new Map(rows.map((row) => [row.event_id, { payload: row.payload, runId: row.id, status: row.status }]));
}

/** Outcomes in the order of `events`. Events with the same eventId may appear more than once. */
export async function writeEventBatch(
  db: Kysely<DatabaseSchema>,
  events: readonly DealEvent[],
  now: Date,
): Promise<BatchOutcome[]> {
  // One candidate per eventId, in a fixed order so that concurrent batches lock keys alike.
  const first = new Map<string, DealEvent>();
  for (const event of events) if (!first.has(event.eventId)) first.set(event.eventId, event);
  const candidates = [...first.values()];
  candidates.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const created = await insertNew(db, candidates, now);
  const earlier = await readEarlier(
    db,
    candidates.filter((event) => !created.has(event.eventId)).map((event) => event.eventId),
  );
  const firstSeen = new Set<string>();
  return events.map((event): BatchOutcome => {
    const runId = created.get(event.eventId);
    if (runId !== undefined && !firstSeen.has(event.eventId)) {
      firstSeen.add(event.eventId);
      return { created: true, body: { runId, eventId: event.eventId, status: 'accepted', duplicate: false } };
    }
    const stored = earlier.get(event.eventId);
    // Payloads stored before canonical storage are parsed and written canonically again.
    const winner = stored ? canonicalJson(JSON.parse(stored.payload)) : canonicalJson(first.get(event.eventId));
    if (winner !== canonicalJson(event)) return reused(event.eventId);
    const knownRunId = stored?.runId ?? runId;
    // Never answer without a run: an id stored under another key than it is read with (the lone
    // surrogate bug, now refused at intake) must fail loudly, not as "duplicate of run undefined".
    if (knownRunId === undefined) return lost(event.eventId);
    const body: EventAccepted = {
      runId: knownRunId,
      eventId: event.eventId,
      status: stored?.status ?? 'accepted',
      duplicate: true,
    };
    return { created: false, body };
  });
}
