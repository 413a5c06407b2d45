// The demo flow and deal events of schemas/examples/, read with fs (JSON imports are not used).
import { readFileSync } from 'node:fs';
import type { DealEvent, Flow } from '../../schemas/index.ts';

const examples = new URL('../../schemas/examples/', import.meta.url);

function readExample<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as T;
}

export const demoFlow = (): Flow => readExample<Flow>('flow.sales.json');

export type ExampleEventName = 'contract' | 'small-contract' | 'invoice' | 'contract-completed';
export const exampleEventNames: readonly ExampleEventName[] = [
  'contract',
  'small-contract',
  'invoice',
  'contract-completed',
];

export const exampleEvent = (name: ExampleEventName): DealEvent => readExample<DealEvent>(`deal-event.${name}.json`);
