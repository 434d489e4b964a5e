import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';
import { pdfText } from '../support/pdf-text';

let t: TestApp;
let owner: Client;
let steering: Client;
let province: Client;
let publicClient: Client;
const unit = async (code: string, at: string) =>
  (
    await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`,
      [code, at],
    )
  ).id;

beforeAll(async () => {
  t = await testApp();
  [owner, steering, province, publicClient] = await Promise.all([
    t.as('program_owner'),
    t.as('steering_member'),
    t.as('province_officer'),
    t.as('public'),
  ]);
});
afterAll(() => t?.close());

async function cookieOf(role: string) {
  const res = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: TEST_PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
async function xlsx(sheet: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
}
async function upload(role: string, path: string, blob: Blob) {
  const form = new FormData();
  form.append('file', blob, 'tep.xlsx');
  const res = await t.fetch(
    new Request(`http://localhost${path}`, { method: 'POST', body: form, headers: { cookie: await cookieOf(role) } }),
  );
  return { status: res.status, body: (await res.json()) as any };
}
const auditOf = async (action: string) =>
  (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1`, [action])).n;

const RULEBOOK = {
  name: 'Thử nghiệm',
  legalBasis: 'Quyết định 02/2022/QĐ-TTg',
  project: 'DA2',
  criteria: [
    { code: 'poor_households', perUnit: 0.001, status: 'unverified' },
    { code: 'poor_districts', perUnit: 15, status: 'unverified' },
    {
      code: 'ethnic_share',
      bands: [
        { min: 0, max: 30, points: 5 },
        { min: 30, max: null, points: 10 },
      ],
    },
  ],
  reserved: [{ code: 'ministries', labelVi: 'Các bộ, cơ quan trung ương', maxShare: 0.15 }],
};
const HEADER = [
  'Mã tỉnh',
  'Tên tỉnh',
  'Số hộ nghèo (poor_households)',
  'Số huyện nghèo (poor_districts)',
  'ethnic_share',
];

describe('budget: known figures and shipped rulebooks', () => {
  it('the envelope is loaded with its sources; unknown coefficients stay empty and block a run', async () => {
    const f = await steering.get('/api/budget/figures');
    expect(f.status).toBe(200);
    const amount = (item: string) =>
      f.body.items.find((x: any) => x.item === item && x.level === 'national')?.amountMillion;
    expect([
      amount('total_program_minimum'),
      amount('central_budget_total'),
      amount('local_budget_total'),
      amount('other_sources'),
      amount('remaining_investment_capital'),
    ]).toEqual([75_000_000, 48_000_000, 12_690_000, 14_310_000, 2_000_000]);
    expect(
      f.body.items.find((x: any) => x.provinceCodePre2025 === '10' && x.item === 'central_investment_capital'),
    ).toMatchObject({ amountMillion: 932_900, status: 'verified_secondary' });
    const r = await steering.get('/api/budget/rulebooks');
    const da1 = r.body.items.find((x: any) => x.project === 'DA1');
    expect(da1.body.criteria.every((c: any) => c.perUnit === null && c.status === 'unverified')).toBe(true);
    expect(da1.body.reserved[0]).toMatchObject({ maxShare: 0.15 });
    expect(r.body.can).toEqual({
      manageRulebooks: false,
      runAllocations: false,
      planExecution: false,
      reportExecution: false,
    });
    expect((await publicClient.get('/api/budget/figures')).status).toBe(401);
  });
});

describe('budget: criteria import, runs, scenarios, exports', () => {
  let setId: number;
  let rulebookId: number;
  let runId: number;
  let scenarioId: number;

  it('a criteria workbook with errors reports every cell at once and stores nothing', async () => {
    const bad = await xlsx('Tiêu chí', [
      HEADER,
      ['02', 'Hà Giang', 25000, -1, 88.3],
      ['99', 'Không có', 'nhiều', 3, 30],
      ['04', 'Cao Bằng', 9000, 3, ''],
    ]);
    const r = await upload(
      'program_owner',
      '/api/budget/criteria-sets/import?name=Thu&asOf=2024-12-31&source=Nguon',
      bad,
    );
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems.map((p: any) => `${p.row}${p.column}`).sort()).toEqual([
      '2D',
      '3A',
      '3C',
      '4E',
    ]);
    expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM budget_criteria_set')).n).toBe(0);
  });

  it('the program owner imports criteria data and adds a rulebook version', async () => {
    const good = await xlsx('Tiêu chí', [
      HEADER,
      ['02', 'Hà Giang', 25000, 6, 88.3],
      ['04', 'Cao Bằng', 9000, 3, 30],
      ['10', 'Lào Cai', 20000, 3, 29.99],
    ]);
    const r = await upload(
      'program_owner',
      '/api/budget/criteria-sets/import?name=S%E1%BB%91%20li%E1%BB%87u%202024&asOf=2024-12-31&source=Th%E1%BB%AD',
      good,
    );
    expect(r.status).toBe(200);
    expect(r.body.provinces).toBe(3);
    setId = r.body.id;
    expect((await province.post('/api/budget/rulebooks', { body: RULEBOOK })).status).toBe(403);
    const bad = await owner.post('/api/budget/rulebooks', {
      body: { ...RULEBOOK, criteria: [{ code: 'xyz', perUnit: 1 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].message).toMatch(/tiêu chí "xyz" không có trong danh mục/);
    const rb = await owner.post('/api/budget/rulebooks', { body: RULEBOOK });
    expect(rb.status).toBe(200);
    expect(rb.body.version).toBe(1);
    rulebookId = rb.body.id;
    expect(await auditOf('budget.rulebook.create')).toBeGreaterThanOrEqual(1);
  });

  it('a run divides the pool after the reservation, exactly, and explains each line; it cannot be changed', async () => {
    const tooMuch = await owner.post('/api/budget/runs', {
      name: 'x',
      rulebookId,
      criteriaSetId: setId,
      pool: '1000000000',
      unit: 'million',
      reserved: 200_000_000,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details.problems[0].message).toMatch(/vượt 15%/);
    const notDivisible = await owner.post('/api/budget/runs', {
      name: 'x',
      rulebookId,
      criteriaSetId: setId,
      pool: '1000500000',
      unit: 'million',
    });
    expect(notDivisible.status).toBe(422);
    const runs = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM budget_run');
    expect(runs.n).toBe(0);
    const r = await owner.post('/api/budget/runs', {
      name: 'Dự án 2 năm 2026',
      rulebookId,
      criteriaSetId: setId,
      pool: '1150000000',
      unit: 'million',
      reserved: 150_000_000,
      year: 2026,
    });
    expect(r.status).toBe(200);
    runId = r.body.id;
    const d = await steering.get(`/api/budget/runs/${runId}`);
    expect(d.body.lines.map((l: any) => [l.provinceCode, l.points, l.amount])).toEqual([
      ['02', 125, 483_000_000],
      ['04', 64, 247_000_000],
      ['10', 70, 270_000_000],
    ]);
    expect(d.body.lines[0].explanation).toMatch(
      /^Tỉnh Hà Giang: Số hộ nghèo: 25\.000 hộ × 0,001 điểm = 25; Số huyện nghèo: 6 huyện × 15 điểm = 90; .* cộng 125 điểm → 483 triệu đồng$/,
    );
    expect(d.body.lines[0].source).toMatch(/Số liệu 2024/);
    await expect(t.db.query(`UPDATE budget_run_line SET amount = 0 WHERE run_id = $1`, [runId])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.query(`DELETE FROM budget_run WHERE id = $1`, [runId])).rejects.toThrow(/immutable/);
  });

  it('a scenario changes one coefficient and shows the difference per province', async () => {
    const s = await owner.post('/api/budget/runs', {
      name: 'Kịch bản: 20 điểm mỗi huyện nghèo',
      rulebookId,
      criteriaSetId: setId,
      pool: '1150000000',
      unit: 'million',
      reserved: 150_000_000,
      baseRunId: runId,
      coefficients: { poor_districts: 20 },
    });
    expect(s.status).toBe(200);
    scenarioId = s.body.id;
    const c = await steering.get(`/api/budget/runs/${runId}/compare/${scenarioId}`);
    // points 155 / 79 / 85 (Σ 319): 485.89 → 486, 247.65 → 248, 266.46 → 266
    expect(c.body.items.map((x: any) => [x.points, x.amount / 1e6, x.difference / 1e6])).toEqual([
      [155, 486, 3],
      [79, 248, 1],
      [85, 266, -4],
    ]);
    expect(c.body.items.reduce((a: number, x: any) => a + x.difference, 0)).toBe(0);
    expect(await auditOf('budget.scenario.create')).toBe(1);
  });

  it('exports the table as Excel (real numbers) and as a PDF with the national heading', async () => {
    const x = await t.fetch(
      new Request(`http://localhost/api/budget/runs/${runId}/export.xlsx`, {
        headers: { cookie: await cookieOf('steering_member') },
      }),
    );
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0];
    expect([ws.getCell('B5').value, ws.getCell('D5').value, ws.getCell('D8').value]).toEqual([
      'Tỉnh Hà Giang',
      483,
      1000,
    ]);
    const p = await t.fetch(
      new Request(`http://localhost/api/budget/runs/${runId}/export.pdf`, {
        headers: { cookie: await cookieOf('steering_member') },
      }),
    );
    expect(p.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await p.arrayBuffer()));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Tỉnh Hà Giang');
    expect(text).toContain('PHƯƠNG ÁN PHÂN BỔ VỐN NGÂN SÁCH TRUNG ƯƠNG');
  });
});

describe('budget execution', () => {
  let oldHaNoi: string;
  let newHaNoi: string;
  let caoBang: string;
  let central: number;

  beforeAll(async () => {
    oldHaNoi = await unit('01', '2025-03-01');
    newHaNoi = await unit('01', '2025-08-01');
    caoBang = await unit('04', '2025-03-01');
  });

  it('the program owner assigns lines; a province that did not exist that year is refused', async () => {
    expect(
      (
        await owner.post('/api/budget/lines', {
          year: 2026,
          unitId: oldHaNoi,
          project: 'DA1',
          source: 'central_investment',
          assigned: 1,
        })
      ).body.error.message,
    ).toMatch(/không tồn tại/);
    expect(
      (
        await province.post('/api/budget/lines', {
          year: 2025,
          unitId: oldHaNoi,
          project: 'DA1',
          source: 'central_investment',
          assigned: 1,
        })
      ).status,
    ).toBe(403);
    central = (
      await owner.post('/api/budget/lines', {
        year: 2025,
        unitId: oldHaNoi,
        project: 'DA1',
        source: 'central_investment',
        assigned: 1_000_000_000,
        legalBasis: 'QĐ 653/QĐ-TTg',
      })
    ).body.id;
    await owner.post('/api/budget/lines', {
      year: 2025,
      unitId: oldHaNoi,
      project: 'DA1',
      source: 'local',
      assigned: 20_000_000,
    });
    await owner.post('/api/budget/lines', {
      year: 2025,
      unitId: caoBang,
      project: 'DA1',
      source: 'central_investment',
      assigned: 500_000_000,
    });
    expect(
      (
        await t
          .client()
          .request('PUT', '/api/budget/support-ratios', { year: 2025, unitId: oldHaNoi, ratio: 0.3, source: 'x' })
      ).status,
    ).toBe(401);
    expect(
      (
        await owner.request('PUT', '/api/budget/support-ratios', {
          year: 2025,
          unitId: oldHaNoi,
          ratio: 0.3,
          source: 'Thử nghiệm',
        })
      ).status,
    ).toBe(200);
  });

  it('a province officer reports disbursement of its own province, within the months it existed and never above assigned', async () => {
    const ok = await province.post(`/api/budget/lines/${central}/transactions`, {
      phase: 'disbursed',
      month: 3,
      amount: 400_000_000,
    });
    expect(ok.status).toBe(200);
    const after = await province.post(`/api/budget/lines/${central}/transactions`, {
      phase: 'disbursed',
      month: 8,
      amount: 1,
    });
    expect(after.status).toBe(422);
    expect(after.body.error.details.problems[0].message).toMatch(/không tồn tại trong tháng 8\/2025/);
    const above = await province.post(`/api/budget/lines/${central}/transactions`, {
      phase: 'disbursed',
      month: 4,
      amount: 600_000_001,
    });
    expect(above.status).toBe(422);
    expect(above.body.error.details.problems[0].message).toMatch(/vượt số vốn được giao 1\.000 triệu đồng/);
    const cb = (await t.db.one<{ id: number }>(`SELECT id FROM budget_line WHERE unit_id = $1`, [caoBang])).id;
    expect(
      (await province.post(`/api/budget/lines/${cb}/transactions`, { phase: 'disbursed', month: 3, amount: 1 })).status,
    ).toBe(403);
    expect(
      (await province.post(`/api/budget/lines/${central}/transactions`, { phase: 'adjusted', amount: 5 })).status,
    ).toBe(403);
    expect(await auditOf('budget.line.disbursed')).toBe(1);
  });

  it('the dashboard gives rates, monthly trend, slow lines and counterpart compliance; old Hà Nội rolls up into the new one', async () => {
    const d = await province.get('/api/budget/execution?year=2025&asOf=2025-10-15');
    expect(d.status).toBe(200);
    expect(d.body.items).toHaveLength(1); // only its own province
    const hn = d.body.items[0];
    expect(hn).toMatchObject({ unitId: oldHaNoi, assigned: 1_020_000_000, disbursed: 400_000_000 });
    expect(hn.monthly[2]).toBe(400_000_000);
    // support ratio 30 % → at least 15 % of 1,000 m = 150 m; planned local 20 m is short
    expect(hn.counterpart).toMatchObject({
      minRatio: 0.15,
      minimum: 150_000_000,
      planned_status: 'short',
      actual_status: 'short',
    });
    expect(d.body.alerts.length).toBeGreaterThan(0);
    const all = await steering.get('/api/budget/execution?year=2025&boundaries=current');
    expect(all.body.items.map((p: any) => p.unitId)).toContain(newHaNoi);
    expect(all.body.items.find((p: any) => p.unitId === newHaNoi)).toMatchObject({ disbursed: 400_000_000 });
  });

  it('a disbursement report from Excel is all-or-nothing with per-cell errors', async () => {
    const H = ['Mã tỉnh', 'Dự án', 'Tiểu dự án', 'Nguồn vốn', 'Tháng', 'Số giải ngân (triệu đồng)'];
    const bad = await xlsx('Giải ngân', [
      H,
      ['01', 'DA1', '', 'local', 5, 10],
      ['01', 'DA1', '', 'central_investment', 9, 5],
      ['04', 'DA1', '', 'central_investment', 5, 1],
      ['01', 'DA1', '', 'nguồn lạ', 13, -2],
    ]);
    const r = await upload('province_officer', '/api/budget/reports/import?year=2025', bad);
    expect(r.status).toBe(422);
    // row 3: in September 2025 code 01 is the new Hà Nội, which was assigned nothing; row 4: Cao Bằng is outside the
    // officer's scope
    expect(r.body.error.details.problems.map((p: any) => `${p.row}${p.column}`)).toEqual([
      '5D',
      '5E',
      '5F',
      '3B',
      '4A',
    ]);
    expect(r.body.error.details.problems[3].message).toMatch(/^Thành phố Hà Nội chưa được giao vốn DA1/);
    expect(
      (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM budget_transaction WHERE phase = 'disbursed'`)).n,
    ).toBe(1);
    const good = await upload(
      'province_officer',
      '/api/budget/reports/import?year=2025',
      await xlsx('Giải ngân', [H, ['01', 'DA1', '', 'local', 5, 10], ['01', 'DA1', '', 'Ngân sách địa phương', 6, 10]]),
    );
    expect(good.body).toEqual({ rows: 2, total: 20_000_000 });
    const d = await province.get('/api/budget/execution?year=2025&asOf=2025-10-15');
    expect(d.body.items[0].counterpart.actual).toBe(20_000_000);
  });
});
