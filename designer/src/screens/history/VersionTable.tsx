// The published versions, newest first: author, time, message, rules, which one is active.
import type { VersionInfo } from '../../api/history.ts';
import { useT } from '../../i18n/i18n.ts';
import { formatTime } from '../shared/format-time.ts';

export function VersionTable({
  versions,
  canRollback,
  onRollback,
}: {
  versions: VersionInfo[];
  canRollback: boolean;
  onRollback: (version: number) => void;
}) {
  const t = useT();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <table className="data-table">
      <caption>{t('screens.history.versions')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screens.history.version')}</th>
          <th scope="col">{t('screens.history.publishedAt')}</th>
          <th scope="col">{t('screens.history.author')}</th>
          <th scope="col">{t('screens.history.message')}</th>
          <th scope="col">{t('screens.history.rules')}</th>
          <th scope="col">{t('screens.history.status')}</th>
          {canRollback ? <th scope="col">{t('screens.history.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((version) => (
          <tr key={version.version}>
            <th scope="row">{t('screens.history.versionOption', { version: version.version })}</th>
            <td>{formatTime(version.publishedAt)}</td>
            <td>{version.publishedBy ?? t('screens.history.unknown')}</td>
            <td>{version.message || '—'}</td>
            <td>{version.ruleCount}</td>
            <td>{version.active ? `● ${t('screens.history.active')}` : t('screens.history.inactive')}</td>
            {canRollback ? (
              <td>
                {version.active ? null : (
                  <button type="button" onClick={() => onRollback(version.version)}>
                    {t('screens.history.rollback', { version: version.version })}
                  </button>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
