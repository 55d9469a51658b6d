import { asc } from 'drizzle-orm';
import { forms } from '../db/tenant-schema';
import type { AdminContext } from './context';

/** A form as the tenant admin sees it: enough to name it in an account's form limit. */
export interface AdminFormView {
  id: string;
  departmentId: string;
  title: string;
  status: (typeof forms.$inferSelect)['status'];
  publishedVersion: number | null;
}

/**
 * Every form of the municipality, by title: the admin limits contractors' accounts to named
 * forms and needs their names, whatever department roles the admin holds. Titles and ids only:
 * no definition, no applications.
 */
export async function listTenantForms(ctx: AdminContext): Promise<AdminFormView[]> {
  return ctx.db
    .select({
      id: forms.id,
      departmentId: forms.departmentId,
      title: forms.title,
      status: forms.status,
      publishedVersion: forms.publishedVersion,
    })
    .from(forms)
    .orderBy(asc(forms.title), asc(forms.id));
}
