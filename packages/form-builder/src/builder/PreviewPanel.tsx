import type { Draft } from './logic/draft';
import { useBuilderText } from './text';

/** The resident page of the draft at phone and desktop widths (filled in by the preview route). */
export function PreviewPanel({ formId, draft }: { formId: string; draft: Draft }) {
  const bt = useBuilderText();
  return (
    <section aria-labelledby="preview-title" data-form={formId} data-pages={draft.pages.length}>
      <h2 id="preview-title">{bt('previewTitle')}</h2>
    </section>
  );
}
