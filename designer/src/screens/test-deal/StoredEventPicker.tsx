// Pick one of the events the runtime received for this pipeline (newest first) to test with.
import { useState } from 'react';
import type { DealEvent } from '../../../../schemas/index.ts';
import { testDealApi } from '../../api/test-deal.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { useAsync } from '../shared/use-async.ts';

export function StoredEventPicker({ pipelineId, onPick }: { pipelineId: string; onPick: (event: DealEvent) => void }) {
  const t = useT();
  const [chosen, setChosen] = useState('');
  const events = useAsync(() => testDealApi.listStoredEvents(pipelineId, 50), [pipelineId]);
  const list = events.data?.events ?? [];
  return (
    <div className="form-row">
      <label htmlFor="test-stored-event">{t('screens.test.storedEvent')}</label>
      <div className="inline">
        <select id="test-stored-event" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">
            {events.loading ? t('common.loading') : t('screens.test.storedEventNone', { count: list.length })}
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
      </div>
      <ApiErrorText error={events.error} />
    </div>
  );
}
