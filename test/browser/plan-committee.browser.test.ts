/**
 * Issue 3, steering committees and supervision from the screens: the program owner records a meeting
 * whose conclusion becomes a task of the plan, and creates an inspection plan with a recommendation;
 * an unreadable deadline is refused with its Vietnamese message next to the field; a steering-committee
 * member (who may only read) sees neither form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_USERS, startBrowserApp, type BrowserApp } from '../support/browser';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('committee meetings and supervision plans (browser)', () => {
  it('program owner: a meeting conclusion becomes a task of the plan; an inspection plan lists its recommendation', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);

    // Record a meeting of the 2025 central steering committee
    await page.goto(`${app.baseUrl}/ban-chi-dao`);
    const form = page.getByTestId('meeting-form-BCD-TW-2025');
    await form.locator('summary').click();
    await form.getByTestId('meeting-held-on').fill('15/08/2025');
    await form.getByTestId('meeting-held-on').press('Enter');
    await form.getByLabel('Nội dung cuộc họp').fill('Phiên họp thứ nhất của Ban Chỉ đạo Trung ương');
    await form.locator('#mt-BCD-TW-2025-0-body').fill('Ghi nhận kết quả thực hiện 6 tháng đầu năm 2025.');
    await form.getByRole('button', { name: 'Thêm kết luận' }).click();
    const second = form.getByTestId('conclusion').nth(1);
    await second.locator('textarea').fill('Bộ Nông nghiệp và Môi trường tổng hợp báo cáo đánh giá giai đoạn 2021-2025');
    await second.getByLabel('Giao thành nhiệm vụ của kế hoạch').check();
    await second.getByLabel('STT').fill('30');
    await second.locator('#mt-BCD-TW-2025-1-lead option[value="MAE"]').waitFor({ state: 'attached' });
    await second.getByLabel('Cơ quan chủ trì').selectOption('MAE');
    await second.getByLabel('Thời hạn').fill('cuối năm sau');
    await form.getByRole('button', { name: 'Lưu cuộc họp' }).click();
    // the deadline's problem is shown under that conclusion's deadline field, and nothing is saved
    const deadlineProblem = form.getByTestId('problem-body.conclusions.1.task.deadline');
    await expect.poll(() => deadlineProblem.textContent()).toContain('Không hiểu thời hạn "cuối năm sau"');
    await second.getByLabel('Thời hạn').fill('tháng 10/2025');
    await form.getByRole('button', { name: 'Lưu cuộc họp' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Đã ghi cuộc họp; 1 kết luận thành nhiệm vụ.');
    const card = page.getByTestId('committee').filter({ has: form });
    await card.getByRole('button', { name: /Thành viên/ }).click();
    await expect.poll(() => card.textContent()).toContain('15/08/2025: Phiên họp thứ nhất của Ban Chỉ đạo Trung ương');
    await app.screenshot(page, 'plan-meeting-form');

    // The conclusion is a task of the plan, led by MAE, due at the end of October 2025
    await page.goto(`${app.baseUrl}/ke-hoach`);
    const row = page.locator('[data-testid="plan-row"][data-position="30"]');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('tổng hợp báo cáo đánh giá giai đoạn 2021-2025');
    expect(text).toContain('Bộ Nông nghiệp và Môi trường');
    expect(text).toContain('31/10/2025');

    // An inspection plan with a visit, a finding and a recommendation with its deadline
    await page.goto(`${app.baseUrl}/giam-sat`);
    const sv = page.getByTestId('supervision-form');
    await sv.locator('summary').click();
    await sv.getByLabel('Hình thức').selectOption('inspection');
    await sv.getByLabel('Tên kế hoạch').fill('Kiểm tra thực hiện Chương trình tại Bộ Tài chính năm 2025');
    await sv.getByLabel('Năm').fill('2025');
    await sv.getByTestId('visit-0-date').fill('10/09/2025');
    await sv.getByTestId('visit-0-date').press('Enter');
    await sv.locator('#sv-0-agency option[value="MOF"]').waitFor({ state: 'attached' });
    await sv.locator('#sv-0-agency').selectOption('MOF');
    await sv.locator('#sv-0-0-body').fill('Chậm phân bổ vốn sự nghiệp cho các địa phương');
    await sv.locator('#sv-0-0-sev').selectOption('serious');
    await sv.locator('#sv-0-0-0-body').fill('Hoàn thành phân bổ vốn sự nghiệp còn lại');
    await sv.locator('#sv-0-0-0-to').selectOption('MOF');
    await sv.locator('#sv-0-0-0-deadline').fill('càng sớm càng tốt');
    await sv.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await expect
      .poll(() => sv.getByTestId('problem-body.visits.0.findings.0.recommendations.0.deadline').textContent())
      .toContain('Không hiểu thời hạn "càng sớm càng tốt"');
    await sv.locator('#sv-0-0-0-deadline').fill('trước ngày 01/12/2025');
    await sv.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await expect
      .poll(() => sv.getByRole('status').textContent())
      .toBe('Đã lưu kế hoạch kiểm tra, giám sát với 1 kiến nghị.');
    const rec = page
      .getByTestId('recommendations')
      .locator('tr', { hasText: 'Hoàn thành phân bổ vốn sự nghiệp còn lại' });
    await rec.waitFor();
    const recText = await rec.textContent();
    expect(recText).toContain('30/11/2025');
    expect(recText).toContain('Bộ Tài chính');
    expect(recText).toContain('Kiểm tra thực hiện Chương trình tại Bộ Tài chính năm 2025, 10/09/2025');
    await app.screenshot(page, 'plan-supervision-form');

    // A later visit under the same plan; "15 ngày làm việc" counts Vietnamese working days from the visit
    const planRow = page
      .getByTestId('supervision-plans')
      .locator('tr', { hasText: 'Kiểm tra thực hiện Chương trình tại Bộ Tài chính năm 2025' });
    await expect.poll(() => planRow.getByTestId('plan-visits').textContent()).toBe('1');
    const more = page.getByTestId('supervision-visits-form');
    await more.locator('summary').click();
    await more
      .getByLabel('Kế hoạch')
      .selectOption({ label: 'Kiểm tra thực hiện Chương trình tại Bộ Tài chính năm 2025 (2025)' });
    await more.getByTestId('add-visit-0-date').fill('02/10/2025');
    await more.getByTestId('add-visit-0-date').press('Enter');
    await more.locator('#sv-add-0-agency option[value="MOF"]').waitFor({ state: 'attached' });
    await more.locator('#sv-add-0-agency').selectOption('MOF');
    await more.locator('#sv-add-0-0-body').fill('Chưa gửi báo cáo quý III');
    await more.locator('#sv-add-0-0-0-body').fill('Gửi báo cáo quý III về Ban Chỉ đạo');
    await more.locator('#sv-add-0-0-0-to').selectOption('MOF');
    await more.locator('#sv-add-0-0-0-deadline').fill('15 ngày làm việc');
    await more.getByRole('button', { name: 'Lưu các đợt' }).click();
    await expect
      .poll(() => more.getByRole('status').textContent())
      .toBe('Đã ghi các đợt kiểm tra, giám sát với 1 kiến nghị.');
    await expect.poll(() => planRow.getByTestId('plan-visits').textContent()).toBe('2');
    const later = page.getByTestId('recommendations').locator('tr', { hasText: 'Gửi báo cáo quý III về Ban Chỉ đạo' });
    await expect.poll(() => later.textContent()).toContain('23/10/2025');

    // the refused saves (422, on purpose) are logged by Chromium as failed resources
    // A province's steering committee, registered on the date the new Hà Nội exists
    await page.goto(`${app.baseUrl}/ban-chi-dao`);
    const cf = page.getByTestId('committee-form');
    await cf.locator('summary').click();
    await cf.getByTestId('committee-valid-from').fill('01/07/2025');
    await cf.getByTestId('committee-valid-from').press('Enter');
    const unit = cf.getByRole('combobox', { name: 'Đơn vị hành chính' });
    await unit.fill('ha noi');
    await expect
      .poll(() => cf.getByRole('listbox', { name: 'Đơn vị hành chính' }).getByRole('option').allTextContents())
      .toEqual([expect.stringContaining('Hà Nội')]);
    await unit.press('Enter');
    await cf.getByLabel('Tên Ban Chỉ đạo').fill('Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố Hà Nội');
    await cf.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect.poll(() => cf.getByRole('status').textContent()).toBe('Đã đăng ký Ban Chỉ đạo.');
    await expect.poll(() => page.getByTestId('committee').filter({ hasText: 'thành phố Hà Nội' }).count()).toBe(1);

    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it('steering-committee member: reads the committees and recommendations, sees no form to create them', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.steering);
    await page.goto(`${app.baseUrl}/ban-chi-dao`);
    await expect.poll(() => page.getByTestId('committee').count()).toBe(4); // 3 seeded + Hà Nội's, registered by the first test
    expect(await page.getByTestId('committee-form').count()).toBe(0);
    expect(await page.locator('[data-testid^="meeting-form-"]').count()).toBe(0);
    await page.goto(`${app.baseUrl}/giam-sat`);
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra, giám sát' }).waitFor();
    await page.getByTestId('supervision-plans').waitFor(); // the first test made a plan: a reader sees it
    await page.getByTestId('recommendations').or(page.locator('.empty')).first().waitFor();
    expect(await page.getByTestId('supervision-form').count()).toBe(0);
    expect(await page.getByTestId('supervision-visits-form').count()).toBe(0);
  });
});
