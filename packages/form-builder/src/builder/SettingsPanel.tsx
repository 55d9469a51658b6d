import {
  type CardAttribute,
  cardAttributes,
  type DefinitionProblem,
  notificationEvents,
  paymentModes,
  procedureCategories,
  templatePlaceholders,
} from '@madoguchi/shared';
import { CheckboxField, SelectField, TextArea, TextField } from '../ui/fields';
import type { Draft } from './logic/draft';
import type { FieldChoice } from './TypeSettings';
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

/**
 * The field type each card attribute can fill, as the shared checks and the server's prefill
 * (card-auth/prefill.ts) match them; gender goes into a single choice valued male / female.
 */
export const prefillTypes: Record<CardAttribute, string> = {
  name: 'name',
  address: 'address',
  birthdate: 'birth_date',
  gender: 'single_choice',
};

type Card = NonNullable<NonNullable<Draft['options']>['cardAuthentication']>;

/**
 * The form's settings: titles, purpose, category, volume, retention, period, access, card
 * authentication, payment and mails.
 */
export function SettingsPanel({
  draft,
  fields,
  problems,
  onChange,
}: {
  draft: Draft;
  /** The form's top-level fields, for the card attributes' prefill targets. */
  fields: FieldChoice[];
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
  const card: Card = draft.options?.cardAuthentication ?? { enabled: false };
  const setCard = (next: Card) =>
    onChange({ ...draft, options: { ...draft.options, cardAuthentication: next } });
  const payment = draft.options?.payment;
  const setPayment = (key: 'fixedFee' | 'deadlineMinutes', value: string) =>
    onChange({
      ...draft,
      options: {
        ...draft.options,
        payment: { mode: 'none', ...payment, [key]: whole(value) },
      },
    });
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
        label={bt('descriptionEn')}
        rows={2}
        value={draft.description?.en ?? ''}
        onChange={(e) =>
          onChange({
            ...draft,
            description: {
              ...draft.description,
              ja: draft.description?.ja ?? '',
              en: e.target.value,
            },
          })
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
      <TextArea
        label={bt('purposeOfUseEn')}
        rows={2}
        value={draft.purposeOfUse.en ?? ''}
        onChange={(e) =>
          onChange({ ...draft, purposeOfUse: { ...draft.purposeOfUse, en: e.target.value } })
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
          {(['none', 'email', 'card_subject'] as const)
            .filter(
              (rule) => rule !== 'card_subject' || card.enabled || settings.onePerPerson === rule,
            )
            .map((rule) => (
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
          {...err('options.payment.mode')}
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
        {payment && payment.mode !== 'none' ? (
          <TextField
            label={bt('fixedFee')}
            type="number"
            min={0}
            value={payment.fixedFee ?? 0}
            {...err('options.payment.fixedFee')}
            onChange={(e) => setPayment('fixedFee', e.target.value)}
          />
        ) : null}
        {payment?.mode === 'at_submission' ? (
          <TextField
            label={bt('deadlineMinutes')}
            type="number"
            min={5}
            max={43_200}
            value={payment.deadlineMinutes ?? 60}
            {...err('options.payment.deadlineMinutes')}
            onChange={(e) => setPayment('deadlineMinutes', e.target.value)}
          />
        ) : null}
      </div>
      <CardAuthentication card={card} fields={fields} problems={problems} onChange={setCard} />
      <fieldset>
        <legend>{bt('notifications')}</legend>
        <p className="help">
          {bt('notificationsHelp', {
            placeholders: templatePlaceholders.map((name) => `{{${name}}}`).join(' '),
          })}
        </p>
        {notificationEvents.map((event) => {
          const template = draft.notifications?.[event];
          const set = (part: 'subject' | 'body', locale: 'ja' | 'en', value: string) => {
            const next = { ...draft.notifications } as Record<string, unknown>;
            const current = template ?? { subject: { ja: '' }, body: { ja: '' } };
            const updated = { ...current, [part]: { ...current[part], [locale]: value } };
            const empty = (text: { ja: string; en?: string }) => text.ja === '' && !text.en;
            if (empty(updated.subject) && empty(updated.body)) delete next[event];
            else next[event] = updated;
            onChange({ ...draft, notifications: next });
          };
          return (
            <details key={event} open={template !== undefined}>
              <summary>{bt(`event.${event}`)}</summary>
              <TextField
                label={`${bt(`event.${event}`)}: ${bt('subject')}`}
                value={template?.subject.ja ?? ''}
                {...err(`notifications.${event}.subject.ja`)}
                onChange={(e) => set('subject', 'ja', e.target.value)}
              />
              <TextArea
                label={`${bt(`event.${event}`)}: ${bt('body')}`}
                rows={3}
                value={template?.body.ja ?? ''}
                {...err(`notifications.${event}.body.ja`)}
                onChange={(e) => set('body', 'ja', e.target.value)}
              />
              <TextField
                label={`${bt(`event.${event}`)}: ${bt('subjectEn')}`}
                value={template?.subject.en ?? ''}
                {...err(`notifications.${event}.subject.en`)}
                onChange={(e) => set('subject', 'en', e.target.value)}
              />
              <TextArea
                label={`${bt(`event.${event}`)}: ${bt('bodyEn')}`}
                rows={3}
                value={template?.body.en ?? ''}
                {...err(`notifications.${event}.body.en`)}
                onChange={(e) => set('body', 'en', e.target.value)}
              />
            </details>
          );
        })}
      </fieldset>
    </section>
  );
}

/** Card authentication: on/off, which attributes, and which field each fills and locks. */
function CardAuthentication({
  card,
  fields,
  problems,
  onChange,
}: {
  card: Card;
  fields: FieldChoice[];
  problems: DefinitionProblem[];
  onChange: (card: Card) => void;
}) {
  const bt = useBuilderText();
  const err = (path: string) =>
    problems.find((problem) => problem.path.startsWith(`options.cardAuthentication.${path}`))
      ?.message;
  const attributes = card.attributes ?? [];
  const prefill = card.prefill ?? {};
  const attributesError = err('attributes');
  const toggle = (attribute: CardAttribute, on: boolean) => {
    const nextPrefill = { ...prefill };
    if (!on) delete nextPrefill[attribute];
    onChange({
      ...card,
      attributes: on
        ? cardAttributes.filter((a) => a === attribute || attributes.includes(a))
        : attributes.filter((a) => a !== attribute),
      prefill: nextPrefill,
    });
  };
  const setPrefill = (attribute: CardAttribute, fieldId: string) => {
    const next = { ...prefill };
    if (fieldId === '') delete next[attribute];
    else next[attribute] = fieldId;
    onChange({ ...card, prefill: next });
  };
  return (
    <fieldset className="card-auth">
      <legend>{bt('cardAuth')}</legend>
      <CheckboxField
        label={bt('cardAuthEnabled')}
        checked={card.enabled}
        onChange={(e) => onChange({ ...card, enabled: e.target.checked })}
      />
      {card.enabled ? (
        <>
          <fieldset aria-describedby={attributesError ? 'card-attributes-error' : undefined}>
            <legend>{bt('cardAttributes')}</legend>
            {cardAttributes.map((attribute) => (
              <CheckboxField
                key={attribute}
                label={bt(`card.${attribute}`)}
                checked={attributes.includes(attribute)}
                onChange={(e) => toggle(attribute, e.target.checked)}
              />
            ))}
            {attributesError ? (
              <p className="field-error" id="card-attributes-error">
                {attributesError}
              </p>
            ) : null}
          </fieldset>
          <p className="help">{bt('cardPrefillHelp')}</p>
          <div className="row">
            {attributes.map((attribute) => {
              const targets = fields.filter((f) => f.type === prefillTypes[attribute]);
              const current = prefill[attribute] ?? '';
              // The card says male / female; a choice without those values could not take it.
              const target = targets.find((f) => f.id === current);
              const genderValues =
                attribute === 'gender' &&
                target !== undefined &&
                !['male', 'female'].every((value) => target.values?.includes(value))
                  ? bt('cardGenderValues')
                  : undefined;
              const error = err(`prefill.${attribute}`) ?? genderValues;
              return (
                <SelectField
                  key={attribute}
                  label={bt('cardPrefill', { attribute: bt(`card.${attribute}`) })}
                  value={current}
                  {...(error ? { error } : {})}
                  onChange={(e) => setPrefill(attribute, e.target.value)}
                >
                  <option value="">{bt('cardPrefillNone')}</option>
                  {current !== '' && !targets.some((f) => f.id === current) ? (
                    <option value={current}>{current}</option>
                  ) : null}
                  {targets.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </SelectField>
              );
            })}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
