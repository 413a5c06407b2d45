// The stage ids of a stored pipeline, cached per process because intake asks on every event.
// A stage not in the cached list is looked up again before it is refused, so a stage added a
// moment ago is accepted at once; a removed one may be accepted for up to cacheMs.
import type { Pipeline } from '../../schemas/index.ts';
import type { Database } from '../storage/open-database.ts';

const cacheMs = 5_000;

interface Entry {
  stageIds: ReadonlySet<string>;
  until: number;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

async function readStages(database: Database, pipelineId: string): Promise<Entry | undefined> {
  const row = await database.db
    .selectFrom('pipelines')
    .select('document')
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  if (!row) return undefined;
  const pipeline = JSON.parse(row.document) as Pipeline;
  return { stageIds: new Set(pipeline.stages.map((stage) => stage.id)), until: Date.now() + cacheMs };
}

/** The pipeline's stage ids, or undefined when the pipeline is not stored. */
export async function findPipelineStages(
  database: Database,
  pipelineId: string,
  stageId: string,
): Promise<ReadonlySet<string> | undefined> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  const cached = cache.get(pipelineId);
  if (cached && cached.until > Date.now() && cached.stageIds.has(stageId)) return cached.stageIds;
  const fresh = await readStages(database, pipelineId);
  if (fresh) cache.set(pipelineId, fresh);
  else cache.delete(pipelineId);
  return fresh?.stageIds;
}
