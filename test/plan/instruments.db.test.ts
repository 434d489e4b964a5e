import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/** The register of legal instruments: seeded amendments, drafting → issued with 409 on stale edits, links to tasks. */
let t: TestApp;
let owner: Client;
let ministry: Client;
beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
  ministry = await t.as('ministry_lead');
});
afterAll(() => t?.close());

describe('legal instruments', () => {
  it('seeded amendments and replacements (implementation-plan.md §2.1, §4)', async () => {
    const items = (await ministry.get('/api/plan/instruments')).body.items as {
      number: string;
      amends: string | null;
      replaces: string | null;
      tasks: { position: string }[] | null;
    }[];
    const by = (n: string) => items.find((i) => i.number === n)!;
    expect(by('38/2023/NĐ-CP').amends).toBe('27/2022/NĐ-CP');
    expect(by('30/2025/NĐ-CP').amends).toBe('07/2021/NĐ-CP');
    expect(by('1061/QĐ-TTg').replaces).toBe('1945/QĐ-TTg');
    expect(by('353/QĐ-TTg').tasks!.map((x) => x.position)).toEqual(['3.4']);
  });

  it('a ministry drafts, submits and issues its own instrument, links it to its task, and the lateness follows', async () => {
    const other = await ministry.post('/api/plan/instruments', {
      kind: 'Thông tư',
      title: 'Thông tư của bộ khác',
      draftingAgencyId: 'MOF',
    });
    expect(other.status).toBe(403);
    const created = await ministry.post('/api/plan/instruments', {
      kind: 'Thông tư',
      title: 'Hướng dẫn thử nghiệm',
      draftingAgencyId: t.scope.agencyId,
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const noNumber = await ministry.request('PATCH', `/api/plan/instruments/${id}`, { version: 1, status: 'issued' });
    expect(noNumber.status).toBe(422);
    expect(noNumber.body.error.details.problems[0].message).toBe(
      'Văn bản đã ban hành cần có số, ký hiệu và ngày ban hành.',
    );
    const dup = await ministry.request('PATCH', `/api/plan/instruments/${id}`, {
      version: 1,
      status: 'issued',
      number: '90/QĐ-TTg',
      issuedOn: '2026-02-10',
    });
    expect(dup.status).toBe(409);
    const issued = await ministry.request('PATCH', `/api/plan/instruments/${id}`, {
      version: 1,
      status: 'issued',
      number: '99/2026/TT-THU',
      issuedOn: '2026-02-10',
    });
    expect(issued.status).toBe(200);
    const stale = await ministry.request('PATCH', `/api/plan/instruments/${id}`, { version: 1, signer: 'Ai đó' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: 2, number: '99/2026/TT-THU' });

    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const task = await owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '30',
      title: 'Ban hành hướng dẫn thử nghiệm',
      leadAgencyId: t.scope.agencyId,
      deadline: 'tháng 1/2026',
      startOn: '2025-10-01',
    });
    expect(task.status).toBe(200);
    expect((await ministry.post(`/api/plan/tasks/${task.body.id}/instruments`, { instrumentId: id })).status).toBe(200);
    const seeded = await t.db.one<{ id: number }>(`SELECT id FROM task WHERE position = '3.5'`);
    expect((await ministry.post(`/api/plan/tasks/${seeded.id}/instruments`, { instrumentId: id })).status).toBe(403);

    const detail = await ministry.get(`/api/plan/tasks/${task.body.id}`);
    const a = detail.body.assignments[0];
    await ministry.request('PATCH', `/api/plan/tasks/${task.body.id}/assignments/${a.id}`, {
      version: a.version,
      status: 'in_progress',
    });
    const done = await ministry.request('PATCH', `/api/plan/tasks/${task.body.id}/assignments/${a.id}`, {
      version: a.version + 1,
      status: 'completed',
      completedOn: '2026-02-10',
      instrumentNumber: '99/2026/TT-THU',
    });
    expect(done.status).toBe(200);
    const row = (await ministry.get('/api/plan/tasks?asOf=2026-06-01')).body.items.find(
      (r: { id: number }) => r.id === task.body.id,
    );
    expect(row).toMatchObject({
      deadline: '2026-01-31',
      completedOn: '2026-02-10',
      daysLate: 10,
      instrument: '99/2026/TT-THU',
    });
  });
});
