// The palette: one button per node kind of the engine registry (click adds at the viewport
// centre, drag drops where released), grouped by role, plus notes and the searchable add menu.
import type { DragEvent } from 'react';
import { type NodeKind, nodeKinds } from '../../../engine/flow/node-kinds.ts';
import { useT } from '../i18n/i18n.ts';
import { AddNodeMenu } from './AddNodeMenu.tsx';
import { addKind, addNoteAt } from './commands.ts';
import { kindList, kindTitle } from './kind-title.ts';

export const paletteDragType = 'application/x-inkflow-node-kind';

const roles = ['trigger', 'condition', 'action'] as const;

function startDrag(event: DragEvent, kind: NodeKind | 'note') {
  event.dataTransfer.setData(paletteDragType, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette({ disabled }: { disabled: boolean }) {
  const t = useT();
  return (
    <aside className="palette" aria-label={t('palette.label')}>
      <AddNodeMenu disabled={disabled} />
      {roles.map((role) => (
        <section key={role} aria-labelledby={`palette-${role}`}>
          <h3 id={`palette-${role}`}>{t(`palette.role.${role}`)}</h3>
          {kindList
            .filter((kind) => nodeKinds[kind].role === role)
            .map((kind) => (
              <button
                key={kind}
                type="button"
                className={`palette-item role-${role}`}
                draggable={!disabled}
                disabled={disabled}
                onDragStart={(event) => startDrag(event, kind)}
                onClick={() => addKind(kind)}
              >
                {kindTitle(kind)}
              </button>
            ))}
        </section>
      ))}
      <section aria-labelledby="palette-notes">
        <h3 id="palette-notes">{t('palette.notes')}</h3>
        <button
          type="button"
          className="palette-item role-note"
          draggable={!disabled}
          disabled={disabled}
          onDragStart={(event) => startDrag(event, 'note')}
          onClick={() => addNoteAt()}
        >
          {t('note.title')}
        </button>
      </section>
      <p className="palette-hint">{t('palette.hint')}</p>
    </aside>
  );
}
