// The payload of a make-document job: which rule of the run, with the settings and signers the
// evaluation planned. The deal itself is read from the stored event when the job runs.
import type { PlannedSigner, SendDocumentSettings } from '../../schemas/index.ts';

export interface MakeDocumentPayload {
  runId: string;
  ruleName: string;
  settings: SendDocumentSettings;
  signers: PlannedSigner[];
}
