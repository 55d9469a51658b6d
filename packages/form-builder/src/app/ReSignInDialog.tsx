import { useEffect, useState } from 'react';
import { signInGate } from '../api/client';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { SignInForm } from './SignInForm';

/**
 * Opens over whatever screen is showing when a request finds the session ended; requests waiting
 * on it are retried after sign-in, and the screen (with its half-typed input) stays mounted.
 */
export function ReSignInDialog({ session }: { session: Session }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(signInGate.isOpen());
  useEffect(() => signInGate.subscribe(setOpen), []);
  return (
    <Dialog
      open={open}
      title={t('signIn.expiredTitle')}
      closable={false}
      onClose={() => signInGate.cancel()}
    >
      <p>{t('signIn.expiredBody')}</p>
      <SignInForm
        fixed={{ tenant: session.tenant.slug, email: session.staff.email }}
        onSignedIn={() => signInGate.signedIn()}
      />
      <p>
        <button type="button" onClick={() => signInGate.cancel()}>
          {t('common.cancel')}
        </button>
      </p>
    </Dialog>
  );
}
