import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ok } from '../../api/errors';
import { Link, useTitle } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { expiryFromDate, expiryToDate } from '../../logic/staff';
import { Async, useErrorText, useLoad } from '../../ui/async';
import { CheckboxField, TextField } from '../../ui/fields';
import { FormLimitPicker } from './FormLimitPicker';
import { OneTimeLink } from './OneTimeLink';

/** Staff accounts of the municipality, and inviting a new one. */
export function StaffScreen() {
  const { t } = useI18n();
  const list = useLoad(() => ok(api.admin.staff.$get()), []);
  useTitle(t('admin.staff'), t('app.name'));
  return (
    <>
      <h1>{t('admin.staff')}</h1>
      <Invite onInvited={list.reload} />
      <Async state={list}>
        {({ staff }) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('admin.staffName')}</th>
                <th scope="col">{t('admin.staffEmail')}</th>
                <th scope="col">{t('admin.staffStatus')}</th>
                <th scope="col">{t('admin.staffAdmin')}</th>
                <th scope="col">{t('admin.staffTotp')}</th>
                <th scope="col">{t('admin.staffExpiresCol')}</th>
                <th scope="col">{t('admin.staffFormsCol')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link href={`/admin/staff/${member.id}`}>{member.name}</Link>
                  </td>
                  <td>{member.email}</td>
                  <td>{t(`admin.staffStatus.${member.status}`)}</td>
                  <td>{member.isTenantAdmin ? t('common.yes') : ''}</td>
                  <td>{member.totpEnabled ? t('common.yes') : t('common.no')}</td>
                  <td>{member.expiresAt === null ? '' : expiryToDate(member.expiresAt)}</td>
                  <td>{member.formIds === null ? '' : String(member.formIds.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </>
  );
}

function Invite({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isTenantAdmin, setAdmin] = useState(false);
  const [expires, setExpires] = useState('');
  const [formIds, setFormIds] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await ok(
        api.admin.staff.$post({
          json: {
            name,
            email,
            isTenantAdmin,
            expiresAt: expiryFromDate(expires),
            formIds,
          },
        }),
      );
      setLink(result.inviteLink);
      setName('');
      setEmail('');
      setAdmin(false);
      setExpires('');
      setFormIds(null);
      onInvited();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.staffInvite')}</h2>
      {link ? <OneTimeLink label={t('admin.inviteLink')} link={link} /> : null}
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <TextField
            label={t('admin.staffName')}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label={t('admin.staffEmail')}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
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
        {error ? (
          <p className="error-box" role="alert">
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {t('admin.staffInvite')}
          </button>
        </div>
      </form>
    </section>
  );
}
