import { describe, expect, it } from 'vitest';
import { auditTableRows } from '../../src/cli/audit-table';
import { toTextTable } from '../../src/domain/tabular';
import { formatDateTimeVi } from '../../src/domain/text';

describe('CLI audit table', () => {
  it.each([
    ['2026-11-28T03:21:16.000Z', '28/11/2026 10:21:16'],
    ['2026-12-31T17:00:00.000Z', '01/01/2027 00:00:00'], // a new year in Vietnam while still 31/12 in UTC
  ])('formatDateTimeVi(%s) = %s (Vietnam time)', (iso, shown) => expect(formatDateTimeVi(iso)).toBe(shown));

  it('shows Vietnamese labels and local time instead of codes and UTC', () => {
    const rows = auditTableRows([
      {
        id: 1,
        at: '2026-11-30T18:05:00.000Z',
        actorName: 'admin',
        actorDisplayName: 'Quản trị hệ thống',
        action: 'auth.session.login',
        entity: 'user',
        entityId: '1',
        entityName: 'Quản trị hệ thống (admin)',
        unitId: null,
        agencyId: null,
        before: null,
        after: { ok: true },
      },
      {
        id: 2,
        at: '2026-11-30T01:00:00.000Z',
        actorName: 'cli',
        actorDisplayName: null,
        action: 'khong.co.nhan',
        entity: 'khong_co',
        entityId: '7',
        entityName: null,
        unitId: null,
        agencyId: null,
        before: null,
        after: null,
      },
    ]);
    expect(rows[0]).toEqual({
      'Thời điểm': '01/12/2026 01:05:00',
      'Người thực hiện': 'Quản trị hệ thống',
      'Thao tác': 'Đăng nhập',
      'Đối tượng': 'Tài khoản Quản trị hệ thống (admin)',
      Trước: '',
      Sau: '{"ok":true}',
    });
    expect(rows[1]).toMatchObject({
      'Người thực hiện': 'cli',
      'Thao tác': 'Thao tác khác',
      'Đối tượng': 'Đối tượng khác 7',
    });
    const text = toTextTable(rows);
    expect(text).not.toMatch(/auth\.session\.login|T\d\d:\d\d|\.000Z/);
  });
});
