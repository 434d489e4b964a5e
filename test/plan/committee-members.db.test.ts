import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';
import { planDataset } from '../../src/modules/plan/load';

/**
 * Steering-committee members kept by officials: added, changed, ended; audited in the same transaction;
 * a province's committee by its own officer, the national committee by the program owner; a reload of
 * the seed leaves edited members alone.
 */
let t: TestApp;
let owner: Client;
let province: Client;
let steering: Client;
const HN = 'BCD-HN-MEMBERS';
const CB = 'BCD-CB-MEMBERS';

beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
  province = await t.as('province_officer');
  steering = await t.as('steering_member');
  const add = `INSERT INTO steering_committee (id, level, unit_id, name, programs, valid_from, fact_status) VALUES ($1, 'province', $2, $3, 'CTMTQG', '2025-07-01', 'VERIFIED')`;
  await t.db.query(add, [HN, t.scope.provinceId, 'Ban Chỉ đạo thử của Hà Nội']);
  await t.db.query(add, [CB, t.scope.otherProvinceId, 'Ban Chỉ đạo thử của Cao Bằng']);
});
afterAll(() => t?.close());

const member = {
  role: 'head',
  personName: 'Nguyễn Văn Thử',
  position: 'Chủ tịch Ủy ban nhân dân thành phố',
  validFrom: '2025-07-01',
};
const audits = async (entityId: number) =>
  t.db.query<{ action: string; unit_id: string; before: unknown; after: { validTo: string | null } }>(
    `SELECT action, unit_id, before, after FROM audit_log WHERE entity = 'committee_member' AND entity_id = $1 ORDER BY id`,
    [String(entityId)],
  );

describe('steering committee members', () => {
  it("a province officer adds, changes and ends a member of its province's committee, each audited", async () => {
    const added = await province.post(`/api/plan/committees/${HN}/members`, member);
    expect(added.status).toBe(200);
    const id = added.body.id as number;
    expect(added.body).toMatchObject({ ...member, validTo: null, committeeId: HN });

    const changed = await province.request('PATCH', `/api/plan/committees/${HN}/members/${id}`, {
      ...member,
      role: 'deputy_head',
      position: 'Phó Chủ tịch Ủy ban nhân dân thành phố',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'deputy_head', position: 'Phó Chủ tịch Ủy ban nhân dân thành phố' });

    const ended = await province.request('PATCH', `/api/plan/committees/${HN}/members/${id}`, {
      ...changed.body,
      validTo: '2025-12-31',
      note: 'Chuyển công tác',
    });
    expect(ended.status).toBe(200);
    const detail = await steering.get(`/api/plan/committees/${HN}`);
    expect(detail.body.members.find((m: { id: number }) => m.id === id)).toMatchObject({
      role: 'deputy_head',
      validTo: '2025-12-31',
      note: 'Chuyển công tác',
    });
    expect((await audits(id)).map((a) => [a.action, a.unit_id, a.after.validTo])).toEqual([
      ['plan.committee_member.create', t.scope.provinceId, null],
      ['plan.committee_member.update', t.scope.provinceId, null],
      ['plan.committee_member.end', t.scope.provinceId, '2025-12-31'],
    ]);
  });

  it('refuses another province, a reader, and dates outside the committee or reversed, changing nothing', async () => {
    const before = (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM committee_member`)).n;
    expect((await province.post(`/api/plan/committees/${CB}/members`, member)).status).toBe(403);
    expect((await steering.post(`/api/plan/committees/${HN}/members`, member)).status).toBe(403);
    expect((await province.post(`/api/plan/committees/BCD-TW-2025/members`, member)).status).toBe(403);
    const early = await province.post(`/api/plan/committees/${HN}/members`, { ...member, validFrom: '2025-06-30' });
    expect(early.status).toBe(422);
    expect(early.body.error.details.problems[0]).toMatchObject({
      path: 'body.validFrom',
      message: 'Ban Chỉ đạo được thành lập từ ngày 01/07/2025; thành viên không thể bắt đầu trước ngày đó.',
    });
    const reversed = await province.post(`/api/plan/committees/${HN}/members`, { ...member, validTo: '2025-06-01' });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.details.problems[0].path).toBe('body.validTo');
    const noRole = await province.post(`/api/plan/committees/${HN}/members`, { ...member, role: 'boss' });
    expect(noRole.status).toBe(422);
    expect((await province.request('PATCH', `/api/plan/committees/${HN}/members/999999`, member)).status).toBe(404);
    expect((await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM committee_member`)).n).toBe(before);
  });

  it('the program owner edits the national committee, and a reload of the seed keeps the edit', async () => {
    const detail = await owner.get('/api/plan/committees/BCD-TW-2025');
    const thang = detail.body.members.find((m: { personName: string }) => m.personName === 'Trần Đức Thắng');
    const ended = await owner.request('PATCH', `/api/plan/committees/BCD-TW-2025/members/${thang.id}`, {
      role: thang.role,
      personName: thang.personName,
      position: thang.position,
      agencyId: thang.agencyId,
      validFrom: thang.validFrom,
      validTo: '2026-03-31',
      note: 'Kết thúc thử',
    });
    expect(ended.status).toBe(200);
    const count = detail.body.members.length;
    await t.db.tx((tx) => planDataset.load(tx));
    const after = await owner.get('/api/plan/committees/BCD-TW-2025');
    expect(after.body.members).toHaveLength(count);
    expect(after.body.members.find((m: { id: number }) => m.id === thang.id)).toMatchObject({ validTo: '2026-03-31' });
  });
});
