import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/db/backup';
import { connectPool, type PoolDb } from '../../src/db/client';
import { verifyAuditChain } from '../../src/modules/audit/chain';
import { writeReviewWorkbook } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { findCommuneOn } from '../../src/modules/poverty/repo';
import { importReviewWorkbook, povertySummary } from '../../src/modules/poverty/service';
import { testDatabase, TEST_MODE, type TestDatabase } from '../support/db';
import { runCli } from '../support/process';
import { pgUrl, servePglite, TEST_PG_URL } from '../support/template';

/** Backup and restore on both engines; several application processes on one database take the daily digest once. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-ops-'));
let t: TestDatabase;

beforeAll(async () => {
  t = await testDatabase();
  const file = path.join(dir, 'ra-soat.xlsx');
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(
    out,
    { communeName: 'Phường thử', year: 2024, catalog: NATIONAL_CATALOG },
    {
      households: [
        [
          'H001',
          'Nguyễn Văn An',
          '001090000001',
          'Kinh',
          'Tổ 1',
          'Thành thị',
          null,
          1_500_000,
          '1.1; 2.2; 4.2',
          null,
          'Hộ nghèo',
          null,
          null,
        ],
        [
          'H002',
          'Lò Thị Bình',
          null,
          'Thái',
          'Tổ 2',
          'Thành thị',
          null,
          2_500_000,
          '1.1',
          null,
          'Hộ nghèo',
          null,
          null,
        ],
        [
          'H003',
          'Trần Văn Cường',
          null,
          'Kinh',
          'Tổ 3',
          'Thành thị',
          null,
          9_000_000,
          '',
          null,
          'Hộ cận nghèo',
          null,
          null,
        ],
      ],
      members: [
        ['H001', 'Nguyễn Văn An', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
        ['H002', 'Lò Thị Bình', 'Chủ hộ', null, 'Nữ', null, 'Thái'],
        ['H003', 'Trần Văn Cường', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
      ],
    },
  );
  await finished(out);
  const commune = await findCommuneOn(t.db, '00004', '2024-12-14');
  await importReviewWorkbook(
    t.db,
    { system: 'kiểm thử' },
    { communeId: commune!.id, year: 2024, filePath: file, fileName: 'ra-soat.xlsx' },
  );
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const summaries = async (db: PoolDb) => ({
  // the imported results are not recognised yet: summaries of all results, not only the official ones
  province: await povertySummary(db, {
    year: 2024,
    level: 'province',
    boundaries: 'review',
    by: 'none',
    status: 'all',
  }),
  nation: await povertySummary(db, { year: 2024, level: 'nation', boundaries: 'current', by: 'area', status: 'all' }),
});

/** An empty database of the engine under test, in a new directory (embedded) or a new database (PostgreSQL). */
async function emptyTarget(): Promise<{ db: PoolDb; close(): Promise<void> }> {
  if (TEST_MODE === 'postgres') {
    const name = `gn_restore_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const db = connectPool(pgUrl(name), 'postgres', 4);
    return {
      db,
      async close() {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const served = await servePglite(await PGlite.create({ dataDir: fs.mkdtempSync(path.join(dir, 'pgdata-')) }));
  const db = connectPool(served.url, 'embedded', 4);
  return {
    db,
    async close() {
      await db.close();
      await served.close();
    },
  };
}

describe('backup and restore', () => {
  it('restoring a backup into a new database gives the same poverty summaries and an intact audit trail', async () => {
    const file = path.join(dir, 'sao-luu.jsonl.gz');
    const done = await backupDatabase(t.db, file);
    expect(done.rows).toBeGreaterThan(10_000);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = await summaries(t.db);
    expect(before.province.rows.find((r) => r.code === '01')).toMatchObject({
      registeredHouseholds: 3,
      poor: expect.any(Number),
    });

    const target = await emptyTarget();
    try {
      const restored = await restoreDatabase(target.db, file);
      expect(restored.rows).toBe(done.rows);
      expect(await summaries(target.db)).toEqual(before);
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      // sequences continue after the restored rows
      const next = await target.db.one<{ id: number }>(
        `INSERT INTO audit_log (actor_name, action, entity) VALUES ('thử', 'test.after_restore', 'x') RETURNING id`,
      );
      const max = await t.db.one<{ id: number }>('SELECT max(id)::int AS id FROM audit_log');
      expect(next.id).toBeGreaterThan(max.id);
      // a target with data is refused, unless forced
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(/đã có tài khoản hoặc nhật ký; dùng --force/);
      await restoreDatabase(target.db, file, { force: true });
      expect(await summaries(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('the CLI backs up a database and restores it into a new embedded data directory', async () => {
    const file = path.join(dir, 'cli.jsonl.gz');
    const source = { DATABASE_URL: t.url, GIAMNGHEO_DATA_DIR: '/nonexistent' };
    const b = await runCli(['db', 'backup', '--out', file], source);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^Đã sao lưu \d+ dòng của \d+ bảng/);
    const target = {
      DATABASE_URL: '',
      GIAMNGHEO_DATA_DIR: path.join(dir, 'khoi-phuc'),
      GIAMNGHEO_ADMIN_PASSWORD: 'mot-mat-khau-rat-dai',
    };
    const r = await runCli(['db', 'restore', file], target);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const args = ['poverty', 'summary', '--year', '2024', '--level', 'province', '--format', 'json'];
    const [a, c] = await Promise.all([runCli(args, source), runCli(args, target)]);
    expect(JSON.parse(c.stdout)).toEqual(JSON.parse(a.stdout));
    const again = await runCli(['db', 'restore', file], target);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toBe(
      'Lỗi: Cơ sở dữ liệu đích đã có tài khoản hoặc nhật ký; dùng --force để xoá và thay bằng bản sao lưu.\n',
    );
  }, 300_000); // five CLI processes, one of them creating a new embedded data directory
});

describe('several application processes on one database', () => {
  const tick = (at: string) =>
    new Promise<{ digest: boolean }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.resolve(import.meta.dirname, '../support/digest-tick.ts'), at],
        {
          env: { ...process.env, DATABASE_URL: t.url, DB_MODE: t.mode },
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
    });

  it('two processes ticking at the same time send the daily digest once', async () => {
    const runs = await Promise.all([tick('2025-09-10T00:30:00Z'), tick('2025-09-10T00:30:00Z')]);
    expect(runs.map((r) => r.digest).sort()).toEqual([false, true]);
    const audit = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.digest.run' AND entity_id = '2025-09-10'`,
    );
    expect(audit.n).toBe(1);
    // a process started later the same day does not send it again
    expect((await tick('2025-09-10T05:00:00Z')).digest).toBe(false);
    expect(
      (
        await t.db.one<{ n: number }>(
          `SELECT count(*)::int AS n FROM job_run WHERE job = 'plan.digest' AND day = '2025-09-10'`,
        )
      ).n,
    ).toBe(1);
  });
});
