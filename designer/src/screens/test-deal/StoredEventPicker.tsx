// Pick one of the events the runtime received for this pipeline (newest first, 50 a page) to test with.
import { useEffect, useState } from 'react';
import type { DealEvent, StoredEvent } from '../../../../schemas/index.ts';
import { testDealApi } from '../../api/test-deal.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';

const pageSize = 50;

export function StoredEventPicker({ pipelineId, onPick }: { pipelineId: string; onPick: (event: DealEvent) => void }) {
  const t = useT();
  const [chosen, setChosen] = useState('');
  const [list, setList] = useState<StoredEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = (before: string | undefined, replace: boolean) => {
    setLoading(true);
    testDealApi
      .listStoredEvents(pipelineId, pageSize, before)
      .then((page) => {
        setList((previous) => (replace ? page.events : [...previous, ...page.events]));
        setNextBefore(page.nextBefore);
        setError(undefined);
      }, setError)
      .finally(() => setLoading(false));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page again for another pipeline
  useEffect(() => load(undefined, true), [pipelineId]);

  return (
    <div className="form-row">
      <label htmlFor="test-stored-event">{t('screens.test.storedEvent')}</label>
      <div className="inline">
        <select id="test-stored-event" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">
            {loading ? t('common.loading') : t('screens.test.storedEventNone', { count: list.length })}
          </option>
          {list.map((stored) => (
            <option key={stored.eventId} value={stored.eventId}>
              {t('screens.test.storedEventOption', {
                dealId: stored.dealId,
                stageId: stored.stageId,
                type: stored.type,
                at: formatTime(stored.receivedAt),
              })}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!chosen}
          onClick={() => {
            const stored = list.find((candidate) => candidate.eventId === chosen);
            if (stored) onPick(stored.event);
          }}
        >
          {t('screens.test.load')}
        </button>
        {nextBefore ? (
          <button type="button" disabled={loading} onClick={() => load(nextBefore, false)}>
            {t('screens.test.older', { count: pageSize })}
          </button>
        ) : null}
      </div>
      <ApiErrorText error={error} />
    </div>
  );
}
