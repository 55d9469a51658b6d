import type { SubmissionDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../logic/format';
import { cardAttributeLabels, knownAttributes } from './card';

/**
 * 「マイナンバーカードで本人確認済み」: when (Japan time) and which attributes the card
 * verified. The verified values themselves are the answers marked in the answers table.
 */
export function CardVerified({
  verification,
}: {
  verification: NonNullable<SubmissionDetail['submission']['verifiedByCard']>;
}) {
  const { t, label, locale } = useI18n();
  const attributes = knownAttributes(verification.attributes);
  return (
    <section aria-labelledby="card-title" className="card card-verified">
      <h2 id="card-title">
        <span aria-hidden="true">✓ </span>
        {t('detail.cardTitle')}
      </h2>
      <dl className="pairs">
        <dt>{t('detail.cardAt')}</dt>
        <dd>{formatDateTime(verification.verifiedAt, locale)}</dd>
        <dt>{t('detail.cardAttributes')}</dt>
        <dd>
          {attributes.length > 0
            ? attributes
                .map((attribute) => label(cardAttributeLabels[attribute]))
                .join(locale === 'ja' ? '・' : ', ')
            : '—'}
        </dd>
      </dl>
      {attributes.length > 0 ? <p className="muted">{t('detail.cardNote')}</p> : null}
    </section>
  );
}
