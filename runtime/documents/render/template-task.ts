// What the template worker is asked to do, and how it answers (template-worker.ts).
import type { ApiErrorDetail, TemplateData } from '../../../schemas/index.ts';
import type { ErrorKind } from '../../errors/app-error.ts';
import type { TemplateLimits } from './inspect-template.ts';

export type TemplateTask =
  | { kind: 'inspect'; bytes: Uint8Array; limits?: TemplateLimits }
  | { kind: 'render'; template: Uint8Array; data: TemplateData }
  // The pool also takes the signer page's PNG uploads: CPU that must stay off the request's loop.
  | { kind: 'normalize-png'; bytes: Uint8Array };

export interface WorkerFailure {
  kind?: ErrorKind;
  code?: string;
  message: string;
  details?: ApiErrorDetail[] | undefined;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WorkerFailure };
