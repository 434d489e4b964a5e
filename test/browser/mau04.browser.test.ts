/**
 * Regular review requests (Mẫu số 04, QĐ 24/2021/QĐ-TTg Điều 5) on a phone: a commune officer receives a
 * household's request, is told when the review starts and when the decision is due, then refuses it —
 * first without the written reason the article requires (refused, under the field), then with it; the
 * page still fits the phone, and both steps are in the audit trail. Then a request to be recognised as having
 * escaped poverty, with the form's personal fields, offered only its own outcomes and decided so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let commune: BrowserUser;

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  const unit = await db.one<{ id: string }>(
    `SELECT id FROM admin_unit WHERE level = 'commune' AND code = '00004' AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
  );
  commune = {
    username: 'b.xa.mau04',
    displayName: 'Lường Thị Tiếp Nhận',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: unit.id }],
  };
  await createUser(db, systemActor('test'), commune);
});
afterAll(async () => {
  await app?.close();
});

describe('Mẫu số 04 (browser, 390 px)', () => {
  it('a commune officer receives a request and refuses it with a written reason', async () => {
    const p = await app.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await app.signIn(p, commune);
    await p.goto(`${app.baseUrl}/ho-ngheo?nam=2026`);
    await p.getByTestId('poverty-commune-panel').waitFor();
    const form = p.getByTestId('application-form');
    await form.locator('summary').click();
    await p.getByTestId('application-name').fill('Hà Văn Đề Nghị');
    await p.getByTestId('application-household').fill('HGD-0001');
    await p.getByTestId('application-received').fill('03/11/2026');
    await p.getByTestId('application-save').click();
    // received on 03/11, the review starts on the 15th of the month; the decision is due 15 days after
    const saved = (await form.getByTestId('save-outcome').textContent())!;
    expect(saved).toMatch(/^Đã tiếp nhận\. Rà soát từ ngày 15\/11\/2026; hạn quyết định \d\d\/\d\d\/2026\.$/);
    const row = p.getByTestId('application-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Hà Văn Đề Nghị (HGD-0001)');
    expect(await row.textContent()).toContain('03/11/2026');

    await row.getByRole('button', { name: 'Quyết định' }).click();
    await p.getByTestId('decision-date').fill('20/11/2026');
    await p.getByTestId('decision-outcome').selectOption('rejected');
    await p.getByTestId('decision-save').click();
    expect(await p.getByTestId('problem-body.reason').textContent()).toBe(
      'Không công nhận thì phải trả lời bằng văn bản, nêu rõ lý do.',
    );
    await p.getByTestId('decision-reason').fill('Hộ có thu nhập cao hơn chuẩn cận nghèo.');
    await p.getByTestId('decision-save').click();
    await p.locator('[data-testid="application-row"][data-status="decided_in_time"]').waitFor();
    expect(await row.textContent()).toContain('20/11/2026 — Không công nhận: Hộ có thu nhập cao hơn chuẩn cận nghèo.');
    expect(await row.getByRole('button', { name: 'Quyết định' }).count()).toBe(0);
    const wide = await p.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((el) => el.getBoundingClientRect().right > 391 && !el.closest('.table-wrap'))
        .map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`)
        .slice(0, 5),
    );
    expect(wide).toEqual([]);
    await app.screenshot(p, 'mau04-phone');

    // A request to be recognised as having escaped poverty, with the form's personal fields, decided so.
    await p.getByTestId('application-kind').selectOption('exit');
    await p.getByTestId('application-name').fill('Vi Thị Thoát');
    await p.getByTestId('application-sex').selectOption('female');
    await p.getByTestId('application-birth').fill('29/02/1980');
    await p.getByTestId('application-ethnicity').fill('Tày');
    await p.getByTestId('application-idNumber').fill('001180000042');
    await p.getByTestId('application-id-issued').fill('01/06/2021');
    await p.getByTestId('application-idIssuer').fill('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    await p.getByTestId('application-residence').fill('Thôn Nà Hin');
    await p.getByTestId('application-received').fill('04/11/2026');
    await p.getByTestId('application-save').click();
    const exitRow = p.getByTestId('application-row').filter({ hasText: 'Vi Thị Thoát' });
    await exitRow.waitFor();
    expect(await exitRow.getByTestId('application-kind-label').textContent()).toBe('Công nhận thoát nghèo');
    await exitRow.getByRole('button', { name: 'Quyết định' }).click();
    const outcomes = await p.getByTestId('decision-outcome').locator('option').allTextContents();
    expect(outcomes).toEqual(['Công nhận hộ thoát nghèo', 'Công nhận hộ thoát cận nghèo', 'Không công nhận']);
    await p.getByTestId('decision-date').fill('20/11/2026');
    await p.getByTestId('decision-save').click();
    await p.locator('[data-testid="application-row"][data-status="decided_in_time"]').nth(1).waitFor();
    expect(await exitRow.textContent()).toContain('20/11/2026 — Công nhận hộ thoát nghèo');
    const stored = await app.database.db.one<Record<string, string>>(
      `SELECT kind, outcome, applicant_sex AS sex, to_char(applicant_birth_date, 'YYYY-MM-DD') AS birth,
         applicant_ethnicity AS ethnicity, applicant_id_number AS id, to_char(applicant_id_issued_on, 'YYYY-MM-DD') AS issued,
         applicant_id_issuer AS issuer, applicant_residence AS residence
       FROM poverty_application WHERE applicant_name = 'Vi Thị Thoát'`,
    );
    expect(stored).toEqual({
      kind: 'exit',
      outcome: 'exited_poor',
      sex: 'female',
      birth: '1980-02-29',
      ethnicity: 'Tày',
      id: '001180000042',
      issued: '2021-06-01',
      issuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      residence: 'Thôn Nà Hin',
    });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await app.screenshot(p, 'mau04-exit-phone');
    const audit = await app.database.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'poverty_application' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'poverty.application.create',
      'poverty.application.decide',
      'poverty.application.create',
      'poverty.application.decide',
    ]);
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]); // the 422 is the missing reason
  });
});
