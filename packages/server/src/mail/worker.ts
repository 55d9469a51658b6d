import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { TenantDb, TenantRegistry } from '../db/registry';
import { outbox } from '../db/tenant-schema';
import type { Logger } from '../http/logger';
import { startTenantLoop } from '../tenants/loop';
import { type MailSender, type MailTransport, sendTimeoutMs } from './transports';

// A claim outlasts the longest send with room to spare; a worker that dies mid-batch only
// holds its mails this long before another worker picks them up.
const claimMs = 2 * sendTimeoutMs;
/** Failed sends after which a mail is given up on: about four hours of retries in all. */
export const maxAttempts = 10;
// A given-up mail stays in the table with its last error, for staff to see; it is never due
// again. This is the last instant a JavaScript Date can hold, so it still displays as a date.
const never = 8.64e15;
const errorTextLength = 1000;

/**
 * The wait before the next try after `attempts` failures: 1, 2, 4 … minutes, at most an hour,
 * shortened by up to a fifth at random so that mails failing together do not retry together.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const nominal = Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);
  return Math.round(nominal * (1 - 0.2 * random()));
}

/** What one delivery pass did, by outbox id. */
export interface DeliveryReport {
  sent: string[];
  failed: { id: string; attempts: number; gaveUp: boolean; error: string }[];
}

/**
 * Sends the mails that are due in one tenant database. One conditional UPDATE claims them, so
 * two workers (or processes) never send the same mail at the same time; a send starts only
 * while the claim will outlast it. Delivery is at least once: a crash after a send and before
 * it is marked sends that mail again once the claim lapses, with the same Message-ID (the
 * outbox id), so receivers can tell the copies apart.
 * @example await deliverDue(db, transport, { now: Date.now, from: { name: 'みどり区', address } });
 */
export async function deliverDue(
  db: TenantDb,
  transport: MailTransport,
  options: { now: () => number; from: MailSender; batchSize?: number },
): Promise<DeliveryReport> {
  const claimedAt = options.now();
  const claimedUntil = claimedAt + claimMs;
  const due = and(
    isNull(outbox.sentAt),
    lte(outbox.nextAttemptAt, claimedAt),
    or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, claimedAt)),
  );
  const oldestDue = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(options.batchSize ?? 20);
  const claimed = await db
    .update(outbox)
    .set({ claimedUntil })
    .where(and(due, inArray(outbox.id, oldestDue)))
    .returning();
  // RETURNING gives no order; oldest first keeps the queue fair.
  claimed.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);

  const report: DeliveryReport = { sent: [], failed: [] };
  for (const mail of claimed) {
    // The rest stay claimed until the claim lapses, then the next pass takes them.
    if (options.now() + sendTimeoutMs > claimedUntil) break;
    try {
      await transport.send({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        messageId: mail.id,
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const gaveUp = attempts >= maxAttempts;
      const text = errorText(error);
      await db
        .update(outbox)
        .set({
          attempts,
          lastError: text,
          nextAttemptAt: gaveUp ? never : options.now() + retryDelay(attempts),
          claimedUntil: null,
        })
        .where(and(eq(outbox.id, mail.id), isNull(outbox.sentAt)));
      report.failed.push({ id: mail.id, attempts, gaveUp, error: text });
      continue;
    }
    await db
      .update(outbox)
      .set({ sentAt: options.now(), claimedUntil: null })
      .where(eq(outbox.id, mail.id));
    report.sent.push(mail.id);
  }
  return report;
}

/** What the mail worker needs. `from` is the platform's address (MAIL_FROM). */
export interface MailWorkerOptions {
  registry: TenantRegistry;
  /** The tenants to serve; suspended ones are skipped, their mails wait until they resume. */
  listTenantSlugs: () => Promise<string[]>;
  transport: MailTransport;
  from: string;
  intervalMs: number;
  logger: Logger;
  batchSize?: number;
  now?: () => number;
}

/**
 * Delivers due mails of every active tenant, one pass at once and then one every `intervalMs`
 * after the previous pass ended (passes never overlap). `stop()` resolves when the pass under
 * way has finished, so the databases can be closed after it.
 * @example const worker = startMailWorker({ registry, listTenantSlugs, transport, from, intervalMs: 5000, logger });
 */
export function startMailWorker(options: MailWorkerOptions): { stop(): Promise<void> } {
  const { logger } = options;
  const now = options.now ?? Date.now;
  return startTenantLoop({
    listTenantSlugs: options.listTenantSlugs,
    intervalMs: options.intervalMs,
    forTenant: async (slug) => {
      const resolved = await options.registry.resolve(slug);
      if (!resolved) return;
      const report = await deliverDue(resolved.db, options.transport, {
        now,
        from: { name: resolved.tenant.name, address: options.from },
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      });
      for (const id of report.sent) logger.info('mail_sent', { tenant: slug, id });
      for (const failure of report.failed) {
        const fields = {
          tenant: slug,
          id: failure.id,
          attempts: failure.attempts,
          error: withoutAddresses(failure.error),
        };
        if (failure.gaveUp) logger.error('mail_given_up', fields);
        else logger.warn('mail_failed', fields);
      }
    },
    onError: (error, slug) =>
      logger.error('mail_pass_failed', {
        ...(slug ? { tenant: slug } : {}),
        error: withoutAddresses(errorText(error)),
      }),
  });
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, errorTextLength);
}

// Log lines leave the tenant's database; an SMTP server's reply often repeats the recipient.
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]');
}
