/**
 * How answers are named in the HTML. The pages, the server that reads their POSTs and the
 * client script all go through these, so a field's input is found the same way everywhere.
 *
 * A path is where an answer sits: `['phone']`, `['name', 'family']`, or in a repeatable group
 * `['children', 0, 'child_name', 'family']`. Field ids are a–z, 0–9 and _, so they are safe in
 * both names and ids.
 */
export type AnswerPath = readonly (string | number)[];

/**
 * Posted by the client script with a page: the questions an answer brought up appeared as the
 * resident answered, so the server need not show the page again to present them.
 */
export const liveName = '_live';

/** The id of the one form on a resident page; buttons outside it name it with `form=`. */
export const mainFormId = 'resident-form';

/** The `name` of the input holding the answer at a path: `a.children.0.child_name.family`. */
export function inputName(path: AnswerPath): string {
  return `a.${path.join('.')}`;
}

/** The `id` of the element for the answer at a path: `f-children-0-child_name-family`. */
export function inputId(path: AnswerPath): string {
  return `f-${path.join('-')}`;
}

/** The key of a path in error maps and visibility sets: `children.0.child_name`. */
export function pathKey(path: AnswerPath): string {
  return path.join('.');
}

/** The id of a field's hint text, for aria-describedby. */
export function hintId(path: AnswerPath): string {
  return `${inputId(path)}-hint`;
}

/** The id of a field's error message, for aria-describedby. */
export function errorId(path: AnswerPath): string {
  return `${inputId(path)}-error`;
}

/** What a submit button asks the server to do; sent as `_action`. */
export type FormAction =
  | { kind: 'start' }
  | { kind: 'resume' }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'confirm' }
  | { kind: 'submit' }
  | { kind: 'goto'; pageId: string }
  | { kind: 'add_row'; groupId: string }
  | { kind: 'remove_row'; groupId: string; row: number }
  | { kind: 'remove_file'; path: string[]; fileId: string }
  | { kind: 'language'; locale: 'ja' | 'en' }
  | { kind: 'send_code' }
  | { kind: 'check_code' };

/** The `_action` value of a button. */
export function actionValue(action: FormAction): string {
  switch (action.kind) {
    case 'goto':
      return `goto:${action.pageId}`;
    case 'add_row':
      return `add_row:${action.groupId}`;
    case 'remove_row':
      return `remove_row:${action.groupId}:${action.row}`;
    case 'remove_file':
      return `remove_file:${action.path.join('.')}:${action.fileId}`;
    case 'language':
      return `language:${action.locale}`;
    default:
      return action.kind;
  }
}

const simpleActions = [
  'start',
  'resume',
  'next',
  'back',
  'confirm',
  'submit',
  'send_code',
  'check_code',
];
const idPattern = /^[a-z][a-z0-9_]{0,62}$/;

/** Reads an `_action` value; undefined when it is not one the pages send. */
export function parseAction(value: string): FormAction | undefined {
  if (value.length > 300) return undefined;
  if (simpleActions.includes(value)) return { kind: value } as FormAction;
  const [kind, ...rest] = value.split(':');
  if (kind === 'goto' && rest.length === 1 && idPattern.test(rest[0] ?? ''))
    return { kind, pageId: rest[0] ?? '' };
  if (kind === 'add_row' && rest.length === 1 && idPattern.test(rest[0] ?? ''))
    return { kind, groupId: rest[0] ?? '' };
  if (kind === 'remove_row' && rest.length === 2 && idPattern.test(rest[0] ?? '')) {
    const row = Number(rest[1]);
    if (/^\d{1,2}$/.test(rest[1] ?? '')) return { kind, groupId: rest[0] ?? '', row };
  }
  if (kind === 'remove_file' && rest.length === 2) {
    const path = (rest[0] ?? '').split('.');
    const fileId = rest[1] ?? '';
    if (path.every((part) => idPattern.test(part) || /^\d{1,2}$/.test(part)))
      if (/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) return { kind, path, fileId };
  }
  if (kind === 'language' && (rest[0] === 'ja' || rest[0] === 'en') && rest.length === 1)
    return { kind, locale: rest[0] };
  return undefined;
}
