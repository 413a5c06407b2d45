// The keyboard-shortcut sheet ("?"): a modal dialog listing the shortcuts table.
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { shortcuts } from './shortcuts.ts';

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-sheet" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcut.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('shortcut.keys')}</th>
            <th scope="col">{t('shortcut.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{t(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('common.close')}
      </button>
    </dialog>
  );
}
