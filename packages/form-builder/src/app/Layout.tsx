import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from './router';
import { useSession, useSessionState } from './session';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const { path } = useLocation();
  const current = path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** Header, menu and the main area, as landmarks; a skip link first for keyboard users. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const { signOut } = useSessionState();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <p className="brand">
          <Link href="/inbox">{t('app.name')}</Link>
        </p>
        <p className="who">
          {t('app.signedInAs', { name: session.staff.name, tenant: session.tenant.name })}
        </p>
        <button
          type="button"
          lang={locale === 'ja' ? 'en' : 'ja'}
          title={t('app.languageLabel')}
          onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')}
        >
          {t('app.language')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </header>
      <nav className="side" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink href="/inbox">{t('nav.inbox')}</NavLink>
          </li>
          <li>
            <NavLink href="/forms">{t('nav.forms')}</NavLink>
          </li>
        </ul>
        {session.staff.isTenantAdmin ? (
          <>
            <p className="nav-group">{t('nav.admin')}</p>
            <ul>
              <li>
                <NavLink href="/admin/departments">{t('nav.departments')}</NavLink>
              </li>
              <li>
                <NavLink href="/admin/staff">{t('nav.staff')}</NavLink>
              </li>
              <li>
                <NavLink href="/admin/settings">{t('nav.settings')}</NavLink>
              </li>
              <li>
                <NavLink href="/admin/audit">{t('nav.audit')}</NavLink>
              </li>
            </ul>
          </>
        ) : null}
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
