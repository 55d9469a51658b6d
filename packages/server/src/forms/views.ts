import {
  councilReview,
  type DefinitionProblem,
  type PersonalDataItem,
  parseDefinition,
  personalDataInventory,
} from '@madoguchi/shared';
import type { FormsContext } from './context';
import { type FormListRow, type FormWithAccess, selectVersions } from './repo';

/** Who can open a form: anyone with its URL, or only those given the secret link. */
export type FormAccess = 'public' | 'secret_link';

/** A form as lists show it. */
export interface FormSummary {
  id: string;
  departmentId: string;
  /** The draft's Japanese title. */
  title: string;
  status: FormWithAccess['status'];
  /** The version residents see; null before the first publication. */
  publishedVersion: number | null;
  /** When the draft was last saved: the stamp a save must send back. */
  updatedAt: number;
  access: FormAccess;
}

/** A published version without its definition. */
export interface VersionSummary {
  version: number;
  publishedAt: number;
  publishedBy: string;
}

/** A form as its page in the console shows it: the draft, its problems and its versions. */
export interface FormView extends FormSummary {
  createdAt: number;
  createdBy: string;
  /** Where residents fill the form in, with the key of a secret link; null until published. */
  publicUrl: string | null;
  draft: unknown;
  versions: VersionSummary[];
  /** The shared checks' problems in the draft; empty when it can be published. */
  problems: DefinitionProblem[];
  /** Whether the draft needs the personal-information council; null while it does not parse. */
  councilReview: ReturnType<typeof councilReview> | null;
  /** The personal data the draft collects; null while it does not parse. */
  personalDataInventory: PersonalDataItem[] | null;
}

// The JSON holds whatever a draft said; only the form language's own value means a secret link.
const toAccess = (value: unknown): FormAccess =>
  value === 'secret_link' ? 'secret_link' : 'public';

/** The list entry of a form. */
export function toSummary(row: FormListRow): FormSummary {
  return {
    id: row.id,
    departmentId: row.departmentId,
    title: row.title,
    status: row.status,
    publishedVersion: row.publishedVersion,
    updatedAt: row.updatedAt,
    access: toAccess(row.access),
  };
}

/** The resident URL of a published form: `/t/{tenant}/f/{form}`, plus `?key=` for secret links. */
export function publicUrl(ctx: FormsContext, row: FormWithAccess): string | null {
  if (row.publishedVersion === null) return null;
  const url = new URL(`/t/${ctx.tenant.slug}/f/${row.id}`, ctx.publicOrigin);
  if (toAccess(row.access) === 'secret_link' && row.accessKey !== null) {
    url.searchParams.set('key', row.accessKey);
  }
  return url.toString();
}

/** Everything the console shows of one form, with the draft checked in the caller's language. */
export async function toView(ctx: FormsContext, row: FormWithAccess): Promise<FormView> {
  const parsed = parseDefinition(row.draft, ctx.locale);
  return {
    ...toSummary(row),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    publicUrl: publicUrl(ctx, row),
    draft: row.draft,
    versions: await selectVersions(ctx.db, row.id),
    problems: parsed.ok ? [] : parsed.problems,
    councilReview: parsed.ok ? councilReview(parsed.definition) : null,
    personalDataInventory: parsed.ok ? personalDataInventory(parsed.definition) : null,
  };
}
