// What makeDocument is asked to make: the same for a rule's action and a document made by hand.
import type { DealEvent, PlannedSigner, RunMessage, SendDocumentSettings } from '../../schemas/index.ts';

export interface DocumentOrder {
  /** Unique per intended document: rule:<runId>:<ruleName> or manual:<key>. */
  actionKey: string;
  runId: string | null;
  ruleName: string | null;
  /** The deal (event.deal) and the event's override of our company's details, if any. */
  event: DealEvent;
  settings: SendDocumentSettings;
  signers: readonly PlannedSigner[];
  /** Warnings known before rendering (e.g. signers the deal could not supply). */
  warnings: readonly RunMessage[];
  /** false: the envelope is made as a draft (POST /envelopes/:id/send sends it). Default true. */
  send?: boolean;
}
