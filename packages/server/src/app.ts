import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The public listener: resident pages and the resident API. */
export function createPublicApp() {
  return new Hono().use(secureHeaders()).get('/healthz', (c) => c.json({ status: 'ok' }));
}

/** The staff listener: the staff console and staff API, meant for LGWAN. */
export function createStaffApp() {
  return new Hono().use(secureHeaders()).get('/healthz', (c) => c.json({ status: 'ok' }));
}

/** The staff API's type, for the console's typed client (`hc<StaffAppType>`). */
export type StaffAppType = ReturnType<typeof createStaffApp>;
