import type { Config } from '../config';
import type { Logger } from '../http/logger';
import { startLocalCardProvider } from './local-provider';
import { type CardAuthSettings, cardProviderMode } from './service';

/**
 * The card-authentication provider the server uses: the local one (started here, on its own
 * loopback port) by default outside production, a real provider from CARD_ISSUER /
 * CARD_CLIENT_ID / CARD_CLIENT_JWK, or none.
 */
export async function cardAuthFromConfig(
  config: Config,
  logger: Logger,
): Promise<{ settings?: CardAuthSettings; stop: () => Promise<void> }> {
  const mode = cardProviderMode(config);
  if (mode === 'off') return { stop: async () => {} };
  if (mode === 'oidc') {
    if (!config.CARD_ISSUER || !config.CARD_CLIENT_ID || !config.CARD_CLIENT_JWK)
      throw new Error('CARD_PROVIDER=oidc needs CARD_ISSUER, CARD_CLIENT_ID and CARD_CLIENT_JWK');
    return {
      settings: {
        issuer: config.CARD_ISSUER,
        clientId: config.CARD_CLIENT_ID,
        privateJwk: JSON.parse(config.CARD_CLIENT_JWK),
      },
      stop: async () => {},
    };
  }
  const origin = config.PUBLIC_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const local = await startLocalCardProvider({
    port: config.CARD_LOCAL_PORT,
    redirectUris: [`${config.PUBLIC_ORIGIN}/t/demo/card/callback`],
    redirectUriPattern: new RegExp(`^${origin}/t/[a-z0-9-]+/card/callback$`),
  });
  logger.info('card_provider', {
    issuer: local.issuer,
    note: 'local My Number card provider with fictional card holders (development only)',
  });
  return {
    settings: {
      issuer: local.issuer,
      clientId: local.clientId,
      privateJwk: local.clientPrivateJwk,
    },
    stop: local.close,
  };
}
