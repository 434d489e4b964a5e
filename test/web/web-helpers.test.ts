/** Pure helpers of the web app: typed dates, unit search, communes per province. */
import { describe, expect, it } from 'vitest';
import { formatDateTimeVi, parseDateInput } from '../../web/src/app/format';
import { communesPerProvince } from '../../web/src/features/map/counts';
import { levelsOn, rankUnits, searchKey, type Unit } from '../../web/src/features/units/api';
import { query } from '../../web/src/app/api';
import { isLocalPath } from '../../web/src/app/paths';

const unit = (
  id: string,
  level: Unit['level'],
  code: string,
  fullName: string,
  name: string,
  parentId: string | null = null,
  provinceId?: string,
): Unit => ({
  id,
  code,
  name,
  fullName,
  level,
  unitType: fullName.slice(0, fullName.length - name.length).trim(),
  parentId,
  parentCode: null,
  provinceId,
  validFrom: '2025-07-01',
  validTo: null,
});

describe('parseDateInput (dates typed dd/mm/yyyy)', () => {
  it.each([
    ['28/11/2026', '2026-11-28'],
    ['1/7/2025', '2025-07-01'],
    ['01-01-2024', '2024-01-01'],
    [' 2024-02-29 ', '2024-02-29'],
    ['29/02/2025', null], // not a leap year
    ['31/04/2025', null],
    ['2025/07/01', null],
    ['', null],
    ['hôm nay', null],
  ])('%j → %j', (text, iso) => expect(parseDateInput(text)).toBe(iso));
});

describe('formatDateTimeVi', () => {
  it('shows a UTC timestamp in Vietnam time, day first', () => {
    expect(formatDateTimeVi('2026-11-27T20:05:09.123Z')).toBe('28/11/2026 03:05:09');
  });
});

describe('unit search ignores diacritics and ranks prefix matches first', () => {
  const units = [
    unit('P:38', 'province', '38', 'Tỉnh Thanh Hóa', 'Thanh Hóa'),
    unit('P:01', 'province', '01', 'Thành phố Hà Nội', 'Hà Nội'),
    unit('P:96', 'province', '96', 'Tỉnh Cà Mau', 'Cà Mau'),
    unit('C:1', 'commune', '00001', 'Phường Hòa Thanh', 'Hòa Thanh'),
    unit('C:2', 'commune', '00002', 'Xã Đông Sơn', 'Đông Sơn'),
  ].map((u) => ({ unit: u, key: searchKey(u) }));
  const names = (q: string) => rankUnits(units, q).map((u) => u.name);

  it('"thanh hoa" finds Thanh Hóa first, then Hòa Thanh (both words, any order)', () => {
    expect(names('thanh hoa')).toEqual(['Thanh Hóa', 'Hòa Thanh']);
  });
  it('"đông" and "dong" find Đông Sơn; codes are searchable', () => {
    expect(names('dong')).toEqual(['Đông Sơn']);
    expect(names('ĐÔNG')).toEqual(['Đông Sơn']);
    expect(names('96')).toEqual(['Cà Mau']);
  });
  it('an empty text lists everything in Vietnamese order', () => {
    expect(names('')).toEqual(['Cà Mau', 'Đông Sơn', 'Hà Nội', 'Hòa Thanh', 'Thanh Hóa']);
  });
});

describe('levelsOn', () => {
  it('has no district level from 1 July 2025 (NQ 202/2025/QH15)', () => {
    expect(levelsOn('2025-06-30', '2025-07-01')).toEqual(['province', 'district', 'commune']);
    expect(levelsOn('2025-07-01', '2025-07-01')).toEqual(['province', 'commune']);
  });
});

describe('communesPerProvince', () => {
  const p1 = unit('P1', 'province', '01', 'Thành phố Hà Nội', 'Hà Nội');
  const p2 = unit('P2', 'province', '04', 'Tỉnh Cao Bằng', 'Cao Bằng');
  const d1 = unit('D1', 'district', '001', 'Quận Ba Đình', 'Ba Đình', 'P1');
  it('walks commune → district → province when the province is not given', () => {
    const communes = [
      unit('C1', 'commune', '00001', 'Phường Phúc Xá', 'Phúc Xá', 'D1'),
      unit('C2', 'commune', '00004', 'Phường Trúc Bạch', 'Trúc Bạch', 'D1'),
    ];
    expect(Object.fromEntries(communesPerProvince([p1, p2], [d1], communes))).toEqual({ '01': 2, '04': 0 });
  });
  it('uses provinceId when given', () => {
    const communes = [unit('C3', 'commune', '01273', 'Xã Hòa An', 'Hòa An', 'P2', 'P2')];
    expect(Object.fromEntries(communesPerProvince([p1, p2], [], communes))).toEqual({ '01': 0, '04': 1 });
  });
});

describe('query string', () => {
  it('drops empty values and encodes the rest', () => {
    expect(query({ level: 'commune', at: '2024-01-01', parent: undefined, q: '' })).toBe(
      '?level=commune&at=2024-01-01',
    );
    expect(query({ q: 'thanh hóa' })).toBe('?q=thanh+h%C3%B3a');
    expect(query({})).toBe('');
  });
});

describe('isLocalPath (where to go after signing in)', () => {
  it.each([
    ['/ban-do?ngay=2024-01-01', true],
    ['/', true],
    ['//evil.example/', false],
    ['/\\evil.example/', false],
    ['https://evil.example/', false],
    ['/a\nb', false],
    [undefined, false],
  ])('%j → %s', (p, ok) => expect(isLocalPath(p)).toBe(ok));
});

describe('map: review year in force on a date (official results due 20 December, QĐ 24/2021/QĐ-TTg Art. 7)', () => {
  it.each([
    ['2025-12-19', 2024],
    ['2025-12-20', 2025],
    ['2026-01-05', 2025],
    ['2024-06-30', 2023],
  ])('%s → %i', async (at, year) => {
    const { reviewYearOn } = await import('../../web/src/features/map/indicators');
    expect(reviewYearOn(at)).toBe(year);
  });
});
