// React Flow's nodeTypes: one card for every flow node kind (from the engine registry) + notes.
// Defined once at module level: a new object per render would remount every node.
import type { NodeTypes } from '@xyflow/react';
import { kindList } from '../kind-title.ts';
import { FlowNodeCard } from './FlowNodeCard.tsx';
import { NoteCard } from './NoteCard.tsx';

export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(kindList.map((kind) => [kind, FlowNodeCard])),
  note: NoteCard,
};
