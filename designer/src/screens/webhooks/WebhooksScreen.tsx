// Webhooks (admin): the CRM's subscriptions to what inkflow does, each with its delivery log. A
// secret is shown once, right after it is made (create or rotate), as the API answers it.
import '../../styles/screens.css';
import { useState } from 'react';
import type { WebhookSubscription } from '../../../../schemas/index.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { useAsync } from '../shared/use-async.ts';
import { CreateSubscriptionForm } from './CreateSubscriptionForm.tsx';
import { SubscriptionCard } from './SubscriptionCard.tsx';

export function WebhooksScreen() {
  const t = useT();
  const list = useAsync(() => webhooksApi.list(), []);
  const [secret, setSecret] = useState<{ secret: string; subscriptionId: string } | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<WebhookSubscription | undefined>();

  const act = (action: () => Promise<unknown>, done?: (result: unknown) => void) => {
    setBusy(true);
    setError(undefined);
    action()
      .then((result) => {
        done?.(result);
        list.reload();
      }, setError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="screen-page" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('screens.webhooks.title')}</h2>
      <p className="muted">{t('screens.webhooks.intro')}</p>
      <CreateSubscriptionForm
        onCreated={(made) => {
          setSecret({ secret: made.secret, subscriptionId: made.subscription.id });
          list.reload();
        }}
      />
      {secret ? (
        <div role="status" className="message">
          <p>{t('screens.webhooks.secretOnce')}</p>
          <p className="form-row">
            <label htmlFor="webhook-secret">{t('screens.webhooks.secretLabel')}</label>
            <input id="webhook-secret" readOnly value={secret.secret} onFocus={(event) => event.target.select()} />
          </p>
          <button type="button" onClick={() => setSecret(undefined)}>
            {t('screens.webhooks.secretSaved')}
          </button>
        </div>
      ) : null}
      <ApiErrorText error={error ?? list.error} />
      {list.loading && !list.data ? <p>{t('common.loading')}</p> : null}
      <h3>{t('screens.webhooks.listTitle', { count: list.data?.items.length ?? 0 })}</h3>
      {(list.data?.items ?? []).map((subscription) => (
        <SubscriptionCard
          key={subscription.id}
          subscription={subscription}
          busy={busy}
          onAction={act}
          onSecret={(value, subscriptionId) => setSecret({ secret: value, subscriptionId })}
          onDelete={setDeleting}
        />
      ))}
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('screens.webhooks.deleteTitle')}
        confirmLabel={t('screens.webhooks.delete')}
        busy={busy}
        onConfirm={() => {
          if (deleting)
            act(
              () => webhooksApi.remove(deleting.id),
              () => setDeleting(undefined),
            );
        }}
        onCancel={() => setDeleting(undefined)}
      >
        <p>{t('screens.webhooks.deleteMessage', { url: deleting?.url ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
