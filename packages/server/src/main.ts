import { serve } from '@hono/node-server';
import { createPublicApp, createStaffApp, nodeRemoteAddress } from './app';
import { cardAuthFromConfig } from './card-auth/startup';
import { type Config, ConfigError, loadConfig } from './config';
import { loadMasterKey } from './db/keys';
import { openControlDatabase, TenantRegistry } from './db/registry';
import { startWriterThread } from './db/writer-thread';
import type { AppDeps } from './deps';
import { localFileStorage } from './files/storage';
import { jsonLogger } from './http/logger';
import { mailFolder, transportFromConfig } from './mail/transports';
import { startMailWorker } from './mail/worker';
import { startPaymentWorker } from './payments/worker';
import { startRetentionWorker } from './retention/worker';
import { type DemoCredentials, ensureDemoTenant } from './tenants/demo';
import { listTenants } from './tenants/service';

/** Shown once, when the demo municipality is created; nothing else ever prints passwords. */
function printDemoCredentials(
  demo: DemoCredentials,
  staffOrigin: string,
  publicOrigin: string,
): void {
  process.stdout.write(
    [
      '',
      '==== Demo municipality created (shown once; not in production) ====',
      `  tenant:   ${demo.tenant}  (${demo.forms} example forms, ${demo.applications} sample applications)`,
      `  admin:    ${demo.admin.email} / ${demo.admin.password}`,
      `            TOTP secret ${demo.admin.totpSecret} (add to an authenticator app, or: pnpm totp-code ${demo.admin.totpSecret})`,
      `  designer: ${demo.designer.email} / ${demo.designer.password}`,
      `            TOTP secret ${demo.designer.totpSecret} (pnpm totp-code ${demo.designer.totpSecret})`,
      `  staff API: ${staffOrigin}/api   residents: ${publicOrigin}/t/${demo.tenant}/…`,
      '====================================================================',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const logger = jsonLogger();
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const master = loadMasterKey(config.MASTER_KEY, config.DATA_DIR);
  if (master.generated) {
    logger.warn('master_key_generated', {
      path: master.path,
      note: 'No MASTER_KEY was configured, so one was generated for local use. Back it up: without it the encrypted databases cannot be read.',
    });
  }
  const settings = {
    controlUrl: config.CONTROL_DATABASE_URL,
    tenantUrl: config.TENANT_DATABASE_URL,
    masterKey: master.key,
    ...(config.DATABASE_AUTH_TOKEN ? { authToken: config.DATABASE_AUTH_TOKEN } : {}),
  };
  const { db: control } = await openControlDatabase(settings);
  const registry = new TenantRegistry(control, settings);
  startWriterThread();
  if (!config.SMTP_URL)
    logger.info('mail_to_files', {
      path: mailFolder(config.DATA_DIR),
      note: `No SMTP_URL is configured, so mails are written to ${mailFolder(config.DATA_DIR)}`,
    });
  const mailWorker = startMailWorker({
    registry,
    listTenantSlugs: async () => (await listTenants(registry)).map((tenant) => tenant.slug),
    transport: transportFromConfig(config),
    from: config.MAIL_FROM,
    intervalMs: 5_000,
    logger,
  });
  const retentionWorker = startRetentionWorker({
    registry,
    listTenantSlugs: async () => (await listTenants(registry)).map((tenant) => tenant.slug),
    storage: localFileStorage({ dataDir: config.DATA_DIR, masterKey: master.key }),
    intervalMs: 60 * 60_000,
    logger,
  });
  const paymentWorker = startPaymentWorker({
    registry,
    listTenantSlugs: async () => (await listTenants(registry)).map((tenant) => tenant.slug),
    intervalMs: 60_000,
    logger,
  });
  const demoWanted =
    config.DEMO === undefined ? config.NODE_ENV !== 'production' : config.DEMO === 'on';
  if (demoWanted) {
    const demo = await ensureDemoTenant(
      registry,
      localFileStorage({ dataDir: config.DATA_DIR, masterKey: master.key }),
      Date.now(),
    );
    if (demo) printDemoCredentials(demo, config.STAFF_ORIGIN, config.PUBLIC_ORIGIN);
  }
  const cardAuth = await cardAuthFromConfig(config, logger);
  const deps: AppDeps = {
    config,
    registry,
    logger,
    now: Date.now,
    remoteAddress: nodeRemoteAddress,
    ...(cardAuth.settings ? { cardAuth: cardAuth.settings } : {}),
  };

  const publicServer = serve(
    { fetch: createPublicApp(deps).fetch, hostname: config.HOST, port: config.PORT },
    (info) =>
      logger.info('listening', { listener: 'public', url: `http://${config.HOST}:${info.port}` }),
  );
  const staffServer = serve(
    { fetch: createStaffApp(deps).fetch, hostname: config.STAFF_HOST, port: config.STAFF_PORT },
    (info) =>
      logger.info('listening', {
        listener: 'staff',
        url: `http://${config.STAFF_HOST}:${info.port}`,
      }),
  );
  const stop = () => {
    logger.info('stopping');
    publicServer.close();
    staffServer.close();
    void cardAuth.stop();
    // The pass under way finishes first, so no sent mail is left unmarked by a closed database.
    void Promise.all([mailWorker.stop(), retentionWorker.stop(), paymentWorker.stop()]).then(() =>
      registry.close(),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
