import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, audit } from '../../src/modules/audit/audit';
import { rowHash, verifyAuditChain } from '../../src/modules/audit/chain';
import { testApp, type TestApp } from '../support/app';
import { runCli } from '../support/process';

/**
 * The tamper-evident trail on both engines (GIAMNGHEO_TEST_DB=postgres for PostgreSQL), and refusals as security
 * events.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const cli = (args: string[]) => runCli(args, { DATABASE_URL: t.database.url, GIAMNGHEO_DATA_DIR: '/nonexistent' });

describe('tamper-evident audit trail', () => {
  it('each row links to the previous one; concurrent writers make one chain; verify passes on an intact trail', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.tx((tx) => audit(tx, systemActor('thử'), { action: 'test.concurrent', entity: 'x', entityId: i })),
      ),
    );
    const rows = await t.db.query<{ chain_seq: number; prev_hash: string | null; row_hash: string; content: string }>(
      'SELECT chain_seq, prev_hash, row_hash, audit_log_content(a) AS content FROM audit_log a ORDER BY chain_seq',
    );
    expect(rows.length).toBeGreaterThan(20);
    rows.forEach((r, i) => {
      expect(r.chain_seq).toBe(i + 1);
      expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1].row_hash);
      expect(r.row_hash).toBe(rowHash(r.prev_hash, r.content));
    });
    const report = await verifyAuditChain(t.db, 7);
    expect(report).toMatchObject({
      ok: true,
      rows: rows.length,
      lastSeq: rows.length,
      lastHash: rows.at(-1)!.row_hash,
      broken: null,
    });
    if (t.database.mode === 'postgres') {
      const ok = await cli(['audit', 'verify']);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^Nhật ký nguyên vẹn: \d+ dòng; mã băm cuối \(dòng thứ \d+\): [0-9a-f]{64}\n$/);
    }
  });

  it('a row changed through SQL by the table owner (trigger disabled) is named by verify, which exits ≠ 0', async () => {
    const victim = await t.db.one<{ id: number; chain_seq: number }>(
      `SELECT id, chain_seq FROM audit_log WHERE action = 'test.concurrent' ORDER BY chain_seq LIMIT 1 OFFSET 3`,
    );
    await t.db.tx(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
      await tx.query(`UPDATE audit_log SET actor_name = 'người khác' WHERE id = $1`, [victim.id]);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change');
    });
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual({ id: victim.id, seq: victim.chain_seq, reason: 'nội dung đã bị sửa sau khi ghi' });
    if (t.database.mode === 'postgres') {
      const res = await cli(['audit', 'verify']);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toBe(
        `Lỗi: Nhật ký không còn nguyên vẹn từ dòng id ${victim.id} (thứ ${victim.chain_seq} trong chuỗi): nội dung đã bị sửa sau khi ghi.\n`,
      );
    }
  });

  it('a deleted row and a row inserted with the triggers disabled are found', async () => {
    const victim = await t.db.one<{ id: number; chain_seq: number }>(
      `SELECT id, chain_seq FROM audit_log ORDER BY chain_seq LIMIT 1`,
    );
    await t.db.tx(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query(`DELETE FROM audit_log WHERE id = $1`, [victim.id]);
      await tx.query(`INSERT INTO audit_log (actor_name, action, entity) VALUES ('kẻ lạ', 'x', 'y')`);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    expect((await verifyAuditChain(t.db)).broken).toMatchObject({
      seq: victim.chain_seq + 1,
      reason: expect.stringMatching(/thiếu dòng thứ 1/),
    });
  });
});

describe('refusals are security events', () => {
  it('a 403 writes one audit row per user and route in a window, not one per request', async () => {
    const officer = await t.as('commune_officer');
    const count = () =>
      t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'security.access.denied'`);
    const before = (await count()).n;
    for (let i = 0; i < 5; i++) expect((await officer.get('/api/audit')).status).toBe(403);
    expect((await count()).n).toBe(before + 1);
    const row = await t.db.one<{ actor_name: string; entity_id: string; after: { path: string; code: string } }>(
      `SELECT actor_name, entity_id, after FROM audit_log WHERE action = 'security.access.denied' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      actor_name: 't.commune-officer',
      entity_id: 'GET /api/audit',
      after: { path: '/api/audit', code: 'forbidden' },
    });
  });
});
