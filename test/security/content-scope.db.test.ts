import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { TEST_PASSWORD, testApp, type Client, type TestApp } from '../support/app';

/** What each role reads in a response, not only whether it may call the route. */
let t: TestApp;
let otherProvince: Client;
beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, systemActor('test'), {
    username: 't.cao-bang',
    displayName: 'Cán bộ Cao Bằng',
    password: TEST_PASSWORD,
    grants: [{ role: 'province_officer', unitId: t.scope.otherProvinceId, agencyId: null }],
  });
  const res = await t.client().post('/api/auth/login', { username: 't.cao-bang', password: TEST_PASSWORD });
  otherProvince = t.client((res.headers.get('set-cookie') ?? '').split(';')[0]);
});
afterAll(() => t?.close());

describe('monthly review applications', () => {
  const REASON = 'Hộ ông Nguyễn Văn Bảo, CCCD 001090009999, có thu nhập trên chuẩn';
  let id: number;

  beforeAll(async () => {
    const commune = await t.as('commune_officer');
    const created = await commune.post(`/api/poverty/communes/${t.scope.communeId}/applications`, {
      applicantName: 'Nguyễn Văn Bảo',
      householdCode: 'HN-0042',
      receivedOn: '2025-09-03',
    });
    expect(created.status).toBe(200);
    id = created.body.id;
    const decided = await commune.post(`/api/poverty/applications/${id}/decision`, {
      decidedOn: '2025-09-20',
      outcome: 'rejected',
      reason: REASON,
    });
    expect(decided.status).toBe(200);
  });

  const item = async (c: Client) => {
    const res = await c.get('/api/poverty/applications?year=2025&month=9');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return res.body.items.find((a: { id: number }) => a.id === id);
  };

  it.each(['admin', 'program_owner', 'province_officer', 'commune_officer'] as const)(
    '%s (covers the commune or central) sees name, household code and reason',
    async (role) => {
      expect(await item(await t.as(role))).toMatchObject({
        applicantName: 'Nguyễn Văn Bảo',
        householdCode: 'HN-0042',
        reason: REASON,
        outcome: 'rejected',
      });
    },
  );

  it.each(['ministry_lead', 'steering_member'] as const)(
    '%s sees the record and its deadline, without name, household code or reason',
    async (role) => {
      const a = await item(await t.as(role));
      expect(a).toMatchObject({
        applicantName: null,
        householdCode: null,
        reason: null,
        outcome: 'rejected',
        decidedOn: '2025-09-20',
      });
      expect(JSON.stringify(a)).not.toMatch(/Bảo|001090009999|HN-0042/);
    },
  );

  it('an officer of another province does not see the application at all', async () => {
    expect(await item(otherProvince)).toBeUndefined();
  });
});

describe('supervision findings of a province', () => {
  let hnCommittee: string;
  let hnPeoplesCommittee: string;
  let cbPeoplesCommittee: string;
  beforeAll(async () => {
    const add = `INSERT INTO steering_committee (id, level, unit_id, name, programs, valid_from, fact_status) VALUES ($1, 'province', $2, $3, 'CTMTQG', '2025-07-01', 'UNVERIFIED')`;
    await t.db.query(add, ['BCD-HN-BM', t.scope.provinceId, 'Ban Chỉ đạo thử của Hà Nội']);
    hnCommittee = 'BCD-HN-BM';
    const pc = async (unitId: string) =>
      (
        await t.db.one<{ id: string }>(
          `SELECT id FROM agency WHERE kind = 'people_committee' AND unit_id = $1 AND valid_to IS NULL ORDER BY id LIMIT 1`,
          [unitId],
        )
      ).id;
    hnPeoplesCommittee = await pc(t.scope.provinceId);
    cbPeoplesCommittee = await pc(t.scope.otherProvinceId);
  });

  const plan = (visit: object) => ({
    committeeId: hnCommittee,
    kind: 'supervision',
    title: 'Giám sát thử',
    year: 2025,
    visits: [visit],
  });
  const finding = (addresseeAgencyId: string) => ({
    body: 'Chậm giải ngân vốn',
    recommendations: [{ body: 'Đẩy nhanh giải ngân', addresseeAgencyId }],
  });
  const count = async () => (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM supervision_plan')).n;

  it("a province officer records a finding in its own province, addressed to its own People's Committee or a ministry", async () => {
    const province = await t.as('province_officer');
    const res = await province.post(
      '/api/plan/supervision',
      plan({
        visitedOn: '2025-09-10',
        unitId: t.scope.communeId,
        findings: [finding(hnPeoplesCommittee), finding(t.scope.agencyId)],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.recommendations).toBe(2);
  });

  it("but not about another province, nor addressed to another province's People's Committee; nothing is written", async () => {
    const province = await t.as('province_officer');
    const before = await count();
    const elsewhere = await province.post(
      '/api/plan/supervision',
      plan({ visitedOn: '2025-09-10', unitId: t.scope.otherProvinceId, findings: [] }),
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.details.problems).toEqual([
      { path: 'body.visits.0.unitId', message: 'Đơn vị được giám sát nằm ngoài địa bàn của bạn.' },
    ]);
    const addressed = await province.post(
      '/api/plan/supervision',
      plan({ visitedOn: '2025-09-10', unitId: t.scope.communeId, findings: [finding(cbPeoplesCommittee)] }),
    );
    expect(addressed.status).toBe(403);
    expect(addressed.body.error.details.problems[0].path).toBe(
      'body.visits.0.findings.0.recommendations.0.addresseeAgencyId',
    );
    const visitedAgency = await province.post(
      '/api/plan/supervision',
      plan({ visitedOn: '2025-09-10', agencyId: cbPeoplesCommittee, findings: [] }),
    );
    expect(visitedAgency.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('the program owner records anywhere', async () => {
    const owner = await t.as('program_owner');
    const res = await owner.post(
      '/api/plan/supervision',
      plan({ visitedOn: '2025-09-10', unitId: t.scope.otherProvinceId, findings: [finding(cbPeoplesCommittee)] }),
    );
    expect(res.status).toBe(200);
  });
});
