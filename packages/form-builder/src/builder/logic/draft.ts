import type { FieldType, FormDefinitionInput } from '@madoguchi/shared';
import {
  type DraftField,
  type DraftNestedField,
  type DraftPage,
  freeId,
  isNestedType,
  isPlaceholder,
  newField,
  newPage,
  usedIds,
} from './palette';

/** A draft definition as the builder edits it. */
export type Draft = FormDefinitionInput;

/** Where a field sits: its page and position, and its position inside a group when nested. */
export interface FieldAddress {
  page: number;
  index: number;
  /** Position among the group's row fields, for a field inside a repeatable group. */
  child?: number;
}

/** The field at an address, or undefined when there is none. */
export function fieldAt(draft: Draft, at: FieldAddress): DraftField | DraftNestedField | undefined {
  const field = draft.pages[at.page]?.fields[at.index];
  if (at.child === undefined) return field;
  return field?.type === 'group' ? field.fields[at.child] : undefined;
}

/** True when two addresses name the same field. */
export function sameAddress(a: FieldAddress | null, b: FieldAddress | null): boolean {
  return (
    a !== null && b !== null && a.page === b.page && a.index === b.index && a.child === b.child
  );
}

function withPages(draft: Draft, change: (pages: DraftPage[]) => void): Draft {
  const pages = draft.pages.map((page) => ({ ...page, fields: [...page.fields] }));
  change(pages);
  return { ...draft, pages };
}

/** Applies a change to the list an address lives in: a page's fields or a group's row fields. */
function withSiblings(
  draft: Draft,
  at: FieldAddress,
  change: (list: (DraftField | DraftNestedField)[]) => void,
): Draft {
  return withPages(draft, (pages) => {
    const page = pages[at.page];
    if (!page) return;
    if (at.child === undefined) {
      change(page.fields);
      return;
    }
    const group = page.fields[at.index];
    if (group?.type !== 'group') return;
    const fields = [...group.fields];
    change(fields);
    page.fields[at.index] = { ...group, fields: fields as DraftNestedField[] };
  });
}

/**
 * Adds a new field of a type after `after` (or at the end of the page). Adding inside a group
 * (`after.child` set, or `intoGroup`) only takes the types a group row allows.
 * Returns the new draft and the new field's address.
 */
export function addField(
  draft: Draft,
  type: FieldType,
  place: { page: number; after?: FieldAddress; intoGroup?: number },
): { draft: Draft; at: FieldAddress } | null {
  const field = newField(type, usedIds(draft));
  const page = draft.pages[place.page];
  if (!page) return null;
  const groupIndex =
    place.intoGroup ?? (place.after?.child !== undefined ? place.after.index : undefined);
  if (groupIndex !== undefined) {
    const group = page.fields[groupIndex];
    if (group?.type !== 'group' || !isNestedType(type)) return null;
    // The first real field replaces the untouched placeholder a new group starts with.
    if (group.fields.length === 1 && isPlaceholder(group.fields[0])) {
      const at = { page: place.page, index: groupIndex, child: 0 };
      return { draft: withSiblings(draft, at, (list) => list.splice(0, 1, field)), at };
    }
    const child = place.after?.child !== undefined ? place.after.child + 1 : group.fields.length;
    const at = { page: place.page, index: groupIndex, child };
    return {
      draft: withSiblings(draft, { ...at, child: 0 }, (list) => list.splice(child, 0, field)),
      at,
    };
  }
  const index = place.after ? place.after.index + 1 : page.fields.length;
  return {
    draft: withPages(draft, (pages) => pages[place.page]?.fields.splice(index, 0, field)),
    at: { page: place.page, index },
  };
}

/** Replaces the field at an address (the inspector's edits). */
export function updateField(
  draft: Draft,
  at: FieldAddress,
  field: DraftField | DraftNestedField,
): Draft {
  const position = at.child ?? at.index;
  return withSiblings(draft, at, (list) => {
    list[position] = field;
  });
}

/** Copies a field right after itself, with fresh ids (a group's row fields too). */
export function duplicateField(draft: Draft, at: FieldAddress): { draft: Draft; at: FieldAddress } {
  const original = fieldAt(draft, at);
  if (!original) return { draft, at };
  const used = usedIds(draft);
  const copy = structuredClone(original);
  copy.id = freeId(`${original.id}_copy`, used);
  used.add(copy.id);
  if (copy.type === 'group') {
    for (const nested of copy.fields) {
      nested.id = freeId(`${nested.id}_copy`, used);
      used.add(nested.id);
    }
  }
  const position = (at.child ?? at.index) + 1;
  const next = withSiblings(draft, at, (list) => list.splice(position, 0, copy));
  return {
    draft: next,
    at: at.child === undefined ? { ...at, index: position } : { ...at, child: position },
  };
}

/** Removes the field at an address; a group's last row field stays (a group needs one). */
export function deleteField(draft: Draft, at: FieldAddress): Draft {
  if (at.child !== undefined) {
    const group = draft.pages[at.page]?.fields[at.index];
    if (group?.type === 'group' && group.fields.length <= 1) return draft;
  }
  const position = at.child ?? at.index;
  return withSiblings(draft, at, (list) => list.splice(position, 1));
}

/**
 * Moves a field up (-1) or down (+1) among its siblings. Returns the new address, or the same
 * draft and address when it is already first or last.
 */
export function moveField(
  draft: Draft,
  at: FieldAddress,
  step: -1 | 1,
): { draft: Draft; at: FieldAddress } {
  const position = at.child ?? at.index;
  const target = position + step;
  let moved = false;
  const next = withSiblings(draft, at, (list) => {
    if (target < 0 || target >= list.length) return;
    const [field] = list.splice(position, 1);
    if (field) list.splice(target, 0, field);
    moved = true;
  });
  if (!moved) return { draft, at };
  return {
    draft: next,
    at: at.child === undefined ? { ...at, index: target } : { ...at, child: target },
  };
}

/**
 * Moves a field to a position (drag and drop): onto another page, to the top level of a page,
 * or into a group. A group never goes into a group, and only nested types go into one.
 */
export function moveFieldTo(
  draft: Draft,
  from: FieldAddress,
  to: FieldAddress,
): { draft: Draft; at: FieldAddress } {
  const field = fieldAt(draft, from);
  if (!field || sameAddress(from, to)) return { draft, at: from };
  if (to.child !== undefined && !isNestedType(field.type)) return { draft, at: from };
  if (from.child !== undefined) {
    const group = draft.pages[from.page]?.fields[from.index];
    if (group?.type === 'group' && group.fields.length <= 1) return { draft, at: from };
  }
  // Removing first shifts the target when it is later in the same list.
  const target = { ...to };
  const sameList = from.page === to.page && (from.child === undefined) === (to.child === undefined);
  if (from.child === undefined && to.page === from.page && to.index > from.index) target.index--;
  if (
    sameList &&
    from.child !== undefined &&
    from.index === to.index &&
    (to.child ?? 0) > from.child
  )
    target.child = (target.child ?? 0) - 1;
  const removed = deleteField(draft, from);
  const next = withPages(removed, (pages) => {
    const page = pages[target.page];
    if (!page) return;
    if (target.child === undefined) {
      page.fields.splice(Math.min(target.index, page.fields.length), 0, field as DraftField);
      return;
    }
    const group = page.fields[target.index];
    if (group?.type !== 'group') return;
    const fields = [...group.fields];
    fields.splice(Math.min(target.child, fields.length), 0, field as DraftNestedField);
    page.fields[target.index] = { ...group, fields };
  });
  return { draft: next, at: target };
}

/** Moves a top-level field to the end of another page. */
export function moveFieldToPage(
  draft: Draft,
  from: FieldAddress,
  page: number,
): { draft: Draft; at: FieldAddress } {
  const length = draft.pages[page]?.fields.length;
  if (length === undefined) return { draft, at: from };
  return moveFieldTo(draft, from, { page, index: length });
}

/** Adds a page after the given one (or at the end). */
export function addPage(draft: Draft, after?: number): { draft: Draft; page: number } {
  const page = newPage(draft);
  const index = after === undefined ? draft.pages.length : after + 1;
  return { draft: withPages(draft, (pages) => pages.splice(index, 0, page)), page: index };
}

/** Changes a page's title (Japanese, with English when given). */
export function renamePage(draft: Draft, index: number, title: DraftPage['title']): Draft {
  return withPages(draft, (pages) => {
    const page = pages[index];
    if (page) pages[index] = { ...page, title };
  });
}

/** Replaces a page's settings other than its fields (title, description, condition). */
export function updatePage(draft: Draft, index: number, page: DraftPage): Draft {
  return withPages(draft, (pages) => {
    pages[index] = page;
  });
}

/** Removes a page with its fields; the last page stays (a form needs one). */
export function deletePage(draft: Draft, index: number): Draft {
  if (draft.pages.length <= 1) return draft;
  return withPages(draft, (pages) => pages.splice(index, 1));
}

/** Moves a page up (-1) or down (+1). */
export function movePage(
  draft: Draft,
  index: number,
  step: -1 | 1,
): { draft: Draft; page: number } {
  const target = index + step;
  if (target < 0 || target >= draft.pages.length) return { draft, page: index };
  return {
    draft: withPages(draft, (pages) => {
      const [page] = pages.splice(index, 1);
      if (page) pages.splice(target, 0, page);
    }),
    page: target,
  };
}
