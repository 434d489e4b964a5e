import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/text';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';
import { pdfText } from '../support/pdf-text';

let t: TestApp;
let owner: Client, commune: Client, province: Client, steering: Client, anon: Client;
beforeAll(async () => {
  t = await testApp();
  [owner, commune, province, steering, anon] = await Promise.all([
    t.as('program_owner'),
    t.as('commune_officer'),
    t.as('province_officer'),
    t.as('steering_member'),
    t.as('public'),
  ]);
});
afterAll(() => t?.close());

/** Binary downloads (the clients decode bodies as text). */
async function download(role: string, path: string) {
  const login = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: TEST_PASSWORD });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await t.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The half-year periods around today (the services use today's date). */
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
const currentKey = `${year}S${half}`;
const previousKey = half === 2 ? `${year}S1` : `${year - 1}S2`;
const auditCount = async (action: string) =>
  (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).n;

describe('results: public page and indicators', () => {
  it('anonymous visitors get targets, national and regional figures, poor areas and sources, nothing personal', async () => {
    const res = await anon.get('/api/results/public?year=2025');
    expect(res.status).toBe(200);
    const t1 = res.body.targets.find((x: { code: string }) => x.code === 'T1');
    expect(t1.series.find((s: { year: number }) => s.year === 2024)).toMatchObject({
      value: 1.93,
      target: 1.93,
      onTrack: true,
      official: true,
    });
    expect(
      res.body.figures.every((f: { areaCode: string }) => f.areaCode === 'VN' || /^[A-Z_]+$/.test(f.areaCode)),
    ).toBe(true);
    const districts = res.body.areas.find((a: { code: string }) => a.code === 'POOR_DISTRICTS_2021_2025');
    expect(districts).toMatchObject({ officialSize: 74, listed: 56, missing: 18 });
    expect(districts.members[0]).toMatchObject({ name: 'Huyện Mèo Vạc', currentProvince: 'Tỉnh Tuyên Quang' });
    // QĐ 880/QĐ-TTg (22/07/2022): 22 poor districts in 17 provinces, a subset of the 74, no exit target of its own
    const qd880 = res.body.areas.find((a: { code: string }) => a.code === 'QD880_DISTRICTS_2022_2025');
    expect(qd880).toMatchObject({ officialSize: 22, listed: 22, missing: 0, targetPct: null });
    expect(new Set(qd880.members.map((m: { provinceName: string }) => m.provinceName)).size).toBe(17);
    expect(qd880.members.every((m: { currentProvince: string | null }) => m.currentProvince !== null)).toBe(true);
    expect(qd880.members.find((m: { name: string }) => m.name === 'Huyện Bắc Hà')).toMatchObject({
      provinceName: 'Tỉnh Lào Cai',
      status: 'partial',
    });
    expect(qd880.exitedByYear.every((e: { progressPct: number | null }) => e.progressPct === null)).toBe(true);
    expect(res.body.sources.map((s: { number: string }) => s.number)).toContain('24/2021/QH15');
    expect(JSON.stringify(res.body)).not.toMatch(/head_name|headName|idNumber|CCCD/);
    const csv = await anon.get('/api/results/public.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toMatch(/^\uFEFFNăm,Mã vùng,Địa bàn/);
    const xlsx = await t.fetch(new Request('http://localhost/api/results/public.xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1, 7)));
    expect(rows[0]).toEqual(['Năm', 'Mã vùng', 'Địa bàn', 'Chỉ tiêu', 'Tỷ lệ (%)', 'Số hộ']);
    expect(rows).toContainEqual([2022, 'VN', 'Toàn quốc', 'Tỷ lệ hộ nghèo (%)', 4.03, 1057374]);
  });

  it('province values need sign-in; nation and regions are public', async () => {
    expect((await anon.get('/api/results/values?indicator=poor_rate&year=2024&level=province')).status).toBe(401);
    expect((await anon.get('/api/results/values?indicator=poor_rate&year=2024&level=region')).status).toBe(200);
    expect(
      (await steering.get('/api/results/values?indicator=poor_rate&year=2024&level=province&boundaries=current')).body
        .items,
    ).toHaveLength(34);
  });

  it('a poor district followed into the communes that took its area after 2025', async () => {
    const res = await anon.get('/api/results/areas/POOR_DISTRICTS_2021_2025/1/successors');
    expect(res.status).toBe(200);
    expect(res.body.current.length).toBeGreaterThan(0);
    expect(res.body.current.every((c: { code: string }) => /^\d{5}$/.test(c.code))).toBe(true);
  });
});

describe("results: criteria of QĐ 36/2021 from a unit's data", () => {
  it('a coastal commune at 15 % lacking 3 items is eligible; unverified district thresholds give no verdict', async () => {
    const ok = await steering.post('/api/results/areas/criteria', {
      kind: 'dbkk_commune',
      coastal: true,
      saltIntrusionMonths: 0,
      poorNearPoorPct: 15,
      lacking: { a: true, b: true, c: true, d: false, dd: false },
      newRuralStandard: false,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.eligible).toBe(true);
    const district = await steering.post('/api/results/areas/criteria', {
      kind: 'poor_district',
      poorNearPoorPct: 60,
      incomePerCapitaVnd: 10_000_000,
      mountainous: true,
      newRuralStandard: false,
    });
    expect(district.body.eligible).toBeNull();
    expect((await anon.get('/api/results/areas/criteria')).body.poorDistrict.poorNearPoorRatePct).toMatchObject({
      value: null,
      status: 'unverified',
    });
  });
});

describe('results: report forms and their validation rules', () => {
  it('lists the forms of Circular 10/2022 with fields and rules; the owner edits the rules, audited', async () => {
    const forms = await province.get('/api/results/forms');
    expect(forms.status).toBe(200);
    const form = forms.body.items.find((f: { code: string }) => f.code === 'TT10-BIEU-02');
    expect(form).toMatchObject({
      number: 'Biểu số 02',
      annex: 'Phụ lục III',
      status: 'partial',
      periodType: 'six_monthly',
      unitLevel: 'commune',
      deadlineWorkingDays: 15,
    });
    expect(form.fields[1]).toEqual({ code: 'poor', labelVi: 'Số hộ nghèo', unit: 'hộ', integer: true });
    expect(form.rules[0]).toEqual({
      code: 'R1',
      nameVi: 'Số hộ nghèo và cận nghèo không vượt tổng số hộ',
      left: 'poor + near_poor',
      operator: '<=',
      right: 'households',
      missing: 'skip_if_any_missing',
    });
    const path = '/api/results/forms/TT10-BIEU-02/rules';
    const extra = {
      code: 'R9',
      nameVi: 'Số hộ thoát nghèo không vượt số hộ nghèo',
      left: 'escaped_poor',
      operator: '<=',
      right: 'poor',
      missing: 'skip_if_any_missing',
    };
    const before = await auditCount('results.form.rules');
    expect((await province.request('PUT', path, { rules: [...form.rules, extra] })).status).toBe(403);
    const bad = await owner.request('PUT', path, { rules: [{ ...extra, right: 'ho_ngheo' }] });
    expect([bad.status, bad.body.error.details.problems[0].message]).toEqual([
      422,
      'Vế phải của quy tắc R9 dùng phần tử dữ liệu chưa có trong danh mục: "ho_ngheo".',
    ]);
    const saved = await owner.request('PUT', path, { rules: [...form.rules, extra] });
    expect(saved.status).toBe(200);
    expect(saved.body.rules.map((r: { code: string }) => r.code)).toEqual([
      ...form.rules.map((r: { code: string }) => r.code),
      'R9',
    ]);
    expect(await auditCount('results.form.rules')).toBe(before + 1);
    // the later report tests use the shipped rules
    expect((await owner.request('PUT', path, { rules: form.rules })).body.rules).toEqual(form.rules);
  });
});

describe('results: province targets', () => {
  const target = (province: string, fromYear: number, toYear: number) => ({
    indicator: 'poor_rate',
    province,
    fromYear,
    toYear,
    labelVi: 'Giảm tỷ lệ hộ nghèo 0,5%/năm',
    rule: { kind: 'annual_decrease_pp', min: 0.5, max: null },
    citation: 'Nghị quyết số 01/NQ-HĐND (thử)',
    sourceUrl: null,
    status: 'verified',
  });
  it('a province officer enters its own province target, audited; another province is refused', async () => {
    const ok = await province.post('/api/results/targets', target(t.scope.provinceId, 2026, 2030));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      unitCode: '01',
      ruleVi: 'giảm trên 0,5 điểm phần trăm mỗi năm',
      ruleEn: 'down more than 0.5 percentage points a year',
      enteredBy: 't.province-officer',
    });
    expect(await auditCount('results.target.create')).toBe(1);
    expect((await province.post('/api/results/targets', target(t.scope.otherProvinceId, 2026, 2030))).status).toBe(403);
  });
  it('a target for a province that did not exist that year is refused, nothing stored', async () => {
    const before = (await owner.get('/api/results/targets')).body.items.length;
    const res = await owner.post('/api/results/targets', target(t.scope.provinceId, 2024, 2025)); // the current Hà Nội version starts on 01/07/2025
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].message).toMatch(/không tồn tại trong cả giai đoạn 2024–2025/);
    expect((await owner.get('/api/results/targets')).body.items.length).toBe(before);
  });
});

describe('results: a report up the chain', () => {
  let periodId: number;
  let closedId: number;
  const unit = () => t.scope.communeId;

  it('the owner opens periods; the deadline counts 15 working days; a bad key is refused', async () => {
    const bad = await owner.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: '2026-05' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].message).toMatch(/YYYYS1 hoặc YYYYS2/);
    const res = await owner.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: currentKey });
    expect(res.status).toBe(200);
    expect(res.body.chain).toEqual(['commune', 'province', 'central']);
    periodId = res.body.id;
    const closed = await owner.post('/api/results/periods', {
      form: 'TT10-BIEU-02',
      periodKey: previousKey,
      closesOn: '2021-02-01',
      opensOn: '2021-01-01',
    });
    closedId = closed.body.id;
    expect((await commune.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: '2030S1' })).status).toBe(
      403,
    );
  });

  it('a value failing a rule is refused with the rule named; nothing stored', async () => {
    const res = await commune.request('PUT', `/api/results/periods/${periodId}/units/${unit()}`, {
      values: { households: 100, poor: 80, near_poor: 30 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].message).toBe(
      'Quy tắc "Số hộ nghèo và cận nghèo không vượt tổng số hộ" không đạt: vế trái = 110 phải không lớn hơn vế phải = 100.',
    );
    expect((await commune.get(`/api/results/periods/${periodId}/units/${unit()}`)).body.report.id).toBeNull();
  });

  it('fixed values are saved (audited), submitted, then locked', async () => {
    const saved = await commune.request('PUT', `/api/results/periods/${periodId}/units/${unit()}`, {
      values: { households: 100, poor: 10, near_poor: 20 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ state: 'draft', can: { edit: true, submit: true, approve: false } });
    const draftPdf = await commune.get(`/api/results/reports/${saved.body.report.id}/pdf`);
    expect(draftPdf.status).toBe(409);
    expect(draftPdf.body.error.message).toBe('Báo cáo chưa gửi: chưa in được thành văn bản.');
    const sub = await commune.post(`/api/results/periods/${periodId}/units/${unit()}/submit`);
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({
      state: 'submitted',
      nextLevelVi: 'Cấp tỉnh',
      timeliness: 'on_time',
      can: { edit: false },
    });
    const edit = await commune.request('PUT', `/api/results/periods/${periodId}/units/${unit()}`, {
      values: { poor: 11 },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/số liệu bị khóa/);
  });

  it('out-of-scope province refused; the province returns with a reason, the commune resubmits, the province and the owner approve', async () => {
    const view = await province.get(`/api/results/periods/${periodId}/units/${unit()}`);
    expect(view.body.can).toMatchObject({ approve: true, return: true });
    const id = view.body.report.id;
    expect((await owner.post(`/api/results/reports/${id}/return`, { reason: 'x' })).status).toBe(422);
    const back = await province.post(`/api/results/reports/${id}/return`, { reason: 'Kiểm tra lại số hộ cận nghèo' });
    expect(back.body).toMatchObject({ state: 'draft', report: { returnedReason: 'Kiểm tra lại số hộ cận nghèo' } });
    await commune.request('PUT', `/api/results/periods/${periodId}/units/${unit()}`, { values: { near_poor: 18 } });
    await commune.post(`/api/results/periods/${periodId}/units/${unit()}/submit`);
    expect((await owner.post(`/api/results/reports/${id}/approve`)).status).toBe(403); // the province's turn
    const p = await province.post(`/api/results/reports/${id}/approve`);
    expect(p.body).toMatchObject({ state: 'approved', nextLevelVi: 'Trung ương' });
    const c = await owner.post(`/api/results/reports/${id}/approve`);
    expect(c.body).toMatchObject({
      state: 'approved',
      nextLevel: null,
      report: { values: { households: 100, poor: 10, near_poor: 18 } },
    });
    expect(await auditCount('results.report.approve')).toBe(2);
  });

  it('the approved report as a PDF: national heading, issuer, form number, figures, signature; within scope', async () => {
    const id = (await province.get(`/api/results/periods/${periodId}/units/${unit()}`)).body.report.id;
    const pdf = await download('province_officer', `/api/results/reports/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH',
      'Hà Nội, ngày',
      'Biểu số 02',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nơi nhận:',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Số hộ nghèo\s*hộ\s*10\b/);
    expect(pdf.bytes.toString('latin1')).toMatch(/FontFile2/); // the font is embedded
    expect((await anon.get(`/api/results/reports/${id}/pdf`)).status).toBe(401);
    expect((await download('ministry_lead', `/api/results/reports/${id}/pdf`)).status).toBe(403);
  });

  it('completeness and timeliness; the owner overview counts missing reports', async () => {
    const res = await province.get(`/api/results/periods/${periodId}/reports`);
    expect(res.status).toBe(200);
    expect(res.body.completeness.submitted).toBe(1);
    expect(res.body.rows.every((r: { unitCode: string }) => r.unitCode.length === 5)).toBe(true);
    const csv = await province.get(`/api/results/periods/${periodId}/export.csv`);
    expect(csv.status).toBe(200);
    // for Excel set to Vietnamese: ';' between fields, the submission day dd/mm/yyyy
    expect(csv.body.split('\r\n')[1]).toMatch(
      /^00004;Phường Ba Đình;20\d\dS[12];Đã phê duyệt;\d{2}\/\d{2}\/\d{4};100;10;18;;;;;\s*$/,
    );
    const overview = await owner.get('/api/results/overview');
    const row = overview.body.reporting.find((r: { periodId: number }) => r.periodId === periodId);
    expect(row).toMatchObject({ submitted: 1, approved: 1, expected: 3321, missing: 3320 });
  });

  it('bad input: submission after the period closed, a unit that did not exist in the period', async () => {
    const late = await commune.request('PUT', `/api/results/periods/${closedId}/units/${unit()}`, {
      values: { households: 5 },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/Kỳ báo cáo đã đóng ngày 01\/02\/2021/);
    const old = await owner.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: '2024S2' });
    const res = await commune.request('PUT', `/api/results/periods/${old.body.id}/units/${unit()}`, {
      values: { households: 5 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].message).toMatch(
      /không phải đơn vị cấp xã tồn tại trong kỳ 6 tháng cuối năm 2024/,
    );
    expect(old.body.chain).toEqual(['commune', 'district', 'province', 'central']);
  });
});
