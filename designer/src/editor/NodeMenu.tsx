// The node menu (context menu, Enter, Shift+F10 on a node): connect to a valid target, edit,
// duplicate, delete. Keyboard: arrows move between items, Escape closes and returns to the node.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { outputHandlesOf, validTargets } from '../graph/connection-rules.ts';
import { summarizeNode } from '../graph/node-summary.ts';
import { useT } from '../i18n/i18n.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { connectNodes, deleteSelection, duplicateSelected, focusNode } from './commands.ts';
import { kindTitle } from './kind-title.ts';

interface NodeMenuProps {
  nodeId: string;
  at: { x: number; y: number };
  onClose: () => void;
}

export function NodeMenu({ nodeId, at, onClose }: NodeMenuProps) {
  const t = useT();
  const flow = useFlowStore((state) => state.flow);
  const [connecting, setConnecting] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const node = flow?.nodes.find((candidate) => candidate.id === nodeId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when the list changes
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [connecting]);
  if (!flow || !node) return null;

  const close = (refocus = true) => {
    onClose();
    if (refocus) focusNode(nodeId);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };
  const handles = outputHandlesOf(node);
  const branchName = (handle: string | null) =>
    handle === 'true' ? t('canvas.trueBranch') : handle === 'false' ? t('canvas.falseBranch') : t('canvas.output');

  return (
    <div
      ref={menuRef}
      className="node-menu"
      role="menu"
      aria-label={t('menu.label', { node: kindTitle(node.type) })}
      style={{ left: Math.min(at.x, window.innerWidth - 320), top: Math.min(at.y, window.innerHeight - 360) }}
      onKeyDown={onKeyDown}
    >
      {!connecting ? (
        <>
          <button type="button" role="menuitem" disabled={handles.length === 0} onClick={() => setConnecting(true)}>
            {t('menu.connect')}
          </button>
          {handles.length === 0 && <p className="menu-hint">{t('menu.noOutputs')}</p>}
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              onClose();
              document
                .querySelector<HTMLElement>('#side-panel input, #side-panel select, #side-panel textarea')
                ?.focus();
            }}
          >
            {t('menu.edit')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              duplicateSelected();
              close(false);
            }}
          >
            {t('menu.duplicate')}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              deleteSelection();
              close(false);
            }}
          >
            {t('menu.delete')}
          </button>
          <button type="button" role="menuitem" onClick={() => close()}>
            {t('common.close')}
          </button>
        </>
      ) : (
        <>
          {handles.map((handle) => {
            const targets = validTargets(flow, nodeId, handle);
            return (
              <fieldset key={String(handle)} className="menu-group">
                <legend className="menu-group-title">{branchName(handle)}</legend>
                {targets.length === 0 && <p className="menu-hint">{t('menu.noTargets')}</p>}
                {targets.map((target) => (
                  <button
                    key={target.id}
                    type="button"
                    role="menuitem"
                    onClick={() => {
                      connectNodes(nodeId, target.id, handle);
                      close();
                    }}
                  >
                    {kindTitle(target.type)}: {summarizeNode(target, flow.pipeline)}
                  </button>
                ))}
              </fieldset>
            );
          })}
          <button type="button" role="menuitem" onClick={() => setConnecting(false)}>
            {t('menu.back')}
          </button>
        </>
      )}
    </div>
  );
}
