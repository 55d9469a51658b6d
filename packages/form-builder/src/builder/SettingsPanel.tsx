import {
  type DefinitionProblem,
  notificationEvents,
  paymentModes,
  procedureCategories,
  templatePlaceholders,
} from '@madoguchi/shared';
import { CheckboxField, SelectField, TextArea, TextField } from '../ui/fields';
import type { Draft } from './logic/draft';
import { useBuilderText } from './text';

type Settings = NonNullable<Draft['settings']>;

/** `2027-04-01T09:00` in the browser's zone ↔ an ISO timestamp with a zone, as the schema wants. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) =>
  value === '' ? undefined : new Date(value).toISOString();

/** The form's settings: titles, purpose, category, volume, retention, period, access, mails. */
export function SettingsPanel({
  draft,
  problems,
  onChange,
}: {
  draft: Draft;
  problems: DefinitionProblem[];
  onChange: (draft: Draft) => void;
}) {
  const bt = useBuilderText();
  const settings: Settings = draft.settings ?? {};
  const err = (prefix: string) => {
    const message = problems.find((problem) => problem.path.startsWith(prefix))?.message;
    return message ? { error: message } : {};
  };
  const setSettings = (key: keyof Settings, value: unknown) => {
    const next = { ...settings } as Record<string, unknown>;
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange({ ...draft, settings: next as Settings });
  };
  const whole = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <section aria-labelledby="settings-title" className="builder-settings">
      <h2 id="settings-title">{bt('tabSettings')}</h2>
      <div className="row">
        <TextField
          label={bt('formTitleJa')}
          required
          value={draft.title.ja}
          {...err('title')}
          onChange={(e) => onChange({ ...draft, title: { ...draft.title, ja: e.target.value } })}
        />
        <TextField
          label={bt('formTitleEn')}
          value={draft.title.en ?? ''}
          onChange={(e) => onChange({ ...draft, title: { ...draft.title, en: e.target.value } })}
        />
      </div>
      <TextArea
        label={bt('description')}
        rows={2}
        value={draft.description?.ja ?? ''}
        onChange={(e) =>
          onChange({ ...draft, description: { ...draft.description, ja: e.target.value } })
        }
      />
      <TextArea
        label={bt('purposeOfUse')}
        required
        rows={2}
        value={draft.purposeOfUse.ja}
        {...err('purposeOfUse')}
        onChange={(e) =>
          onChange({ ...draft, purposeOfUse: { ...draft.purposeOfUse, ja: e.target.value } })
        }
      />
      <div className="row">
        <SelectField
          label={bt('category')}
          value={draft.category}
          onChange={(e) => onChange({ ...draft, category: e.target.value as Draft['category'] })}
        >
          {procedureCategories.map((category) => (
            <option key={category} value={category}>
              {bt(`category.${category}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={bt('yearlyVolume')}
          type="number"
          min={0}
          value={draft.yearlyVolume}
          {...err('yearlyVolume')}
          onChange={(e) => onChange({ ...draft, yearlyVolume: whole(e.target.value) })}
        />
        <TextField
          label={bt('retentionDays')}
          type="number"
          min={1}
          value={draft.retentionDays}
          {...err('retentionDays')}
          onChange={(e) => onChange({ ...draft, retentionDays: whole(e.target.value) })}
        />
      </div>
      <div className="row">
        <TextField
          label={bt('opensAt')}
          type="datetime-local"
          value={toLocalInput(settings.opensAt)}
          onChange={(e) => setSettings('opensAt', fromLocalInput(e.target.value))}
        />
        <TextField
          label={bt('closesAt')}
          type="datetime-local"
          value={toLocalInput(settings.closesAt)}
          {...err('settings.closesAt')}
          onChange={(e) => setSettings('closesAt', fromLocalInput(e.target.value))}
        />
        <TextField
          label={bt('capacity')}
          type="number"
          min={1}
          value={settings.capacity ?? ''}
          onChange={(e) =>
            setSettings('capacity', e.target.value === '' ? undefined : Number(e.target.value))
          }
        />
      </div>
      <div className="row">
        <SelectField
          label={bt('onePerPerson')}
          value={settings.onePerPerson ?? 'none'}
          {...err('settings.onePerPerson')}
          onChange={(e) => setSettings('onePerPerson', e.target.value)}
        >
          {(['none', 'email', 'card_subject'] as const).map((rule) => (
            <option key={rule} value={rule}>
              {bt(`onePerPerson.${rule}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={bt('channel')}
          value={settings.channel ?? 'internet'}
          onChange={(e) => setSettings('channel', e.target.value)}
        >
          {(['internet', 'lgwan', 'both'] as const).map((channel) => (
            <option key={channel} value={channel}>
              {bt(`channel.${channel}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={bt('access')}
          value={settings.access ?? 'public'}
          onChange={(e) => setSettings('access', e.target.value)}
        >
          {(['public', 'secret_link'] as const).map((access) => (
            <option key={access} value={access}>
              {bt(`access.${access}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        label={bt('emailVerification')}
        checked={draft.options?.emailVerification === true}
        onChange={(e) =>
          onChange({ ...draft, options: { ...draft.options, emailVerification: e.target.checked } })
        }
      />
      <div className="row">
        <SelectField
          label={bt('payment')}
          value={draft.options?.payment?.mode ?? 'none'}
          {...err('options.payment')}
          onChange={(e) =>
            onChange({
              ...draft,
              options: {
                ...draft.options,
                payment: {
                  ...draft.options?.payment,
                  mode: e.target.value as (typeof paymentModes)[number],
                },
              },
            })
          }
        >
          {paymentModes.map((mode) => (
            <option key={mode} value={mode}>
              {bt(`payment.${mode}`)}
            </option>
          ))}
        </SelectField>
        {draft.options?.payment && draft.options.payment.mode !== 'none' ? (
          <TextField
            label={bt('fixedFee')}
            type="number"
            min={0}
            value={draft.options.payment.fixedFee ?? 0}
            onChange={(e) =>
              onChange({
                ...draft,
                options: {
                  ...draft.options,
                  payment: {
                    mode: 'none',
                    ...draft.options?.payment,
                    fixedFee: whole(e.target.value),
                  },
                },
              })
            }
          />
        ) : null}
      </div>
      <fieldset>
        <legend>{bt('notifications')}</legend>
        <p className="help">
          {bt('notificationsHelp', {
            placeholders: templatePlaceholders.map((name) => `{{${name}}}`).join(' '),
          })}
        </p>
        {notificationEvents.map((event) => {
          const template = draft.notifications?.[event];
          const set = (part: 'subject' | 'body', ja: string) => {
            const next = { ...draft.notifications } as Record<string, unknown>;
            const current = template ?? { subject: { ja: '' }, body: { ja: '' } };
            const updated = { ...current, [part]: { ...current[part], ja } };
            if (updated.subject.ja === '' && updated.body.ja === '') delete next[event];
            else next[event] = updated;
            onChange({ ...draft, notifications: next });
          };
          return (
            <details key={event} open={template !== undefined}>
              <summary>{bt(`event.${event}`)}</summary>
              <TextField
                label={`${bt(`event.${event}`)}: ${bt('subject')}`}
                value={template?.subject.ja ?? ''}
                {...err(`notifications.${event}.subject`)}
                onChange={(e) => set('subject', e.target.value)}
              />
              <TextArea
                label={`${bt(`event.${event}`)}: ${bt('body')}`}
                rows={3}
                value={template?.body.ja ?? ''}
                {...err(`notifications.${event}.body`)}
                onChange={(e) => set('body', e.target.value)}
              />
            </details>
          );
        })}
      </fieldset>
    </section>
  );
}
