import { type ActionInputName, type SubmissionAction, transitions } from '@madoguchi/shared';

/** The staff actions with a button of their own (notes have their own form). */
export const staffActionNames = [
  'start_review',
  'return_for_correction',
  'accept',
  'complete',
  'reject',
] as const;
/** One of them. */
export type StaffActionName = (typeof staffActionNames)[number];

/** A button of the detail view: what it needs before it can be confirmed, how it looks. */
export interface ActionView {
  action: StaffActionName;
  requires: readonly ActionInputName[];
  tone: 'primary' | 'danger' | 'default';
  /** Whether the applicant gets an email about it (everything but starting a review). */
  mailsApplicant: boolean;
}

const tones: Record<StaffActionName, ActionView['tone']> = {
  start_review: 'default',
  return_for_correction: 'default',
  accept: 'primary',
  complete: 'primary',
  reject: 'danger',
};

const isStaffAction = (action: string): action is StaffActionName =>
  (staffActionNames as readonly string[]).includes(action);

/**
 * The buttons to show for the actions the server says are allowed now (its `allowedActions`,
 * from the shared state machine), in the state machine's order, with the inputs each needs.
 * @example actionViews(['accept', 'add_note']) // [{ action: 'accept', requires: [], ... }]
 */
export function actionViews(allowed: readonly string[]): ActionView[] {
  return staffActionNames
    .filter((action) => allowed.includes(action) && isStaffAction(action))
    .map((action) => ({
      action,
      requires: transitions[action as SubmissionAction].requires ?? [],
      tone: tones[action],
      mailsApplicant: action !== 'start_review',
    }));
}

/** Whether the inputs an action needs are filled (the server checks the same). */
export function inputsComplete(
  view: Pick<ActionView, 'requires'>,
  input: { message: string; reason: string; fieldsToFix: string[] },
): boolean {
  return view.requires.every((name) =>
    name === 'fieldsToFix' ? input.fieldsToFix.length > 0 : input[name].trim() !== '',
  );
}
