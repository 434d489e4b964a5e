import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor';
import { unitAccess } from '../../src/modules/access/unit-access';
import { testDatabase, type TestDatabase } from '../support/db';

/**
 * A unit grant covers the unit's descendants and, across the 2025 reform, the older units
 * that roll up into it (admin-units.md §9, rule 7 and the acceptance tests).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const unitOn = async (level: string, code: string, date: string) =>
  (
    await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)`,
      [level, code, date],
    )
  ).id;

const officer = (role: 'province_officer' | 'commune_officer', unitId: string): Actor => ({
  userId: 1,
  username: 'x',
  displayName: 'x',
  grants: [{ role, unitId, agencyId: null }],
});

describe('unit scope across the 2025 reform', () => {
  it('a new Tuyên Quang (08) province grant covers old Hà Giang (02), its districts and communes, but not Cao Bằng', async () => {
    const access = await unitAccess(t.db, officer('province_officer', await unitOn('province', '08', '2026-01-01')));
    expect(access.covers(await unitOn('province', '02', '2022-06-01'))).toBe(true);
    expect(access.covers(await unitOn('district', '027', '2022-06-01'))).toBe(true); // Huyện Mèo Vạc
    expect(access.covers(await unitOn('province', '08', '2022-06-01'))).toBe(true); // old Tuyên Quang
    expect(access.covers(await unitOn('province', '04', '2026-01-01'))).toBe(false); // Cao Bằng
    expect(access.covers(await unitOn('province', '04', '2022-06-01'))).toBe(false);
  });

  it('code 24 is Bắc Giang in 2022 and Bắc Ninh in 2026: a new Bắc Ninh grant covers both old provinces 24 and 27', async () => {
    const access = await unitAccess(t.db, officer('province_officer', await unitOn('province', '24', '2026-01-01')));
    expect(access.covers(await unitOn('province', '24', '2022-06-01'))).toBe(true);
    expect(access.covers(await unitOn('province', '27', '2022-06-01'))).toBe(true);
    expect(access.covers(await unitOn('province', '15', '2022-06-01'))).toBe(false); // Yên Bái → Lào Cai
  });

  it('a commune grant covers the commune and the old communes merged into it, nothing else', async () => {
    // Phường Ba Đình (00004) from 2025-07-01 includes old Phường Trúc Bạch (00004) per the mapping
    const access = await unitAccess(t.db, officer('commune_officer', await unitOn('commune', '00004', '2026-01-01')));
    expect(access.covers(await unitOn('commune', '00004', '2025-03-01'))).toBe(true);
    expect(access.covers(await unitOn('commune', '00001', '2025-03-01'))).toBe(false); // Phúc Xá → Hồng Hà
    expect(access.covers(await unitOn('province', '01', '2026-01-01'))).toBe(false);
    expect(access.unitIds!.size).toBeLessThan(20);
  });

  it('an unresolved (SUSPECT) lineage row grants nothing', async () => {
    // 13219 Xã Việt Hùng (Thái Bình, 34) is wrongly mapped to 11995 Xã Đại Đồng (Hưng Yên, 33)
    const suspect = await t.db.one<{ from_unit_id: string; to_unit_id: string; resolved: boolean }>(
      `SELECT l.from_unit_id, l.to_unit_id, l.resolved FROM unit_lineage l JOIN admin_unit f ON f.id = l.from_unit_id
        WHERE f.code = '13219' AND l.qa_flag = 'SUSPECT'`,
    );
    expect(suspect.resolved).toBe(false);
    const access = await unitAccess(t.db, officer('commune_officer', suspect.to_unit_id));
    expect(access.covers(suspect.from_unit_id)).toBe(false);
  });
});
