// The envelope statuses, read once from their schema (schemas/envelope.schema.json): the API's
// filter and the metrics' gauge list them from here rather than writing them out again.
import { type EnvelopeStatus, loadSchema } from '../../schemas/index.ts';

const schema = loadSchema('envelope.schema.json') as { definitions: { envelopeStatus: { enum: EnvelopeStatus[] } } };

export const envelopeStatuses: readonly EnvelopeStatus[] = schema.definitions.envelopeStatus.enum;
