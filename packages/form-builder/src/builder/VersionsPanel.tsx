import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/errors';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../logic/format';
import { ErrorBox } from '../ui/async';
import { type DefinitionChange, diffVersions } from './logic/diff';
import type { Draft } from './logic/draft';
import { propertyWord, useBuilderText } from './text';

/** Published versions, each with a readable diff against the current draft. */
export function VersionsPanel({
  formId,
  versions,
  draft,
}: {
  formId: string;
  versions: { version: number; publishedAt: number }[];
  draft: Draft;
}) {
  const bt = useBuilderText();
  const { locale } = useI18n();
  const [shown, setShown] = useState<{ version: number; changes: DefinitionChange[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const show = async (version: number) => {
    setError(null);
    try {
      const { version: view } = await ok(
        api.forms[':id'].versions[':version'].$get({
          param: { id: formId, version: String(version) },
        }),
      );
      setShown({ version, changes: diffVersions(view.definition as Draft, draft) });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="versions-title" className="builder-versions">
      <h2 id="versions-title">{bt('versions')}</h2>
      {versions.length === 0 ? <p>{bt('noVersions')}</p> : null}
      <ul>
        {[...versions].reverse().map((version) => (
          <li key={version.version}>
            v{version.version} — {formatDateTime(version.publishedAt, locale)}{' '}
            <button type="button" onClick={() => show(version.version)}>
              {bt('showDiff')}: v{version.version}
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorBox error={error} /> : null}
      {shown ? (
        <div className="card">
          <h3>{bt('compareWith', { version: shown.version })}</h3>
          {shown.changes.length === 0 ? (
            <p>{bt('noDiff')}</p>
          ) : (
            <DiffList changes={shown.changes} />
          )}
        </div>
      ) : null}
    </section>
  );
}

/** The changes as a list: what kind, which field or page, and what of it. */
export function DiffList({ changes }: { changes: DefinitionChange[] }) {
  const bt = useBuilderText();
  const { locale } = useI18n();
  const words = (scope: 'form' | 'page' | 'field', properties: string[]) =>
    properties.map((property) => propertyWord(locale, scope, property)).join('、');
  return (
    <ul className="diff">
      {changes.map((change) => {
        const kind = bt(`diff.${change.kind}`);
        const key = `${change.kind}-${'id' in change ? change.id : ''}`;
        switch (change.kind) {
          case 'form_changed':
            return <li key={key}>{`${kind}: ${words('form', change.properties)}`}</li>;
          case 'field_moved':
            return <li key={key}>{`${kind}: ${change.label}（${change.from} → ${change.to}）`}</li>;
          case 'field_changed':
          case 'page_changed':
            return (
              <li key={key}>
                {`${kind}: ${change.label}（${words(change.kind === 'field_changed' ? 'field' : 'page', change.properties)}）`}
              </li>
            );
          default:
            return <li key={key}>{`${kind}: ${change.label}`}</li>;
        }
      })}
    </ul>
  );
}
