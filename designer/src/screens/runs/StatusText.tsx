// A run's status as an icon and a word (never colour alone).
import type { RunStatus } from '../../../../schemas/index.ts';
import { useT } from '../../i18n/i18n.ts';

const icons: Record<RunStatus, string> = { accepted: '○', running: '◔', completed: '✓', failed: '⛔' };

export function StatusText({ status }: { status: RunStatus }) {
  const t = useT();
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{icons[status]}</span> {t(`screens.runs.statusName.${status}`)}
    </span>
  );
}
