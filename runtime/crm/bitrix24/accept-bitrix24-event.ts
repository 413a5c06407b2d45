// POST /api/v1/crm/bitrix24/events: the portal's outbound webhook. The application token is
// compared in constant time before anything else is looked at; a deal event is answered at once
// and fetched by a durable job, one per deal and webhook ts (a redelivery queues nothing new).
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Bitrix24EventForm, type CrmEventAccepted, checkAgainst } from '../../../schemas/index.ts';
import { AppError, validationError } from '../../errors/app-error.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { wakeWorkers } from '../../jobs/job-wakeup.ts';
import type { RuntimeServices } from '../../services.ts';
import type { Bitrix24Config } from './bitrix24-config.ts';
import type { FormObject } from './parse-form-body.ts';
import { type SyncBitrix24DealPayload, syncBitrix24DealJob } from './sync-bitrix24-deal-job.ts';

/** The deal events that can move a deal to another stage; others are answered "ignored". */
export const dealEvents: ReadonlySet<string> = new Set(['ONCRMDEALUPDATE', 'ONCRMDEALADD']);

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function tokenOf(form: FormObject): string | undefined {
  const auth = form.auth;
  const token = typeof auth === 'object' ? auth.application_token : undefined;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

export function checkApplicationToken(config: Bitrix24Config, form: FormObject): void {
  const token = tokenOf(form);
  if (token === undefined)
    throw new AppError(
      'unauthorized',
      'CRM_TOKEN_MISSING',
      "The event carries no auth[application_token]: send Bitrix24's outbound webhook as it is",
    );
  // Digests have one length, so the comparison takes the same time whatever was sent.
  if (!timingSafeEqual(digest(token), digest(config.applicationToken)))
    throw new AppError(
      'forbidden',
      'CRM_TOKEN_INVALID',
      "auth[application_token] is not this portal's outbound webhook token (INKFLOW_BITRIX24_APP_TOKEN)",
    );
}

function checkedForm(form: FormObject): Bitrix24EventForm {
  const result = checkAgainst<Bitrix24EventForm>('bitrix24.schema.json#/definitions/bitrix24EventForm', form);
  if (result.ok) return result.value;
  const first = result.violations[0];
  throw validationError(
    'CRM_EVENT_INVALID',
    `The Bitrix24 event does not have the expected fields: ${first?.pointer} ${first?.message}`,
    result.violations.slice(0, 20).map((violation) => ({ pointer: violation.pointer, message: violation.message })),
  );
}

export async function acceptBitrix24Event(
  services: RuntimeServices,
  config: Bitrix24Config,
  form: FormObject,
): Promise<CrmEventAccepted> {
  checkApplicationToken(config, form);
  const event = checkedForm(form);
  const dealId = event.data.FIELDS.ID;
  if (!dealEvents.has(event.event.toUpperCase())) return { status: 'ignored', dealId };
  const payload: SyncBitrix24DealPayload = { dealId, ts: event.ts };
  const queued = await enqueueJob(
    services.database.db,
    {
      kind: syncBitrix24DealJob,
      runId: null,
      payload,
      dedupeKey: `bitrix24:deal:${dealId}:${event.ts}`,
      maxAttempts: 8,
    },
    services.now(),
  );
  if (queued) wakeWorkers(services.database);
  return { status: queued ? 'queued' : 'duplicate', dealId };
}
