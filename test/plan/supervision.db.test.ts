import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * Steering-committee meetings whose conclusions become tasks; supervision findings and recommendations followed to
 * closure.
 */
let t: TestApp;
let owner: Client;
let ministry: Client;
let steering: Client;
beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
  ministry = await t.as('ministry_lead');
  steering = await t.as('steering_member');
});
afterAll(() => t?.close());

describe('meetings and supervision', () => {
  it('a meeting conclusion that assigns work becomes a task with its deadline', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const res = await owner.post('/api/plan/committees/BCD-TW-2025/meetings', {
      heldOn: '2025-08-15',
      title: 'Phiên họp thử của Ban Chỉ đạo',
      conclusions: [
        { body: 'Ghi nhận kết quả thực hiện 6 tháng đầu năm.' },
        {
          body: 'Bộ Nông nghiệp và Môi trường tổng hợp báo cáo đánh giá giai đoạn 2021-2025',
          task: { planId: plan.id, position: '20', leadAgencyId: 'MAE', deadline: 'tháng 10/2025' },
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.conclusions[0].taskId).toBeNull();
    const taskId = res.body.conclusions[1].taskId;
    const detail = await steering.get(`/api/plan/tasks/${taskId}`);
    expect(detail.body.task).toMatchObject({ deadline: '2025-10-31', leadAgency: 'MAE', status: 'no_report' }); // nobody has reported on it yet
    expect(detail.body.task.note).toContain('Kết luận cuộc họp "Phiên họp thử của Ban Chỉ đạo" (15/08/2025), mục 2.');
    const committee = await steering.get('/api/plan/committees/BCD-TW-2025');
    expect(committee.body.meetings).toHaveLength(1);
    expect(committee.body.members.find((m: { personName: string }) => m.personName === 'Trần Đức Thắng')).toMatchObject(
      { validFrom: '2025-11-26', instrument: '2594/QĐ-TTg' },
    );
  });

  it('refuses a meeting whose conclusion task has an unreadable deadline or no lead, naming that conclusion', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const before = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM committee_meeting`);
    const res = await owner.post('/api/plan/committees/BCD-TW-2025/meetings', {
      heldOn: '2025-08-20',
      title: 'Phiên họp có kết luận sai',
      conclusions: [
        { body: 'Ghi nhận kết quả.' },
        {
          body: 'Tổng hợp báo cáo',
          task: { planId: plan.id, position: '21', leadAgencyId: 'MAE', deadline: 'cuối năm sau' },
        },
        { body: 'Rà soát văn bản', task: { planId: plan.id, position: '22' } },
      ],
    });
    expect(res.status).toBe(422);
    const problems = res.body.error.details.problems.map((p: { path: string; message: string }) => [p.path, p.message]);
    expect(problems).toEqual([
      ['body.conclusions.1.task.deadline', expect.stringContaining('cuối năm sau')],
      ['body.conclusions.2.task.leadAgencyId', 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.'],
    ]);
    expect((await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM committee_meeting`)).n).toBe(before.n);
  });

  it('refuses the whole supervision plan when one recommendation deadline cannot be read', async () => {
    const before = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_plan`);
    const res = await owner.post('/api/plan/supervision', {
      kind: 'supervision',
      title: 'Giám sát thử',
      year: 2025,
      visits: [
        {
          visitedOn: '2025-09-10',
          findings: [
            {
              body: 'Chậm ban hành kế hoạch',
              recommendations: [{ body: 'Ban hành kế hoạch', deadline: 'càng sớm càng tốt' }],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].path).toBe('body.visits.0.findings.0.recommendations.0.deadline');
    expect((await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_plan`)).n).toBe(before.n);
  });

  it('follows a recommendation to closure: addressee agency only, stale edit → 409, lateness computed', async () => {
    const res = await owner.post('/api/plan/supervision', {
      committeeId: 'BCD-TW-2025',
      kind: 'inspection',
      title: 'Kiểm tra thử năm 2025',
      year: 2025,
      visits: [
        {
          visitedOn: '2025-09-10',
          agencyId: t.scope.agencyId,
          findings: [
            {
              body: 'Báo cáo chưa đầy đủ',
              severity: 'serious',
              recommendations: [
                { body: 'Bổ sung báo cáo', addresseeAgencyId: t.scope.agencyId, deadline: 'trước ngày 01/10/2025' },
              ],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.recommendations).toBe(1);
    const list = await steering.get('/api/plan/supervision/recommendations?asOf=2025-10-05');
    const rec = list.body.items.find((r: { body: string }) => r.body === 'Bổ sung báo cáo');
    expect(rec).toMatchObject({ due_on: '2025-09-30', overdue: true, daysLate: 5, status: 'open' });
    expect(
      (
        await steering.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, {
          version: 1,
          status: 'closed',
        })
      ).status,
    ).toBe(403);
    const ok = await ministry.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, {
      version: 1,
      status: 'closed',
      followUp: 'Đã bổ sung',
      closedOn: '2025-10-03',
    });
    expect(ok.status).toBe(200);
    const stale = await ministry.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, {
      version: 1,
      status: 'open',
    });
    expect(stale.status).toBe(409);
    const after = (await steering.get('/api/plan/supervision/recommendations?asOf=2025-12-01')).body.items.find(
      (r: { id: number }) => r.id === rec.id,
    );
    expect(after).toMatchObject({ status: 'closed', closed_on: '2025-10-03', daysLate: 3, overdue: false });
  });

  it('records later visits under an existing plan; the plan list counts visits and open recommendations', async () => {
    const created = await owner.post('/api/plan/supervision', {
      kind: 'supervision',
      title: 'Giám sát năm 2025 tại các bộ',
      year: 2025,
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const visit = {
      visitedOn: '2025-10-02',
      agencyId: t.scope.agencyId,
      team: 'Đoàn số 1',
      findings: [
        {
          body: 'Chậm tổng hợp báo cáo quý',
          recommendations: [
            { body: 'Gửi báo cáo quý III', addresseeAgencyId: t.scope.agencyId, deadline: '15 ngày làm việc' },
          ],
        },
      ],
    };
    // a bad deadline, a plan that does not exist, a role that may not record: refused, nothing written
    const bad = await owner.post(`/api/plan/supervision/${id}/visits`, {
      visits: [{ ...visit, findings: [{ ...visit.findings[0], recommendations: [{ body: 'Sửa', deadline: 'sớm' }] }] }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].path).toBe('body.visits.0.findings.0.recommendations.0.deadline');
    expect((await owner.post('/api/plan/supervision/999999/visits', { visits: [visit] })).status).toBe(404);
    expect((await ministry.post(`/api/plan/supervision/${id}/visits`, { visits: [visit] })).status).toBe(403);
    expect((await owner.post(`/api/plan/supervision/${id}/visits`, { visits: [] })).status).toBe(422);
    // the Ministry of Labour, Invalids and Social Affairs no longer exists in October 2025
    const gone = await owner.post(`/api/plan/supervision/${id}/visits`, { visits: [{ ...visit, agencyId: 'MOLISA' }] });
    expect(gone.status).toBe(422);
    expect(gone.body.error.details.problems[0]).toMatchObject({
      path: 'body.visits.0.agencyId',
      message: expect.stringContaining('không tồn tại vào ngày 02/10/2025'),
    });
    const noUnit = await owner.post(`/api/plan/supervision/${id}/visits`, {
      visits: [{ ...visit, unitId: 'khong-co' }],
    });
    expect(noUnit.body.error.details.problems[0]).toMatchObject({
      path: 'body.visits.0.unitId',
      message: 'Không có đơn vị hành chính "khong-co".',
    });
    // an id the service does not check itself is still a clear 422 from the database's foreign key, not a 500
    const noCommittee = await owner.post('/api/plan/supervision', {
      committeeId: 'khong-co',
      kind: 'supervision',
      title: 'Giám sát thử',
      year: 2025,
    });
    expect(noCommittee.status).toBe(422);
    expect(noCommittee.body.error.details.problems[0].message).toBe(
      'Không có committee_id = "khong-co" trong danh mục steering_committee.',
    );
    expect(
      (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_visit WHERE plan_id = $1`, [id])).n,
    ).toBe(0);

    const ok = await owner.post(`/api/plan/supervision/${id}/visits`, {
      visits: [visit, { visitedOn: '2025-10-20', team: 'Đoàn số 2' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id, visits: 2, recommendations: 1 });
    const audit = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.supervision.visits.add' AND entity_id = $1`,
      [String(id)],
    );
    expect(audit.n).toBe(1);
    const plans = await steering.get('/api/plan/supervision');
    expect(plans.body.items.find((p: { id: number }) => p.id === id)).toMatchObject({
      visits: 2,
      last_visit_on: '2025-10-20',
      recommendations: 1,
      open_recommendations: 1,
    });
    // "15 working days" from the visit: 2/10/2025 + 15 working days = 23/10/2025
    const rec = (await steering.get('/api/plan/supervision/recommendations?asOf=2025-10-24')).body.items.find(
      (r: { body: string }) => r.body === 'Gửi báo cáo quý III',
    );
    expect(rec).toMatchObject({ due_on: '2025-10-23', overdue: true, daysLate: 1 });
  });
});

describe('a province records its own steering committee', () => {
  let province: Client;
  let commune: Client;
  beforeAll(async () => {
    province = await t.as('province_officer');
    commune = await t.as('commune_officer');
    const add = `INSERT INTO steering_committee (id, level, unit_id, name, programs, valid_from, fact_status) VALUES ($1, 'province', $2, $3, 'CTMTQG', '2025-07-01', 'UNVERIFIED')`;
    await t.db.query(add, ['BCD-HN-THU', t.scope.provinceId, 'Ban Chỉ đạo thử của Hà Nội']);
    await t.db.query(add, ['BCD-CB-THU', t.scope.otherProvinceId, 'Ban Chỉ đạo thử của Cao Bằng']);
  });
  const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

  it('a province or commune registers its own committee, once, for a unit in force on the date', async () => {
    const hn = {
      unitId: t.scope.provinceId,
      name: 'Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố Hà Nội',
      validFrom: '2025-07-01',
    };
    const created = await province.post('/api/plan/committees', hn);
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^BCD-P01-2025-07-01$/);
    expect((await province.post('/api/plan/committees', hn)).status).toBe(409);
    expect((await province.post('/api/plan/committees', { ...hn, unitId: t.scope.otherProvinceId })).status).toBe(403);
    expect((await commune.post('/api/plan/committees', hn)).status).toBe(403); // a commune grant does not cover its province
    const early = await province.post('/api/plan/committees', { ...hn, validFrom: '2024-01-01' });
    expect(early.status).toBe(422);
    expect(early.body.error.details.problems[0]).toMatchObject({
      path: 'body.unitId',
      message: expect.stringContaining('không tồn tại vào ngày 01/01/2024'),
    });
    const ward = await commune.post('/api/plan/committees', {
      unitId: t.scope.communeId,
      name: 'Ban Chỉ đạo thử của phường',
      validFrom: '2025-07-01',
    });
    expect(ward.status).toBe(200);
    const listed = (await commune.get('/api/plan/committees')).body.items.find(
      (c: { id: string }) => c.id === ward.body.id,
    );
    expect(listed).toMatchObject({ level: 'commune', canRecord: true });
  });

  it('says which committees each caller may record for', async () => {
    const can = async (c: Client) =>
      Object.fromEntries(
        (await c.get('/api/plan/committees')).body.items.map((x: { id: string; canRecord: boolean }) => [
          x.id,
          x.canRecord,
        ]),
      );
    expect(await can(province)).toMatchObject({ 'BCD-HN-THU': true, 'BCD-CB-THU': false, 'BCD-TW-2025': false });
    expect(await can(owner)).toMatchObject({ 'BCD-HN-THU': true, 'BCD-CB-THU': true, 'BCD-TW-2025': true });
    expect(await can(steering)).toMatchObject({ 'BCD-HN-THU': false, 'BCD-TW-2025': false });
    expect(await can(commune)).toMatchObject({ 'BCD-HN-THU': false }); // a commune grant does not cover its province
  });

  it('a province officer records meetings and supervision of its own committee only; nothing else is written', async () => {
    const meetings = await count('committee_meeting');
    const plans = await count('supervision_plan');
    const meeting = {
      heldOn: '2025-09-05',
      title: 'Họp Ban Chỉ đạo thành phố quý III',
      conclusions: [{ body: 'Đôn đốc các xã hoàn thành rà soát trước 15/11.' }],
    };
    expect((await province.post('/api/plan/committees/BCD-HN-THU/meetings', meeting)).status).toBe(200);
    expect((await province.post('/api/plan/committees/BCD-CB-THU/meetings', meeting)).status).toBe(403);
    expect((await province.post('/api/plan/committees/BCD-TW-2025/meetings', meeting)).status).toBe(403);
    expect((await commune.post('/api/plan/committees/BCD-HN-THU/meetings', meeting)).status).toBe(403);
    // a local conclusion cannot assign work to every province, nor in the national plan
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const fanned = await province.post('/api/plan/committees/BCD-HN-THU/meetings', {
      ...meeting,
      conclusions: [{ body: 'Giao các tỉnh báo cáo', task: { planId: plan.id, position: '90', fanOut: 'provinces' } }],
    });
    expect(fanned.status).toBe(403);
    const national = await province.post('/api/plan/committees/BCD-HN-THU/meetings', {
      ...meeting,
      conclusions: [{ body: 'Giao Bộ Tài chính', task: { planId: plan.id, position: '91', leadAgencyId: 'MOF' } }],
    });
    expect(national.status).toBe(403);
    expect(national.body.error.message).toBe('Bạn chỉ quản lý nhiệm vụ trong kế hoạch do cơ quan mình ban hành.');
    expect(await count('committee_meeting')).toBe(meetings + 1);

    const supervision = { kind: 'supervision', title: 'Giám sát rà soát hộ nghèo tại các xã', year: 2025 };
    const own = await province.post('/api/plan/supervision', { ...supervision, committeeId: 'BCD-HN-THU' });
    expect(own.status).toBe(200);
    expect((await province.post('/api/plan/supervision', { ...supervision, committeeId: 'BCD-CB-THU' })).status).toBe(
      403,
    );
    const noCommittee = await province.post('/api/plan/supervision', supervision);
    expect(noCommittee.status).toBe(403);
    expect(noCommittee.body.error.message).toContain('phải gắn với Ban Chỉ đạo của địa phương');
    expect(await count('supervision_plan')).toBe(plans + 1);
    // visits: under its own plan yes, under the central ones no
    const visit = { visits: [{ visitedOn: '2025-10-01', unitId: t.scope.communeId, team: 'Tổ giám sát số 1' }] };
    expect((await province.post(`/api/plan/supervision/${own.body.id}/visits`, visit)).status).toBe(200);
    const central = await t.db.one<{ id: number }>(
      `SELECT id FROM supervision_plan WHERE committee_id IS DISTINCT FROM 'BCD-HN-THU' ORDER BY id LIMIT 1`,
    );
    expect((await province.post(`/api/plan/supervision/${central.id}/visits`, visit)).status).toBe(403);
    const listed = (await province.get('/api/plan/supervision')).body.items;
    expect(listed.find((p: { id: number }) => p.id === own.body.id)).toMatchObject({
      canRecord: true,
      visits: 1,
      committee: 'Ban Chỉ đạo thử của Hà Nội',
    });
    expect(listed.find((p: { id: number }) => p.id === central.id).canRecord).toBe(false);
  });
});
