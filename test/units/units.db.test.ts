import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi } from '../../src/domain/text';
import { unitsDataset } from '../../src/modules/units/load';
import { coveredUnitIds, listUnits, resolveCode } from '../../src/modules/units/repo';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('units in the database', () => {
  it.each([
    ['2022-06-30', 'province', 63],
    ['2022-06-30', 'district', 705],
    ['2025-06-30', 'district', 696],
    ['2025-06-30', 'commune', 10035],
    ['2025-07-01', 'province', 34],
    ['2025-07-01', 'commune', 3321],
  ] as const)('on %s: %s count %i (admin-units.md §1)', async (at, level, n) => {
    expect(await listUnits(t.db, { at, level })).toHaveLength(n);
  });

  it('resolves reused codes on their date (§9): 24 is Bắc Giang in 2022 and Bắc Ninh in 2026', async () => {
    expect((await resolveCode(t.db, 'province', '24', '2022-03-15'))?.fullName).toBe('Tỉnh Bắc Giang');
    expect((await resolveCode(t.db, 'province', '24', '2026-03-15'))?.fullName).toBe('Tỉnh Bắc Ninh');
    expect((await resolveCode(t.db, 'commune', '19063', '2022-03-15'))?.fullName).toBe('Xã Phù Hóa');
    expect((await resolveCode(t.db, 'commune', '19063', '2025-03-15'))?.fullName).toBe('Xã Phù Cảnh');
  });

  it('accepts the alias codes 06970 and 23737 from 2025-07-01, and reads them as their own communes before', async () => {
    expect(await resolveCode(t.db, 'commune', '06970', '2025-08-01')).toMatchObject({
      code: '06978',
      fullName: 'Xã Ba Chẽ',
    });
    expect(await resolveCode(t.db, 'commune', '23737', '2025-08-01')).toMatchObject({
      code: '23938',
      fullName: 'Xã Ia Mơ',
    });
    expect(await resolveCode(t.db, 'commune', '06970', '2025-06-30')).toMatchObject({
      code: '06970',
      fullName: 'Thị trấn Ba Chẽ',
    });
  });

  it('a new-province grant covers the old provinces that roll up into it, with their districts and communes of any date', async () => {
    const ids = new Set(await coveredUnitIds(t.db, ['P:08:2025-07-01']));
    expect(ids.has('P:02:2021-01-01')).toBe(true); // Hà Giang
    expect(ids.has('P:08:2021-01-01')).toBe(true); // old Tuyên Quang
    const haGiangCommunes = await listUnits(t.db, { at: '2022-01-01', level: 'commune', q: undefined });
    const ofHaGiang = haGiangCommunes.filter((u) => u.provinceId === 'P:02:2021-01-01');
    expect(ofHaGiang.length).toBeGreaterThan(150);
    expect(ofHaGiang.every((u) => ids.has(u.id))).toBe(true);
    expect(ids.has('P:04:2021-01-01')).toBe(false); // Cao Bằng
  });

  it('coverage follows a unit into its later versions (Đồng Nai 2026) but never through a SUSPECT row', async () => {
    const dn = new Set(await coveredUnitIds(t.db, ['P:75:2025-07-01']));
    expect(dn.has('P:75:2026-04-30')).toBe(true);
    expect(dn.has('C:25270:2026-04-30')).toBe(true);
    const hungYen = new Set(await coveredUnitIds(t.db, ['C:11995:2025-07-01']));
    expect([...hungYen].some((id) => id.startsWith('C:13219:'))).toBe(false);
  });
});

describe('units API', () => {
  it('lists the 34 provinces on 2025-07-01, sorted by Vietnamese name, with the documented fields', async () => {
    const res = await (await t.as('public')).get('/api/units?level=province&at=2025-07-01');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(34);
    const names = res.body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort(compareVi));
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        code: expect.any(String),
        fullName: expect.any(String),
        level: 'province',
        unitType: expect.any(String),
        parentId: null,
        parentCode: null,
        validFrom: '2025-07-01',
        validTo: null,
      }),
    );
  });

  it('searches without diacritics: "thanh hoa" finds Thanh Hóa; children by parent code', async () => {
    const c = await t.as('public');
    const res = await c.get('/api/units?level=province&at=2025-07-01&q=thanh%20hoa');
    expect(res.body.items.map((u: { fullName: string }) => u.fullName)).toEqual(['Tỉnh Thanh Hóa']);
    const wards = await c.get('/api/units?level=commune&at=2025-07-01&parent=01');
    expect(wards.body.items).toHaveLength(126);
    expect(wards.body.items.every((u: { parentCode: string }) => u.parentCode === '01')).toBe(true);
  });

  it('children of a province on a date, and of an old district by its code', async () => {
    const c = await t.as('public');
    const res = await c.get(`/api/units/${encodeURIComponent('P:01:2025-07-01')}/children?at=2025-07-01`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(126);
    const old = await c.get('/api/units/001/children?at=2025-06-30');
    expect(old.body.unit.fullName).toBe('Quận Ba Đình');
    expect(old.body.items.length).toBeGreaterThan(0);
  });

  it('successors: Hà Giang rolls up into Tuyên Quang; a SUSPECT target is listed apart as unresolved', async () => {
    const c = await t.as('public');
    const hg = await c.get(`/api/units/${encodeURIComponent('P:02:2021-01-01')}/successors`);
    expect(hg.body.successors.map((s: { unit: { fullName: string } }) => s.unit.fullName)).toEqual([
      'Tỉnh Tuyên Quang',
    ]);
    expect(hg.body.rollupProvince.id).toBe('P:08:2025-07-01');
    // 30622 Xã Tân Phú (An Giang) has a single, SUSPECT row (→ 30259 in Đồng Tháp)
    const suspect = await c.get('/api/units/30622/successors?at=2025-06-30');
    expect(suspect.body.unresolved.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['30259']);
    expect(suspect.body.successors).toEqual([]);
    expect(suspect.body.note).toMatch(/SUSPECT/);
    expect(suspect.body.rollupProvince.fullName).toBe('Tỉnh An Giang'); // provinces merged whole: still exact
    // 28924 Xã Hòa Lộc is split: the SUSPECT part is listed apart, the other part is a partial successor
    const split = await c.get('/api/units/28924/successors?at=2025-06-30');
    expect(split.body.unresolved.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['29734']);
    expect(split.body.successors.length).toBeGreaterThan(0);
    expect(
      split.body.successors.every(
        (s: { relation: string; unit: { code: string } }) => s.relation === 'partial' && s.unit.code !== '29734',
      ),
    ).toBe(true);
  });

  it.each([
    ['/api/units?level=district&at=2025-07-01', 400, 'district_abolished', /Cấp huyện/],
    ['/api/units?level=province&at=2020-12-31', 400, 'date_out_of_range', /ngoài phạm vi/],
    ['/api/units?level=province&at=2025-02-30', 422, 'invalid', /không hợp lệ/],
    ['/api/units?level=village', 422, 'invalid', /không hợp lệ/],
    ['/api/units/99/children?at=2022-01-01', 404, 'not_found', /Không có đơn vị cấp tỉnh nào mang mã "99"/],
    [`/api/units/${encodeURIComponent('C:99999:2025-07-01')}`, 404, 'not_found', /Không tìm thấy đơn vị/],
    ['/api/units/abc', 400, 'bad_request', /không phải mã đơn vị/],
    ['/api/units/46/children?at=2025-09-01', 200, undefined, undefined],
    ['/api/units/15/successors?at=2020-01-01', 400, 'date_out_of_range', /01\/01\/2021/],
    [
      `/api/units/${encodeURIComponent('P:02:2021-01-01')}/children?at=2025-08-01`,
      400,
      'bad_request',
      /không có hiệu lực/,
    ],
  ])('GET %s → %i %s', async (path, status, code, message) => {
    const res = await (await t.as('public')).get(path);
    expect(res.status).toBe(status);
    if (code) {
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message!);
    }
  });

  it('matches a name as documents write it, within a parent and on a date', async () => {
    const c = await t.as('public');
    const res = await c.get(
      `/api/units/match?level=district&at=2022-03-15&parent=38&name=${encodeURIComponent('TX Nghi Sơn')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unique: true, items: [{ code: '407', fullName: 'Thị xã Nghi Sơn' }] });
    const many = await c.get(`/api/units/match?level=commune&at=2025-07-01&name=${encodeURIComponent('Xã Tân An')}`);
    expect(many.body.unique).toBe(false);
    expect(many.body.items.length).toBeGreaterThan(1);
    expect((await c.get('/api/units/match?level=commune&name=%20')).status).toBe(422);
  });

  it('a code not valid on the date says which units it named', async () => {
    const res = await (await t.as('public')).get('/api/units/19063?at=2026-01-01');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Xã Phù Hóa/);
    expect(res.body.error.details.versions.length).toBeGreaterThanOrEqual(2);
  });

  it('the unresolved lineage list is for administrators: 8 SUSPECT rows', async () => {
    expect((await (await t.as('public')).get('/api/units/lineage/unresolved')).status).toBe(401);
    expect((await (await t.as('province_officer')).get('/api/units/lineage/unresolved')).status).toBe(403);
    const res = await (await t.as('admin')).get('/api/units/lineage/unresolved');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(8);
    expect(
      res.body.items.every((r: { qaFlag: string; resolved: boolean }) => r.qaFlag === 'SUSPECT' && !r.resolved),
    ).toBe(true);
  });

  it('agencies on a date: MOLISA before the 2025 reorganisation, MAE after; 63 then 34 People’s Committees', async () => {
    const c = await t.as('public');
    const before = await c.get('/api/agencies?at=2024-06-01');
    const ids = before.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain('MOLISA');
    expect(ids).not.toContain('MAE');
    expect(before.body.items.filter((a: { kind: string }) => a.kind === 'people_committee')).toHaveLength(63);
    const after = await c.get('/api/agencies?at=2025-08-01');
    const ids2 = after.body.items.map((a: { id: string }) => a.id);
    expect(ids2).toContain('MAE');
    expect(ids2).not.toContain('MOLISA');
    expect(ids2).toContain('UBND:01:2025-07-01');
    expect(after.body.items.filter((a: { kind: string }) => a.kind === 'people_committee')).toHaveLength(34);
    const q = await c.get('/api/agencies?at=2024-06-01&q=lao%20dong%20thuong%20binh&kind=ministry');
    expect(q.body.items.map((a: { id: string }) => a.id)).toEqual(['MOLISA']);
  });

  it('regions: 6 statistical regions marked unverified; provinces straddling two regions after 2025 have none', async () => {
    const c = await t.as('public');
    const before = await c.get('/api/regions?scheme=vung6&at=2024-01-01');
    expect(before.status).toBe(200);
    // TDMNPB, DBSH, BTB_DHMT, TN, DNB, DBSCL
    expect(before.body.items.map((r: { provinces: unknown[] }) => r.provinces.length)).toEqual([14, 11, 14, 5, 6, 13]);
    expect(before.body.items.every((r: { verified: boolean }) => !r.verified)).toBe(true);
    const after = await c.get('/api/regions?at=2025-08-01');
    const assigned = after.body.items.flatMap((r: { provinces: { code: string }[] }) => r.provinces.map((p) => p.code));
    expect(assigned.length).toBeLessThan(34);
    expect(assigned).not.toContain('68'); // Lâm Đồng = Lâm Đồng + Đắk Nông + Bình Thuận
    const eight = await c.get('/api/regions?scheme=vung8&at=2024-01-01');
    expect(eight.body.items).toHaveLength(8);
    expect(eight.body.items.every((r: { verified: boolean }) => r.verified)).toBe(true);
  });

  it('serves the 34-province map from 2025-07-01 and the 63-province map before', async () => {
    const c = await t.as('public');
    const count = (topo: { objects: { provinces: { geometries: unknown[] } } }) =>
      topo.objects.provinces.geometries.length;
    const after = await c.get('/api/geo/provinces?at=2025-07-01');
    expect(after.status).toBe(200);
    expect(count(after.body)).toBe(34);
    expect(count((await c.get('/api/geo/provinces?at=2025-06-30')).body)).toBe(63);
    expect((await c.get('/api/geo/provinces?at=hôm-nay')).status).toBe(422);
    const communes = await c.get('/api/geo/communes?at=2025-07-01');
    expect(communes.body.objects.communes.geometries).toHaveLength(3321);
    const old = await c.get('/api/geo/communes?at=2025-06-30');
    expect(old.status).toBe(400);
    expect(old.body.error.message).toMatch(/Chưa có ranh giới cấp xã/);
  });

  it('reloading the unit data keeps every row and the grants that reference units', async () => {
    const before = await t.db.one<{ units: number; lineage: number; grants: number }>(
      `SELECT (SELECT count(*)::int FROM admin_unit) AS units, (SELECT count(*)::int FROM unit_lineage) AS lineage, (SELECT count(*)::int FROM user_grant WHERE unit_id IS NOT NULL) AS grants`,
    );
    expect(before.grants).toBeGreaterThan(0);
    await t.db.tx((tx) => unitsDataset.load(tx));
    const after = await t.db.one<typeof before>(
      `SELECT (SELECT count(*)::int FROM admin_unit) AS units, (SELECT count(*)::int FROM unit_lineage) AS lineage, (SELECT count(*)::int FROM user_grant WHERE unit_id IS NOT NULL) AS grants`,
    );
    expect(after).toEqual(before);
  });
});
