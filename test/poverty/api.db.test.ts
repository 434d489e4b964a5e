import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { testApp, TEST_PASSWORD, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

async function xlsx(rows: TemplateRows): Promise<Blob> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((r) => out.on('end', r));
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await ended;
  return new Blob([new Uint8Array(Buffer.concat(chunks))]);
}

async function cookieOf(role: string) {
  const res = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: TEST_PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

async function upload(role: string, communeId: string, blob: Blob) {
  const form = new FormData();
  form.append('file', blob, 'so-ra-soat.xlsx');
  const res = await t.fetch(
    new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(communeId)}/import?year=2025`, {
      method: 'POST',
      body: form,
      headers: { cookie: await cookieOf(role) },
    }),
  );
  return { status: res.status, body: (await res.json()) as any };
}

const ROWS: TemplateRows = {
  households: [
    [
      'H1',
      'Nguyễn Văn Một',
      '001090000011',
      'Kinh',
      'Tổ 1',
      'Thành thị',
      170,
      null,
      '1.1; 2.2; 6.1',
      null,
      null,
      null,
      null,
    ],
    ['H2', 'Lê Thị Hai', null, 'Mường', 'Tổ 2', 'Thành thị', 170, null, '4.2', null, null, null, null],
    ['H3', 'Phạm Văn Ba', null, 'Kinh', 'Tổ 2', 'Thành thị', null, 5_000_000, '', null, null, null, null],
  ],
  members: [
    ['H1', 'Nguyễn Văn Một', 'Chủ hộ', '01/01/1980', 'Nam', '001090000011', 'Kinh'],
    ['H2', 'Lê Thị Hai', 'Chủ hộ', null, 'Nữ', null, 'Mường'],
    ['H3', 'Phạm Văn Ba', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
  ],
};

describe('poverty API', () => {
  it('public: standards with citations and statuses; classify one household', async () => {
    const pub = t.client();
    const s = await pub.get('/api/poverty/standards');
    expect(s.status).toBe(200);
    expect(s.body.standards.map((x: { id: string }) => x.id)).toEqual(['ND07-2021', 'ND351-2025']);
    expect(s.body.standards[0].incomeLine.rural).toMatchObject({ value: 1_500_000, status: 'verified' });
    const c = await pub.post('/api/poverty/classify', {
      area: 'rural',
      year: 2027,
      incomePerCapita: 2_100_000,
      deprived: ['1.1', '2.1', '3.1'],
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ class: 'poor', standardId: 'ND351-2025' });
    const bad = await pub.post('/api/poverty/classify', { area: 'rural', year: 2021, scoreA: 1, deprived: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/Không có chuẩn nghèo/);
    const published = await pub.get('/api/poverty/published?year=2024');
    expect(published.body.items.find((i: any) => i.areaCode === 'VN' && i.indicator === 'poor')).toMatchObject({
      households: 599608,
      ratePct: 1.93,
    });
  });

  it('a commune officer imports a workbook with errors (listed by sheet/row/column), then a fixed one', async () => {
    const communeId = t.scope.communeId;
    const broken = {
      ...ROWS,
      households: ROWS.households!.map((h) => (h[0] === 'H2' ? [...h.slice(0, 5), 'Phố', ...h.slice(6)] : h)),
    };
    const r1 = await upload('commune_officer', communeId, await xlsx(broken));
    expect(r1.status).toBe(422);
    expect(r1.body.error.details.problems).toEqual([
      expect.objectContaining({ sheet: 'Hộ gia đình', row: 3, column: 'F' }),
    ]);
    const r2 = await upload('commune_officer', communeId, await xlsx(ROWS));
    expect(r2.status).toBe(200);
    expect(r2.body).toMatchObject({ households: 3, classes: { poor: 1, near_poor: 1, average: 0, not_poor: 1 } });
  });

  it('roles outside the commune are refused the upload', async () => {
    const r = await upload('steering_member', t.scope.communeId, await xlsx(ROWS));
    expect(r.status).toBe(403);
  });

  it('personal data: the commune and its province see names; steering members get the summary only', async () => {
    const path = `/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/households?year=2025`;
    const commune = await (await t.as('commune_officer')).get(path);
    expect(commune.status).toBe(200);
    expect(commune.body.households.map((h: any) => h.headName)).toContain('Nguyễn Văn Một');
    expect((await (await t.as('province_officer')).get(path)).status).toBe(200);
    const steering = await t.as('steering_member');
    expect((await steering.get(path)).status).toBe(403);
    // Default: official figures only (recognised results): nothing yet.
    expect((await steering.get('/api/poverty/summary?year=2025&level=province')).body).toMatchObject({
      status: 'official',
      rows: [],
    });
    const summary = await steering.get('/api/poverty/summary?year=2025&level=province&status=all');
    expect(summary.status).toBe(200);
    expect(summary.body.rows[0]).toMatchObject({
      code: '01',
      households: null,
      registeredHouseholds: 3,
      poor: 1,
      nearPoor: 1,
      poorRate: null,
      official: false,
    });
    expect(JSON.stringify(summary.body)).not.toMatch(/Nguyễn Văn Một/);
    // One province's communes (the overview's drill-down): central roles only, the province required.
    const communes = await steering.get('/api/poverty/summary?year=2025&level=commune&province=01&status=all');
    expect(communes.status).toBe(200);
    expect(communes.body.rows.map((r: any) => [r.code, r.poor, r.poorRate])).toEqual([['00004', 1, null]]);
    expect((await steering.get('/api/poverty/summary?year=2025&level=commune')).status).toBe(400);
    const officer = await (
      await t.as('province_officer')
    ).get('/api/poverty/summary?year=2025&level=commune&province=01');
    expect(officer.status).toBe(403);
    expect(officer.body.error.message).toBe('Tổng hợp theo xã dành cho cơ quan chủ quản và Ban Chỉ đạo trung ương.');
    // 3 surveyed households, 1 poor: the CSV says "chưa có số hộ dân cư", never 33,33 %.
    const before = await steering.get('/api/poverty/summary.csv?year=2025&level=nation&status=all');
    expect(String(before.body)).toMatch(/VN;Toàn quốc;all;chưa có số hộ dân cư;3;1;chưa có số hộ dân cư;/);
    // The commune reports its resident households; steering members may read, not write.
    const body = { year: 2025, total: 300, source: 'Biểu tổng hợp của UBND phường' };
    const path2 = `/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/resident-households`;
    expect((await steering.request('PUT', path2, body)).status).toBe(403);
    const put = await (await t.as('commune_officer')).request('PUT', path2, body);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await steering.get(`${path2}?year=2025`)).body).toMatchObject({
      current: { total: 300 },
      can: { edit: false },
    });
    const csv = await steering.get('/api/poverty/summary.csv?year=2025&level=nation&status=all');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toMatch(/Tỷ lệ nghèo \(%\)/);
    expect(String(csv.body).split('\r\n')[1]).toMatch(/^VN;Toàn quốc;all;300;3;1;0,33;1;0,33;/);
  });

  it('the household list is read page by page in code order, each household once', async () => {
    const officer = await t.as('commune_officer');
    const path = `/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/households?year=2025`;
    const whole = await officer.get(path);
    expect(whole.status).toBe(200);
    expect(whole.body.nextCursor).toBeNull();
    const codes = whole.body.households.map((h: { code: string }) => h.code);
    expect(codes).toEqual(['H1', 'H2', 'H3']);
    const first = await officer.get(`${path}&limit=2`);
    expect(first.body.households.map((h: { code: string }) => h.code)).toEqual(['H1', 'H2']);
    expect(first.body.nextCursor).toBe('H2');
    const second = await officer.get(`${path}&limit=2&cursor=H2`);
    expect(second.body.households.map((h: { code: string }) => h.code)).toEqual(['H3']);
    expect(second.body.nextCursor).toBeNull();
    expect((await officer.get(`${path}&limit=2001`)).status).toBe(422);
  });

  it('resident households from a file: template of the communes in scope, all-or-nothing import through the API', async () => {
    const res = await t.fetch(
      new Request('http://localhost/api/poverty/resident-households/template.xlsx?year=2025', {
        headers: { cookie: await cookieOf('commune_officer') },
      }),
    );
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('Số hộ dân cư')!;
    const code = String(ws.getRow(2).getCell(1).value);
    expect(ws.rowCount).toBe(2); // the officer's own commune only
    const send = async (role: string, text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text]), 'so-ho.csv');
      const r = await t.fetch(
        new Request('http://localhost/api/poverty/resident-households/import?year=2025', {
          method: 'POST',
          body: form,
          headers: { cookie: await cookieOf(role) },
        }),
      );
      return { status: r.status, body: (await r.json()) as any };
    };
    const header =
      'Mã xã,Tên xã,Tổng số hộ dân cư,Số hộ thành thị,Số hộ nông thôn,Số hộ dân tộc thiểu số,Nguồn số liệu';
    const bad = await send('commune_officer', `${header}\n${code},,320,300,,,Báo cáo\n`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toEqual([
      expect.objectContaining({ sheet: 'so-ho.csv', row: 2, column: 'E' }),
    ]);
    expect((await send('steering_member', `${header}\n${code},,320,,,,Báo cáo\n`)).status).toBe(403);
    const ok = await send('commune_officer', `${header}\n${code},,320,,,,Biểu tổng hợp số 02\n`);
    expect(ok).toEqual({ status: 200, body: { year: 2025, communes: 1 } });
    const view = await (
      await t.as('province_officer')
    ).get(`/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/resident-households?year=2025`);
    expect(view.body).toMatchObject({ current: { total: 320, source: 'Biểu tổng hợp số 02' }, can: { edit: true } });
    expect(view.body.history.map((h: any) => h.total)).toEqual([320, 300]);
    // every commune's figure (not personal data): the steering member reads the one just imported
    const list = await (await t.as('steering_member')).get('/api/poverty/resident-households?year=2025');
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((i: any) => i.communeCode === code);
    expect(mine).toEqual([
      expect.objectContaining({
        communeId: t.scope.communeId,
        total: 320,
        urban: null,
        recordedBy: 't.commune-officer',
      }),
    ]);
    // the time of the record is the ISO text it always was
    expect(mine[0].recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(view.body.current.recordedAt).toBe(view.body.history[0].recordedAt);
  });

  it('the export of poor and near-poor lists is an xlsx and is audited', async () => {
    const before = await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'poverty.household.export'`,
    );
    const res = await t.fetch(
      new Request(
        `http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/export.xlsx?year=2025`,
        { headers: { cookie: await cookieOf('commune_officer') } },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const bytes = await res.arrayBuffer();
    expect(bytes.byteLength).toBeGreaterThan(1000);
    const after = await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'poverty.household.export'`,
    );
    expect(after.n).toBe(before.n + 1);
    // The list carries this year's class; numbers are numbers, dates are date cells.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet('Hộ gia đình')!;
    expect(ws.getCell('P1').value).toBe('Phân loại năm 2025');
    const classes = [2, 3].map((r) => [
      ws.getCell(`A${r}`).value,
      ws.getCell(`G${r}`).value,
      ws.getCell(`P${r}`).value,
    ]);
    expect(classes).toEqual([
      ['H1', 170, 'Hộ nghèo'],
      ['H2', 170, 'Hộ cận nghèo'],
    ]);
    const member = wb.getWorksheet('Thành viên')!;
    expect(member.getCell('D2').value).toEqual(new Date(Date.UTC(1980, 0, 1)));
  });

  it('summary exports for Excel set to Vietnamese: xlsx with numbers, CSV with ; and decimal comma', async () => {
    const steering = await t.as('steering_member');
    const res = await t.fetch(
      new Request('http://localhost/api/poverty/summary.xlsx?year=2025&level=nation&status=all', {
        headers: { cookie: await cookieOf('steering_member') },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('Mã')).toBe('VN');
    expect(at('Hộ nghèo')).toBe(1);
    expect(typeof at('Số hộ trong sổ rà soát')).toBe('number');
    expect(typeof at('Xã trên địa bàn')).toBe('number');
    expect(at('Tỷ lệ nghèo (%)')).toBe(0.31); // 1 poor of the 320 resident households the file import recorded, a number cell
    const csv = String((await steering.get('/api/poverty/summary.csv?year=2025&level=nation&status=all')).body);
    expect(csv.startsWith('\uFEFFMã;Đơn vị;')).toBe(true);
  });

  it("the caller's communes: only those in scope, with status; approval is refused before an import", async () => {
    const province = await t.as('province_officer');
    const list = await province.get('/api/poverty/communes?year=2025');
    expect(list.status).toBe(200);
    const communes = list.body.communes as {
      id: string;
      provinceId: string;
      label: string;
      statusVi: string;
      nextStep: string | null;
      nextApprover: string | null;
      lastApproved: string | null;
      lastImport: unknown;
      can: unknown;
    }[];
    expect(communes.length).toBeGreaterThan(0);
    expect(new Set(communes.map((c) => c.provinceId)).size).toBe(1);
    expect(communes.find((c) => c.id === t.scope.communeId)?.lastImport).not.toBeNull();
    const fresh = communes.find((c) => c.lastImport === null)!;
    expect(fresh.statusVi).toBe('Chưa nhập sổ kết quả rà soát');
    // the codes the sentence is made of, so the web can say it in English too
    expect([fresh.nextStep, fresh.nextApprover, fresh.lastApproved]).toEqual(['listing', 'commune', null]);
    // The server says what the province officer may do on each commune: the page copies no role list.
    expect(fresh.can).toEqual({
      recordStep: false,
      approve: { commune: false, district: true, province: true, central: false },
    });
    const refused = await (
      await t.as('admin')
    ).post(`/api/poverty/communes/${encodeURIComponent(fresh.id)}/review/approve`, {
      year: 2025,
      level: 'commune',
      on: '2025-12-01',
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('chưa nhập sổ kết quả rà soát');
  });

  it('review: steps by the commune, approvals by commune then province; the province sees the progress', async () => {
    const commune = await t.as('commune_officer');
    const base = `/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/review`;
    for (const step of ['listing', 'survey', 'village_meeting', 'public_posting', 'recognition']) {
      const r = await commune.post(`${base}/steps`, { year: 2025, step, on: '2025-10-01' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect(
      (await commune.post(`${base}/approve`, { year: 2025, level: 'commune', on: '2025-10-02' })).body.nextApprover,
    ).toBe('province');
    const province = await t.as('province_officer');
    const p = await province.post(`${base}/approve`, { year: 2025, level: 'province', on: '2025-10-03' });
    expect(p.status).toBe(200);
    expect(p.body.chain.map((c: any) => [c.level, c.approvedOn])).toEqual([
      ['commune', '2025-10-02'],
      ['province', '2025-10-03'],
      ['central', null],
    ]);
    const progress = await province.get('/api/poverty/reviews?year=2025');
    expect(progress.body.communes).toHaveLength(1);
    // "trước ngày 20 tháng 12" (QĐ 24/2021, Art. 7): the last day is 19/12
    expect(progress.body.deadlines.find((d: any) => d.kind === 'official_report').due).toBe('2025-12-19');
  });

  it('regular review: a request (Mẫu số 04), its 15-day limit, the decision; names only within scope', async () => {
    const commune = await t.as('commune_officer');
    const created = await commune.post(`/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/applications`, {
      applicantName: 'Hoàng Văn Tư',
      receivedOn: '2025-10-20',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    // QĐ 24/2021, Art. 3 and 5: reviewed from the 15th; the chair decides within 15 days: the 15th day is
    // Sunday 30/11/2025, so the limit runs to Monday 1/12 (BLDS 2015 Điều 148 khoản 5).
    expect(created.body).toMatchObject({ startedOn: '2025-11-15', dueOn: '2025-12-01', status: 'overdue' });
    const id = created.body.id;
    const noReason = await commune.post(`/api/poverty/applications/${id}/decision`, {
      decidedOn: '2025-11-20',
      outcome: 'rejected',
    });
    expect(noReason.status).toBe(422);
    const decided = await commune.post(`/api/poverty/applications/${id}/decision`, {
      decidedOn: '2025-11-29',
      outcome: 'near_poor',
    });
    expect(decided.body).toMatchObject({ outcome: 'near_poor', status: 'decided_in_time' });
    expect(
      (await commune.post(`/api/poverty/applications/${id}/decision`, { decidedOn: '2025-11-29', outcome: 'poor' }))
        .status,
    ).toBe(409);
    const byProvince = await (await t.as('province_officer')).get('/api/poverty/applications?year=2025&month=11');
    expect(byProvince.body.items).toEqual([expect.objectContaining({ id, applicantName: 'Hoàng Văn Tư' })]);
    const bySteering = await (await t.as('steering_member')).get('/api/poverty/applications?year=2025');
    expect(bySteering.body.items).toEqual([
      expect.objectContaining({ id, applicantName: null, status: 'decided_in_time' }),
    ]);
  });

  it('a GET changes nothing: reading a year whose review has not started creates no campaign', async () => {
    const province = await t.as('province_officer');
    const campaigns = () =>
      t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM poverty_campaign WHERE year = 2026`);
    expect(await campaigns()).toEqual({ n: 0 });
    const progress = await province.get('/api/poverty/reviews?year=2026');
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ year: 2026, communes: [] });
    const list = await province.get('/api/poverty/communes?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.communes.length).toBeGreaterThan(0);
    expect(list.body.communes.every((c: { locked: boolean }) => !c.locked)).toBe(true);
    expect(await campaigns()).toEqual({ n: 0 });
  });
});
