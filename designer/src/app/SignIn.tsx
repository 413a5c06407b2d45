// Sign-in: paste an API token; it is checked against the runtime before it is kept.
import { type FormEvent, useState } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { signIn } from '../api/session.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorText } from './ErrorText.tsx';

export function SignIn() {
  const t = useT();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) {
      setError(t('signIn.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(token);
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      const unreachable = caught instanceof ApiRequestError && caught.status === 0;
      setError(t(unreachable ? 'signIn.unreachable' : 'signIn.rejected', { message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        <label htmlFor="sign-in-token">{t('signIn.token')}</label>
        <input
          id="sign-in-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
        {error && <ErrorText>{error}</ErrorText>}
      </form>
    </main>
  );
}
