// One subscription: where it posts, what it wants, whether it is on (and why not), and its last
// deliveries with their outcome; enable or disable it, rotate its secret, redeliver an event, delete.
import type { WebhookSubscription } from '../../../../schemas/index.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { ErrorText } from '../../app/ErrorText.tsx';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { formatTime } from '../shared/format-time.ts';
import { useAsync } from '../shared/use-async.ts';

interface Props {
  subscription: WebhookSubscription;
  busy: boolean;
  onAction: (action: () => Promise<unknown>, done?: (result: unknown) => void) => void;
  onSecret: (secret: string, subscriptionId: string) => void;
  onDelete: (subscription: WebhookSubscription) => void;
}

export function SubscriptionCard({ subscription, busy, onAction, onSecret, onDelete }: Props) {
  const t = useT();
  const log = useAsync(() => webhooksApi.attempts(subscription.id), [subscription.id, subscription.updatedAt]);
  const titleId = `webhook-${subscription.id}`;
  return (
    <article className="template-card" aria-labelledby={titleId}>
      <h4 id={titleId}>
        <code>{subscription.url}</code>
      </h4>
      <p>
        {subscription.enabled ? t('screens.webhooks.enabled') : t('screens.webhooks.disabled')} ·{' '}
        {t('screens.webhooks.types', { types: subscription.eventTypes.join(', ') })} ·{' '}
        {t('screens.webhooks.failures', { count: subscription.consecutiveFailures })}
      </p>
      {subscription.disabledReason ? <ErrorText severity="warning">{subscription.disabledReason}</ErrorText> : null}
      <div className="button-row">
        <button
          type="button"
          disabled={busy}
          onClick={() => onAction(() => webhooksApi.setEnabled(subscription.id, !subscription.enabled))}
        >
          {subscription.enabled ? t('screens.webhooks.disable') : t('screens.webhooks.enable')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            onAction(
              () => webhooksApi.rotate(subscription.id),
              (result) => onSecret((result as { secret: string }).secret, subscription.id),
            )
          }
        >
          {t('screens.webhooks.rotate')}
        </button>
        <button type="button" disabled={busy} onClick={() => onDelete(subscription)}>
          {t('screens.webhooks.delete')}
        </button>
      </div>
      <table className="data-table compact" aria-label={t('screens.webhooks.logTitle', { url: subscription.url })}>
        <caption>{t('screens.webhooks.logCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screens.webhooks.at')}</th>
            <th scope="col">{t('screens.webhooks.event')}</th>
            <th scope="col">{t('screens.webhooks.outcome')}</th>
            <th scope="col">{t('screens.webhooks.latency')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('screens.webhooks.redeliver')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.items ?? []).map((attempt) => (
            <tr key={attempt.id}>
              <td>{formatTime(attempt.at)}</td>
              <td>
                <code>{attempt.eventType}</code> #{attempt.attempt}
              </td>
              <td>
                {t(`screens.webhooks.outcome.${attempt.outcome}`)}
                {attempt.httpStatus !== null ? ` · ${attempt.httpStatus}` : ''}
                {attempt.errorCode && attempt.errorCode !== 'HTTP_STATUS' ? ` · ${attempt.errorCode}` : ''}
              </td>
              <td>{Math.round(attempt.latencyMs)} ms</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('screens.webhooks.redeliverEvent', { eventType: attempt.eventType, at: attempt.at })}
                  onClick={() => onAction(() => webhooksApi.redeliver(subscription.id, attempt.eventId))}
                >
                  {t('screens.webhooks.redeliver')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.data && log.data.items.length === 0 ? <p className="muted">{t('screens.webhooks.noAttempts')}</p> : null}
      <ApiErrorText error={log.error} />
    </article>
  );
}
