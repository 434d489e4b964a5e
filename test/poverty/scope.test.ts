import { describe, expect, it } from 'vitest';
import { communeStatusVi, currentReviewYear, labelsWithProvince } from '../../src/domain/poverty/scope';

describe('the review year in progress', () => {
  // QĐ 24/2021/QĐ-TTg, Điều 3: the periodic review is held from 01/09 each year.
  it.each([
    ['2026-11-30', 2026],
    ['2026-09-01', 2026],
    ['2026-08-31', 2025],
    ['2026-01-02', 2025],
    ['2025-12-31', 2025],
  ])('on %s the review of %i', (today, year) => expect(currentReviewYear(today)).toBe(year));
});

describe('commune labels and status', () => {
  it('a repeated commune name carries its province; a unique one does not', () => {
    const rows = labelsWithProvince([
      { fullName: 'Xã An Bình', provinceName: 'Tỉnh Đồng Tháp' },
      { fullName: 'Xã An Bình', provinceName: 'Tỉnh Vĩnh Long' },
      { fullName: 'Xã Tân Phú', provinceName: 'Tỉnh Đồng Tháp' },
    ]);
    expect(rows.map((r) => r.label)).toEqual([
      'Xã An Bình (Tỉnh Đồng Tháp)',
      'Xã An Bình (Tỉnh Vĩnh Long)',
      'Xã Tân Phú',
    ]);
  });

  it('says where the review stands', () => {
    expect(
      communeStatusVi({
        hasImport: false,
        nextStep: 'listing',
        nextApprover: 'commune',
        locked: false,
        lastApproved: null,
      }),
    ).toBe('Chưa nhập sổ kết quả rà soát');
    expect(
      communeStatusVi({
        hasImport: true,
        nextStep: 'listing',
        nextApprover: 'commune',
        locked: false,
        lastApproved: null,
      }),
    ).toMatch(/^Đã nhập sổ; bước tiếp theo: /);
    expect(
      communeStatusVi({ hasImport: true, nextStep: null, nextApprover: 'commune', locked: false, lastApproved: null }),
    ).toBe('Chờ phê duyệt: cấp xã');
    expect(
      communeStatusVi({
        hasImport: true,
        nextStep: null,
        nextApprover: 'province',
        locked: true,
        lastApproved: 'commune',
      }),
    ).toBe('Đã phê duyệt: cấp xã; chờ cấp tỉnh');
    expect(
      communeStatusVi({ hasImport: true, nextStep: null, nextApprover: null, locked: true, lastApproved: 'central' }),
    ).toBe('Đã phê duyệt ở mọi cấp');
  });
});
