import {
  type DefinitionProblem,
  type FormDefinition,
  type Locale,
  parseDefinition,
} from '@madoguchi/shared';
import type { Draft, FieldAddress } from './draft';

/** Where a problem belongs in the builder: a field, a page, or the form's settings. */
export type ProblemPlace =
  | { kind: 'field'; at: FieldAddress; rest: string }
  | { kind: 'page'; page: number; rest: string }
  | { kind: 'form'; rest: string };

const fieldPath = /^pages\[(\d+)\]\.fields\[(\d+)\](?:\.fields\[(\d+)\])?(.*)$/;
const pagePath = /^pages\[(\d+)\](.*)$/;

/** Maps a check's path (`pages[0].fields[3].label.ja`) to the part of the builder at fault. */
export function problemPlace(path: string): ProblemPlace {
  const field = fieldPath.exec(path);
  if (field) {
    const [, page, index, child, rest] = field;
    return {
      kind: 'field',
      at: {
        page: Number(page),
        index: Number(index),
        ...(child !== undefined ? { child: Number(child) } : {}),
      },
      rest: (rest ?? '').replace(/^\./, ''),
    };
  }
  const page = pagePath.exec(path);
  if (page)
    return { kind: 'page', page: Number(page[1]), rest: (page[2] ?? '').replace(/^\./, '') };
  return { kind: 'form', rest: path };
}

/** The problems at one field: its own, not those of its group's row fields. */
export function problemsAt(problems: DefinitionProblem[], at: FieldAddress): DefinitionProblem[] {
  return problems.filter((problem) => {
    const place = problemPlace(problem.path);
    return (
      place.kind === 'field' &&
      place.at.page === at.page &&
      place.at.index === at.index &&
      place.at.child === at.child
    );
  });
}

/** The problems of a page itself (title, condition, id), not of its fields. */
export function problemsOfPage(problems: DefinitionProblem[], page: number): DefinitionProblem[] {
  return problems.filter((problem) => {
    const place = problemPlace(problem.path);
    return place.kind === 'page' && place.page === page;
  });
}

/** The problems of the form as a whole (title, settings, options, notifications). */
export function problemsOfForm(problems: DefinitionProblem[]): DefinitionProblem[] {
  return problems.filter((problem) => problemPlace(problem.path).kind === 'form');
}

/** Runs the shared shape and definition checks on a draft: the same ones publishing runs. */
export function checkDraft(
  draft: Draft,
  locale: Locale,
): { problems: DefinitionProblem[]; definition: FormDefinition | null } {
  const result = parseDefinition(draft, locale);
  return result.ok
    ? { problems: [], definition: result.definition }
    : { problems: result.problems, definition: null };
}
