// Diagnostics of the flow on the canvas: the engine in the browser on every change, plus the
// runtime's validate endpoint for the draft (debounced) for what only the server knows.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ValidationContext } from '../../../engine/validation/validate-flow.ts';
import type { Diagnostic, Flow } from '../../../schemas/types.generated.ts';
import { api } from '../api/client.ts';
import { useRuntimeData } from './runtime-data.ts';
import { createLiveValidator, mergeDiagnostics } from './validation.ts';

const serverDelayMs = 1200;

export function useLiveDiagnostics(flow: Flow | null, flowId: string | null) {
  const templates = useRuntimeData((state) => state.templates);
  const employees = useRuntimeData((state) => state.employees);
  const validator = useRef(createLiveValidator()).current;
  const context: ValidationContext = useMemo(
    () => ({
      ...(templates ? { templates: templates.map((template) => template.id) } : {}),
      ...(employees ? { employees: employees.map((employee) => employee.id) } : {}),
    }),
    [templates, employees],
  );
  // Validated in a deferred render: the canvas of a flow just opened (or just edited) paints first,
  // its marks a frame later (500 nodes: the first validation in a fresh page took 50-100 ms).
  const validated = useDeferredValue(flow);
  const local = useMemo(() => (validated ? validator(validated, context) : []), [validator, validated, context]);
  const [server, setServer] = useState<{ flow: Flow; diagnostics: Diagnostic[] } | null>(null);
  const [pending, setPending] = useState(false);
  // "Check with the runtime" asks at once instead of after the pause.
  const [checkRequests, setCheckRequests] = useState(0);
  const checkNow = useCallback(() => setCheckRequests((count) => count + 1), []);
  const answeredImmediate = useRef(0);

  useEffect(() => {
    if (!flow || !flowId) return;
    setPending(true);
    const delay = checkRequests !== answeredImmediate.current ? 0 : serverDelayMs;
    answeredImmediate.current = checkRequests;
    const timer = setTimeout(() => {
      api
        .validateDraft(flowId, flow)
        .then((result) => setServer({ flow, diagnostics: result.diagnostics }))
        .catch(() => setServer(null))
        .finally(() => setPending(false));
    }, delay);
    return () => clearTimeout(timer);
  }, [flow, flowId, checkRequests]);

  const diagnostics = useMemo(
    // A server answer about an older flow is not shown (it may name nodes since deleted).
    () => (server && server.flow === flow ? mergeDiagnostics(local, server.diagnostics) : local),
    [local, server, flow],
  );
  return { diagnostics, pending: pending || validated !== flow, checkNow };
}
