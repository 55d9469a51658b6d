import type { Actor } from '../auth/authorize';
import type { Tenant, TenantDb } from '../db/registry';

/** Who works on which municipality's forms, and when: what every forms service is given. */
export interface FormsContext {
  db: TenantDb;
  tenant: Pick<Tenant, 'slug' | 'name'>;
  /** The signed-in staff member; lists are filtered by what they may read. */
  actor: Actor;
  now: number;
  /** The language of the definition problems in answers. */
  locale: 'ja' | 'en';
  /** Where residents reach forms (`PUBLIC_ORIGIN`), for their public URLs. */
  publicOrigin: string;
}
