import type { FieldType } from '@madoguchi/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/errors';
import { guardNavigation, Link, navigate, useTitle } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Async, ErrorBox, useLoad } from '../ui/async';
import { Inspector, PageInspector } from './Inspector';
import { conditionSources } from './logic/conditions';
import type { Draft, FieldAddress } from './logic/draft';
import * as ops from './logic/draft';
import { amend, type History, record, redo, startHistory, undo } from './logic/history';
import { fieldIdProblem, renameFieldId } from './logic/ids';
import { checkDraft, problemsAt, problemsOfPage } from './logic/problems';
import { Outline, Palette } from './Outline';
import { PreviewPanel } from './PreviewPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { SettingsPanel } from './SettingsPanel';
import { type BuilderKey, useBuilderText } from './text';
import { VersionsPanel } from './VersionsPanel';

type FormView = Awaited<ReturnType<typeof loadForm>>;
const loadForm = (id: string) => ok(api.forms[':id'].$get({ param: { id } })).then((r) => r.form);

/** The form builder for one form: loads the draft, then the editor. */
export function BuilderScreen({ formId }: { formId: string }) {
  const { t } = useI18n();
  const form = useLoad(() => loadForm(formId), [formId]);
  useTitle(t('builder.title'), t('app.name'));
  return (
    <>
      <p>
        <Link href="/forms">← {t('forms.title')}</Link>
      </p>
      <Async state={form}>{(view) => <Editor key={view.id} form={view} />}</Async>
    </>
  );
}

const tabs = ['build', 'settings', 'privacy', 'versions', 'preview'] as const;
type Tab = (typeof tabs)[number];
const tabKey = {
  build: 'tabBuild',
  settings: 'tabSettings',
  privacy: 'tabPrivacy',
  versions: 'tabVersions',
  preview: 'tabPreview',
} as const;

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select') !== null;

function Editor({ form: initial }: { form: FormView }) {
  const bt = useBuilderText();
  const { locale, text } = useI18n();
  const [form, setForm] = useState(initial);
  const [history, setHistory] = useState<History<Draft>>(() =>
    startHistory(initial.draft as Draft),
  );
  const [saved, setSaved] = useState<Draft>(history.present);
  const [selected, setSelected] = useState<FieldAddress | null>(null);
  const [page, setPage] = useState(0);
  const [tab, setTab] = useState<Tab>('build');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const importRef = useRef<HTMLInputElement>(null);

  const draft = history.present;
  const dirty = draft !== saved;
  const { problems, definition } = useMemo(() => checkDraft(draft, locale), [draft, locale]);

  // Edits in a row to the same field or panel (typing) amend one undo step; a pause of a second
  // or a different target starts a new one.
  const lastEdit = useRef({ key: '', at: 0 });
  const change = useCallback((next: Draft) => {
    lastEdit.current = { key: '', at: 0 };
    setHistory((h) => record(h, next));
  }, []);
  const edit = useCallback((key: string, next: Draft) => {
    const now = Date.now();
    const same = lastEdit.current.key === key && now - lastEdit.current.at < 1000;
    lastEdit.current = { key, at: now };
    setHistory((h) => (same ? amend(h, next) : record(h, next)));
  }, []);
  const select = (at: FieldAddress | null, pageIndex?: number) => {
    setSelected(at);
    setPage(at?.page ?? pageIndex ?? page);
  };
  const apply = (result: { draft: Draft; at: FieldAddress }) => {
    change(result.draft);
    select(result.at);
  };

  // Unsaved changes are never lost silently: closing the tab and moving inside the console ask.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    const onUnload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    const remove = guardNavigation(() => !dirtyRef.current || window.confirm(bt('leaveConfirm')));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      remove();
    };
  }, [bt]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typingInto(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) setHistory(undo);
      else if (key === 'y' || (key === 'z' && event.shiftKey)) setHistory(redo);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const saveNow = async () => {
    const current = draft;
    const { form: next } = await ok(
      api.forms[':id'].draft.$put({
        param: { id: form.id },
        json: { definition: current as Record<string, unknown>, updatedAt: form.updatedAt },
      }),
    );
    setForm(next);
    setSaved(current);
    return next;
  };
  const save = () =>
    run(async () => {
      await saveNow();
      return bt('saved');
    });
  const publish = () =>
    run(async () => {
      const base = dirty ? await saveNow() : form;
      const { form: next } = await ok(
        api.forms[':id'].publish.$post({
          param: { id: form.id },
          json: { updatedAt: base.updatedAt },
        }),
      );
      setForm({ ...base, ...next });
      return bt('published', { version: next.publishedVersion ?? '' });
    });
  const duplicate = () =>
    run(async () => {
      const { form: copy } = await ok(
        api.forms[':id'].duplicate.$post({ param: { id: form.id }, json: {} }),
      );
      navigate(`/forms/${copy.id}/builder`);
      return '';
    });
  const share = () =>
    run(async () => {
      await ok(api.forms[':id'].share.$post({ param: { id: form.id } }));
      return bt('shared');
    });
  const exportJson = () => {
    const blob = new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${form.id}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const importJson = async (file: File | undefined) => {
    if (!file) return;
    // The reason in the console's words: the parser's and the file reader's are English only.
    const failed = (reason: BuilderKey) => setNotice(bt('importFailed', { detail: bt(reason) }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (caught) {
      failed(caught instanceof SyntaxError ? 'importNotJson' : 'importUnreadable');
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as Draft).pages)) {
      failed('importNoPages');
      return;
    }
    change(parsed as Draft);
    select(null, 0);
    setNotice(bt('importDone'));
  };

  const groupSelected =
    selected !== null &&
    (selected.child !== undefined || ops.fieldAt(draft, selected)?.type === 'group');
  const add = (type: FieldType) => {
    if (draft.pages.length === 0) return;
    const target = page < draft.pages.length ? page : 0;
    const inGroup = groupSelected && selected ? selected.index : undefined;
    const result =
      inGroup !== undefined && selected
        ? ops.addField(
            draft,
            type,
            selected.child !== undefined
              ? { page: selected.page, after: selected }
              : { page: selected.page, intoGroup: inGroup },
          )
        : ops.addField(draft, type, {
            page: target,
            ...(selected && selected.page === target ? { after: selected } : {}),
          });
    if (result) apply(result);
  };

  const field = selected ? ops.fieldAt(draft, selected) : undefined;
  const topLevel = draft.pages.flatMap((p) =>
    p.fields.flatMap((f) =>
      f.type === 'heading' || f.type === 'paragraph'
        ? []
        : [
            {
              id: f.id,
              label: text(f.label) || f.id,
              type: f.type,
              ...(f.type === 'number' ? { integer: f.integer !== false } : {}),
              ...(f.type === 'single_choice' ? { values: f.options.map((o) => o.value) } : {}),
            },
          ],
    ),
  );
  const currentPage = draft.pages[page];
  const nextVersion = (form.versions.at(-1)?.version ?? 0) + 1;
  const title = text(draft.title) || form.title;

  return (
    <div className="builder">
      <div className="builder-head">
        <h1>
          {title}{' '}
          {form.publishedVersion === null ? null : (
            <span className={`status status-${form.status}`}>{`v${form.publishedVersion}`}</span>
          )}
        </h1>
        <div className="toolbar" role="toolbar" aria-label={bt('more')}>
          <button
            type="button"
            onClick={() => setHistory(undo)}
            disabled={history.past.length === 0}
            aria-keyshortcuts="Control+Z"
          >
            {bt('undo')}
          </button>
          <button
            type="button"
            onClick={() => setHistory(redo)}
            disabled={history.future.length === 0}
            aria-keyshortcuts="Control+Y"
          >
            {bt('redo')}
          </button>
          <button type="button" className="primary" onClick={save} disabled={busy || !dirty}>
            {busy ? bt('saving') : bt('save')}
          </button>
          <button type="button" onClick={publish} disabled={busy || problems.length > 0}>
            {bt('publish', { version: nextVersion })}
          </button>
          <button type="button" onClick={exportJson}>
            {bt('exportJson')}
          </button>
          <button type="button" onClick={() => importRef.current?.click()}>
            {bt('importJson')}
          </button>
          <input
            ref={importRef}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label={bt('importJson')}
            onChange={(event) => importJson(event.target.files?.[0])}
          />
          <button type="button" onClick={duplicate} disabled={busy}>
            {bt('duplicateForm')}
          </button>
          <button type="button" onClick={share} disabled={busy || form.publishedVersion === null}>
            {bt('share')}
          </button>
        </div>
        <p className="builder-status" role="status">
          {dirty ? <span className="tag">{bt('unsaved')}</span> : null}{' '}
          {problems.length > 0 ? (
            <span className="field-error">{bt('publishBlocked', { count: problems.length })}</span>
          ) : (
            bt('noProblems')
          )}{' '}
          {notice}
        </p>
        {error ? <ErrorBox error={error} /> : null}
      </div>
      <div role="tablist" aria-label={bt('more')} className="builder-tabs">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="builder-panel"
            onClick={() => setTab(name)}
          >
            {bt(tabKey[name])}
          </button>
        ))}
      </div>
      <div id="builder-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'build' ? (
          <div className="builder-grid">
            <Palette insideGroup={groupSelected} onAdd={add} />
            <Outline
              draft={draft}
              selected={selected}
              selectedPage={page}
              problems={problems}
              actions={{
                select,
                add,
                move: (at, step) => apply(ops.moveField(draft, at, step)),
                moveTo: (from, to) => apply(ops.moveFieldTo(draft, from, to)),
                moveToPage: (at, target) => apply(ops.moveFieldToPage(draft, at, target)),
                duplicate: (at) => apply(ops.duplicateField(draft, at)),
                remove: (at) => {
                  change(ops.deleteField(draft, at));
                  select(null, at.page);
                },
                addPage: () => {
                  const result = ops.addPage(draft);
                  change(result.draft);
                  select(null, result.page);
                },
                movePage: (index, step) => {
                  const result = ops.movePage(draft, index, step);
                  change(result.draft);
                  select(null, result.page);
                },
                deletePage: (index) => {
                  change(ops.deletePage(draft, index));
                  select(null, 0);
                },
              }}
            />
            <div>
              {field && selected ? (
                <>
                  <Inspector
                    field={field}
                    problems={problemsAt(problems, selected)}
                    sources={conditionSources(draft, selected)}
                    fields={topLevel}
                    idProblem={(next) => fieldIdProblem(draft, field.id, next)}
                    onRenameId={(next) => change(renameFieldId(draft, field.id, next))}
                    onChange={(next) =>
                      edit(
                        `field:${JSON.stringify(selected)}`,
                        ops.updateField(draft, selected, next),
                      )
                    }
                  />
                  {selected.child === undefined && draft.pages.length > 1 ? (
                    <label className="field">
                      {bt('moveToPage')}
                      <select
                        value={selected.page}
                        onChange={(event) =>
                          apply(ops.moveFieldToPage(draft, selected, Number(event.target.value)))
                        }
                      >
                        {draft.pages.map((p, index) => (
                          <option key={p.id} value={index}>
                            {`${bt('page')} ${index + 1}: ${text(p.title)}`}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : null}
                </>
              ) : currentPage ? (
                <PageInspector
                  page={currentPage}
                  problems={problemsOfPage(problems, page)}
                  sources={conditionSources(draft, { page })}
                  onChange={(next) => edit(`page:${page}`, ops.updatePage(draft, page, next))}
                />
              ) : (
                <p>{bt('nothingSelected')}</p>
              )}
            </div>
          </div>
        ) : null}
        {tab === 'settings' ? (
          <SettingsPanel
            draft={draft}
            fields={topLevel}
            problems={problems}
            onChange={(next) => edit('settings', next)}
          />
        ) : null}
        {tab === 'privacy' ? <PrivacyPanel definition={definition} title={title} /> : null}
        {tab === 'versions' ? (
          <VersionsPanel formId={form.id} versions={form.versions} draft={draft} />
        ) : null}
        {tab === 'preview' ? <PreviewPanel formId={form.id} draft={draft} /> : null}
      </div>
    </div>
  );
}
