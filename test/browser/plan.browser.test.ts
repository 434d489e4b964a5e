/**
 * Issue 3 "done when": a ministry officer signs in, sees the seeded plan with the real instruments and
 * their lateness, updates an assignment, and sees the roll-up, the timeline and the digest change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { createSupervision, runDigest } from '../../src/modules/plan/service';
import { createUser } from '../../src/modules/users/service';
import { BROWSER_USERS, startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';
import { todayInVietnam } from '../../src/domain/text';

let app: BrowserApp;
const MPI_OFFICER: BrowserUser = {
  username: 'b.mpi',
  displayName: 'Lê Văn Kế Hoạch',
  password: 'mat-khau-trinh-duyet',
  grants: [{ role: 'ministry_lead', agencyId: 'MPI', unitId: null }],
};

const MOF_OFFICER: BrowserUser = {
  username: 'b.mof',
  displayName: 'Phạm Thị Tài Chính',
  password: 'mat-khau-trinh-duyet',
  grants: [{ role: 'ministry_lead', agencyId: 'MOF', unitId: null }],
};

beforeAll(async () => {
  app = await startBrowserApp();
  await createUser(app.database.db, systemActor('test'), MPI_OFFICER);
  await createUser(app.database.db, systemActor('test'), MOF_OFFICER);
});
afterAll(async () => {
  await app?.close();
});

describe('plan (browser)', () => {
  it('ministry officer: seeded plan with lateness → update an assignment → roll-up, timeline, digest', async () => {
    const page = await app.newPage();
    await app.signIn(page, MPI_OFFICER);
    await page.goto(`${app.baseUrl}/ke-hoach`);
    const row = (position: string) => page.locator(`[data-testid="plan-row"][data-position="${position}"]`);
    await row('3.4').waitFor();
    expect(await row('3.4').getAttribute('data-days-late')).toBe('74'); // 353/QĐ-TTg, 15/03/2022 vs quý IV/2021
    expect(await row('3.4').textContent()).toContain('353/QĐ-TTg');
    expect(await row('3.3').getAttribute('data-days-late')).toBe('0'); // 36/2021/QĐ-TTg on time
    // 3.7: nobody has reported on the committee's working regulation: "no report", not days late
    expect(await row('3.7').getAttribute('data-status')).toBe('no_report');
    expect(await row('3.7').getAttribute('data-days-late')).toBe('');
    expect(await row('3.7').getByTestId('days-late').textContent()).toBe('chưa có báo cáo');

    // Timeline with the line of the viewing date
    await page.getByTestId('plan-timeline-tab').click();
    expect(await page.getByTestId('gantt-today').getAttribute('data-date')).toBe(todayInVietnam());
    expect(await page.locator('[data-testid="gantt-row"][data-position="3.4"]').getAttribute('data-days-late')).toBe(
      '74',
    );
    await app.screenshot(page, 'plan-gantt');

    // Task 3.7 (MPI): start it and report 60%
    await page.getByTestId('plan-timeline-tab').waitFor();
    await page.getByRole('button', { name: 'Bảng' }).click();
    await row('3.7').getByRole('link').click();
    await page.getByTestId('task-page').waitFor();
    expect(await page.getByTestId('task-page').getAttribute('data-status')).toBe('no_report');
    expect(await page.getByTestId('task-lateness').textContent()).toBe('Quá hạn, chưa nhận được báo cáo');
    await page.getByTestId('assignment-edit').click();
    await page.getByTestId('assignment-move').selectOption('in_progress');
    await page.getByTestId('assignment-percent').fill('60');
    await page.getByTestId('assignment-narrative').fill('Đã trình dự thảo quy chế làm việc.');
    await page.getByTestId('assignment-save').click();
    await expect.poll(() => page.getByTestId('task-page').getAttribute('data-status')).toBe('in_progress');
    expect(await page.getByTestId('task-page').getAttribute('data-percent')).toBe('60');
    expect(await page.getByTestId('task-rollup').textContent()).toContain('tiến độ bình quân 60%');
    expect(await page.getByTestId('changes').textContent()).toContain('Chưa có báo cáo → Đang thực hiện');
    // Evidence: a PDF is kept with its checksum, an executable is refused with a Vietnamese message
    await page.getByTestId('assignment-edit').click();
    await page
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'virus.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.getByTestId('evidence-upload').click();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('Loại tệp "virus.exe" không được phép');
    await page.getByTestId('evidence-file').setInputFiles({
      name: 'du-thao-quy-che.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 dự thảo'),
    });
    await page.getByTestId('evidence-upload').click();
    await expect.poll(() => page.getByTestId('evidence').textContent()).toContain('du-thao-quy-che.pdf');
    await app.screenshot(page, 'plan-task');

    // The timeline shows the new status
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.getByTestId('plan-timeline-tab').click();
    await expect
      .poll(() => page.locator('[data-testid="gantt-row"][data-position="3.7"]').getAttribute('data-status'))
      .toBe('in_progress');

    // The daily digest reaches the officer's "my agency" page
    await runDigest(app.database.db, todayInVietnam());
    await page.goto(`${app.baseUrl}/co-quan-toi`);
    await page.getByTestId('my-agencies').waitFor();
    expect(await page.getByTestId('my-agencies').textContent()).toContain('Bộ Kế hoạch và Đầu tư');
    expect(await page.locator('[data-testid="my-late"] [data-position="3.7"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="notifications"] [data-kind="digest"]').count()).toBe(1);
    expect(await page.locator('[data-testid="notifications"] [data-kind="digest"]').textContent()).toMatch(
      /quá hạn: [1-9]/,
    );
    await app.screenshot(page, 'plan-my-agency');

    // Committees over time and the register of instruments
    await page.goto(`${app.baseUrl}/ban-chi-dao`);
    await expect.poll(() => page.getByTestId('committee').count()).toBe(3);
    await page.getByTestId('committee').filter({ hasText: '1945/QĐ-TTg' }).getByRole('button').click();
    await expect.poll(() => page.getByTestId('members-BCD-TW-2021').textContent()).toContain('Phạm Bình Minh');
    await page.goto(`${app.baseUrl}/van-ban`);
    await page.getByTestId('instruments').waitFor();
    const row353 = page.getByTestId('instruments').locator('tr', { hasText: '353/QĐ-TTg' });
    expect(await row353.textContent()).toContain('15/03/2022');
    // A supervision recommendation addressed to MPI (in force until its 2025 merger), followed to closure by its
    // officer
    const owner = {
      userId: 0,
      username: 'test',
      displayName: 'Chủ quản',
      grants: [{ role: 'program_owner' as const, agencyId: null, unitId: null }],
    };
    await createSupervision(app.database.db, owner, {
      kind: 'supervision',
      title: 'Giám sát thử',
      year: 2025,
      visits: [
        {
          visitedOn: '2025-01-10',
          agencyId: 'MPI',
          findings: [
            {
              body: 'Chưa có quy chế làm việc',
              severity: 'normal',
              recommendations: [
                { body: 'Trình quy chế làm việc', addresseeAgencyId: 'MPI', deadline: 'trước ngày 01/12/2025' },
              ],
            },
          ],
        },
      ],
    });
    await page.goto(`${app.baseUrl}/giam-sat`);
    const rec = page.getByTestId('recommendations').locator('tr', { hasText: 'Trình quy chế làm việc' });
    await rec.waitFor();
    expect(await rec.textContent()).toContain('30/11/2025');
    await rec.getByRole('textbox').fill('Đã trình');
    await rec.getByRole('button', { name: 'Đóng kiến nghị' }).click();
    await expect.poll(() => rec.textContent()).toContain('Đã đóng');

    // the refused upload (422, on purpose) is logged by Chromium as a failed resource
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it('program owner (admin) adds a task: an unreadable deadline gets a Vietnamese message, a good one fans out', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.getByTestId('new-task').locator('summary').click();
    await page.getByLabel('STT').fill('6');
    await page.getByLabel('Nội dung công việc').fill('Tổng kết Chương trình giai đoạn 2021-2025');
    await page.getByLabel('Giao cho').selectOption('provinces');
    await page.getByTestId('new-task-deadline').fill('cuối năm sau');
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('Không hiểu thời hạn "cuối năm sau"');
    await page.getByTestId('new-task-deadline').fill('quý IV/2026');
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Đã thêm' }).textContent())
      .toBe('Đã thêm nhiệm vụ 6 (34 phân công).');
    const row = page.locator('[data-testid="plan-row"][data-position="6"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('31/12/2026');

    // Public holidays of 2025: Tết on 29/01/2025 (lunar calendar, UTC+7)
    await page.goto(`${app.baseUrl}/ngay-nghi`);
    await page.getByTestId('calendar-year').fill('2025');
    await expect.poll(() => page.locator('[data-testid="calendar"] tr[data-date="2025-01-29"]').count()).toBe(1);
    expect(await page.locator('[data-testid="calendar"] tr[data-date="2025-01-29"]').getAttribute('data-code')).toBe(
      'tet',
    );
    expect(await page.locator('[data-testid="calendar"] tr[data-date="2025-04-07"]').getAttribute('data-code')).toBe(
      'hung_kings',
    );
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it("a ministry registers its own plan and adds a task it leads; the Government's plan stays one choice away", async () => {
    const page = await app.newPage();
    await app.signIn(page, MOF_OFFICER);
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.locator('[data-testid="plan-row"][data-position="3.4"]').waitFor();
    expect(await page.getByTestId('new-task').count()).toBe(0); // the Government's plan is not the ministry's to change
    const form = page.getByTestId('new-plan');
    await form.locator('summary').click();
    await form.getByLabel('Số, ký hiệu').fill('15/KH-BTC');
    await form.getByLabel('Tên kế hoạch').fill('Kế hoạch của Bộ Tài chính thực hiện Chương trình năm 2027');
    await expect
      .poll(() => form.getByLabel('Cơ quan ban hành').locator('option').allTextContents())
      .toEqual(['Bộ Tài chính']);
    await form.getByRole('button', { name: 'Đăng ký kế hoạch' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Đã đăng ký kế hoạch 15/KH-BTC.');
    // the page now shows the new plan, empty, with the task form of its owner (no fan-out, lead = the ministry)
    await expect.poll(() => page.getByTestId('plan-count').getAttribute('data-count')).toBe('0');
    const task = page.getByTestId('new-task');
    await task.locator('summary').click();
    expect(await task.getByLabel('Giao cho').count()).toBe(0);
    await task.getByLabel('STT').fill('1');
    await task.getByLabel('Nội dung công việc').fill('Hướng dẫn quyết toán vốn sự nghiệp năm 2026');
    await task.getByLabel('Cơ quan chủ trì').selectOption('MOF');
    await task.getByTestId('new-task-deadline').fill('quý I/2027');
    await task.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await expect.poll(() => task.getByRole('status').textContent()).toBe('Đã thêm nhiệm vụ 1 (1 phân công).');
    const row = page.locator('[data-testid="plan-row"][data-position="1"]');
    await expect.poll(() => row.textContent()).toContain('31/03/2027');
    expect(await page.getByTestId('plan-count').getAttribute('data-count')).toBe('1');
    // back to the Government's plan
    await page.getByLabel('Kế hoạch', { exact: true }).selectOption({ label: '1705/QĐ-TTg — Chính phủ' });
    await page.locator('[data-testid="plan-row"][data-position="3.4"]').waitFor();
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]); // the 422s are the earlier tests' refusals
  });

  it('overdue report keeps "no report" apart; the task page says signature vs submission; committee members are not extended', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);
    // 15/01/2026: the provincial plans (2.1, due 30/06/2022) are past due and nobody has reported on them
    await page.goto(`${app.baseUrl}/qua-han`);
    await page.getByTestId('overdue-as-of').fill('15/01/2026');
    await page.getByTestId('overdue-as-of').blur();
    const silent = page.locator(
      '[data-testid="overdue-no-report-table"] [data-testid="plan-row"][data-position="2.1"]',
    );
    await silent.waitFor();
    expect(await silent.getByTestId('days-late').textContent()).toBe('chưa có báo cáo');
    expect(await page.locator('[data-testid="overdue-table"] [data-position="2.1"]').count()).toBe(0);
    expect(await page.locator('h2', { hasText: 'Quá hạn, chưa nhận được báo cáo' }).textContent()).toMatch(/: \d+$/);
    await app.screenshot(page, 'plan-overdue-no-report');

    // 3.4: 353/QĐ-TTg signed 74 days after "quý IV/2021"; MOLISA's submission date is not known
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.locator('[data-testid="plan-row"][data-position="3.4"]').getByRole('link').click();
    await page.getByTestId('task-page').waitFor();
    expect(await page.getByTestId('task-lateness').textContent()).toBe(
      'Ban hành 74 ngày sau thời hạn, chưa rõ ngày trình',
    );
    expect(await page.getByTestId('task-submitted-on').textContent()).toContain('chưa rõ');
    await page.getByTestId('submission-date').fill('28/12/2021');
    await page.getByTestId('submission-date').blur();
    await page.getByTestId('submission-source').fill('Giá trị kiểm thử');
    await page.getByTestId('submission-save').click();
    await expect
      .poll(() => page.getByTestId('task-lateness').textContent())
      .toBe('Trình đúng hạn; ban hành 74 ngày sau thời hạn');
    expect(await page.getByTestId('task-submitted-on').textContent()).toContain('28/12/2021');

    // a fanned-out task lists all its assignments (63 provincial plans)
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.locator('[data-testid="plan-row"][data-position="2.1"]').getByRole('link').click();
    await page.getByTestId('task-page').waitFor();
    expect(await page.getByTestId('assignment-row').count()).toBeGreaterThanOrEqual(63);

    // QĐ 1945: the head left on 05/01/2023; the other members are confirmed on 18/11/2021 only
    await page.goto(`${app.baseUrl}/ban-chi-dao`);
    await page.getByTestId('committee').filter({ hasText: '1945/QĐ-TTg' }).getByRole('button').click();
    const members = page.getByTestId('members-BCD-TW-2021');
    await expect.poll(() => members.textContent()).toContain('Phạm Bình Minh');
    expect(await members.locator('tr', { hasText: 'Phạm Bình Minh' }).textContent()).toContain(
      '18/11/2021 – 05/01/2023',
    );
    expect(await members.locator('tr', { hasText: 'Đào Ngọc Dung' }).textContent()).toContain('chưa rõ sau 18/11/2021');
    expect(await members.textContent()).not.toContain('– nay');
    // the errors the earlier tests provoke on purpose (422) are logged by Chromium on the shared app
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
