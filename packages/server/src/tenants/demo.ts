import { type FormDefinition, listFields, parseDefinition } from '@madoguchi/shared';
import { exampleAnswers, exampleDefinitions } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { generateTotpSecret, hashPassword, hashSecret, randomString } from '../auth/crypto/index';
import { loadActor } from '../auth/middleware';
import { cardHolders } from '../card-auth/fixtures';
import { cardVerificationFor } from '../card-auth/prefill';
import { newId } from '../db/ids';
import type { TenantDb, TenantRegistry } from '../db/registry';
import {
  departments,
  emailVerifications,
  forms,
  formVersions,
  roleGrants,
  staff,
} from '../db/tenant-schema';
import { saveUpload } from '../files/service';
import type { FileStorage } from '../files/storage';
import { randomAccessSecret } from '../submissions/access';
import { loadPublishedForm } from '../submissions/forms';
import { submitApplication } from '../submissions/service';
import { actOnSubmission } from '../submissions/staff';
import { createTenant, listTenants } from './service';

const [demoHolder] = cardHolders;

/** A one-page PDF saying it is a sample, for the demo's attachments. */
const samplePdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Seed data for forms that verify addresses: a proof as if the sample applicant had typed the
 * code from the mail, for the first email answer of the sample.
 */
async function seedVerifiedEmail(
  db: TenantDb,
  formId: string,
  definition: FormDefinition,
  answers: Record<string, unknown>,
  now: number,
): Promise<string | undefined> {
  const field = listFields(definition).find(({ field: f, group }) => !group && f.type === 'email');
  const raw = field ? answers[field.field.id] : undefined;
  const address =
    typeof raw === 'string'
      ? raw
      : raw && typeof raw === 'object' && 'value' in raw
        ? String(raw.value)
        : undefined;
  if (!address) return undefined;
  const id = newId('ver');
  const secret = randomAccessSecret();
  await db.insert(emailVerifications).values({
    id,
    formId,
    email: address.toLowerCase(),
    codeHash: Buffer.from(hashSecret(secret)),
    createdAt: now,
    expiresAt: now + 60 * 60_000,
    verifiedAt: now,
  });
  return `${id}.${secret}`;
}

/** Which demo department owns which example form. */
const departmentOf: Record<string, string> = {
  'legal-consultation': '広報課（区民相談）',
  'pregnancy-support-benefit': '健康推進課',
  'zero-waste-day': 'ごみ減量推進課',
  'staff-engagement-survey': '人事課',
  'relief-benefit': '総務課',
  'school-plans-survey': '学校運営課',
  'certificate-by-mail': '戸籍住民課',
  'moving-out-notice': '戸籍住民課',
};

/** What the demo's people sign in with; shown once, when the demo is created. */
export interface DemoCredentials {
  tenant: string;
  admin: { email: string; password: string; totpSecret: string };
  designer: { email: string; password: string; totpSecret: string };
  forms: number;
  applications: number;
}

/**
 * On the first start with an empty data folder (and never in production), creates a demo
 * municipality: the example forms of the foundation published in their departments, a tenant
 * admin who also reviews in every department, a designer, and some sample applications in
 * different states. Returns the credentials to print once, or undefined when nothing was made.
 */
export async function ensureDemoTenant(
  registry: TenantRegistry,
  storage: FileStorage,
  now: number,
): Promise<DemoCredentials | undefined> {
  if ((await listTenants(registry)).length > 0) return undefined;
  const { tenant } = await createTenant(
    registry,
    {
      slug: 'demo',
      name: 'みどり区（デモ）',
      localGovernmentCode: '139998',
      adminEmail: 'admin@demo.madoguchi.local',
      adminName: 'デモ 管理者',
    },
    now,
  );
  const db = await registry.database('demo');
  const admin = await db.query.staff.findFirst({
    where: eq(staff.email, 'admin@demo.madoguchi.local'),
  });
  if (!admin) throw new Error('the demo admin was not created');
  const adminPassword = randomString(20, 'abcdefghijkmnpqrstuvwxyz23456789');
  const designerPassword = randomString(20, 'abcdefghijkmnpqrstuvwxyz23456789');
  const totpSecret = generateTotpSecret();
  // Every staff account signs in with the second factor, the demo's designer too.
  const designerTotpSecret = generateTotpSecret();
  const designerId = newId('stf');
  await db.batch([
    db
      .update(staff)
      .set({
        passwordHash: await hashPassword(adminPassword),
        totpSecret,
        status: 'active',
        updatedAt: now,
      })
      .where(eq(staff.id, admin.id)),
    db.insert(staff).values({
      id: designerId,
      email: 'designer@demo.madoguchi.local',
      name: 'デモ 設計者',
      passwordHash: await hashPassword(designerPassword),
      totpSecret: designerTotpSecret,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    }),
  ]);

  const departmentIds = new Map<string, string>();
  for (const name of new Set(Object.values(departmentOf))) {
    const id = newId('dep');
    departmentIds.set(name, id);
    await db.batch([
      db.insert(departments).values({ id, name, email: null, createdAt: now }),
      db.insert(roleGrants).values({
        id: newId('grt'),
        staffId: admin.id,
        departmentId: id,
        role: 'reviewer',
        canExport: true,
        canSeeMyNumber: true,
        createdAt: now,
      }),
      db.insert(roleGrants).values({
        id: newId('grt'),
        staffId: designerId,
        departmentId: id,
        role: 'designer',
        canExport: false,
        canSeeMyNumber: false,
        createdAt: now,
      }),
    ]);
  }

  let applications = 0;
  const actor = await loadActor(db, { ...admin, status: 'active' });
  for (const [slug, input] of Object.entries(exampleDefinitions)) {
    const parsed = parseDefinition(input);
    const departmentId = departmentIds.get(departmentOf[slug] ?? '');
    if (!parsed.ok || !departmentId) continue;
    const formId = newId('frm');
    const accessKey =
      parsed.definition.settings.access === 'secret_link'
        ? randomString(24, 'abcdefghijkmnpqrstuvwxyz23456789')
        : null;
    await db.batch([
      db.insert(forms).values({
        id: formId,
        departmentId,
        title: parsed.definition.title.ja,
        status: 'published',
        draft: input,
        publishedVersion: 1,
        accessKey,
        createdBy: designerId,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(formVersions).values({
        formId,
        version: 1,
        definition: parsed.definition,
        publishedAt: now,
        publishedBy: designerId,
      }),
    ]);
    const answers = exampleAnswers[slug];
    if (!answers) continue;
    try {
      const published = await loadPublishedForm(db, formId, accessKey ?? undefined);
      // Sample answers name attachments; the demo uploads a small PDF for each file field.
      const withFiles: Record<string, unknown> = structuredClone(answers);
      for (const { field, group } of listFields(parsed.definition)) {
        if (group || field.type !== 'file' || !Object.hasOwn(withFiles, field.id)) continue;
        const upload = {
          tenantSlug: tenant.slug,
          form: published,
          fieldId: field.id,
          name: 'サンプル書類.pdf',
          bytes: samplePdf,
          now,
        };
        withFiles[field.id] = [await saveUpload(db, storage, upload)];
      }
      const emailVerificationToken = parsed.definition.options.emailVerification
        ? await seedVerifiedEmail(db, formId, parsed.definition, withFiles, now)
        : undefined;
      // A card form's sample is as if a fictional holder had authenticated with the local provider.
      const card = parsed.definition.options.cardAuthentication.enabled
        ? cardVerificationFor(parsed.definition, {
            subject: `demo-${formId}`,
            attributes: { ...demoHolder },
            verifiedAt: now,
          })
        : undefined;
      const result = await submitApplication(
        db,
        tenant,
        published,
        {
          answers: withFiles,
          locale: 'ja',
          ...(emailVerificationToken ? { emailVerificationToken } : {}),
          ...(card ? { card } : {}),
        },
        { masterKey: registry.settings.masterKey, now },
      );
      applications++;
      // A few in other states, so the inbox shows more than one kind of row.
      if (applications % 3 === 1)
        await actOnSubmission(db, actor, result.submissionId, { action: 'accept' }, now);
      if (applications % 3 === 2) {
        const first = listFields(parsed.definition).find(
          ({ field, group }) => !group && field.type !== 'heading' && field.type !== 'paragraph',
        );
        const fieldsToFix = first ? [first.field.id] : [];
        await actOnSubmission(
          db,
          actor,
          result.submissionId,
          {
            action: 'return_for_correction',
            message: '入力内容をご確認のうえ、再提出してください。',
            fieldsToFix,
          },
          now,
        );
      }
    } catch {
      // A sample whose form is closed, full or past its slots is skipped: the demo still starts.
    }
  }
  return {
    tenant: tenant.slug,
    admin: { email: 'admin@demo.madoguchi.local', password: adminPassword, totpSecret },
    designer: {
      email: 'designer@demo.madoguchi.local',
      password: designerPassword,
      totpSecret: designerTotpSecret,
    },
    forms: Object.keys(exampleDefinitions).length,
    applications,
  };
}
