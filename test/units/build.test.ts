import { describe, expect, it } from 'vitest';
import { centralAgencies, provincialAgencies } from '../../src/domain/agencies/agencies';
import { foldVietnamese } from '../../src/domain/text';
import { parseCsv } from '../../src/domain/units/csv';
import {
  DATA_LOWER_BOUND,
  REFORM_DATE,
  levelOfCode,
  matchUnitName,
  parseUnitName,
  stripUnitPrefix,
  successorsOf,
  unitId,
} from '../../src/domain/units';
import { count, unitSet, validOnDate, versionOn } from './fixtures';

const set = unitSet();

describe('unit sets over time (admin-units.md §1, VERIFIED [D1])', () => {
  // [date, provinces, districts, communes]. District counts of 2024-02-01 … 2024-09-01 include the 5
  // island districts that those snapshots omit (bridged, see reference/README.md): 700+5, 700+5, 699+5.
  it.each([
    ['2021-11-01', 63, 705, 10599],
    ['2022-06-30', 63, 705, 10599],
    ['2024-02-01', 63, 705, 10597],
    ['2024-09-01', 63, 704, 10542],
    ['2024-11-01', 63, 704, 10472],
    ['2025-01-01', 63, 696, 10051],
    ['2025-03-01', 63, 696, 10035],
    ['2025-06-30', 63, 696, 10035],
    ['2025-07-01', 34, 0, 3321],
    ['2026-11-28', 34, 0, 3321],
  ])('on %s: %i provinces, %i districts, %i communes', (d, p, dist, c) => {
    expect(count(set, 'province', d)).toBe(p);
    expect(count(set, 'district', d)).toBe(dist);
    expect(count(set, 'commune', d)).toBe(c);
  });

  it('units of the first snapshot are valid from the documented lower bound 2021-01-01, not before', () => {
    expect(DATA_LOWER_BOUND).toBe('2021-01-01');
    expect(count(set, 'commune', '2021-01-01')).toBe(10599);
    expect(count(set, 'commune', '2020-12-31')).toBe(0);
    expect(versionOn(set, 'province', '01', '2021-03-01')?.note).toMatch(/giả định/);
  });

  it('pre-2025 units end on 2025-07-01 (exclusive) and post-2025 units start on it', () => {
    const last = set.units.filter((u) => u.validFrom < REFORM_DATE);
    expect(last.every((u) => u.validTo !== null && u.validTo <= REFORM_DATE)).toBe(true);
    expect(set.units.filter((u) => u.validFrom >= REFORM_DATE).every((u) => u.level !== 'district')).toBe(true);
  });

  it('2025-07-01: 28 Tỉnh + 6 cities; 2,621 Xã, 687 Phường, 13 Đặc khu', () => {
    expect(count(set, 'province', '2025-07-01', 'Tỉnh')).toBe(28);
    expect(count(set, 'province', '2025-07-01', 'Thành phố trực thuộc trung ương')).toBe(6);
    expect(count(set, 'commune', '2025-07-01', 'Xã')).toBe(2621);
    expect(count(set, 'commune', '2025-07-01', 'Phường')).toBe(687);
    expect(count(set, 'commune', '2025-07-01', 'Đặc khu tại hải đảo')).toBe(13);
  });

  it('2026-04-30: Đồng Nai becomes a city (NQ 30/2026/QH16) and 10 of its communes become Phường (237/NQ-UBTVQH16)', () => {
    expect(count(set, 'province', '2026-04-30', 'Tỉnh')).toBe(27);
    expect(count(set, 'province', '2026-04-30', 'Thành phố trực thuộc trung ương')).toBe(7);
    expect(count(set, 'commune', '2026-04-30', 'Phường')).toBe(697);
    expect(versionOn(set, 'province', '75', '2026-04-29')?.fullName).toBe('Tỉnh Đồng Nai');
    const dn = versionOn(set, 'province', '75', '2026-04-30')!;
    expect(dn).toMatchObject({ id: 'P:75:2026-04-30', fullName: 'Thành phố Đồng Nai', legalBasis: 'NQ 30/2026/QH16' });
    expect(versionOn(set, 'commune', '25270', '2026-05-01')).toMatchObject({
      fullName: 'Phường Lộc Ninh',
      parentId: dn.id,
      legalBasis: '237/NQ-UBTVQH16',
    });
    expect(versionOn(set, 'commune', '25270', '2026-04-29')?.fullName).toBe('Xã Lộc Ninh');
  });

  it('2026 spelling-only changes are aliases, not versions (tone-mark placement, admin-units.md §6)', () => {
    const byId = new Map(set.units.map((u) => [u.id, u]));
    // 2 provinces + 189 communes (the 3 Đồng Nai respellings are in its 2026 versions)
    expect(set.nameAliases).toHaveLength(191);
    for (const a of set.nameAliases) {
      const u = byId.get(a.unitId)!;
      expect(u.validFrom).toBe(REFORM_DATE);
      expect(foldVietnamese(a.alias)).toBe(foldVietnamese(u.fullName));
    }
  });
});

describe('versions are consistent', () => {
  const byCode = new Map<string, typeof set.units>();
  for (const u of set.units) byCode.set(`${u.level}:${u.code}`, [...(byCode.get(`${u.level}:${u.code}`) ?? []), u]);
  const byId = new Map(set.units.map((u) => [u.id, u]));

  it('ids are <P|D|C>:<code>:<valid_from> and no two versions of one code overlap', () => {
    for (const u of set.units) expect(u.id).toBe(unitId(u.level, u.code, u.validFrom));
    for (const list of byCode.values()) {
      const sorted = [...list].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].validTo! <= sorted[i].validFrom).toBe(true);
    }
  });

  it('every parent is one level up and valid over the whole interval of its child', () => {
    const up = { district: 'province', commune: 'district' } as const;
    for (const u of set.units) {
      if (u.level === 'province') {
        expect(u.parentId).toBeNull();
        continue;
      }
      const p = byId.get(u.parentId!)!;
      const expected = u.level === 'commune' && u.validFrom >= REFORM_DATE ? 'province' : up[u.level];
      expect(p.level).toBe(expected);
      expect(p.validFrom <= u.validFrom).toBe(true);
      expect(p.validTo === null || (u.validTo !== null && u.validTo <= p.validTo)).toBe(true);
      expect(byId.get(u.provinceId)?.level).toBe('province');
    }
  });

  it('splits a child where its province changes version: Thừa Thiên Huế → Thành phố Huế on 2025-01-01', () => {
    expect(versionOn(set, 'province', '46', '2024-12-31')?.fullName).toBe('Tỉnh Thừa Thiên Huế');
    expect(versionOn(set, 'province', '46', '2025-01-01')?.fullName).toBe('Thành phố Huế');
    const d = set.units.filter((u) => u.level === 'district' && u.code === '474');
    expect(d.map((u) => u.parentId)).toEqual(expect.arrayContaining(['P:46:2021-01-01', 'P:46:2025-01-01']));
  });
});

describe('codes are reused after 2025-07-01 (admin-units.md §3)', () => {
  it.each([
    ['15', 'Tỉnh Yên Bái', 'Tỉnh Lào Cai'],
    ['24', 'Tỉnh Bắc Giang', 'Tỉnh Bắc Ninh'],
    ['44', 'Tỉnh Quảng Bình', 'Tỉnh Quảng Trị'],
    ['52', 'Tỉnh Bình Định', 'Tỉnh Gia Lai'],
    ['80', 'Tỉnh Long An', 'Tỉnh Tây Ninh'],
    ['82', 'Tỉnh Tiền Giang', 'Tỉnh Đồng Tháp'],
    ['91', 'Tỉnh Kiên Giang', 'Tỉnh An Giang'],
  ])('province %s: %s before, %s after', (code, before, after) => {
    expect(versionOn(set, 'province', code, '2025-06-30')?.fullName).toBe(before);
    expect(versionOn(set, 'province', code, '2025-07-01')?.fullName).toBe(after);
  });

  it('commune 00004: Phường Trúc Bạch before, Phường Ba Đình after', () => {
    expect(versionOn(set, 'commune', '00004', '2025-06-30')?.fullName).toBe('Phường Trúc Bạch');
    expect(versionOn(set, 'commune', '00004', '2025-07-01')?.fullName).toBe('Phường Ba Đình');
  });

  it('§9: a 2022 record coded 24 is Bắc Giang, a 2026 record coded 24 is Bắc Ninh', () => {
    expect(versionOn(set, 'province', '24', '2022-05-01')?.name).toBe('Bắc Giang');
    expect(versionOn(set, 'province', '24', '2026-05-01')?.name).toBe('Bắc Ninh');
  });

  it('§9: a 2022 record for commune 19063 is Xã Phù Hóa (history), not Xã Phù Cảnh (pre2025)', () => {
    expect(versionOn(set, 'commune', '19063', '2022-05-01')?.fullName).toBe('Xã Phù Hóa');
    expect(versionOn(set, 'commune', '19063', '2025-03-01')?.fullName).toBe('Xã Phù Cảnh');
    const link = set.lineage.find((l) => l.fromId === versionOn(set, 'commune', '19063', '2022-05-01')!.id);
    expect(link).toMatchObject({ kind: 'same_code', toId: versionOn(set, 'commune', '19063', '2025-03-01')!.id });
  });

  it('accepts 06970 → 06978 and 23737 → 23938 as aliases from 2025-07-01 only (both name other communes before)', () => {
    expect(set.codeAliases.map((a) => [a.aliasCode, a.code, a.validFrom])).toEqual([
      ['06970', '06978', REFORM_DATE],
      ['23737', '23938', REFORM_DATE],
    ]);
    expect(versionOn(set, 'commune', '06970', '2025-06-30')?.fullName).toBe('Thị trấn Ba Chẽ');
    expect(versionOn(set, 'commune', '06970', '2025-07-01')).toBeUndefined();
    expect(versionOn(set, 'commune', '06978', '2025-07-01')?.fullName).toBe('Xã Ba Chẽ');
  });
});

describe('lineage (admin-units.md §4)', () => {
  const reform = set.lineage.filter((l) => l.kind === 'reform_2025');
  const byId = new Map(set.units.map((u) => [u.id, u]));

  it('63 province links and 10,604 commune mapping rows (9,592 full, 1,012 partial)', () => {
    const prov = reform.filter((l) => l.fromId.startsWith('P:'));
    expect(prov).toHaveLength(63);
    const rows = reform.filter((l) => !l.fromId.startsWith('P:'));
    expect(rows).toHaveLength(10604);
    expect(rows.filter((l) => l.relation === 'full')).toHaveLength(9592);
    expect(rows.filter((l) => l.relation === 'partial')).toHaveLength(1012);
  });

  it('every commune of 2025-03-01 and the 12 already merged by NQ 1365 have a successor; all 3,321 new units have a source', () => {
    const from = new Set(reform.map((l) => l.fromId));
    expect(
      set.units.filter((u) => u.level === 'commune' && validOnDate(u, '2025-06-30') && !from.has(u.id)),
    ).toHaveLength(0);
    const early = reform.filter((l) => byId.get(l.fromId)!.validTo === '2025-03-01');
    expect(new Set(early.map((l) => l.fromId)).size).toBe(12);
    const to = new Set(reform.map((l) => l.toId));
    expect(set.units.filter((u) => u.validFrom === REFORM_DATE && !to.has(u.id))).toHaveLength(0);
  });

  it('the 5 island districts without communes become special zones', () => {
    const islands = reform.filter((l) => l.fromId.startsWith('D:'));
    expect(islands.map((l) => [l.fromId.split(':')[1], byId.get(l.toId)!.fullName]).sort()).toEqual([
      ['318', 'Đặc khu Bạch Long Vĩ'],
      ['471', 'Đặc khu Cồn Cỏ'],
      ['498', 'Đặc khu Hoàng Sa'],
      ['536', 'Đặc khu Lý Sơn'],
      ['755', 'Đặc khu Côn Đảo'],
    ]);
  });

  it('the 8 SUSPECT rows are loaded unresolved and flagged', () => {
    const suspect = set.lineage.filter((l) => !l.resolved);
    expect(suspect.map((l) => `${l.fromId.split(':')[1]}>${l.toId.split(':')[1]}`).sort()).toEqual([
      '13219>11995',
      '14380>14014',
      '20669>20242',
      '28924>29734',
      '30622>30259',
      '31379>31582',
      '31588>31201',
      '31771>31232',
    ]);
    // the check is kept in the note, in Vietnamese (an official reads it on the unresolved-lineage page)
    expect(
      suspect.every((l) => l.qaFlag === 'SUSPECT' && /^Nghi vấn: /m.test((l.note ?? '').replace(/\. /g, '.\n'))),
    ).toBe(true);
    expect(suspect.filter((l) => /SUSPECT|commune|province/.test(l.note ?? ''))).toEqual([]);
  });

  it('§9: old Hà Giang (02) rolls up into new Tuyên Quang (08)', () => {
    const s = successorsOf('P:02:2021-01-01', set.lineage);
    expect(s).toEqual([
      { unitId: 'P:08:2025-07-01', relation: 'full', resolved: true, path: ['P:02:2021-01-01', 'P:08:2025-07-01'] },
    ]);
  });

  it('follows lineage transitively: Xã Phù Hóa (2022) → Xã Phù Cảnh → its new commune', () => {
    const s = successorsOf(versionOn(set, 'commune', '19063', '2022-05-01')!.id, set.lineage);
    expect(s.length).toBeGreaterThan(0);
    expect(s.every((x) => x.unitId.endsWith(':2025-07-01') && x.path.length === 3)).toBe(true);
  });

  it('§9: a SUSPECT row is reported unresolved, never as a plain successor', () => {
    const s = successorsOf(versionOn(set, 'commune', '13219', '2025-06-30')!.id, set.lineage);
    // 13219 Xã Việt Hùng (Thái Bình) is split: one row is SUSPECT (→ 11995 in Hưng Yên), the other is not
    expect(s.find((x) => x.unitId === 'C:11995:2025-07-01')).toMatchObject({ resolved: false });
    expect(s.filter((x) => x.resolved).every((x) => x.unitId !== 'C:11995:2025-07-01')).toBe(true);
  });

  it('a split commune is reported as partial in each of its new units', () => {
    const split = reform.find((l) => l.relation === 'partial')!;
    const s = successorsOf(split.fromId, set.lineage);
    expect(s.length).toBeGreaterThan(1);
    expect(s.every((x) => x.relation === 'partial')).toBe(true);
  });

  it('Đồng Nai 2025 versions continue into the 2026 versions as the same unit', () => {
    const s = successorsOf('C:25270:2025-07-01', set.lineage);
    expect(s).toEqual([expect.objectContaining({ unitId: 'C:25270:2026-04-30', relation: 'full', resolved: true })]);
    expect(set.lineage.find((l) => l.fromId === 'C:25270:2025-07-01')?.kind).toBe('same_unit');
  });
});

describe('regions (admin-units.md §5)', () => {
  it('8 regions from the code list, 63 provinces on 2025-06-30, verified', () => {
    const on = set.regionMembers.filter(
      (m) =>
        m.regionId.startsWith('R8:') &&
        validOnDate({ validFrom: m.validFrom, validTo: m.validTo } as never, '2025-06-30'),
    );
    expect(on).toHaveLength(63);
    expect(set.regions.filter((r) => r.scheme === 'vung8').every((r) => r.verified)).toBe(true);
  });

  it('6 statistical regions: derived and marked unverified; 14/11/14/5/6/13 provinces before the reform', () => {
    const six = set.regions.filter((r) => r.scheme === 'vung6');
    expect(six.every((r) => !r.verified)).toBe(true);
    const counts = Object.fromEntries(
      six.map((r) => [
        r.code,
        set.regionMembers.filter((m) => m.regionId === r.id && m.validFrom <= '2025-06-30' && m.validTo! > '2025-06-30')
          .length,
      ]),
    );
    expect(counts).toEqual({ TDMNPB: 14, DBSH: 11, BTB_DHMT: 14, TN: 5, DNB: 6, DBSCL: 13 });
    expect(
      set.regionMembers.find((m) => m.unitId === 'P:22:2021-01-01' && m.regionId.startsWith('R6:'))?.regionId,
    ).toBe('R6:DBSH');
  });

  it('a new province gets a 6-region only when all its predecessors shared one (Lâm Đồng straddles two: none)', () => {
    const of = (id: string) =>
      set.regionMembers.filter((m) => m.unitId === id && m.regionId.startsWith('R6:')).map((m) => m.regionId);
    expect(of('P:08:2025-07-01')).toEqual(['R6:TDMNPB']); // Tuyên Quang = Hà Giang + Tuyên Quang
    expect(of('P:68:2025-07-01')).toEqual([]); // Lâm Đồng = Lâm Đồng + Đắk Nông (Tây Nguyên) + Bình Thuận
  });
});

describe('parsing and names', () => {
  it('parses quoted fields containing commas', () => {
    expect(parseCsv('a,b\n"x, y",z\n')).toEqual([{ a: 'x, y', b: 'z' }]);
  });
  it.each([
    ['Thành phố Hà Nội', 'Hà Nội'],
    ['Thị trấn Ba Chẽ', 'Ba Chẽ'],
    ['Đặc khu Côn Đảo', 'Côn Đảo'],
    ['xã Bắc Sơn', 'Bắc Sơn'],
    ['Phường 1', '1'],
  ])('stripUnitPrefix(%s) = %s', (full, name) => expect(stripUnitPrefix(full)).toBe(name));
  it.each([
    ['01', 'province'],
    ['001', 'district'],
    ['00004', 'commune'],
    ['0004', undefined],
    ['ab', undefined],
  ])('levelOfCode(%s) = %s', (code, level) => expect(levelOfCode(code)).toBe(level));
});

describe('agencies', () => {
  const provinces = set.units
    .filter((u) => u.level === 'province')
    .map((u) => ({
      ...u,
      successorIds: set.lineage
        .filter((l) => l.fromId === u.id && l.resolved && l.relation === 'full')
        .map((l) => l.toId),
    }));
  const local = provincialAgencies(provinces);
  const at = (d: string, kind: string) =>
    local.filter((a) => a.kind === kind && a.validFrom <= d && (a.validTo === null || d < a.validTo));

  it('one People’s Committee per province version: 63 before 1 July 2025, 34 after', () => {
    expect(at('2025-06-30', 'people_committee')).toHaveLength(63);
    expect(at('2025-07-01', 'people_committee')).toHaveLength(34);
    expect(local.find((a) => a.id === 'UBND:02:2021-01-01')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Hà Giang',
      successorId: 'UBND:08:2025-07-01',
    });
  });

  it('labour department before the reform, agriculture and environment department after, both unverified', () => {
    expect(at('2025-06-30', 'department').every((a) => a.name.startsWith('Sở Lao động - Thương binh và Xã hội'))).toBe(
      true,
    );
    expect(at('2025-07-01', 'department').every((a) => a.name.startsWith('Sở Nông nghiệp và Môi trường'))).toBe(true);
    expect(local.filter((a) => a.kind === 'department').every((a) => !a.verified)).toBe(true);
  });

  it('MOLISA hands poverty reduction to MAE; the transfer date is kept as unverified data', () => {
    const central = centralAgencies();
    const molisa = central.find((a) => a.id === 'MOLISA')!;
    expect(molisa).toMatchObject({ successorId: 'MAE', verified: false });
    expect(molisa.note).toMatch(/CHƯA XÁC MINH/);
    const ids = new Set(central.map((a) => a.id));
    for (const a of central) {
      if (a.successorId) expect(ids.has(a.successorId)).toBe(true);
      if (a.parentId) expect(ids.has(a.parentId)).toBe(true);
    }
  });
});

describe('matching written names (admin-units.md §6)', () => {
  it.each([
    ['TX Nghi Sơn', 'Thị xã', 'Nghi Sơn'],
    ['huyện Hậu Lộc', 'Huyện', 'Hậu Lộc'],
    ['Huyện đảo Cồn Cỏ', 'Huyện', 'Cồn Cỏ'],
    ['TP. Thanh Hóa', 'Thành phố', 'Thanh Hóa'],
    ['Hoà Bình', null, 'Hoà Bình'],
    ['  xã   Bắc Sơn ', 'Xã', 'Bắc Sơn'],
    ['Phường 1', 'Phường', '1'],
  ])('parseUnitName(%s) → type %s, name %s', (text, typeWord, name) => {
    expect(parseUnitName(text)).toMatchObject({ typeWord, name });
  });

  const provinces2024 = set.units.filter((u) => u.level === 'province' && validOnDate(u, '2024-06-01'));
  it('tone-mark placement does not matter: "Hòa Bình" finds GSO\'s "Tỉnh Hoà Bình" (17)', () => {
    expect(matchUnitName(provinces2024, 'tỉnh Hòa Bình').map((u) => u.code)).toEqual(['17']);
  });

  it('spelling variants of QĐ 353 fold together: "Huyện Mù Cang Chải" finds 137', () => {
    const yenBai = set.units.filter(
      (u) => u.level === 'district' && u.parentId === 'P:15:2021-01-01' && validOnDate(u, '2022-03-15'),
    );
    expect(matchUnitName(yenBai, 'Huyện Mù Cang Chải').map((u) => u.code)).toEqual(['137']);
  });

  it('names are not unique: "Tân An" matches 10 communes after 2025, so matching must be done within a parent', () => {
    const communes = set.units.filter((u) => u.level === 'commune' && validOnDate(u, '2025-07-01'));
    expect(matchUnitName(communes, 'Tân An').length).toBeGreaterThan(1);
    expect(
      matchUnitName(
        communes.filter((u) => u.parentId === 'P:91:2025-07-01'),
        'Tân An',
      ).length,
    ).toBeLessThanOrEqual(1);
  });

  it('a written type must agree: "Thị xã Hậu Lộc" does not find Huyện Hậu Lộc', () => {
    const thanhHoa = set.units.filter(
      (u) => u.level === 'district' && u.parentId === 'P:38:2021-01-01' && validOnDate(u, '2022-03-15'),
    );
    expect(matchUnitName(thanhHoa, 'huyện Hậu Lộc')).toHaveLength(1);
    expect(matchUnitName(thanhHoa, 'Thị xã Hậu Lộc')).toHaveLength(0);
  });
});

describe('English names', () => {
  it('versions missing from the current files get the unaccented name, as the code list writes name_en', () => {
    expect(versionOn(set, 'commune', '19063', '2022-05-01')?.nameEn).toBe('Phu Hoa');
    expect(versionOn(set, 'commune', '19063', '2025-03-01')?.nameEn).toBe('Phu Canh'); // from pre2025/communes.csv
    expect(versionOn(set, 'province', '46', '2022-05-01')?.nameEn).toBe('Thua Thien Hue');
  });
});
