import { certificateByMail } from '@madoguchi/shared/examples';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicApp } from '../app';
import { newId } from '../db/ids';
import type { TenantDb } from '../db/registry';
import { submissionRevisions, submissions } from '../db/tenant-schema';
import { formatAccessToken, hashAccessSecret, randomAccessSecret } from '../submissions/access';
import { publishForTest } from '../submissions/test-support';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';

let h: Awaited<ReturnType<typeof createHarness>>;
let app: ReturnType<typeof createPublicApp>;
let db: TenantDb;
let formId: string;

beforeAll(async () => {
  h = await createHarness();
  app = createPublicApp(h.deps);
  await h.tenantWithAdmin('midori', '131041');
  await createTenant(
    h.registry,
    {
      slug: 'aoba',
      name: 'あおば区',
      localGovernmentCode: '141003',
      adminEmail: 'a@aoba.example.lg.jp',
      adminName: '管理',
    },
    h.now(),
  );
  db = await h.registry.database('midori');
  formId = await publishForTest(db, certificateByMail, h.now());
});
afterAll(() => h.close());

/** An application (pay at submission) and the token of its link. */
async function application(state: 'awaiting_payment' | 'submitted'): Promise<string> {
  const id = newId('sub');
  const secret = randomAccessSecret();
  await db.insert(submissions).values({
    id,
    formId,
    formVersion: 1,
    referenceNumber: `2611-${Math.floor(Math.random() * 1e7)
      .toString()
      .padStart(7, '0')}`,
    state,
    paymentState: state === 'awaiting_payment' ? 'requested' : 'none',
    accessSecretHash: hashAccessSecret(secret),
    holdsPlace: true,
    currentRevision: 1,
    submittedAt: h.now(),
    updatedAt: h.now(),
  });
  await db.insert(submissionRevisions).values({
    submissionId: id,
    revision: 1,
    answers: { copies: 2, fee: 2 },
    createdAt: h.now(),
    createdBy: 'applicant',
  });
  return formatAccessToken(id, secret);
}

const start = (slug: string, token?: string) =>
  app.request(`http://127.0.0.1:3000/t/${slug}/api/payments/start`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: '{}',
  });

describe('POST /t/{tenant}/api/payments/start', () => {
  test('gives the sandbox pay page for the amount the server computed', async () => {
    const response = await start('midori', await application('awaiting_payment'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { payUrl: string; amount: number };
    expect(body.amount).toBe(600);
    expect(body.payUrl).toMatch(/\/t\/midori\/sandbox-pay\/pay_[0-9a-z]{25}$/);
  });

  test('an application that is not awaiting payment is 409', async () => {
    expect((await start('midori', await application('submitted'))).status).toBe(409);
  });

  test('no token 401; a forged token or another tenant 404', async () => {
    const token = await application('awaiting_payment');
    expect((await start('midori')).status).toBe(401);
    expect((await start('midori', `${token.slice(0, -4)}AAAA`)).status).toBe(404);
    expect((await start('aoba', token)).status).toBe(404);
  });
});
