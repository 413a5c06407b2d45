// "Add node…": a searchable list of the node kinds (and notes); Enter adds the highlighted one
// at the viewport centre. Opened with its button or the A key.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { NodeKind } from '../../../engine/flow/node-kinds.ts';
import { useT } from '../i18n/i18n.ts';
import { addKind, addNoteAt } from './commands.ts';
import { kindList, kindTitle } from './kind-title.ts';

export const openAddMenuEvent = 'inkflow:open-add-menu';

export function AddNodeMenu({ disabled }: { disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => {
    const show = () => !disabled && setOpen(true);
    window.addEventListener(openAddMenuEvent, show);
    return () => window.removeEventListener(openAddMenuEvent, show);
  }, [disabled]);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const options: { id: NodeKind | 'note'; title: string }[] = [
    ...kindList.map((kind) => ({ id: kind, title: kindTitle(kind) })),
    { id: 'note', title: t('note.title') },
  ];
  const matches = options.filter((option) => option.title.toLowerCase().includes(query.trim().toLowerCase()));
  const choose = (id: NodeKind | 'note') => {
    if (id === 'note') addNoteAt();
    else addKind(id);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter') {
      const option = matches[active];
      if (option) choose(option.id);
    } else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  if (!open) {
    return (
      <button type="button" className="add-menu-button" disabled={disabled} onClick={() => setOpen(true)}>
        {t('addMenu.open')}
      </button>
    );
  }
  return (
    <div className="add-menu">
      <label htmlFor={`${listId}-input`}>{t('addMenu.search')}</label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={matches[active] ? `${listId}-${matches[active].id}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node)) setOpen(false);
        }}
      />
      <div id={listId} role="listbox" aria-label={t('addMenu.results')}>
        {matches.map((option, index) => (
          <div
            key={option.id}
            id={`${listId}-${option.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option.id);
            }}
          >
            {option.title}
          </div>
        ))}
      </div>
      {matches.length === 0 && <p className="menu-hint">{t('addMenu.none')}</p>}
    </div>
  );
}
