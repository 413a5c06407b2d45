// What every node card of one canvas shares (pipeline for stage names); a context, so cards do
// not subscribe to the store and read-only canvases can show another version's pipeline.
import { createContext } from 'react';
import type { Pipeline } from '../../../schemas/types.generated.ts';

export const CanvasPipelineContext = createContext<Pipeline | null>(null);
