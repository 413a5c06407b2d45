// Every schema of the project, in the order they are registered with ajv.
export const schemaFiles = [
  'common.schema.json',
  'pipeline.schema.json',
  'condition.schema.json',
  'action.schema.json',
  'flow.schema.json',
  'deal-event.schema.json',
  'rule-set.schema.json',
  'action-plan.schema.json',
  'diagnostic.schema.json',
  'api-error.schema.json',
  'flow-action.schema.json',
  'api.schema.json',
  'export.schema.json',
  'template-data.schema.json',
  'signature-marks.schema.json',
  'envelope.schema.json',
  'verification.schema.json',
  'outbox-message.schema.json',
  'webhook-event.schema.json',
  'webhook-subscription.schema.json',
  'bitrix24.schema.json',
] as const;

export type SchemaFile = (typeof schemaFiles)[number];
