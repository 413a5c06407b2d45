// Location headers of created resources. An id that is not a non-empty string is a bug upstream
// (a run answered as /api/v1/runs/undefined once): it fails the request instead of reaching a client.
function locationOf(collection: string, id: unknown): string {
  if (typeof id !== 'string' || id === '') {
    throw new Error(`refusing to answer with a Location for ${collection} without an id (${String(id)})`);
  }
  return `/api/v1/${collection}/${encodeURIComponent(id)}`;
}

export const runLocation = (runId: unknown): string => locationOf('runs', runId);
export const documentLocation = (documentId: unknown): string => locationOf('documents', documentId);
export const flowLocation = (flowId: unknown): string => locationOf('flows', flowId);
