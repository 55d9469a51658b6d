import { type DefinitionProblem, type FieldType, fieldTypes } from '@madoguchi/shared';
import { type DragEvent, type KeyboardEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { type Draft, type FieldAddress, sameAddress } from './logic/draft';
import {
  type DraftField,
  type DraftNestedField,
  fieldTypeNames,
  isNestedType,
} from './logic/palette';
import { problemsAt, problemsOfPage } from './logic/problems';
import { useBuilderText } from './text';

/** What the outline asks the builder to do. */
export interface OutlineActions {
  select: (at: FieldAddress | null, page?: number) => void;
  add: (type: FieldType) => void;
  move: (at: FieldAddress, step: -1 | 1) => void;
  moveTo: (from: FieldAddress, to: FieldAddress) => void;
  moveToPage: (at: FieldAddress, page: number) => void;
  duplicate: (at: FieldAddress) => void;
  remove: (at: FieldAddress) => void;
  addPage: () => void;
  movePage: (page: number, step: -1 | 1) => void;
  deletePage: (page: number) => void;
}

/** The palette: one button per field type; types a group cannot hold are off inside a group. */
export function Palette({
  insideGroup,
  onAdd,
}: {
  insideGroup: boolean;
  onAdd: (type: FieldType) => void;
}) {
  const bt = useBuilderText();
  const { locale } = useI18n();
  return (
    <section aria-labelledby="palette-title" className="builder-palette">
      <h2 id="palette-title">{bt('palette')}</h2>
      <p className="help">{bt('paletteHelp')}</p>
      <ul>
        {fieldTypes.map((type) => (
          <li key={type}>
            <button
              type="button"
              data-type={type}
              disabled={insideGroup && !isNestedType(type)}
              onClick={() => onAdd(type)}
            >
              ＋ {fieldTypeNames[type][locale]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const fieldText = (field: DraftField | DraftNestedField) =>
  field.type === 'heading' || field.type === 'paragraph' ? field.text : field.label;

const dragType = 'application/x-madoguchi-field';

/** Pages and their fields in order, with reordering by buttons, Alt+Arrow and drag and drop. */
export function Outline({
  draft,
  selected,
  selectedPage,
  problems,
  actions,
}: {
  draft: Draft;
  selected: FieldAddress | null;
  selectedPage: number;
  problems: DefinitionProblem[];
  actions: OutlineActions;
}) {
  const bt = useBuilderText();
  const { text, locale } = useI18n();
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const onKey = (event: KeyboardEvent, at: FieldAddress) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    actions.move(at, event.key === 'ArrowUp' ? -1 : 1);
  };
  const dragStart = (event: DragEvent, at: FieldAddress) => {
    event.dataTransfer.setData(dragType, JSON.stringify(at));
    event.dataTransfer.effectAllowed = 'move';
  };
  const drop = (event: DragEvent, to: FieldAddress) => {
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(null);
    const raw = event.dataTransfer.getData(dragType);
    if (raw) actions.moveTo(JSON.parse(raw) as FieldAddress, to);
  };
  const dropZone = (key: string, to: FieldAddress) => ({
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(key);
    },
    onDragLeave: () => setDropTarget((current) => (current === key ? null : current)),
    onDrop: (event: DragEvent) => drop(event, to),
    'data-drop': dropTarget === key ? 'over' : undefined,
  });

  const row = (field: DraftField | DraftNestedField, at: FieldAddress, count: number) => {
    const own = problemsAt(problems, at);
    const position = at.child ?? at.index;
    const key = `${at.page}-${at.index}-${at.child ?? ''}`;
    const isSelected = sameAddress(selected, at);
    const name = text(fieldText(field)) || field.id;
    return (
      <li
        key={key}
        className={`outline-field${isSelected ? ' selected' : ''}`}
        draggable
        onDragStart={(event) => {
          event.stopPropagation();
          dragStart(event, at);
        }}
        {...dropZone(key, at)}
      >
        <div className="outline-row">
          <button
            type="button"
            className="outline-select"
            aria-pressed={isSelected}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onClick={() => actions.select(at)}
            onKeyDown={(event) => onKey(event, at)}
          >
            <span className="tag">{fieldTypeNames[field.type][locale]}</span> {name}
            {'required' in field && field.required ? <span className="required"> *</span> : null}
            {field.showIf ? <span className="tag">{bt('condition')}</span> : null}
            {own.length > 0 ? <span className="field-error"> ⚠ {own.length}</span> : null}
          </button>
          <span className="outline-tools">
            <button
              type="button"
              disabled={position === 0}
              onClick={() => actions.move(at, -1)}
              aria-label={`${bt('moveUp')}: ${name}`}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={position === count - 1}
              onClick={() => actions.move(at, 1)}
              aria-label={`${bt('moveDown')}: ${name}`}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => actions.duplicate(at)}
              aria-label={`${bt('duplicate')}: ${name}`}
            >
              {bt('duplicate')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => actions.remove(at)}
              aria-label={`${bt('delete')}: ${name}`}
            >
              ×
            </button>
          </span>
        </div>
        {own.length > 0 ? (
          <ul className="field-error">
            {own.map((problem) => (
              <li key={problem.path + problem.code}>{problem.message}</li>
            ))}
          </ul>
        ) : null}
        {field.type === 'group' ? (
          <ol className="outline-group" aria-label={`${bt('groupFields')}: ${name}`}>
            {field.fields.map((nested, child) =>
              row(nested, { ...at, child }, field.fields.length),
            )}
          </ol>
        ) : null}
      </li>
    );
  };

  return (
    <section aria-labelledby="outline-title" className="builder-outline">
      <h2 id="outline-title">{bt('outline')}</h2>
      <p className="help">{bt('dragHint')}</p>
      {draft.pages.map((page, pageIndex) => {
        const pageProblems = problemsOfPage(problems, pageIndex);
        const end = `end-${pageIndex}`;
        return (
          <div
            key={page.id}
            className={`outline-page${selectedPage === pageIndex && selected === null ? ' selected' : ''}`}
          >
            <div className="outline-row">
              <button
                type="button"
                className="outline-select"
                onClick={() => actions.select(null, pageIndex)}
              >
                <strong>
                  {bt('page')} {pageIndex + 1}: {text(page.title) || page.id}
                </strong>
                {page.showIf ? <span className="tag">{bt('condition')}</span> : null}
              </button>
              <span className="outline-tools">
                <button
                  type="button"
                  disabled={pageIndex === 0}
                  onClick={() => actions.movePage(pageIndex, -1)}
                  aria-label={`${bt('moveUp')}: ${bt('page')} ${pageIndex + 1}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={pageIndex === draft.pages.length - 1}
                  onClick={() => actions.movePage(pageIndex, 1)}
                  aria-label={`${bt('moveDown')}: ${bt('page')} ${pageIndex + 1}`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={draft.pages.length === 1}
                  onClick={() => actions.deletePage(pageIndex)}
                  aria-label={`${bt('deletePage')} ${pageIndex + 1}`}
                >
                  ×
                </button>
              </span>
            </div>
            {pageProblems.map((problem) => (
              <p key={problem.path + problem.code} className="field-error">
                {problem.message}
              </p>
            ))}
            <ol className="outline-fields">
              {page.fields.map((field, index) =>
                row(field, { page: pageIndex, index }, page.fields.length),
              )}
              <li
                className="outline-drop"
                {...dropZone(end, { page: pageIndex, index: page.fields.length })}
                aria-hidden="true"
              />
            </ol>
          </div>
        );
      })}
      <button type="button" onClick={actions.addPage}>
        ＋ {bt('addPage')}
      </button>
    </section>
  );
}
