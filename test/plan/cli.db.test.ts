import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlan, createTask } from '../../src/modules/plan/service';
import { testDatabase, type TestDatabase } from '../support/db';
import { runCli } from '../support/process';

/** The CLI contract of issue 3, item 9, with the real `giamngheo` process on the seeded plan. */
let t: TestDatabase;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  t = await testDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
  env = { DATABASE_URL: t.url, GIAMNGHEO_DATA_DIR: path.join(dir, 'unused') };
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('giamngheo plan', () => {
  it('status --format json: every task with the contract fields', async () => {
    const r = await runCli(['plan', 'status', '--as-of', '2026-01-01', '--format', 'json'], env);
    expect(r.stderr).not.toContain('Lỗi');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.length).toBe(13);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'leadAgency', 'deadline', 'status', 'completedOn', 'daysLate', 'instrument']));
      expect(Number.isInteger(row.daysLate)).toBe(true);
      expect(row.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(String(row.deadline))).toBe(true);
    }
    const list = rows.find((x) => x.instrument === '353/QĐ-TTg')!;
    expect(list).toMatchObject({ leadAgency: 'MOLISA', deadline: '2021-12-31', status: 'completed', completedOn: '2022-03-15', daysLate: 74 });
  });

  it('status --agency MOLISA --format csv', async () => {
    const r = await runCli(['plan', 'status', '--as-of', '2026-01-01', '--agency', 'MOLISA', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0].startsWith('id,position,title,leadAgency,deadline,status,completedOn,daysLate,instrument')).toBe(true);
    expect(lines.some((l) => l.includes('90/QĐ-TTg') && l.includes(',18,'))).toBe(true);
    expect(lines.some((l) => l.includes('27/2022/NĐ-CP'))).toBe(false); // MPI's
  });

  it('overdue --as-of lists only the overdue ones (table by default)', async () => {
    const r = await runCli(['plan', 'overdue', '--as-of', '2022-01-05', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { position: string; daysLate: number }[];
    expect(rows.map((x) => x.position).sort()).toEqual(['3.1', '3.2', '3.4', '3.5', '3.7']);
    expect(rows.every((x) => x.daysLate === 5)).toBe(true);
    const table = await runCli(['plan', 'overdue', '--as-of', '2022-07-01'], env);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+position\s+title\s+leadAgency\s+deadline\s+status\s+completedOn\s+daysLate\s+instrument$/);
    expect(table.stdout).toContain('2022-06-30');
  });

  it('export writes the officials’ layout', async () => {
    const out = path.join(dir, 'ke-hoach.xlsx');
    const r = await runCli(['plan', 'export', '--as-of', '2026-01-01', '--out', out], env);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect((wb.worksheets[0].getRow(4).values as unknown[]).slice(1)).toEqual(['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Tiến độ', 'Ghi chú']);
  });

  it('status --plan lists one plan\'s tasks; without it, every plan\'s', async () => {
    const owner = { userId: 0, username: 'test', displayName: 'Chủ quản', grants: [{ role: 'program_owner' as const, agencyId: null, unitId: null }] };
    const { id } = await createPlan(t.db, owner, { code: '21/KH-BTC-THU', title: 'Kế hoạch thử của Bộ Tài chính', issuerAgencyId: 'MOF', issuedOn: '2026-01-05' });
    await createTask(t.db, owner, { planId: id, position: '1', title: 'Nhiệm vụ thử của kế hoạch riêng', leadAgencyId: 'MOF', fanOut: 'none', coordinatorIds: [], deadline: 'quý II/2026', startOn: '2026-01-05' });
    const own = await runCli(['plan', 'status', '--plan', '21/KH-BTC-THU', '--as-of', '2026-07-01', '--format', 'json'], env);
    expect(JSON.parse(own.stdout)).toEqual([expect.objectContaining({ title: 'Nhiệm vụ thử của kế hoạch riêng', deadline: '2026-06-30', daysLate: 1, leadAgency: 'MOF' })]);
    const national = JSON.parse((await runCli(['plan', 'status', '--plan', '1705/QĐ-TTg', '--format', 'json'], env)).stdout);
    const every = JSON.parse((await runCli(['plan', 'status', '--format', 'json'], env)).stdout);
    expect(every.length).toBe(national.length + 1);
    const unknown = await runCli(['plan', 'overdue', '--plan', '99/KH-KHONG-CO'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Lỗi: Không có kế hoạch số "99/KH-KHONG-CO".\n');
  });

  it('errors are one Vietnamese line and exit 1', async () => {
    const bad = await runCli(['plan', 'status', '--agency', 'KHONG-CO'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('Lỗi: Không tìm thấy cơ quan có mã "KHONG-CO".\n');
    const date = await runCli(['plan', 'overdue', '--as-of', '2022-02-30'], env);
    expect(date.code).not.toBe(0);
    expect(date.stderr).toMatch(/^Lỗi: .*"2022-02-30" không phải ngày hợp lệ/);
  });
});
