import type { Operation } from '../openapi';
import { cardSettingsSchema } from './card-settings';

/** The admin API's card-authentication settings operations, for the OpenAPI document. */
export const cardSettingsOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/settings/card-auth',
    tag: 'admin',
    access: 'admin',
    summary:
      'My Number card authentication provider of the tenant (local, oidc, off, or the server default), issuer, client id, the public JWK and the redirect URI to register, and the issuers the operator allows (CARD_ISSUERS_ALLOWED); never the private key',
  },
  {
    method: 'put',
    path: '/api/admin/settings/card-auth',
    tag: 'admin',
    access: 'admin',
    summary:
      'Choose the card-authentication provider, issuer (https, one the operator allows) and client id; oidc needs a generated key; null provider goes back to the server default',
    body: cardSettingsSchema,
  },
  {
    method: 'post',
    path: '/api/admin/settings/card-auth/key',
    tag: 'admin',
    access: 'admin',
    summary:
      'Generate the client key pair (EC P-256) on the server, stored sealed, replacing the earlier one; answers the public JWK only',
  },
];
