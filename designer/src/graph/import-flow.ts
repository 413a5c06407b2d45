// Importing a flow file: JSON, then the flow schema and the engine's validation, all before
// anything is saved; the caller shows the diagnostics and decides.
import { hasErrors, validateFlow } from '../../../engine/validation/validate-flow.ts';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';

export const maxImportBytes = 8 * 1024 * 1024;

export type ImportResult =
  | { ok: true; flow: Flow; diagnostics: Diagnostic[] }
  | { ok: false; reason: 'tooLarge' | 'notJson'; detail: string }
  | { ok: false; reason: 'invalid'; diagnostics: Diagnostic[]; flow?: Flow };

export function importFlowText(text: string): ImportResult {
  if (text.length > maxImportBytes) {
    return { ok: false, reason: 'tooLarge', detail: `${text.length} > ${maxImportBytes}` };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  const { flow, diagnostics } = validateFlow(document);
  if (!flow || hasErrors(diagnostics))
    return flow ? { ok: false, reason: 'invalid', diagnostics, flow } : { ok: false, reason: 'invalid', diagnostics };
  return { ok: true, flow, diagnostics };
}

/** The flow as a downloadable file: pretty JSON with a trailing newline, like the CLI writes. */
export function exportFlowText(flow: Flow): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}

export function flowFileName(flow: Flow): string {
  return `${flow.id}.flow.json`;
}
