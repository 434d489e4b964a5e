import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStatus, runDigest } from '../../src/modules/plan/service';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * The seeded plan (QĐ 1705/QĐ-TTg, seed text + implementation-plan.md §2) and the API with scope,
 * audit and optimistic concurrency — on the engine chosen by GIAMNGHEO_TEST_DB.
 */
let t: TestApp;
let as: Record<string, Client>;
beforeAll(async () => {
  t = await testApp();
  as = {};
  for (const r of [
    'admin',
    'program_owner',
    'ministry_lead',
    'steering_member',
    'province_officer',
    'commune_officer',
    'public',
  ] as const)
    as[r] = await t.as(r);
});
afterAll(() => t?.close());

const byPosition = async (asOf: string) => new Map((await planStatus(t.db, { asOf })).map((r) => [r.position, r]));

describe('seeded plan: planned vs actual instruments (implementation-plan.md §2)', () => {
  it.each([
    // position, instrument, lead, due, completed, days late
    ['3.1', '90/QĐ-TTg', 'MOLISA', '2021-12-31', '2022-01-18', 18],
    ['3.2', '02/2022/QĐ-TTg', 'MOLISA', '2021-12-31', '2022-01-18', 18],
    ['3.3', '36/2021/QĐ-TTg', 'MOLISA', '2021-12-31', '2021-12-13', 0],
    ['3.4', '353/QĐ-TTg', 'MOLISA', '2021-12-31', '2022-03-15', 74],
    ['3.5', '27/2022/NĐ-CP', 'MPI', '2021-12-31', '2022-04-19', 109],
    ['3.6', '1945/QĐ-TTg', 'MPI', '2021-12-31', '2021-11-18', 0],
  ])('task %s fulfilled by %s', async (position, instrument, lead, deadline, completedOn, late) => {
    const row = (await byPosition('2026-01-01')).get(position)!;
    expect(row).toMatchObject({
      instrument,
      leadAgency: lead,
      deadline,
      completedOn,
      daysLate: late,
      status: 'completed',
    });
  });

  it("MPI's deadline is kept but flagged unverified (the seed text gives none separately)", async () => {
    const rows = await byPosition('2026-01-01');
    expect(rows.get('3.5')!.deadlineVerified).toBe(false);
    expect(rows.get('3.1')!.deadlineVerified).toBe(true);
  });

  it('the five main tasks fan out to every ministry and the 63 provinces of 2021; provincial plans due before 1/7/2022', async () => {
    const rows = await byPosition('2022-07-01');
    for (const p of ['1', '2', '3', '4', '5']) {
      expect(rows.get(p)!.deadline).toBeNull();
      expect(rows.get(p)!.assignments).toBeGreaterThan(63);
    }
    const plans = rows.get('2.1')!;
    // Nobody has reported on the 63 provincial plans: past due without a report, not "1 day late".
    expect(plans).toMatchObject({
      deadline: '2022-06-30',
      assignments: 63,
      status: 'no_report',
      overdue: false,
      pastDueNoReport: true,
      daysLate: null,
      overdueAssignments: 0,
      pastDueNoReportAssignments: 63,
    });
    expect(rows.get('2.1')!.leadAgency).toBeNull();
  });

  it('overdue for a past as-of date counts tasks completed only later', async () => {
    const overdue = (await planStatus(t.db, { asOf: '2022-01-05', overdueOnly: true })).map((r) => r.position);
    expect(overdue).toEqual(expect.arrayContaining(['3.1', '3.2', '3.4', '3.5', '3.7']));
    expect(overdue).not.toContain('3.3');
    expect(overdue).not.toContain('3.6');
    const late = (await planStatus(t.db, { asOf: '2022-01-05' })).find((r) => r.position === '3.4')!;
    expect(late).toMatchObject({ status: 'in_progress', completedOn: null, daysLate: 5 });
  });

  it('--agency filters by agency code', async () => {
    const rows = await planStatus(t.db, { asOf: '2026-01-01', agency: 'MPI' });
    expect(rows.map((r) => r.position)).toEqual(['1', '2', '3', '3.5', '3.6', '3.7', '4', '5']);
    await expect(planStatus(t.db, { agency: 'KHONG-CO' })).rejects.toThrow('Không tìm thấy cơ quan có mã "KHONG-CO".');
  });
});

describe('program structure', () => {
  it('2021-2025: 7 projects, sub-projects, targets and budget with their status; the 2026-2030 phase as data', async () => {
    const res = await as.commune_officer.get('/api/plan/program');
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.phases.map((x: { id: string }) => x.id)).toEqual(['GNBV-2021-2025', 'CTMTQG-2026-2030']);
    const projects = p.projects.filter(
      (x: { phaseId: string; parentCode: string | null }) => x.phaseId === 'GNBV-2021-2025' && !x.parentCode,
    );
    expect(projects.map((x: { code: string }) => x.code)).toEqual(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
    expect(p.projects.find((x: { code: string }) => x.code === 'DA3.TDA2')).toMatchObject({
      leadAgency: 'Bộ Y tế',
      factStatus: 'VERIFIED',
    });
    expect(p.projects.find((x: { code: string }) => x.code === 'DA5')).toMatchObject({
      leadAgency: null,
      factStatus: 'PARTIAL',
    });
    const central = p.budget.find(
      (x: { phaseId: string; funding: string; capitalType: string }) =>
        x.phaseId === 'GNBV-2021-2025' && x.funding === 'central' && x.capitalType === 'all',
    );
    expect(central.amountBnVnd).toBe(48000);
    expect(p.targets.filter((x: { phaseId: string }) => x.phaseId === 'GNBV-2021-2025')).toHaveLength(8);
  });
});

describe('API: scope, workflow, concurrency, audit', () => {
  let taskId: number;
  let assignmentId: number;

  it('program owner creates a task for the ministry; a bad deadline text gets a Vietnamese 422', async () => {
    const bad = await as.program_owner.post('/api/plan/tasks', {
      planId: 1,
      position: '9',
      title: 'Nhiệm vụ thử',
      leadAgencyId: t.scope.agencyId,
      deadline: 'sớm nhất có thể',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0]).toMatchObject({
      path: 'body.deadline',
      message: expect.stringContaining('Không hiểu thời hạn "sớm nhất có thể"'),
    });
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const res = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '9',
      title: 'Báo cáo kết quả thử nghiệm',
      leadAgencyId: t.scope.agencyId,
      deadline: 'trong quý IV/2030',
      startOn: '2025-06-01', // the completion below (10/01/2026) must not precede the start
    });
    expect(res.status).toBe(200);
    taskId = res.body.id;
    const detail = await as.ministry_lead.get(`/api/plan/tasks/${taskId}`);
    expect(detail.body.task).toMatchObject({ deadline: '2030-12-31', status: 'no_report', daysLate: null });
    assignmentId = detail.body.assignments[0].id;
  });

  it('"trong vòng 15 ngày làm việc" counts working days from the start date (New Year, Tết 2023 skipped)', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const res = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '11',
      title: 'Báo cáo giám sát năm 2022',
      leadAgencyId: 'MOF',
      deadline: 'trong vòng 15 ngày làm việc',
      startOn: '2022-12-31',
    });
    expect(res.status).toBe(200);
    const detail = await as.steering_member.get(`/api/plan/tasks/${res.body.id}`);
    expect(detail.body.task.deadline).toBe('2023-01-30');
  });

  it('a recurring duty shows its next occurrence and is never "overdue" as a whole', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const res = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '12',
      title: 'Báo cáo giám sát hằng năm (TT 10/2022)',
      fanOut: 'provinces',
      deadline: 'hằng năm, trước ngày 01/12',
      startOn: '2022-07-15',
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments).toBe(63);
    const june = (await planStatus(t.db, { asOf: '2025-06-01' })).find((r) => r.id === res.body.id)!;
    expect(june).toMatchObject({ deadline: '2025-11-30', status: 'no_report', daysLate: null, overdue: false });
    const dec = (await planStatus(t.db, { asOf: '2025-12-15' })).find((r) => r.id === res.body.id)!;
    expect(dec.deadline).toBe('2026-11-30');
  });

  it('dependencies: 3.4 (the list) after 3.3 (the criteria); a cycle is refused', async () => {
    const id = async (p: string) => (await t.db.one<{ id: number }>(`SELECT id FROM task WHERE position = $1`, [p])).id;
    const [criteria, list] = [await id('3.3'), await id('3.4')];
    expect(
      (await as.program_owner.post(`/api/plan/tasks/${list}/dependencies`, { dependsOnTaskId: criteria })).status,
    ).toBe(200);
    const cycle = await as.program_owner.post(`/api/plan/tasks/${criteria}/dependencies`, { dependsOnTaskId: list });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.message).toContain('phụ thuộc');
    const detail = await as.steering_member.get(`/api/plan/tasks/${list}`);
    expect(detail.body.dependencies).toEqual([expect.objectContaining({ id: criteria, position: '3.3' })]);
  });

  it('refuses an agency that did not exist on the task date', async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan LIMIT 1`);
    const res = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '10',
      title: 'Nhiệm vụ giao Bộ LĐ-TB&XH năm 2026',
      leadAgencyId: 'MOLISA',
      deadline: 'năm 2026',
      startOn: '2026-01-01',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].message).toMatch(
      /Bộ Lao động - Thương binh và Xã hội không tồn tại vào ngày 01\/01\/2026/,
    );
  });

  it('the ministry moves its assignment and reports progress; a stale edit gets 409 with both versions', async () => {
    const ok = await as.ministry_lead.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 1,
      status: 'in_progress',
      percent: 40,
      narrative: 'Đã xây dựng dự thảo.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.assignment).toMatchObject({ status: 'in_progress', percent: 40, version: 2 });
    expect(ok.body.rollup).toMatchObject({ status: 'in_progress', percent: 40 });
    const stale = await as.ministry_lead.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 1,
      percent: 90,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/đã được người khác cập nhật/);
    expect(stale.body.error.details.current).toMatchObject({ version: 2, percent: 40 });
    expect(stale.body.error.details.yours).toMatchObject({ version: 1, percent: 90 });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'task_assignment' AND entity_id = $1`, [
      `${taskId}/${assignmentId}`,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('a role may only make its own moves: the ministry cannot accept its own submission', async () => {
    const sub = await as.ministry_lead.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 2,
      status: 'submitted',
    });
    expect(sub.status).toBe(200);
    const accept = await as.ministry_lead.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 3,
      status: 'completed',
    });
    expect(accept.status).toBe(403);
    expect(accept.body.error.message).toContain('Vai trò của bạn không được phép "Xác nhận hoàn thành"');
    const back = await as.program_owner.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 3,
      status: 'in_progress',
    });
    expect(back.status).toBe(422); // returning needs a reason
    const done = await as.program_owner.request('PATCH', `/api/plan/tasks/${taskId}/assignments/${assignmentId}`, {
      version: 3,
      status: 'completed',
      completedOn: '2026-01-10',
    });
    expect(done.status).toBe(200);
    const detail = await as.steering_member.get(`/api/plan/tasks/${taskId}`);
    expect(detail.body.task).toMatchObject({ status: 'completed', completedOn: '2026-01-10', percent: 100 });
    expect(detail.body.changes.map((c: { to: string }) => c.to)).toEqual(['completed', 'submitted', 'in_progress']);
  });

  it("the ministry cannot touch another agency's assignment; the steering member reads and comments only", async () => {
    const molisa = await t.db.one<{ task_id: number; id: number; version: number }>(
      `SELECT a.task_id, a.id, a.version FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE t.position = '1' AND a.agency_id = 'MOLISA'`,
    );
    const res = await as.ministry_lead.request('PATCH', `/api/plan/tasks/${molisa.task_id}/assignments/${molisa.id}`, {
      version: molisa.version,
      percent: 10,
    });
    expect(res.status).toBe(403);
    const steer = await as.steering_member.request(
      'PATCH',
      `/api/plan/tasks/${molisa.task_id}/assignments/${molisa.id}`,
      { version: molisa.version, percent: 10 },
    );
    expect(steer.status).toBe(403);
    const comment = await as.steering_member.post(`/api/plan/tasks/${molisa.task_id}/comments`, {
      body: 'Đề nghị báo cáo tiến độ trước cuộc họp Ban Chỉ đạo.',
      kind: 'request',
      toAgencyId: 'MOLISA',
    });
    expect(comment.status).toBe(200);
    const detail = await as.commune_officer.get(`/api/plan/tasks/${molisa.task_id}`);
    expect(detail.body.comments.at(-1)).toMatchObject({
      kind: 'request',
      toAgency: 'Bộ Lao động - Thương binh và Xã hội',
    });
  });

  it("a province officer updates its People's Committee's provincial plan (across the 2025 reform), not another province's", async () => {
    const rows = await t.db.query<{ id: number; task_id: number; version: number; code: string }>(
      `SELECT a.id, a.task_id, a.version, g.code FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN agency g ON g.id = a.agency_id
        WHERE t.position = '2.1' AND g.code IN ('UBND-01', 'UBND-04')`,
    );
    const hanoi = rows.find((r) => r.code === 'UBND-01')!;
    const caobang = rows.find((r) => r.code === 'UBND-04')!;
    const ok = await as.province_officer.request('PATCH', `/api/plan/tasks/${hanoi.task_id}/assignments/${hanoi.id}`, {
      version: hanoi.version,
      status: 'in_progress',
      percent: 100,
    });
    expect(ok.status).toBe(200);
    const done = await as.province_officer.request(
      'PATCH',
      `/api/plan/tasks/${hanoi.task_id}/assignments/${hanoi.id}`,
      { version: hanoi.version + 1, status: 'completed', completedOn: '2022-06-20' },
    );
    expect(done.status).toBe(200);
    expect(done.body.rollup).toMatchObject({ total: 63, completed: 1 });
    const no = await as.province_officer.request(
      'PATCH',
      `/api/plan/tasks/${caobang.task_id}/assignments/${caobang.id}`,
      { version: caobang.version, percent: 5 },
    );
    expect(no.status).toBe(403);
    expect(no.body.error.message).toBe('Bạn chỉ được cập nhật phân công của cơ quan mình.');
  });

  it("a request to the old Hà Nội People's Committee reaches today's Hà Nội province officer", async () => {
    const pc = await t.db.one<{ id: string; task_id: number }>(
      `SELECT g.id, a.task_id FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN agency g ON g.id = a.agency_id WHERE t.position = '2.1' AND g.code = 'UBND-01'`,
    );
    const res = await as.steering_member.post(`/api/plan/tasks/${pc.task_id}/comments`, {
      body: 'Đề nghị gửi kế hoạch đã ban hành.',
      kind: 'request',
      toAgencyId: pc.id,
    });
    expect(res.status).toBe(200);
    const mine = (await as.province_officer.get('/api/notifications')).body.items;
    expect(mine.find((n: { kind: string }) => n.kind === 'comment')).toMatchObject({
      body: 'Đề nghị gửi kế hoạch đã ban hành.',
    });
  });

  it('hands an assignment over to the successor agency without losing history', async () => {
    const a = await t.db.one<{ task_id: number; id: number }>(
      `SELECT a.task_id, a.id FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE t.position = '5' AND a.agency_id = 'MOLISA'`,
    );
    const bad = await as.program_owner.post(`/api/plan/tasks/${a.task_id}/assignments/${a.id}/handover`, {
      toAgencyId: 'MAE',
      onDate: '2024-01-01',
    });
    expect(bad.status).toBe(422);
    const res = await as.program_owner.post(`/api/plan/tasks/${a.task_id}/assignments/${a.id}/handover`, {
      toAgencyId: 'MAE',
      onDate: '2025-03-01',
      note: 'Chuyển nhiệm vụ giảm nghèo',
    });
    expect(res.status).toBe(200);
    const detail = await as.ministry_lead.get(`/api/plan/tasks/${a.task_id}`);
    const old = detail.body.assignments.find((x: { id: number }) => x.id === a.id);
    const neu = detail.body.assignments.find((x: { id: number }) => x.id === res.body.id);
    expect(old).toMatchObject({ agencyId: 'MOLISA', validTo: '2025-03-01' });
    expect(neu).toMatchObject({ agencyId: 'MAE', handedOverFrom: a.id, validFrom: '2025-03-01' });
    const mine = await as.ministry_lead.get('/api/plan/my-agency?asOf=2026-01-01');
    expect(mine.body.lead.map((r: { position: string }) => r.position)).toContain('5');
  });

  it('evidence: forbidden type and oversize are refused, a PDF is kept with its sha256', async () => {
    const cookie = await cookieOf('ministry_lead');
    const send = async (name: string, type: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.append('file', new File([bytes as BlobPart], name, { type }));
      const res = await t.fetch(
        new Request(`http://localhost/api/plan/tasks/${taskId}/assignments/${assignmentId}/evidence`, {
          method: 'POST',
          body: form,
          headers: { cookie, 'x-requested-with': 'fetch' },
        }),
      );
      return { status: res.status, body: await res.json() };
    };
    const exe = await send('virus.exe', 'application/x-msdownload', new Uint8Array([1, 2, 3]));
    expect(exe.status).toBe(422);
    expect(exe.body.error.details.problems[0].message).toMatch(/Loại tệp "virus.exe" không được phép/);
    const big = await send('bao-cao.pdf', 'application/pdf', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(422);
    expect(big.body.error.details.problems[0].message).toMatch(/quá lớn/);
    const pdf = await send('bao-cao.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.4 thử'));
    expect(pdf.status).toBe(200);
    const { createHash } = await import('node:crypto');
    expect(pdf.body.sha256).toBe(createHash('sha256').update(new TextEncoder().encode('%PDF-1.4 thử')).digest('hex'));
  });

  it('Excel export has the officials’ columns', async () => {
    const res = await t.fetch(
      new Request('http://localhost/api/plan/export.xlsx?asOf=2026-01-01', {
        headers: { cookie: await cookieOf('program_owner') },
      }),
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Nội dung công việc',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tiến độ',
      'Ghi chú',
    ]);
    const rows = ws.getSheetValues().slice(5) as unknown[][];
    const r34 = rows.find((r) => r && r[1] === '3.4')!;
    expect(r34[5]).toBe('Quý IV/2021');
    expect(String(r34[6])).toContain('353/QĐ-TTg');
    expect(String(r34[7])).toContain('Ban hành 74 ngày sau thời hạn, chưa rõ ngày trình');
  });

  it('daily digest: one notification per user and day, e-mail only for users with an address', async () => {
    const first = await runDigest(t.db, '2022-06-28');
    expect(first.notifications).toBeGreaterThan(0);
    const again = await runDigest(t.db, '2022-06-28');
    expect(again.notifications).toBe(0);
    // central users see the whole plan: 2.1 (due 30/6/2022) is due within 7 days
    const owner = await as.program_owner.get('/api/notifications');
    const digest = owner.body.items.find((n: { kind: string }) => n.kind === 'digest');
    expect(digest).toMatchObject({ digestOn: '2022-06-28', title: 'Tổng hợp nhiệm vụ ngày 28/06/2022' });
    expect(digest.body).toMatch(
      /^Đến hạn trong 7 ngày: [1-9]\d*; đến hạn hôm nay: 0; quá hạn: \d+(; quá hạn, chưa nhận được báo cáo: \d+)?\.$/,
    );
    // Hà Nội's provincial plan was completed on 20/06/2022 (test above): nothing to report to its officer
    const province = await as.province_officer.get('/api/notifications');
    expect(province.body.items.filter((n: { kind: string }) => n.kind === 'digest')).toEqual([]);
    // a province officer (new Hà Nội) is told about the assignment of the old Hà Nội People's Committee
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const task = await as.program_owner.post('/api/plan/tasks', {
      planId: plan.id,
      position: '40',
      title: 'Báo cáo thử của các tỉnh',
      fanOut: 'provinces',
      deadline: 'trước ngày 05/7/2026',
      startOn: '2024-01-01',
    });
    expect(task.body.assignments).toBe(63);
    await runDigest(t.db, '2026-06-30');
    const hn = (await as.province_officer.get('/api/notifications')).body.items.find(
      (n: { kind: string; digestOn: string }) => n.kind === 'digest' && n.digestOn === '2026-06-30',
    );
    expect(hn.body).toBe('Đến hạn trong 7 ngày: 1; đến hạn hôm nay: 0; quá hạn: 0.');

    // e-mail goes to the outbox only for users with an address
    await t.db.query(`UPDATE app_user SET email = 'chuquan@example.vn' WHERE username = 't.program-owner'`);
    const next = await runDigest(t.db, '2022-06-29');
    expect(next.emails).toBe(1);
    const outbox = await t.db.query<{ to_address: string; subject: string }>(
      `SELECT to_address, subject FROM email_outbox`,
    );
    expect(outbox).toEqual([
      { to_address: 'chuquan@example.vn', subject: '[giamngheo] Tổng hợp nhiệm vụ ngày 29/06/2022' },
    ]);
  });
});

async function cookieOf(role: string) {
  const login = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: 'mat-khau-thu-nghiem' });
  return (login.headers.get('set-cookie') ?? '').split(';')[0];
}
