import { councilReview, type FormDefinition, personalDataInventory } from '@madoguchi/shared';
import { useI18n } from '../i18n/i18n';
import { useBuilderText } from './text';

/** The personal data the form handles and whether the council must review it; printable. */
export function PrivacyPanel({
  definition,
  title,
}: {
  definition: FormDefinition | null;
  title: string;
}) {
  const bt = useBuilderText();
  const { text } = useI18n();
  if (!definition) return <p className="notice">{bt('privacyUnavailable')}</p>;
  const inventory = personalDataInventory(definition);
  const review = councilReview(definition);
  return (
    <section aria-labelledby="privacy-title" className="builder-privacy printable">
      <h2 id="privacy-title">
        {bt('privacy')}: {title}
      </h2>
      <p className={review.required ? 'notice' : ''}>
        <strong>{review.required ? bt('councilRequired') : bt('councilNotRequired')}</strong>
        {review.reasons.length > 0
          ? `（${review.reasons.map((reason) => bt(`reason.${reason}`)).join('、')}）`
          : null}
      </p>
      {inventory.length === 0 ? (
        <p>{bt('privacyNone')}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{bt('pii')}</th>
              <th scope="col">{bt('labelJa')}</th>
            </tr>
          </thead>
          <tbody>
            {inventory.map((item) => (
              <tr key={item.category}>
                <td>{item.category}</td>
                <td>{item.fields.map((field) => text(field.label)).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>{bt('purposeOfUse')}</strong>: {text(definition.purposeOfUse)}
      </p>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {bt('print')}
      </button>
    </section>
  );
}
