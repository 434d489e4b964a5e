import { describe, expect, it } from 'vitest';
import { compareVi, foldVietnamese, formatDateVi, formatNumberVi, isIsoDate } from '../../src/domain/text';

describe('Vietnamese text', () => {
  it.each([
    ['Thanh Hóa', 'thanh hoa'],
    ['Hoà Bình', 'hoa binh'],
    ['Đắk Lắk', 'dak lak'],
    ['  Thừa   Thiên Huế ', 'thua thien hue'],
  ])('folds %s to %s', (input, folded) => expect(foldVietnamese(input)).toBe(folded));

  it('sorts in Vietnamese alphabetical order, numbers numerically', () => {
    const names = ['Đồng Nai', 'Điện Biên', 'Dak Nong', 'An Giang', 'Ăn Uống', 'Bà Rịa', 'Phường 10', 'Phường 2'];
    expect([...names].sort(compareVi)).toEqual([
      'An Giang',
      'Ăn Uống',
      'Bà Rịa',
      'Dak Nong',
      'Điện Biên',
      'Đồng Nai',
      'Phường 2',
      'Phường 10',
    ]);
  });

  it('formats numbers and dates the Vietnamese way', () => {
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatNumberVi(7.52, 2)).toBe('7,52');
    expect(formatDateVi('2026-11-28')).toBe('28/11/2026');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['28/11/2026', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});
