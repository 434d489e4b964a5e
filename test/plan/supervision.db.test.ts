import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/** Steering-committee meetings whose conclusions become tasks; supervision findings and recommendations followed to closure. */
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
        { body: 'Bộ Nông nghiệp và Môi trường tổng hợp báo cáo đánh giá giai đoạn 2021-2025', task: { planId: plan.id, position: '20', leadAgencyId: 'MAE', deadline: 'tháng 10/2025' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.conclusions[0].taskId).toBeNull();
    const taskId = res.body.conclusions[1].taskId;
    const detail = await steering.get(`/api/plan/tasks/${taskId}`);
    expect(detail.body.task).toMatchObject({ deadline: '2025-10-31', leadAgency: 'MAE', status: 'not_started' });
    expect(detail.body.task.note).toContain('Kết luận cuộc họp "Phiên họp thử của Ban Chỉ đạo" (15/08/2025), mục 2.');
    const committee = await steering.get('/api/plan/committees/BCD-TW-2025');
    expect(committee.body.meetings).toHaveLength(1);
    expect(committee.body.members.find((m: { personName: string }) => m.personName === 'Trần Đức Thắng')).toMatchObject({ validFrom: '2025-11-26', instrument: '2594/QĐ-TTg' });
  });

  it('refuses a meeting whose conclusion task has an unreadable deadline or no lead, naming that conclusion', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const before = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM committee_meeting`);
    const res = await owner.post('/api/plan/committees/BCD-TW-2025/meetings', {
      heldOn: '2025-08-20',
      title: 'Phiên họp có kết luận sai',
      conclusions: [
        { body: 'Ghi nhận kết quả.' },
        { body: 'Tổng hợp báo cáo', task: { planId: plan.id, position: '21', leadAgencyId: 'MAE', deadline: 'cuối năm sau' } },
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
      kind: 'supervision', title: 'Giám sát thử', year: 2025,
      visits: [{ visitedOn: '2025-09-10', findings: [{ body: 'Chậm ban hành kế hoạch', recommendations: [{ body: 'Ban hành kế hoạch', deadline: 'càng sớm càng tốt' }] }] }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].path).toBe('body.visits.0.findings.0.recommendations.0.deadline');
    expect((await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_plan`)).n).toBe(before.n);
  });

  it('follows a recommendation to closure: addressee agency only, stale edit → 409, lateness computed', async () => {
    const res = await owner.post('/api/plan/supervision', {
      committeeId: 'BCD-TW-2025', kind: 'inspection', title: 'Kiểm tra thử năm 2025', year: 2025,
      visits: [{ visitedOn: '2025-09-10', agencyId: t.scope.agencyId, findings: [{ body: 'Báo cáo chưa đầy đủ', severity: 'serious', recommendations: [{ body: 'Bổ sung báo cáo', addresseeAgencyId: t.scope.agencyId, deadline: 'trước ngày 01/10/2025' }] }] }],
    });
    expect(res.status).toBe(200);
    expect(res.body.recommendations).toBe(1);
    const list = await steering.get('/api/plan/supervision/recommendations?asOf=2025-10-05');
    const rec = list.body.items.find((r: { body: string }) => r.body === 'Bổ sung báo cáo');
    expect(rec).toMatchObject({ due_on: '2025-09-30', overdue: true, daysLate: 5, status: 'open' });
    expect((await steering.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, { version: 1, status: 'closed' })).status).toBe(403);
    const ok = await ministry.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, { version: 1, status: 'closed', followUp: 'Đã bổ sung', closedOn: '2025-10-03' });
    expect(ok.status).toBe(200);
    const stale = await ministry.request('PATCH', `/api/plan/supervision/recommendations/${rec.id}`, { version: 1, status: 'open' });
    expect(stale.status).toBe(409);
    const after = (await steering.get('/api/plan/supervision/recommendations?asOf=2025-12-01')).body.items.find((r: { id: number }) => r.id === rec.id);
    expect(after).toMatchObject({ status: 'closed', closed_on: '2025-10-03', daysLate: 3, overdue: false });
  });
});
