import type { Context } from 'hono';
import type { CardAuthSettings } from './card-auth/service';
import type { Config } from './config';
import type { TenantRegistry } from './db/registry';
import type { Logger } from './http/logger';

/** What the routes need from the outside world; tests pass their own. */
export interface AppDeps {
  config: Config;
  registry: TenantRegistry;
  logger: Logger;
  /** The clock, in ms since the epoch. */
  now: () => number;
  /** The client's address as the listener saw it (behind a proxy, the proxy's). */
  remoteAddress: (c: Context) => string | undefined;
  /** The server's own card provider (env or the local one): the default for municipalities without card settings of their own. */
  cardAuth?: CardAuthSettings;
}
