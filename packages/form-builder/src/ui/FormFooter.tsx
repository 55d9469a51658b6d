import { useI18n } from '../i18n/i18n';

/**
 * The end of a settings form: the error of the last save (an alert), the submit button and a
 * status line that announces the save's result.
 */
export function FormFooter({
  error,
  notice,
  label,
}: {
  /** The last save's error, or null when there is none. */
  error: string | null;
  /** What the last save did ("保存しました"), empty before one. */
  notice: string;
  /** The submit button's text; 「保存」 / "Save" when not given. */
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {label ?? t('common.save')}
        </button>
        <span role="status" className="muted">
          {notice}
        </span>
      </div>
    </>
  );
}
