/**
 * Report data out and back in (Excel and the JSON exchange format) on real .xlsx files: the export is
 * real numbers and dates, an exported file imports back unchanged, an edited one stores exactly its
 * figures, and a bad file stores nothing and lists every problem by sheet/row/column in one pass.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/text';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';

let t: TestApp;
let owner: Client, commune: Client, province: Client;
let periodId: number;
let closedId: number;
let oldId: number;
const other = { id: '', code: '' }; // a second commune of Hà Nội, without a report
let outside = ''; // a commune of Cao Bằng (outside the province officer's scope)
let newOnly = ''; // a commune code that exists only after the 2025 reform

const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
const currentKey = `${year}S${half}`;
const previousKey = half === 2 ? `${year}S1` : `${year - 1}S2`;

async function cookieOf(role: string) {
  const res = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: TEST_PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
async function download(role: string, path: string) {
  const res = await t.fetch(new Request(`http://localhost${path}`, { headers: { cookie: await cookieOf(role) } }));
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
async function upload(role: string, id: number, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name));
  const res = await t.fetch(
    new Request(`http://localhost/api/results/periods/${id}/import`, {
      method: 'POST',
      body: form,
      headers: { cookie: await cookieOf(role) },
    }),
  );
  return { status: res.status, body: (await res.json()) as any };
}
async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
  let found = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === code) found = n;
  });
  return found;
};
const storedValues = async (unitId: string) =>
  (
    await t.db.maybeOne<{ values: Record<string, number | null> }>(
      `SELECT values FROM results_report WHERE period_id = $1 AND unit_id = $2`,
      [periodId, unitId],
    )
  )?.values ?? null;
const auditCount = async () =>
  (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'results.report.import'`)).n;

beforeAll(async () => {
  t = await testApp();
  [owner, commune, province] = await Promise.all([
    t.as('program_owner'),
    t.as('commune_officer'),
    t.as('province_officer'),
  ]);
  periodId = (await owner.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: currentKey })).body.id;
  closedId = (
    await owner.post('/api/results/periods', {
      form: 'TT10-BIEU-02',
      periodKey: previousKey,
      opensOn: '2021-01-01',
      closesOn: '2021-02-01',
    })
  ).body.id;
  oldId = (await owner.post('/api/results/periods', { form: 'TT10-BIEU-02', periodKey: '2024S2' })).body.id;
  const c = await t.db.one<{ id: string; code: string }>(
    `SELECT id, code FROM admin_unit WHERE level = 'commune' AND province_id = $1 AND valid_to IS NULL AND id <> $2 ORDER BY code LIMIT 1`,
    [t.scope.provinceId, t.scope.communeId],
  );
  Object.assign(other, c);
  outside = (
    await t.db.one<{ code: string }>(
      `SELECT code FROM admin_unit WHERE level = 'commune' AND province_id = $1 AND valid_to IS NULL ORDER BY code LIMIT 1`,
      [t.scope.otherProvinceId],
    )
  ).code;
  newOnly = (
    await t.db.one<{ code: string }>(
      `SELECT code FROM admin_unit WHERE level = 'commune' GROUP BY code HAVING min(valid_from) >= '2025-07-01' ORDER BY code LIMIT 1`,
    )
  ).code;
  // Ba Đình's report: submitted and approved by the province (locked)
  const unit = t.scope.communeId;
  await commune.request('PUT', `/api/results/periods/${periodId}/units/${unit}`, {
    values: { households: 100, poor: 10, near_poor: 18, models: 2 },
  });
  await commune.post(`/api/results/periods/${periodId}/units/${unit}/submit`);
  const id = (await province.get(`/api/results/periods/${periodId}/units/${unit}`)).body.report.id;
  expect((await province.post(`/api/results/reports/${id}/approve`)).status).toBe(200);
}, 120_000);
afterAll(() => t?.close());

describe('results: report data as Excel', () => {
  it('the export has real numbers and dates, text codes, one row per commune in scope, a sheet about the form', async () => {
    const wb = await workbook(await download('province_officer', `/api/results/periods/${periodId}/export.xlsx`));
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Đơn vị',
      'Kỳ',
      'Trạng thái',
      'Ngày gửi',
      'Tổng số hộ dân cư',
      'Số hộ nghèo',
      'Số hộ cận nghèo',
      'Số hộ thoát nghèo trong kỳ',
      'Số hộ nghèo phát sinh trong kỳ',
      'Số hộ nghèo không có khả năng lao động',
      'Số mô hình, dự án giảm nghèo',
      'Số lao động được đào tạo nghề',
    ]);
    const communes = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM admin_unit WHERE level = 'commune' AND province_id = $1 AND valid_to IS NULL`,
      [t.scope.provinceId],
    );
    expect(ws.rowCount - 1).toBe(communes.n);
    const r = ws.getRow(rowOf(ws, '00004'));
    expect(r.getCell(2).value).toBe('Phường Ba Đình');
    expect(r.getCell(3).value).toBe(currentKey);
    expect(r.getCell(4).value).toBe('Đã phê duyệt');
    expect(r.getCell(5).value).toEqual(new Date(`${today}T00:00:00Z`));
    expect(r.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect([6, 7, 8, 9, 12].map((c) => r.getCell(c).value)).toEqual([100, 10, 18, null, 2]);
    expect(typeof r.getCell(6).value).toBe('number');
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.getCell('B2').value).toBe('TT10-BIEU-02');
    expect(info.getCell('B8').value).toBeInstanceOf(Date);
  });

  it('round trip: the export imports back unchanged; an edited copy stores exactly its figures (audited)', async () => {
    const first = await download('province_officer', `/api/results/periods/${periodId}/export.xlsx`);
    const same = await upload('province_officer', periodId, 'ky-nay.xlsx', first);
    expect(same.status).toBe(200);
    expect(same.body.changed).toBe(0);

    const wb = await workbook(first);
    const ws = wb.getWorksheet('Số liệu')!;
    const r = ws.getRow(rowOf(ws, other.code));
    r.getCell(6).value = 1234;
    r.getCell(7).value = 56;
    r.getCell(8).value = '78'; // typed as text: still read as a number
    r.getCell(12).value = 3;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('province_officer', periodId, 'ky-nay.xlsx', edited);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ periodId, changed: 1, unchanged: ws.rowCount - 2 });
    expect(await storedValues(other.id)).toEqual({
      households: 1234,
      poor: 56,
      near_poor: 78,
      escaped_poor: null,
      newly_poor: null,
      poor_no_labour: null,
      models: 3,
      workers_trained: null,
    });
    expect(await auditCount()).toBe(1);

    const again = await workbook(await download('province_officer', `/api/results/periods/${periodId}/export.xlsx`));
    const a = again.getWorksheet('Số liệu')!;
    const values = (w: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      w.eachRow((row) =>
        out.push([row.getCell(1).value, ...[6, 7, 8, 9, 10, 11, 12, 13].map((c) => row.getCell(c).value)]),
      );
      return out;
    };
    const expected = values(ws).map((row) =>
      row[0] === other.code ? [other.code, 1234, 56, 78, null, null, null, 3, null] : row,
    );
    expect(values(a)).toEqual(expected);
    expect(a.getRow(rowOf(a, other.code)).getCell(4).value).toBe('Đang nhập');
    const back = await upload('province_officer', periodId, 'lan-2.xlsx', Buffer.from(await again.xlsx.writeBuffer()));
    expect(back.body.changed).toBe(0);
  });

  it('a bad file: every problem by sheet/row/column in one pass, in Vietnamese; nothing stored', async () => {
    const before = await storedValues(other.id);
    const audits = await auditCount();
    const wb = await workbook(await download('province_officer', `/api/results/periods/${periodId}/export.xlsx`));
    const ws = wb.getWorksheet('Số liệu')!;
    const ba = rowOf(ws, '00004');
    const ot = rowOf(ws, other.code);
    ws.getRow(ba).getCell(7).value = 11; // an edit of approved data
    ws.getRow(ot).getCell(7).value = 2000; // poor + near-poor above households
    ws.getRow(ot).getCell(13).value = 'nhiều'; // not a number
    ws.getRow(ot).getCell(11).value = 2.5; // a count (poor without labour capacity) that is not whole
    ws.addRow(['99999', 'Không có', currentKey, '', null, 5]);
    ws.addRow([outside, 'Ngoài tỉnh', currentKey, '', null, 5]);
    const n = ws.rowCount;
    const res = await upload('province_officer', periodId, 'loi.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('Tệp "loi.xlsx" có 5 lỗi: chưa lưu số liệu nào.');
    expect(res.body.error.details.problems).toEqual([
      {
        sheet: 'Số liệu',
        row: ba,
        column: 'A',
        message:
          'báo cáo của Phường Ba Đình đã gửi và được phê duyệt: số liệu bị khóa, không sửa được (cần cấp trên trả lại).',
      },
      { sheet: 'Số liệu', row: ot, column: 'K', message: 'Số hộ nghèo không có khả năng lao động: phải là số nguyên.' },
      { sheet: 'Số liệu', row: ot, column: 'M', message: '"nhiều" không phải số.' },
      {
        sheet: 'Số liệu',
        row: n - 1,
        column: 'A',
        message: `mã "99999" không phải đơn vị cấp xã tồn tại trong kỳ ${half === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}.`,
      },
      {
        sheet: 'Số liệu',
        row: n,
        column: 'A',
        message: expect.stringMatching(/nằm ngoài phạm vi được phân quyền của bạn\.$/),
      },
    ]);
    expect(await storedValues(other.id)).toEqual(before);
    expect(await auditCount()).toBe(audits);

    // the rule failure shows once the counts are whole numbers
    ws.getRow(ot).getCell(11).value = 2;
    ws.getRow(ot).getCell(13).value = null;
    for (const r of [n - 1, n]) ws.getRow(r).values = [];
    ws.getRow(ba).getCell(7).value = 10;
    const rule = await upload('province_officer', periodId, 'loi.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rule.status).toBe(422);
    expect(rule.body.error.details.problems).toEqual([
      {
        sheet: 'Số liệu',
        row: ot,
        column: 'A',
        message: expect.stringMatching(
          /: Quy tắc "Số hộ nghèo và cận nghèo không vượt tổng số hộ" không đạt: vế trái = 2\.078 phải không lớn hơn vế phải = 1\.234\.$/,
        ),
      },
    ]);
    expect(await storedValues(other.id)).toEqual(before);
  });

  it('a closed period and a unit that did not exist in the period are refused, nothing stored', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow([
      'Mã đơn vị',
      'households',
      'poor',
      'near_poor',
      'escaped_poor',
      'newly_poor',
      'poor_no_labour',
      'models',
      'workers_trained',
    ]);
    ws.addRow([newOnly, 10, 1, 1]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const closed = await upload('program_owner', closedId, 'dong.xlsx', bytes);
    expect(closed.status).toBe(403); // the owner does not enter reports
    const late = await upload('commune_officer', closedId, 'dong.xlsx', bytes);
    expect(late.status).toBe(422);
    expect(late.body.error.details.problems[0]).toEqual({
      message: 'Kỳ báo cáo đã đóng ngày 01/02/2021: không nhập, không gửi được nữa.',
    });
    const old = await upload('commune_officer', oldId, 'cu.xlsx', bytes);
    expect(old.status).toBe(422);
    expect(old.body.error.details.problems).toEqual([
      { message: expect.stringMatching(/^Kỳ báo cáo đã đóng ngày \d\d\/01\/2025/) }, // 15 working days after 31/12/2024
      {
        sheet: 'Số liệu',
        row: 2,
        column: 'A',
        message: `mã "${newOnly}" không phải đơn vị cấp xã tồn tại trong kỳ 6 tháng cuối năm 2024.`,
      },
    ]);
    const count = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM results_report WHERE period_id = ANY($1)`,
      [[closedId, oldId]],
    );
    expect(count.n).toBe(0);
  });
});

describe('results: report data in the JSON exchange format (ADX-like)', () => {
  it('export → import unchanged; an edited value is stored; bad values are named by path', async () => {
    const doc = JSON.parse(
      (await download('commune_officer', `/api/results/periods/${periodId}/export.json`)).toString(),
    );
    expect(doc).toMatchObject({
      format: 'giamngheo-adx+json',
      version: 1,
      dataSet: 'TT10-BIEU-02',
      period: currentKey,
      groups: [
        {
          orgUnit: '00004',
          orgUnitName: 'Phường Ba Đình',
          status: 'Đã phê duyệt',
          submittedOn: today,
          dataValues: expect.arrayContaining([
            { dataElement: 'households', value: 100 },
            { dataElement: 'escaped_poor', value: null },
          ]),
        },
      ],
    });
    const bytes = (d: unknown) => Buffer.from(JSON.stringify(d));
    expect((await upload('commune_officer', periodId, 'ba-dinh.json', bytes(doc))).body.changed).toBe(0);

    const pdoc = JSON.parse(
      (await download('province_officer', `/api/results/periods/${periodId}/export.json`)).toString(),
    );
    const g = pdoc.groups.find((x: { orgUnit: string }) => x.orgUnit === other.code);
    g.dataValues.find((d: { dataElement: string }) => d.dataElement === 'workers_trained').value = 40;
    const ok = await upload('province_officer', periodId, 'tinh.json', bytes(pdoc));
    expect(ok.body).toEqual({ periodId, changed: 1, unchanged: pdoc.groups.length - 1 });
    expect((await storedValues(other.id))!.workers_trained).toBe(40);
    const round = JSON.parse(
      (await download('province_officer', `/api/results/periods/${periodId}/export.json`)).toString(),
    );
    expect(round.groups).toEqual(pdoc.groups);

    const i = pdoc.groups.indexOf(g);
    g.dataValues[0].value = '12';
    g.dataValues.push({ dataElement: 'ho_xyz', value: 1 });
    const bad = await upload('province_officer', periodId, 'tinh.json', bytes({ ...pdoc, period: '2020S1' }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toEqual([
      { path: 'period', message: `Tệp là số liệu kỳ "2020S1", không phải kỳ ${currentKey}.` },
      {
        path: `groups[${i}].dataValues[0].value`,
        message: 'Tổng số hộ dân cư: phải là số (không đặt trong dấu ngoặc kép).',
      },
      { path: `groups[${i}].dataValues[8].dataElement`, message: 'Biểu số 02 không có chỉ tiêu "ho_xyz".' },
    ]);
    expect((await storedValues(other.id))!.households).toBe(1234);
    const garbage = await upload('province_officer', periodId, 'rac.json', Buffer.from('không phải JSON'));
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.details.problems[0].message).toBe(
      'Tệp không phải tệp Excel (.xlsx) hay tệp JSON trao đổi số liệu.',
    );
  });
});
