import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../../schemas/index.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import { showTraceInEditor } from './editor-trace.ts';

const flow: Flow = JSON.parse(
  readFileSync(new URL('../../../../schemas/examples/flow.sales.json', import.meta.url), 'utf8'),
);

describe('showTraceInEditor', () => {
  it('keeps the path on the editor until the flow is edited, also when the editor reloads it', () => {
    useFlowStore.getState().setFlow(flow);
    const tested = useFlowStore.getState().flow as Flow;
    showTraceInEditor(tested, { reached: ['enter-contract'], dimUnreached: true });
    useFlowStore.getState().select(['enter-contract']);
    expect(useFlowStore.getState().overlay?.reached).toEqual(['enter-contract']);
    // The editor loads the same draft again when it opens: the path stays.
    useFlowStore.getState().setFlow(structuredClone(flow));
    expect(useFlowStore.getState().overlay?.reached).toEqual(['enter-contract']);
    useFlowStore.getState().updateFlow((current) => ({ ...current, name: 'Renamed' }));
    expect(useFlowStore.getState().overlay).toBeNull();
  });
});
