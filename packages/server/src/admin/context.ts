import type { TenantDb } from '../db/registry';

/** Who is administering which municipality, and when: what every admin service is given. */
export interface AdminContext {
  db: TenantDb;
  tenantSlug: string;
  /** The signed-in tenant admin. */
  actorId: string;
  now: number;
}
