// Reads and validates a flow file. A file that is not a flow at all is a FileProblem (exit 2);
// a flow with errors comes back with its diagnostics, for the command to list them (exit 1).
import { validateFlow } from '../../engine/validation/validate-flow.ts';
import { checkFlow, type Diagnostic, type Flow } from '../../schemas/index.ts';
import { checkDocument } from './check-document.ts';
import { FileProblem } from './cli-errors.ts';
import { readJsonDocument } from './read-json-document.ts';

export interface LoadedFlow {
  file: string;
  flow: Flow;
  diagnostics: Diagnostic[];
}

export function loadFlow(file: string, document: unknown = readJsonDocument(file)): LoadedFlow {
  // The schema check comes first here too, so a file that is no flow reads like a bad rule set or
  // event file: one line, the bare violation (validateFlow's SCHEMA_* messages are written for the designer).
  checkDocument(file, document, checkFlow);
  const { flow, diagnostics } = validateFlow(document);
  if (flow) return { file, flow, diagnostics };
  const [first] = diagnostics;
  throw new FileProblem(file, first?.pointer || '/', first?.message ?? 'is not a flow');
}
