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
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'leadAgency',
          'deadline',
          'status',
          'completedOn',
          'daysLate',
          'instrument',
          'submittedOn',
          'submissionDaysLate',
        ]),
      );
      // a task without any progress report: status "no_report" and no days late
      if (row.status === 'no_report') expect(row.daysLate).toBeNull();
      else expect(Number.isInteger(row.daysLate)).toBe(true);
      expect(row.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(String(row.deadline))).toBe(true);
    }
    const list = rows.find((x) => x.instrument === '353/QĐ-TTg')!;
    // daysLate stays the instrument's days after the deadline; MOLISA's submission date is not in the sources
    expect(list).toMatchObject({
      leadAgency: 'MOLISA',
      deadline: '2021-12-31',
      status: 'completed',
      completedOn: '2022-03-15',
      daysLate: 74,
      submittedOn: null,
      submissionDaysLate: null,
    });
    expect(
      rows
        .filter((x) => x.status === 'no_report')
        .map((x) => x.position)
        .sort(),
    ).toEqual(['1', '2', '2.1', '3', '3.7', '4', '5']);
  });

  it('status --agency MOLISA --format csv', async () => {
    const r = await runCli(['plan', 'status', '--as-of', '2026-01-01', '--agency', 'MOLISA', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0].startsWith('id,position,title,leadAgency,deadline,status,completedOn,daysLate,instrument')).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('90/QĐ-TTg') && l.includes(',18,'))).toBe(true);
    expect(lines.some((l) => l.includes('27/2022/NĐ-CP'))).toBe(false); // MPI's
  });

  it('overdue --as-of lists only the overdue ones (table by default)', async () => {
    const r = await runCli(['plan', 'overdue', '--as-of', '2022-01-05', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { position: string; daysLate: number | null; status: string }[];
    expect(rows.map((x) => x.position).sort()).toEqual(['3.1', '3.2', '3.4', '3.5', '3.7']);
    expect(rows.filter((x) => x.position !== '3.7').every((x) => x.daysLate === 5)).toBe(true);
    // 3.7 (the committee's working regulation): no instrument identified, nobody reported
    expect(rows.find((x) => x.position === '3.7')).toMatchObject({ status: 'no_report', daysLate: null });
    const table = await runCli(['plan', 'overdue', '--as-of', '2022-07-01'], env);
    // on 01/07/2022 only 2.1 and 3.7 are past due, and nobody has reported on them: the late (reported) table is empty
    expect(table.stdout.split('\n')[0]).toBe('(không có dòng nào)');
    expect(table.stdout).toMatch(
      /^id\s+position\s+title\s+leadAgency\s+deadline\s+status\s+completedOn\s+daysLate\s+instrument\s+submittedOn\s+submissionDaysLate$/m,
    );
    expect(table.stdout).toContain('2022-06-30');
  });

  it('overdue --as-of 2026-01-15: no seeded item is days late without a report; the table shows them apart', async () => {
    const r = await runCli(
      ['plan', 'overdue', '--plan', '1705/QĐ-TTg', '--as-of', '2026-01-15', '--format', 'json'],
      env,
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      position: string;
      status: string;
      daysLate: number | null;
      pastDueNoReport: boolean;
    }[];
    // only 2.1 (provincial plans, due 30/06/2022) and 3.7 are past due; nobody has reported on them
    expect(rows.map((x) => [x.position, x.status, x.daysLate, x.pastDueNoReport])).toEqual([
      ['2.1', 'no_report', null, true],
      ['3.7', 'no_report', null, true],
    ]);
    const table = await runCli(['plan', 'overdue', '--plan', '1705/QĐ-TTg', '--as-of', '2026-01-15'], env);
    expect(table.stdout).toContain('Quá hạn, chưa nhận được báo cáo (không tính số ngày chậm): 2');
  });

  it('export --overdue: late (reported) and past due without a report under their own headings', async () => {
    const out = path.join(dir, 'qua-han.xlsx');
    const r = await runCli(
      ['plan', 'export', '--plan', '1705/QĐ-TTg', '--overdue', '--as-of', '2026-01-15', '--out', out],
      env,
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const col = (n: number) =>
      Array.from({ length: ws.rowCount }, (_, i) => String(ws.getRow(i + 1).getCell(n).value ?? ''));
    const first = col(1);
    const headingII = first.indexOf('II. Quá hạn, chưa nhận được báo cáo (không tính số ngày chậm): 2');
    expect(first.indexOf('I. Chậm tiến độ (đã có báo cáo): 0')).toBe(4);
    expect(headingII).toBe(5);
    expect(first.slice(headingII + 1, headingII + 3)).toEqual(['2.1', '3.7']);
    expect(col(7)[headingII + 1]).toContain('Quá hạn, chưa nhận được báo cáo');
  });

  it('export writes the officials’ layout', async () => {
    const out = path.join(dir, 'ke-hoach.xlsx');
    const r = await runCli(['plan', 'export', '--as-of', '2026-01-01', '--out', out], env);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect((wb.worksheets[0].getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Nội dung công việc',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tiến độ',
      'Ghi chú',
    ]);
  });

  it("status --plan lists one plan's tasks; without it, every plan's", async () => {
    const owner = {
      userId: 0,
      username: 'test',
      displayName: 'Chủ quản',
      grants: [{ role: 'program_owner' as const, agencyId: null, unitId: null }],
    };
    const { id } = await createPlan(t.db, owner, {
      code: '21/KH-BTC-THU',
      title: 'Kế hoạch thử của Bộ Tài chính',
      issuerAgencyId: 'MOF',
      issuedOn: '2026-01-05',
    });
    await createTask(t.db, owner, {
      planId: id,
      position: '1',
      title: 'Nhiệm vụ thử của kế hoạch riêng',
      leadAgencyId: 'MOF',
      fanOut: 'none',
      coordinatorIds: [],
      deadline: 'quý II/2026',
      startOn: '2026-01-05',
    });
    const own = await runCli(
      ['plan', 'status', '--plan', '21/KH-BTC-THU', '--as-of', '2026-07-01', '--format', 'json'],
      env,
    );
    expect(JSON.parse(own.stdout)).toEqual([
      expect.objectContaining({
        title: 'Nhiệm vụ thử của kế hoạch riêng',
        deadline: '2026-06-30',
        status: 'no_report',
        daysLate: null,
        leadAgency: 'MOF',
      }),
    ]);
    const national = JSON.parse(
      (await runCli(['plan', 'status', '--plan', '1705/QĐ-TTg', '--format', 'json'], env)).stdout,
    );
    const every = JSON.parse((await runCli(['plan', 'status', '--format', 'json'], env)).stdout);
    expect(every.length).toBe(national.length + 1);
    const unknown = await runCli(['plan', 'overdue', '--plan', '99/KH-KHONG-CO'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Lỗi: Không có kế hoạch số "99/KH-KHONG-CO".\n');
  });

  it('reorganise --on 2025-07-01: by function, says what it could not decide; the 2026 view then has the 34 provinces', async () => {
    const owner = {
      userId: 0,
      username: 'test',
      displayName: 'Chủ quản',
      grants: [{ role: 'program_owner' as const, agencyId: null, unitId: null }],
    };
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    await createTask(t.db, owner, {
      planId: plan.id,
      position: '60',
      title: 'Nhiệm vụ thử của cả Dự án 4',
      leadAgencyId: 'MOLISA',
      fanOut: 'none',
      coordinatorIds: [],
      deadline: 'năm 2024',
      startOn: '2024-01-02',
      projectCode: 'DA4',
    });
    const r = await runCli(['plan', 'reorganise', '--on', '2025-07-01'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Chưa quyết định được cơ quan tiếp nhận nhiệm vụ 60 của MOLISA: nhiệm vụ thuộc nhiều chức năng (không rõ dự án, tiểu dự án) (cần xử lý thủ công).',
    );
    const rows = JSON.parse(
      (await runCli(['plan', 'status', '--plan', '1705/QĐ-TTg', '--as-of', '2026-01-15', '--format', 'json'], env))
        .stdout,
    ) as { position: string; assignments: number }[];
    expect(rows.find((x) => x.position === '2.1')!.assignments).toBe(34);
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
