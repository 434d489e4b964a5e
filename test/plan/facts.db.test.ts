import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStatus, reorganise } from '../../src/modules/plan/service';
import { systemActor } from '../../src/modules/audit/audit';
import { testApp, type Client, type TestApp } from '../support/app';

/** Facts over time, each with its source (reference/legal/plan.csv). */
let t: TestApp;
let steering: Client;
beforeAll(async () => {
  t = await testApp();
  steering = await t.as('steering_member');
});
afterAll(() => t?.close());

type Member = {
  personName: string | null;
  role: string;
  validFrom: string;
  validTo: string | null;
  confirmedUntil: string | null;
  factStatus: string;
  instrument: string | null;
};
const members = async (id: string) => (await steering.get(`/api/plan/committees/${id}`)).body.members as Member[];

describe('steering committee membership over time', () => {
  it('the 2021 head ends when he left the Government (NQ of the National Assembly, 05/01/2023); the others are unknown after QĐ 1945 (18/11/2021)', async () => {
    const m = await members('BCD-TW-2021');
    expect(m.find((x) => x.personName === 'Phạm Bình Minh')).toMatchObject({
      role: 'head',
      validFrom: '2021-11-18',
      validTo: '2023-01-05',
      confirmedUntil: null,
    });
    expect(m.find((x) => x.personName === 'Đào Ngọc Dung')).toMatchObject({
      role: 'deputy_head',
      validTo: null,
      confirmedUntil: '2021-11-18',
    });
    // no membership of the 2021 committee is shown "in force" without a source
    expect(m.every((x) => x.validTo !== null || x.confirmedUntil !== null)).toBe(true);
    // the 2023 head is named by a secondary source only: kept, marked unverified
    expect(m.find((x) => x.personName === 'Trần Lưu Quang')).toMatchObject({ role: 'head', factStatus: 'UNVERIFIED' });
  });

  it('QĐ 1061/QĐ-TTg (02/06/2025) names the committee "… giai đoạn 2021-2025"; QĐ 2594/QĐ-TTg (26/11/2025) replaces five members', async () => {
    const list = (await steering.get('/api/plan/committees')).body.items as {
      id: string;
      name: string;
      validTo: string | null;
    }[];
    expect(list.find((c) => c.id === 'BCD-TW-2025')!.name).toBe(
      'Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025',
    );
    const m = await members('BCD-TW-2025');
    for (const gone of ['Đỗ Đức Duy', 'Trần Thanh Nam', 'Đỗ Xuân Tuyên', 'Cao Huy', 'Đào Minh Tú'])
      expect(m.find((x) => x.personName === gone)!.validTo).toBe('2025-11-26');
    expect(m.find((x) => x.personName === 'Trần Đức Thắng')).toMatchObject({
      validFrom: '2025-11-26',
      instrument: '2594/QĐ-TTg',
      confirmedUntil: '2025-11-26',
    });
    expect(m.find((x) => x.personName === 'Nguyễn Hòa Bình')).toMatchObject({
      role: 'head',
      validTo: null,
      confirmedUntil: '2025-06-02',
    });
  });

  it('the Tiền Giang committee ends with its province (30/06/2025), and so does any committee of a unit that ended', async () => {
    const list = (await steering.get('/api/plan/committees')).body.items as { id: string; validTo: string | null }[];
    expect(list.find((c) => c.id === 'BCD-82-2021')!.validTo).toBe('2025-07-01');
    const owner = await t.as('program_owner');
    const hg = await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = '02' AND valid_to = '2025-07-01'`,
    );
    const res = await owner.post('/api/plan/committees', {
      unitId: hg.id,
      name: 'Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Hà Giang',
      validFrom: '2022-01-10',
    });
    expect(res.status).toBe(200);
    const again = (await steering.get('/api/plan/committees')).body.items as {
      unitId: string | null;
      validTo: string | null;
    }[];
    expect(again.find((c) => c.unitId === hg.id)!.validTo).toBe('2025-07-01');
  });
});

describe('instruments and the duties they set', () => {
  it('36/2021/QĐ-TTg keeps the title of its heading: "Về tiêu chí xác định huyện nghèo, …" (hieuluat.vn)', async () => {
    const i = await t.db.one<{ title: string }>(`SELECT title FROM legal_instrument WHERE number = '36/2021/QĐ-TTg'`);
    expect(i.title).toBe(
      'Về tiêu chí xác định huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021 - 2025',
    );
  });

  it('the provincial plans "before 01/07/2022" are filed under 652/QĐ-TTg (28/05/2022), citing Decree 27/2022 Art. 6', async () => {
    const row = (await planStatus(t.db, { asOf: '2022-07-01' })).find((r) => r.position === '2.1')!;
    expect(row.basis).toBe('652/QĐ-TTg');
    expect(row.note).toContain('Quyết định 652/QĐ-TTg (28/05/2022)');
    expect(row.note).toContain('Điều 6 Nghị định 27/2022/NĐ-CP');
  });

  it('every source the plan cites is in reference/legal/plan.csv with one status vocabulary', () => {
    const lines = fs
      .readFileSync(new URL('../../reference/legal/plan.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('id,title,number,date,issuer,where_read,supports,status');
    const statuses = new Set(lines.slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1)));
    expect([...statuses].every((s) => ['verified', 'verified_secondary', 'partial', 'unverified'].includes(s))).toBe(
      true,
    );
    for (const n of ['652/QĐ-TTg', '36/2021/QĐ-TTg', '1061/QĐ-TTg', '2594/QĐ-TTg', '35/2025/NĐ-CP', '45/2025/NĐ-CP'])
      expect(lines.some((l) => l.includes(`,${n},`))).toBe(true);
  });

  it("the function transfers of 2025 carry their status: only poverty reduction → MAE (Decree 35/2025) is verified among MOLISA's", async () => {
    const rows = await t.db.query<{ function_code: string; to_agency_id: string; fact_status: string }>(
      `SELECT function_code, to_agency_id, fact_status FROM agency_function_transfer WHERE from_agency_id = 'MOLISA' ORDER BY function_code`,
    );
    expect(rows).toEqual([
      { function_code: 'employment', to_agency_id: 'MOHA', fact_status: 'VERIFIED (secondary)' },
      { function_code: 'poverty', to_agency_id: 'MAE', fact_status: 'VERIFIED' },
      { function_code: 'vocational', to_agency_id: 'MOET', fact_status: 'UNVERIFIED' },
    ]);
  });
});

describe('the plan as of a date after the 2025 reform', () => {
  it("after the hand-over, the provincial plans are the 34 provinces' as of 2026 and the 63 old ones as of 2022", async () => {
    await reorganise(t.db, systemActor('test'), { onDate: '2025-07-01' });
    const at = async (asOf: string) =>
      (await planStatus(t.db, { asOf })).find((r) => r.position === '2.1')!.assignments;
    expect(await at('2022-07-01')).toBe(63);
    expect(await at('2026-01-15')).toBe(34);
    const id = (await planStatus(t.db, { asOf: '2026-01-15' })).find((r) => r.position === '2.1')!.id;
    const page = async (asOf: string) =>
      (await steering.get(`/api/plan/tasks/${id}?asOf=${asOf}`)).body as {
        rollup: { total: number };
        assignments: unknown[];
      };
    expect((await page('2026-01-15')).rollup.total).toBe(34);
    expect((await page('2022-07-01')).rollup.total).toBe(63);
    expect((await page('2026-01-15')).assignments).toHaveLength(63 + 34); // the page lists all of them, history included
  });
});
