// Two runtimes (two connection pools, as two processes would have) on one PostgreSQL schema,
// accepting the same events at the same moment: the unique key on events.event_id makes one run
// per eventId, and the loser of each race answers with the winner's run. (Several processes on
// one SQLite file is not a supported deployment: in one process its busy wait blocks the thread.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcceptedEvent, acceptDealEvent } from '../../runtime/events/accept-deal-event.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import type { DealEvent } from '../../schemas/index.ts';
import { type DatabasePlace, dropPlace, newDatabasePlace, openPlace } from '../support/database-places.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { queueServices } from '../support/queue-services.ts';
import { seedPipelineOf } from '../support/seed-event-path.ts';

describe('two runtimes accepting the same events on PostgreSQL', () => {
  let place: DatabasePlace;
  const opened: Database[] = [];

  beforeAll(async () => {
    place = newDatabasePlace('postgres');
    opened.push(await openPlace(place), await openPlace(place));
    await seedPipelineOf(queueServices(opened[0] as Database), demoFlow());
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
    await dropPlace(place);
  });

  it('makes one run per eventId and gives both callers that run', async () => {
    const [first, second] = opened.map((database) => queueServices(database));
    const events: DealEvent[] = Array.from({ length: 30 }, (_, n) => ({
      ...exampleEvent('contract'),
      eventId: `race-${n}`,
    }));
    const outcomes = await Promise.all(
      events.flatMap((event) => [acceptDealEvent(first!, event), acceptDealEvent(second!, event)]),
    );
    for (let n = 0; n < events.length; n++) {
      const pair = [outcomes[2 * n], outcomes[2 * n + 1]] as AcceptedEvent[];
      expect(pair.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(pair[0]?.body.runId).toBe(pair[1]?.body.runId);
    }
    const { db } = opened[0] as Database;
    const runs = await db.selectFrom('runs').select('event_id').execute();
    expect(runs).toHaveLength(events.length);
    const jobs = await db.selectFrom('jobs').select('id').where('kind', '=', 'evaluate-run').execute();
    expect(jobs).toHaveLength(events.length);
  });
});
