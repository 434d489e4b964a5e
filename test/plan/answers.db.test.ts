import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOfYear } from '../../src/domain/calendar';
import { officialCalendar } from '../../src/modules/calendar/official';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * Answers of plan routes that no other test reads, checked against their declared schemas (a mismatch is
 * a 500 in tests) and against the values they stand for: the calendar of a year, the daily digest run
 * through the API, the notification times, and an agency's own row of a task without a due date.
 */
let t: TestApp;
let as: Record<'admin' | 'program_owner' | 'ministry_lead' | 'public', Client>;
beforeAll(async () => {
  t = await testApp();
  as = {
    admin: await t.as('admin'),
    program_owner: await t.as('program_owner'),
    ministry_lead: await t.as('ministry_lead'),
    public: await t.as('public'),
  };
});
afterAll(() => t?.close());

describe('plan answers', () => {
  it('the calendar of a year is the official calendar, as JSON', async () => {
    const res = await as.public.get('/api/plan/calendar?year=2025');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(calendarOfYear(2025, officialCalendar))));
    expect(res.body.year).toBe(2025);
    expect(res.body.daysOff.filter((d: { code: string }) => d.code === 'tet').length).toBeGreaterThanOrEqual(5);
  });

  it('the digest run through the API, and the notification times as the database holds them', async () => {
    const run = await as.admin.post('/api/plan/digest', { asOf: '2023-03-15' });
    expect(run.status).toBe(200);
    const stored = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'digest' AND digest_on = '2023-03-15'`,
    );
    expect(run.body).toMatchObject({ asOf: '2023-03-15', notifications: stored.n });
    expect(stored.n).toBeGreaterThan(0);
    expect((await as.admin.post('/api/plan/digest', { asOf: '2023-03-15' })).body.notifications).toBe(0);

    const mine = (await as.program_owner.get('/api/notifications')).body.items;
    const digest = mine.find((n: { digestOn: string | null }) => n.digestOn === '2023-03-15');
    expect(digest).toMatchObject({ kind: 'digest', taskId: null, readAt: null });
    const row = await t.db.one<{ created_at: Date }>(
      `SELECT created_at FROM notification WHERE id = $1 AND digest_on = '2023-03-15'`,
      [digest.id],
    );
    expect(digest.createdAt).toBe(row.created_at.toISOString());

    expect((await as.program_owner.post(`/api/notifications/${digest.id}/read`)).status).toBe(200);
    const read = (await as.program_owner.get('/api/notifications')).body.items.find(
      (n: { id: number }) => n.id === digest.id,
    );
    const readRow = await t.db.one<{ read_at: Date }>(`SELECT read_at FROM notification WHERE id = $1`, [digest.id]);
    expect(read.readAt).toBe(readRow.read_at.toISOString());
  });

  it("an agency's own task without a due date counts 0 overdue and 0 past due without report, not null", async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const created = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '99.1',
      title: 'Nhiệm vụ chưa có thời hạn',
      leadAgencyId: t.scope.agencyId,
    });
    expect(created.status).toBe(200);
    const mine = await as.ministry_lead.get('/api/plan/my-agency?asOf=2026-06-01');
    expect(mine.status).toBe(200);
    const row = mine.body.lead.find((r: { id: number }) => r.id === created.body.id);
    expect(row).toMatchObject({
      deadline: null,
      status: 'no_report',
      assignments: 1,
      overdueAssignments: 0,
      noReportAssignments: 1,
      pastDueNoReportAssignments: 0,
    });
  });
});
