// The header: navigation from the screens registry, language switch, role and sign-out.
import { useSession } from '../api/session.ts';
import { type Language, languages, setLanguage, useLanguage, useT } from '../i18n/i18n.ts';
import { routeHash, useRoute } from './navigate.ts';
import { screensFor } from './screens.ts';

const languageNames: Record<Language, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

export function Header() {
  const t = useT();
  const language = useLanguage();
  const { role, signOut } = useSession();
  const route = useRoute();
  return (
    <header className="app-header">
      <span className="app-title">{t('app.title')}</span>
      <nav aria-label={t('app.nav')}>
        <ul>
          {screensFor(role).map((screen) => (
            <li key={screen.id}>
              <a href={routeHash(screen.id)} aria-current={route.screen === screen.id ? 'page' : undefined}>
                {t(screen.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <label>
          <span className="visually-hidden">{t('app.language')}</span>
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </label>
        <span className="role">{t('app.role', { role: role ?? '' })}</span>
        <button type="button" onClick={signOut}>
          {t('app.signOut')}
        </button>
      </div>
    </header>
  );
}
