// A sticky note on the canvas (designer-only: flow.notes, ignored by the engine).
import { type Node, type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import type { NoteNodeData } from '../../graph/flow-mapping.ts';
import { useT } from '../../i18n/i18n.ts';

function NoteCardView({ data, selected }: NodeProps<Node<NoteNodeData>>) {
  const t = useT();
  return (
    <div className={`note-card${selected ? ' is-selected' : ''}`}>
      {!data.readOnly && <NodeResizer isVisible={selected} minWidth={120} minHeight={60} />}
      <span className="note-kind" aria-hidden="true">
        ✎ {t('note.title')}
      </span>
      <p>{data.note.text || t('note.empty')}</p>
    </div>
  );
}

export const NoteCard = memo(NoteCardView);
