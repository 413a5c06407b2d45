// A new subscription: the receiver's URL and the event types it wants. The runtime checks the URL
// (https, public addresses, unless the operator allowed the host) and answers with the secret once.
import { type FormEvent, useState } from 'react';
import type { WebhookEventType, WebhookSubscriptionWithSecret } from '../../../../schemas/index.ts';
import { webhooksApi } from '../../api/webhooks.ts';
import { useT } from '../../i18n/i18n.ts';
import { ApiErrorText } from '../shared/ApiErrorText.tsx';
import { webhookEventTypes } from './event-types.ts';

export function CreateSubscriptionForm({ onCreated }: { onCreated: (made: WebhookSubscriptionWithSecret) => void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<Set<WebhookEventType>>(new Set(['envelope.completed']));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const toggle = (type: WebhookEventType) =>
    setTypes((previous) => {
      const next = new Set(previous);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    webhooksApi
      .create(url.trim(), [...types])
      .then((made) => {
        setUrl('');
        onCreated(made);
      }, setError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="upload-form" onSubmit={submit} aria-labelledby="webhook-create-title">
      <h3 id="webhook-create-title">{t('screens.webhooks.createTitle')}</h3>
      <div className="form-row">
        <label htmlFor="webhook-url">{t('screens.webhooks.url')}</label>
        <input
          id="webhook-url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://crm.example.com/hooks/inkflow"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </div>
      <fieldset className="form-row webhook-types">
        <legend>{t('screens.webhooks.eventTypes')}</legend>
        {webhookEventTypes.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={types.has(type)} onChange={() => toggle(type)} /> <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <ApiErrorText error={error} />
      <button type="submit" className="primary" disabled={busy || types.size === 0}>
        {t('screens.webhooks.create')}
      </button>
    </form>
  );
}
