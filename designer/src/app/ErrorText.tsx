// An error or warning line: an icon and text, never colour alone.
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';

export function ErrorText({ children, severity = 'error' }: { children: ReactNode; severity?: 'error' | 'warning' }) {
  const t = useT();
  return (
    <p className={`message message-${severity}`} role={severity === 'error' ? 'alert' : 'status'}>
      <span aria-hidden="true" className="message-icon">
        {severity === 'error' ? '✖' : '⚠'}
      </span>
      <span className="visually-hidden">{t(severity === 'error' ? 'error.icon' : 'warning.icon')}: </span>
      {children}
    </p>
  );
}
