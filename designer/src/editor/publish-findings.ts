// What the publish answer says about the version just published: its warnings (the runtime sends
// at most 50 and says how many there were in `diagnosticsTruncated`), cut again for the toolbar.
import type { Diagnostic, FlowVersionInfo } from '../../../schemas/types.generated.ts';

export interface PublishFindings {
  shown: Diagnostic[];
  /** Warnings not listed: cut here or already by the runtime. */
  notShown: number;
  total: number;
}

export const shownFindings = 10;

export function publishFindings(info: FlowVersionInfo, limit = shownFindings): PublishFindings {
  const sent = info.diagnostics ?? [];
  const total = Math.max(info.diagnosticsTruncated?.total ?? sent.length, sent.length);
  const shown = sent.slice(0, Math.max(0, limit));
  return { shown, notShown: total - shown.length, total };
}
