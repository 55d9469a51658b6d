import type { TenantDb } from '../db/registry';
import { createTenant } from '../tenants/service';
import { createHarness } from '../testing/harness';
import type { MailTransport, OutgoingMail } from './transports';

/** A harness with one tenant, みどり区 (`midori`), and its open database. */
export async function mailHarness(): Promise<{
  h: Awaited<ReturnType<typeof createHarness>>;
  db: TenantDb;
}> {
  const h = await createHarness();
  await createTenant(
    h.registry,
    {
      slug: 'midori',
      name: 'みどり区',
      localGovernmentCode: '131041',
      adminEmail: 'admin@midori.example.lg.jp',
      adminName: '管理 太郎',
    },
    h.now(),
  );
  return { h, db: await h.registry.database('midori') };
}

/** A transport that keeps what it is given, and fails while `failWith` is set. */
export function fakeTransport(
  options: { failWith?: string; onSend?: (mail: OutgoingMail) => Promise<void> | void } = {},
): MailTransport & { sent: OutgoingMail[]; tries: number; failWith: string | undefined } {
  const transport = {
    sent: [] as OutgoingMail[],
    tries: 0,
    failWith: options.failWith,
    async send(mail: OutgoingMail) {
      transport.tries += 1;
      await options.onSend?.(mail);
      if (transport.failWith !== undefined) throw new Error(transport.failWith);
      transport.sent.push(mail);
    },
  };
  return transport;
}
