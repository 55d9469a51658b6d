import { useTitle } from '../app/router';
import { SignInForm } from '../app/SignInForm';
import { useSessionState } from '../app/session';
import { useI18n } from '../i18n/i18n';

/** The sign-in page shown to anyone without a session, whatever path they opened. */
export function SignInScreen() {
  const { t, locale, setLocale } = useI18n();
  const { refresh } = useSessionState();
  useTitle(t('signIn.title'), t('app.name'));
  return (
    <main id="main" className="centered" tabIndex={-1}>
      <div className="card narrow">
        <p className="brand-line">{t('app.name')}</p>
        <h1>{t('signIn.title')}</h1>
        <SignInForm onSignedIn={() => void refresh()} />
        <p className="right">
          <button
            type="button"
            className="link-button"
            lang={locale === 'ja' ? 'en' : 'ja'}
            title={t('app.languageLabel')}
            onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')}
          >
            {t('app.language')}
          </button>
        </p>
      </div>
    </main>
  );
}
