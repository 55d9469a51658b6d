import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ErrorAnswer, type Harness, send } from '../admin/test-support';
import { createHarness } from '../testing/harness';
import { type AuditRecord, appendAudit, type ChainCheck } from './service';

type Page = { entries: AuditRecord[]; nextBeforeSeq: number | null };

let h: Harness;
let cookie: string;
let adminId: string;

const list = (query = '') => send<Page>(h, 'GET', `/api/audit${query}`, { cookie });

beforeAll(async () => {
  h = await createHarness();
  ({ cookie } = await h.tenantWithAdmin('midori', '131041'));
  const session = await send<{ staff: { id: string } }>(h, 'GET', '/api/auth/session', { cookie });
  adminId = session.body.staff.id;
}, 30_000);
afterAll(() => h.close());

describe('GET /api/audit', () => {
  test('lists newest first, starting with this read itself', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    const seqs = body.entries.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(body.entries[0]).toMatchObject({
      action: 'audit.read',
      actorType: 'staff',
      actorId: adminId,
      ip: '192.0.2.10',
      details: { limit: 100 },
    });
    expect(body.entries.map((entry) => entry.action)).toContain('auth.sign_in');
    expect(body.nextBeforeSeq).toBeNull();
  });

  test('filters by action, actor, target and time', async () => {
    h.advance(60_000);
    const created = await send<{ department: { id: string } }>(
      h,
      'POST',
      '/api/admin/departments',
      {
        cookie,
        body: { name: '防災課' },
      },
    );
    const departmentId = created.body.department.id;
    const changedAt = h.now();

    const byTarget = await list(`?targetId=${departmentId}`);
    expect(byTarget.body.entries).toEqual([
      expect.objectContaining({ action: 'department.create', actorId: adminId }),
    ]);
    const byAction = await list('?action=auth.sign_in');
    expect(byAction.body.entries.length).toBeGreaterThan(0);
    expect(byAction.body.entries.every((entry) => entry.action === 'auth.sign_in')).toBe(true);
    const byActor = await list(`?actorId=${adminId}&action=department.create`);
    expect(byActor.body.entries).toHaveLength(1);
    const byTime = await list(`?from=${changedAt}&to=${changedAt + 1}&action=department.create`);
    expect(byTime.body.entries).toHaveLength(1);
    const before = await list(`?to=${changedAt}&action=department.create`);
    expect(before.body.entries).toEqual([]);
  });

  test('pages with limit and beforeSeq until nextBeforeSeq is null', async () => {
    const db = await h.registry.database('midori');
    for (let i = 0; i < 5; i++)
      await appendAudit(db, { actorType: 'system', action: 'test.paging' }, h.now());
    const seen: number[] = [];
    let cursor = '';
    for (let pages = 0; pages < 5; pages++) {
      const { body } = await list(`?action=test.paging&limit=2${cursor}`);
      seen.push(...body.entries.map((entry) => entry.seq));
      if (body.nextBeforeSeq === null) break;
      cursor = `&beforeSeq=${body.nextBeforeSeq}`;
    }
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
  });

  test.each([
    ['limit above 500', '?limit=501'],
    ['limit 0', '?limit=0'],
    ['a time that is not ms', '?from=2026-11-23'],
    ['beforeSeq 0', '?beforeSeq=0'],
    ['an empty action', '?action='],
    ['an unknown filter', '?actor=someone'],
    ['a repeated filter', '?action=a&action=b'],
  ])('refuses %s (400)', async (_, query) => {
    const { status, body } = await send<ErrorAnswer>(h, 'GET', `/api/audit${query}`, { cookie });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
  });
});

describe('GET /api/audit/export.csv', () => {
  test('downloads the whole log as UTF-8 CSV with BOM, formulas neutralised', async () => {
    const db = await h.registry.database('midori');
    await appendAudit(
      db,
      {
        actorType: 'system',
        actorId: '=HYPERLINK("http://evil.example","x")',
        action: '@SUM(A1)',
        targetType: '\tcmd',
        targetId: '+81-3',
        ip: '-1',
        details: { note: 'a, "quoted"\nline' },
      },
      h.now(),
    );
    const response = await h.request('GET', '/api/audit/export.csv', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="audit-midori-2026-11-23.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor_type,actor_id,action,target_type,target_id,ip,details,prev_hash,hash',
    );
    expect(text).toContain(
      `"'=HYPERLINK(""http://evil.example"",""x"")",'@SUM(A1),'\tcmd,'+81-3,'-1,"{""note"":""a, \\""quoted\\""\\nline""}"`,
    );
    // Oldest first, through the export's own entry, recorded before the file was written.
    expect(lines[1]).toMatch(/^1,2026-11-23T09:00:00\.000\+09:00,staff,/);
    const last = lines.at(-2) ?? '';
    expect(last).toContain(',audit.export,');
    expect(lines.at(-1)).toBe('');
    const check = await send<ChainCheck>(h, 'GET', '/api/audit/verify', { cookie });
    // Every entry up to the export is a line (verify records itself after checking).
    expect(check.body).toEqual({ ok: true, entries: lines.length - 2 });
  });
});

describe('GET /api/audit/verify', () => {
  test('reports a clean chain, and records that it was checked', async () => {
    const { status, body } = await send<ChainCheck>(h, 'GET', '/api/audit/verify', { cookie });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    const { body: latest } = await list('?action=audit.verify&limit=1');
    expect(latest.entries[0]?.details).toEqual(body);
  });

  test('reports the first broken entry after tampering', async () => {
    const client = await h.registry.client('midori');
    await client.execute("UPDATE audit_log SET ip = '198.51.100.1' WHERE seq = 3");
    const { body } = await send<ChainCheck>(h, 'GET', '/api/audit/verify', { cookie });
    expect(body).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });
});
