import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import type { StaffMember } from '../../api/types';
import { Link, useTitle } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { expiryFromDate, expiryToDate } from '../../logic/staff';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { Dialog } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { CheckboxField, TextField } from '../../ui/fields';
import { FormLimitPicker } from './FormLimitPicker';
import { Grants } from './Grants';
import { OneTimeLink } from './OneTimeLink';

async function loadStaff(id: string) {
  const [{ staff }, { departments }] = await Promise.all([
    ok(api.admin.staff[':id'].$get({ param: { id } })),
    ok(api.admin.departments.$get()),
  ]);
  return { staff, departments };
}

/** One staff account: profile, form limit and end date, roles per department, account actions. */
export function StaffEditScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => loadStaff(id), [id]);
  useTitle(t('admin.staffEditTitle', { name: loaded.data?.staff.name ?? '' }), t('app.name'));
  return (
    <>
      <p>
        <Link href="/admin/staff">← {t('admin.staff')}</Link>
      </p>
      <Async state={loaded}>
        {({ staff, departments }) => (
          <>
            <h1>{t('admin.staffEditTitle', { name: staff.name })}</h1>
            <Profile key={staff.id} staff={staff} onSaved={loaded.reload} />
            <Grants
              staff={staff}
              departments={departments.filter((department) => department.archivedAt === null)}
              onSaved={loaded.reload}
            />
            <AccountActions staff={staff} onChanged={loaded.reload} />
          </>
        )}
      </Async>
    </>
  );
}

function Profile({ staff, onSaved }: { staff: StaffMember; onSaved: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [name, setName] = useState(staff.name);
  const [isTenantAdmin, setAdmin] = useState(staff.isTenantAdmin);
  const [expires, setExpires] = useState(
    staff.expiresAt === null ? '' : expiryToDate(staff.expiresAt),
  );
  const [formIds, setFormIds] = useState<string[] | null>(staff.formIds);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice('');
    try {
      await ok(
        api.admin.staff[':id'].$patch({
          param: { id: staff.id },
          json: { name, isTenantAdmin, expiresAt: expiryFromDate(expires), formIds },
        }),
      );
      setNotice(t('common.saved'));
      onSaved();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('admin.profileSave')}>
      <p className="muted">
        {staff.email} · {t(`admin.staffStatus.${staff.status}`)} · {t('admin.staffTotp')}:{' '}
        {staff.totpEnabled ? t('common.yes') : t('common.no')}
      </p>
      <div className="row">
        <TextField
          label={t('admin.staffName')}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label={t('admin.staffExpires')}
          type="date"
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
        />
      </div>
      <CheckboxField
        label={t('admin.staffAdmin')}
        checked={isTenantAdmin}
        onChange={(event) => setAdmin(event.target.checked)}
      />
      <FormLimitPicker value={formIds} onChange={setFormIds} />
      <FormFooter error={error} notice={notice} label={t('admin.profileSave')} />
    </form>
  );
}

type Pending = 'disable' | 'reset' | null;

function AccountActions({ staff, onChanged }: { staff: StaffMember; onChanged: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [pending, setPending] = useState<Pending>(null);
  const [link, setLink] = useState<{ label: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const param = { param: { id: staff.id } };
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setPending(null);
      onChanged();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <section className="card stack" aria-labelledby="account-title">
      <h2 id="account-title">{t('admin.staffStatus')}</h2>
      {link ? <OneTimeLink label={link.label} link={link.url} /> : null}
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        {staff.status === 'disabled' ? (
          <button
            type="button"
            onClick={() => void run(() => ok(api.admin.staff[':id'].enable.$post(param)))}
          >
            {t('admin.staffEnable')}
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setPending('disable')}>
            {t('admin.staffDisable')}
          </button>
        )}
        {/* Also for an active account that never enrolled (from before TOTP was required): the
            link is how it gets a second factor and can sign in again. */}
        {staff.status === 'active' ? (
          <button type="button" onClick={() => setPending('reset')}>
            {t('admin.staffResetTotp')}
          </button>
        ) : null}
        {staff.status === 'invited' ? (
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                const result = await ok(api.admin.staff[':id'].reinvite.$post(param));
                setLink({ label: t('admin.inviteLink'), url: result.inviteLink });
              })
            }
          >
            {t('admin.staffReinvite')}
          </button>
        ) : null}
      </div>
      <Dialog
        open={pending !== null}
        title={pending === 'reset' ? t('admin.staffResetTotp') : t('admin.staffDisable')}
        onClose={() => setPending(null)}
      >
        <p>
          {pending === 'reset'
            ? t('admin.confirmResetTotp', { name: staff.name })
            : t('admin.confirmDisable', { name: staff.name })}
        </p>
        {error ? (
          <p className="error-box" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run(async () => {
                if (pending === 'reset') {
                  const result = await ok(api.admin.staff[':id']['reset-totp'].$post(param));
                  setLink({ label: t('admin.totpResetLink'), url: result.totpResetLink });
                } else {
                  await ok(api.admin.staff[':id'].disable.$post(param));
                }
              })
            }
          >
            {pending === 'reset' ? t('admin.staffResetTotp') : t('admin.staffDisable')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
