import { exampleAnswers, legalConsultation } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tenant, TenantDb } from '../db/registry';
import { slotBookings, submissions } from '../db/tenant-schema';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import { resubmitApplication, withdrawApplication } from './applicant';
import { loadPublishedForm, type PublishedForm } from './forms';
import { submitApplication } from './service';
import { slotPlacesHeld } from './slots';
import { publishForTest } from './test-support';

let h: Awaited<ReturnType<typeof createHarness>>;
let db: TenantDb;
let tenant: Tenant;
let form: PublishedForm;
const masterKey = Buffer.from('ab'.repeat(32), 'hex');

beforeAll(async () => {
  h = await createHarness();
  tenant = (
    await createTenant(
      h.registry,
      {
        slug: 'shinjuku',
        name: '新宿区',
        localGovernmentCode: '131041',
        adminEmail: 'a@shinjuku.example.lg.jp',
        adminName: '管理',
      },
      h.now(),
    )
  ).tenant;
  db = await h.registry.database('shinjuku');
  const definition = structuredClone(legalConsultation);
  const formId = await publishForTest(
    db,
    {
      ...definition,
      settings: { ...definition.settings, onePerPerson: 'none', capacity: undefined },
      options: { ...definition.options, emailVerification: false },
    },
    h.now(),
  );
  form = await loadPublishedForm(db, formId, undefined);
});
afterAll(() => h.close());

const answers = (slot: string) => ({ ...exampleAnswers['legal-consultation'], legal_slot: slot });
const submit = (slot: string) =>
  submitApplication(
    db,
    tenant,
    form,
    { answers: answers(slot), locale: 'ja' },
    { masterKey, now: h.now() },
  );
const row = async (id: string) => {
  const [found] = await db.select().from(submissions).where(eq(submissions.id, id));
  if (!found) throw new Error('no row');
  return found;
};

describe('reservation slots', () => {
  test('20 concurrent requests for a slot of 2 places: exactly 2 booked, the rest told beside the field', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => submit('law-1204-1300')),
    );
    const booked = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(booked).toHaveLength(2);
    expect(refused).toHaveLength(18);
    for (const reason of refused)
      expect(reason).toMatchObject({ code: 'slot_full', details: [{ path: 'legal_slot' }] });
    expect((await slotPlacesHeld(db, form.form.id)).get('legal_slot/law-1204-1300')).toBe(2);
    // Nothing of the refused ones was stored: 2 applications, 2 bookings.
    expect(await db.select().from(slotBookings)).toHaveLength(2);
    expect(await db.select().from(submissions)).toHaveLength(2);
  });

  test('a withdrawn application gives its place back', async () => {
    const first = await submit('law-1204-1330');
    await submit('law-1204-1330');
    await expect(submit('law-1204-1330')).rejects.toMatchObject({ code: 'slot_full' });
    await withdrawApplication(db, await row(first.submissionId), h.now());
    await expect(submit('law-1204-1330')).resolves.toMatchObject({ state: 'submitted' });
    expect((await slotPlacesHeld(db, form.form.id)).get('legal_slot/law-1204-1330')).toBe(2);
  });

  test('a correction can move to a slot with room, not to a full one, and frees the old place', async () => {
    const moving = await submit('law-1218-1300');
    await db
      .update(submissions)
      .set({ state: 'returned' })
      .where(eq(submissions.id, moving.submissionId));
    // law-1204-1300 is full since the first test.
    await expect(
      resubmitApplication(
        db,
        await row(moving.submissionId),
        answers('law-1204-1300'),
        'ja',
        h.now(),
      ),
    ).rejects.toMatchObject({ code: 'slot_full' });
    expect((await row(moving.submissionId)).state).toBe('returned');
    await resubmitApplication(
      db,
      await row(moving.submissionId),
      answers('law-0108-1300'),
      'ja',
      h.now(),
    );
    const held = await slotPlacesHeld(db, form.form.id);
    expect(held.get('legal_slot/law-1218-1300')).toBeUndefined();
    expect(held.get('legal_slot/law-0108-1300')).toBe(1);
  });
});
