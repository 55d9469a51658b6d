import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import { AuditScreen } from '../screens/admin/AuditScreen';
import { DepartmentsScreen } from '../screens/admin/DepartmentsScreen';
import { SettingsScreen } from '../screens/admin/SettingsScreen';
import { StaffEditScreen } from '../screens/admin/StaffEditScreen';
import { StaffScreen } from '../screens/admin/StaffScreen';
import { DetailScreen } from '../screens/DetailScreen';
import { FormsScreen } from '../screens/FormsScreen';
import { InboxScreen } from '../screens/InboxScreen';
import { InviteScreen } from '../screens/InviteScreen';
import { ProxyScreen } from '../screens/ProxyScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { ErrorBox, Loading } from '../ui/async';
import { Layout } from './Layout';
import { ReSignInDialog } from './ReSignInDialog';
import { matchPath, navigate, useLocation, useTitle } from './router';
import { useSession, useSessionState } from './session';

type Render = (params: Record<string, string>) => React.ReactNode;

// The builder carries the whole form language (every field schema and the definition checks):
// a chunk of its own, so the inbox that most staff use all day does not load it.
const BuilderScreen = lazy(() =>
  import('../builder/BuilderScreen').then((module) => ({ default: module.BuilderScreen })),
);

/** Every screen by path pattern; `/admin/…` ones need a tenant admin. */
const routes: [string, Render][] = [
  ['/inbox', () => <InboxScreen />],
  ['/forms/:formId/inbox', (p) => <InboxScreen formId={p.formId} />],
  ['/submissions/:id', (p) => <DetailScreen id={p.id ?? ''} />],
  ['/forms', () => <FormsScreen />],
  [
    '/forms/:formId/builder',
    (p) => (
      <Suspense fallback={<Loading />}>
        <BuilderScreen formId={p.formId ?? ''} />
      </Suspense>
    ),
  ],
  ['/forms/:formId/proxy', (p) => <ProxyScreen formId={p.formId ?? ''} />],
  ['/admin/departments', () => <DepartmentsScreen />],
  ['/admin/staff', () => <StaffScreen />],
  ['/admin/staff/:id', (p) => <StaffEditScreen id={p.id ?? ''} />],
  ['/admin/settings', () => <SettingsScreen />],
  ['/admin/audit', () => <AuditScreen />],
];

function Screen({ path }: { path: string }) {
  const session = useSession();
  if (path.startsWith('/admin/') && !session.staff.isTenantAdmin) return <Forbidden />;
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  useTitle(t('common.notFound'), t('app.name'));
  return (
    <>
      <h1>{t('common.notFound')}</h1>
      <p>{t('common.notFoundBody')}</p>
    </>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return <p className="error-box">{t('admin.forbidden')}</p>;
}

/** The console: the invitation page without a session, sign-in, then the screens. */
export function App() {
  const { state } = useSessionState();
  const { path } = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    if (state.status === 'signed_in' && path === '/') navigate('/inbox', { replace: true });
  }, [state.status, path]);
  // Each new screen is announced: focus moves to the main area.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every move to a new path
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  if (path === '/invite') return <InviteScreen />;
  if (state.status === 'loading')
    return (
      <main id="main" className="centered">
        <Loading />
      </main>
    );
  if (state.status === 'error')
    return (
      <main id="main" className="centered">
        <h1>{t('app.name')}</h1>
        <ErrorBox error={state.error} onRetry={() => window.location.reload()} />
      </main>
    );
  if (state.status === 'signed_out') return <SignInScreen />;
  return (
    <>
      <Layout>
        <Screen path={path} />
      </Layout>
      <ReSignInDialog session={state.session} />
    </>
  );
}
