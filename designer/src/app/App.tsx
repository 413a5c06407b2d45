// The app: sign-in until a token is accepted, then the header and the screen of the hash route.
import { useEffect } from 'react';
import { restoreSession, useSession, useSessionStore } from '../api/session.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorText } from './ErrorText.tsx';
import { Header } from './Header.tsx';
import { navigate, useRoute } from './navigate.ts';
import { SignIn } from './SignIn.tsx';
import { screens, screensFor } from './screens.ts';

export function App() {
  const t = useT();
  const { token, role } = useSession();
  const checking = useSessionStore((state) => state.checking);
  const route = useRoute();
  useEffect(() => {
    void restoreSession();
  }, []);
  const allowed = screensFor(role);
  const firstScreen = allowed[0]?.id;
  useEffect(() => {
    if (token && route.screen === '' && firstScreen) navigate(firstScreen);
  }, [token, route.screen, firstScreen]);

  if (checking) return <p className="loading">{t('common.loading')}</p>;
  if (!token) return <SignIn />;
  const screen = allowed.find((candidate) => candidate.id === route.screen);
  const exists = screens.some((candidate) => candidate.id === route.screen);
  const Screen = screen?.component;
  return (
    <div className="app">
      <Header />
      <main className="screen">
        {Screen ? (
          <Screen />
        ) : route.screen === '' ? null : (
          <ErrorText>{exists ? t('app.forbidden', { role: role ?? '' }) : t('app.notFound')}</ErrorText>
        )}
      </main>
    </div>
  );
}
