// Placeholder for the publish button + dialog: DESIGNER-SCREENS replaces this file's body.
// The editor renders <PublishSlot/> in its toolbar with these props; keep the props stable.
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';

export interface PublishSlotProps {
  flowId: string;
  flow: Flow;
  /** Unsaved edits exist: the draft on the server is older than the canvas. */
  dirty: boolean;
  /** Why publishing is not possible now (errors remain, unsaved, role); undefined when it is. */
  disabledReason: string | undefined;
  /** Saves the draft; resolves once the server has it. */
  saveDraft: () => Promise<void>;
  diagnostics: readonly Diagnostic[];
}

export function PublishSlot({ disabledReason }: PublishSlotProps) {
  return (
    <button type="button" disabled title={disabledReason}>
      Publish
    </button>
  );
}
