import type { FormDefinitionInput } from '@madoguchi/shared';
import { zeroWasteDay } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tenant, TenantDb } from '../db/registry';
import { submissionEvents, submissionRevisions, submissions } from '../db/tenant-schema';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { accessSecretMatches, parseAccessToken } from './access';
import { loadPublishedForm } from './forms';
import { placesHeld, submitApplication } from './service';
import { publishForTest } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let tenant: Tenant;
const masterKey = Buffer.from('ab'.repeat(32), 'hex');

beforeAll(async () => {
  h = await createHarness();
  tenant = (
    await createTenant(
      h.registry,
      {
        slug: 'midori',
        name: 'みどり区',
        localGovernmentCode: '131041',
        adminEmail: 'a@midori.example.lg.jp',
        adminName: '管理',
      },
      h.now(),
    )
  ).tenant;
  db = await h.registry.database('midori');
});
afterAll(() => h.close());

const answers = (n: number) => ({
  participant_name: { family: '緑', given: `太郎${n}`, familyKana: 'みどり', givenKana: 'たろう' },
  phone: '090-1234-5678',
  email: { value: `taro${n}@example.jp`, confirm: `taro${n}@example.jp` },
});

async function publish(change: (d: FormDefinitionInput) => FormDefinitionInput = (d) => d) {
  const base = structuredClone(zeroWasteDay);
  const formId = await publishForTest(
    db,
    change({ ...base, options: { ...base.options, emailVerification: false } }),
    h.now(),
  );
  return loadPublishedForm(db, formId, undefined);
}

describe('submitApplication', () => {
  test('stores the normalised answers, a revision, a history entry, a reference number and a link', async () => {
    const form = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: undefined, closesAt: undefined },
    }));
    const result = await submitApplication(
      db,
      tenant,
      form,
      { answers: answers(1), locale: 'ja' },
      { masterKey, now: h.now() },
    );
    expect(result.referenceNumber).toMatch(/^\d{4}-\d{7}$/);
    expect(result.state).toBe('submitted');
    const row = await db.query.submissions.findFirst({
      where: eq(submissions.id, result.submissionId),
    });
    expect(row).toMatchObject({
      applicantEmail: 'taro1@example.jp',
      searchName: '緑 太郎1 ミドリ タロウ',
      personKey: 'taro1@example.jp',
      holdsPlace: true,
    });
    const token = parseAccessToken(result.accessToken);
    expect(token && row && accessSecretMatches(token.secret, row.accessSecretHash)).toBe(true);
    const [revision] = await db
      .select()
      .from(submissionRevisions)
      .where(eq(submissionRevisions.submissionId, result.submissionId));
    expect(revision?.answers).toMatchObject({
      phone: '09012345678',
      participant_name: { familyKana: 'ミドリ' },
    });
    expect(
      await db
        .select()
        .from(submissionEvents)
        .where(eq(submissionEvents.submissionId, result.submissionId)),
    ).toHaveLength(1);
  });

  test('invalid answers are refused with their paths and nothing is stored', async () => {
    const form = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: undefined, closesAt: undefined },
    }));
    const before = await placesHeld(db, form.form.id);
    await expect(
      submitApplication(
        db,
        tenant,
        form,
        { answers: { ...answers(2), phone: 'abc', extra: 1 }, locale: 'en' },
        { masterKey, now: h.now() },
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: expect.arrayContaining([
        expect.objectContaining({ path: 'phone' }),
        expect.objectContaining({ path: 'extra' }),
      ]),
    });
    expect(await placesHeld(db, form.form.id)).toBe(before);
  });

  test('a retry with the same client token returns the first result, link included', async () => {
    const form = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: undefined, closesAt: undefined },
    }));
    const input = { answers: answers(3), clientToken: 'tok-3f1c9a', locale: 'ja' as const };
    const results = await Promise.all(
      [1, 2, 3].map(() => submitApplication(db, tenant, form, input, { masterKey, now: h.now() })),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await placesHeld(db, form.form.id)).toBe(1);
  });

  test('one per person: the same email cannot apply twice', async () => {
    const form = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: undefined, closesAt: undefined },
    }));
    await submitApplication(
      db,
      tenant,
      form,
      { answers: answers(4), locale: 'ja' },
      { masterKey, now: h.now() },
    );
    const again = {
      ...answers(4),
      email: { value: 'TARO4@example.jp', confirm: 'TARO4@example.jp' },
    };
    await expect(
      submitApplication(
        db,
        tenant,
        form,
        { answers: again, locale: 'ja' },
        { masterKey, now: h.now() },
      ),
    ).rejects.toMatchObject({ code: 'already_applied' });
  });

  test('500 concurrent submits to a form of capacity 50: exactly 50 succeed, the rest are told it is full', async () => {
    const form = await publish((d) => ({
      ...d,
      settings: {
        ...d.settings,
        capacity: 50,
        onePerPerson: 'none',
        opensAt: undefined,
        closesAt: undefined,
      },
    }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) =>
        submitApplication(
          db,
          tenant,
          form,
          { answers: answers(1000 + i), locale: 'ja' },
          { masterKey, now: h.now() },
        ),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const full = outcomes.filter(
      (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'form_full',
    );
    expect(ok).toHaveLength(50);
    expect(full).toHaveLength(450);
    expect(await placesHeld(db, form.form.id)).toBe(50);
    const orphans = await db.select().from(submissionRevisions);
    const ids = new Set(
      (await db.select({ id: submissions.id }).from(submissions)).map((r) => r.id),
    );
    expect(orphans.every((r) => ids.has(r.submissionId))).toBe(true);
  }, 60_000);

  test('a closed form, a form not yet open and a past closing time are refused', async () => {
    const later = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: '2099-01-01T00:00:00+09:00', closesAt: undefined },
    }));
    await expect(
      submitApplication(
        db,
        tenant,
        later,
        { answers: answers(5), locale: 'ja' },
        { masterKey, now: h.now() },
      ),
    ).rejects.toMatchObject({ code: 'form_not_open' });
    const past = await publish((d) => ({
      ...d,
      settings: { ...d.settings, opensAt: undefined, closesAt: '2020-01-01T00:00:00+09:00' },
    }));
    await expect(
      submitApplication(
        db,
        tenant,
        past,
        { answers: answers(6), locale: 'ja' },
        { masterKey, now: h.now() },
      ),
    ).rejects.toMatchObject({ code: 'form_closed' });
  });

  test('a secret-link form is not found without its key', async () => {
    const formId = await publishForTest(
      db,
      { ...structuredClone(zeroWasteDay), settings: { access: 'secret_link' } },
      h.now(),
      { accessKey: 'k3y-abcdefghijklmnopqrstu' },
    );
    await expect(loadPublishedForm(db, formId, undefined)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(loadPublishedForm(db, formId, 'wrong')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await loadPublishedForm(db, formId, 'k3y-abcdefghijklmnopqrstu')).form.id).toBe(formId);
  });
});
