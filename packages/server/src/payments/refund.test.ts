import { certificateByMail } from '@madoguchi/shared/examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageWorld } from '../applicant/page-test-support';
import { loadActor } from '../auth/middleware';
import { auditLog, staff, submissionEvents, submissions } from '../db/tenant-schema';
import { AppError } from '../http/errors';
import { refundSubmissionPayment } from './refund';
import { sandboxProvider } from './sandbox';
import { recordPaymentEvent, requestPayment } from './service';
import { insertAwaitingPayment } from './test-support';

let w: Awaited<ReturnType<typeof pageWorld>>;
let formId: string;

beforeAll(async () => {
  w = await pageWorld();
  formId = await w.publish(certificateByMail);
});
afterAll(() => w.h.close());

async function application(paid: boolean): Promise<string> {
  const id = await insertAwaitingPayment(w.db, formId, w.h.now());
  const provider = sandboxProvider({
    masterKey: w.h.registry.settings.masterKey,
    slug: 'midori',
    publicOrigin: 'http://127.0.0.1:3000',
  });
  const { paymentId } = await requestPayment(
    w.db,
    provider,
    { submissionId: id, amount: 600, description: '証明書', returnUrl: '/' },
    w.h.now(),
  );
  if (paid)
    await recordPaymentEvent(
      w.db,
      'sandbox',
      { eventId: `sbx_evt_paid_${id}`, paymentId, kind: 'succeeded', amount: 600 },
      w.h.now(),
    );
  return id;
}

describe('POST /api/submissions/:id/refund', () => {
  test('refunds a paid application once, with an audit entry naming the staff member', async () => {
    const id = await application(true);
    const response = await w.staff('POST', `/api/submissions/${id}/refund`, {});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ paymentState: 'refunded' });
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(row?.paymentState).toBe('refunded');
    // Staff see the payment in the application's detail.
    const detail = await w.staff('GET', `/api/submissions/${id}`);
    expect(detail.body.payment).toEqual({ amount: 600, provider: 'sandbox', state: 'refunded' });
    const audits = await w.db.select().from(auditLog).where(eq(auditLog.action, 'payment.refund'));
    expect(audits.some((a) => a.targetId === id && a.actorType === 'staff')).toBe(true);
    // The history names a member of staff, not the system, for the refund.
    const history = await w.db
      .select()
      .from(submissionEvents)
      .where(eq(submissionEvents.submissionId, id));
    expect(history.find((e) => e.action === 'payment_refunded')).toMatchObject({ actor: 'staff' });
    // Again: nothing left to refund.
    expect((await w.staff('POST', `/api/submissions/${id}/refund`, {})).status).toBe(409);
  });

  test('an unpaid application cannot be refunded (409); an unknown one is 404', async () => {
    const id = await application(false);
    expect((await w.staff('POST', `/api/submissions/${id}/refund`, {})).status).toBe(409);
    expect((await w.staff('POST', '/api/submissions/sub_0000000000000000/refund', {})).status).toBe(
      404,
    );
  });

  test('a viewer of the department may not refund (403)', async () => {
    const id = await application(true);
    const departments = (await w.staff('GET', '/api/admin/departments')).body.departments as {
      id: string;
    }[];
    const members = (await w.staff('GET', '/api/admin/staff')).body.staff as {
      id: string;
      email: string;
    }[];
    const me = members.find((m) => m.email.startsWith('admin@midori'));
    const grant = (role: string) =>
      w.staff('PUT', `/api/admin/staff/${me?.id}/grants`, [
        { departmentId: departments[0]?.id, role, canExport: false, canSeeMyNumber: false },
      ]);
    expect((await grant('viewer')).status).toBe(200);
    try {
      expect((await w.staff('POST', `/api/submissions/${id}/refund`, {})).status).toBe(403);
    } finally {
      await grant('reviewer');
    }
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(row?.paymentState).toBe('paid');
  });

  test('no session is 401 and nothing changes (other tenants: security/route-coverage.test.ts)', async () => {
    const id = await application(true);
    const anonymous = await w.h.request('POST', `/api/submissions/${id}/refund`, { body: {} });
    expect(anonymous.status).toBe(401);
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(row?.paymentState).toBe('paid');
  });
});

describe('when the provider fails', () => {
  const failing = () => ({
    ...sandboxProvider({
      masterKey: w.h.registry.settings.masterKey,
      slug: 'midori',
      publicOrigin: 'http://127.0.0.1:3000',
    }),
    createPayment: () => Promise.reject(new Error('connect ECONNREFUSED')),
    refund: () => Promise.reject(new Error('connect ECONNREFUSED')),
  });

  test('a refund is 502 in words, nothing is recorded, and the payment stays paid', async () => {
    const id = await application(true);
    const [admin] = await w.db.select().from(staff).where(eq(staff.isTenantAdmin, true));
    if (!admin) throw new Error('no admin');
    const actor = await loadActor(w.db, admin);
    const refused = await refundSubmissionPayment(w.db, actor, id, failing, w.h.now()).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(502);
    expect((refused as AppError).messages.ja).toContain('返金は記録していません');
    const row = await w.db.query.submissions.findFirst({ where: eq(submissions.id, id) });
    expect(row?.paymentState).toBe('paid');
  });

  test('starting a payment is 502, and the payment row keeps no provider reference', async () => {
    const id = await application(false);
    await expect(
      requestPayment(
        w.db,
        failing(),
        { submissionId: id, amount: 600, description: '証明書', returnUrl: '/' },
        w.h.now(),
      ),
    ).rejects.toMatchObject({ code: 'provider_unavailable' });
  });
});
