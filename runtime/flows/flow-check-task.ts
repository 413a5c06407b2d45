// What the flow-check worker is asked (flow-check-worker.ts) and what it answers, as plain data.
// `layout` places a never-positioned flow with the designer's own ELK layout (place-unpositioned-flow.ts).
import type { ValidationContext } from '../../engine/validation/validate-flow.ts';
import type { Diagnostic, Flow } from '../../schemas/index.ts';

export type FlowCheckTask =
  | { kind: 'validate'; document: unknown; context: ValidationContext }
  | { kind: 'compile'; document: Flow }
  | { kind: 'layout'; document: Flow };

export type FlowCheckResult =
  | { kind: 'validate'; flow?: Flow; diagnostics: Diagnostic[] }
  | { kind: 'compile'; ruleSet: string; violations: { pointer: string; message: string }[] }
  | { kind: 'layout'; positions: [string, { x: number; y: number }][] };

export type FlowCheckReply =
  | { id: number; ok: true; result: FlowCheckResult }
  | { id: number; ok: false; error: { name: string; message: string } };
