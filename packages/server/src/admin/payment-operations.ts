import type { Operation } from '../openapi';
import { paymentSettingsSchema } from './payment-settings';

/** The admin API's payment settings operations, for the OpenAPI document. */
export const paymentSettingsOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/settings/payments',
    tag: 'admin',
    access: 'admin',
    summary:
      'Payment provider of the tenant and, for each credential, only whether it is stored (and the last four characters of an API key)',
  },
  {
    method: 'put',
    path: '/api/admin/settings/payments',
    tag: 'admin',
    access: 'admin',
    summary:
      'Choose the payment provider and store its credentials (sealed); a credential left out is kept, null clears it',
    body: paymentSettingsSchema,
  },
];
