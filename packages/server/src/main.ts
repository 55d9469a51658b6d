import { serve } from '@hono/node-server';
import { createPublicApp, createStaffApp } from './app';
import { ConfigError, loadConfig } from './config';

function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

function main(): void {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const publicServer = serve(
    { fetch: createPublicApp().fetch, hostname: config.HOST, port: config.PORT },
    (info) => log('listening', { listener: 'public', url: `http://${config.HOST}:${info.port}` }),
  );
  const staffServer = serve(
    { fetch: createStaffApp().fetch, hostname: config.STAFF_HOST, port: config.STAFF_PORT },
    (info) =>
      log('listening', { listener: 'staff', url: `http://${config.STAFF_HOST}:${info.port}` }),
  );
  const stop = () => {
    log('stopping');
    publicServer.close();
    staffServer.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
