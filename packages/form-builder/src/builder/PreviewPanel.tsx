import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { errorOf } from '../api/errors';
import { useI18n } from '../i18n/i18n';
import { ErrorBox } from '../ui/async';
import type { Draft } from './logic/draft';
import { useBuilderText } from './text';

/**
 * The draft as residents see it, rendered by the server with the resident pages' own views and
 * shown in sandboxed frames at phone and desktop widths. Scripts stay off (no allow-scripts, and
 * the frame inherits the console's policy); same-origin is allowed so the frame may load the
 * resident stylesheet, which the server marks same-origin only.
 */
export function PreviewPanel({ formId, draft }: { formId: string; draft: Draft }) {
  const bt = useBuilderText();
  const { locale, text } = useI18n();
  const [page, setPage] = useState(0);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: round asks for a fresh render
  useEffect(() => {
    let current = true;
    setError(null);
    api.forms[':id'].preview
      .$post({
        param: { id: formId },
        json: { definition: draft as Record<string, unknown>, page, locale },
      })
      .then(async (response) => {
        if (!response.ok) throw await errorOf(response);
        const body = await response.text();
        if (current) setHtml(body);
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [formId, draft, page, locale, round]);
  return (
    <section aria-labelledby="preview-title" className="builder-preview">
      <h2 id="preview-title">{bt('previewTitle')}</h2>
      <div className="row">
        <label className="field">
          {bt('page')}
          <select value={page} onChange={(event) => setPage(Number(event.target.value))}>
            {draft.pages.map((p, index) => (
              <option key={p.id} value={index}>
                {`${index + 1}: ${text(p.title)}`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setRound((n) => n + 1)}>
          {bt('previewRefresh')}
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {html !== null ? (
        <div className="preview-frames">
          <figure>
            <figcaption>{bt('previewPhone')}</figcaption>
            <iframe
              title={`${bt('previewTitle')}: ${bt('previewPhone')}`}
              sandbox="allow-same-origin"
              srcDoc={html}
              width={360}
            />
          </figure>
          <figure>
            <figcaption>{bt('previewDesktop')}</figcaption>
            <iframe
              title={`${bt('previewTitle')}: ${bt('previewDesktop')}`}
              sandbox="allow-same-origin"
              srcDoc={html}
              width={900}
            />
          </figure>
        </div>
      ) : null}
    </section>
  );
}
