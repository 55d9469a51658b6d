import { type FormDefinitionInput, parseDefinition } from '@madoguchi/shared';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { departments, forms, formVersions } from '../db/tenant-schema';

/** Publishes a definition straight into a tenant database (version 1), for tests. */
export async function publishForTest(
  db: TenantDb,
  input: FormDefinitionInput,
  now: number,
  extra: { accessKey?: string; departmentId?: string } = {},
): Promise<string> {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const departmentId = extra.departmentId ?? newId('dep');
  const formId = newId('frm');
  if (extra.departmentId === undefined) {
    await db.insert(departments).values({ id: departmentId, name: 'テスト課', createdAt: now });
  }
  await db.batch([
    db.insert(forms).values({
      id: formId,
      departmentId,
      title: parsed.definition.title.ja,
      status: 'published',
      draft: input,
      publishedVersion: 1,
      accessKey: extra.accessKey ?? null,
      createdBy: 'stf_test',
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(formVersions).values({
      formId,
      version: 1,
      definition: parsed.definition,
      publishedAt: now,
      publishedBy: 'stf_test',
    }),
  ]);
  return formId;
}
