/** The holidays page shows each year's notice and the days officials actually got (01/09/2022 by 245/VPCP-KGVX). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_USERS, startBrowserApp, type BrowserApp } from '../support/browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('holidays page (browser)', () => {
  it("2022: 01/09 is a day off with notice 245/VPCP-KGVX; 2024 shows the swapped Saturday; 2027 is flagged as the Code's default", async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.steering);
    await page.goto(`${app.baseUrl}/ngay-nghi`);
    await page.getByTestId('calendar-year').fill('2022');
    const sept1 = page.locator('[data-testid="calendar"] tr[data-date="2022-09-01"]');
    await expect.poll(() => sept1.count()).toBe(1);
    expect(await sept1.textContent()).toContain('T5 01/09/2022');
    expect(await sept1.textContent()).toContain('Công văn 245/VPCP-KGVX');
    expect(await page.getByTestId('calendar-basis').getAttribute('data-basis')).toBe('published');
    const notice = page.locator('[data-testid="calendar-notice"][data-holiday="Quốc khánh 2/9"]');
    const text = await notice.textContent();
    expect(text).toContain('01/09/2022 – 04/09/2022');
    expect(text).toContain('Công văn 245/VPCP-KGVX, 11/01/2022');
    expect(text).toContain('Văn phòng Chính phủ (ý kiến Phó Thủ tướng)');
    expect(text).toContain('Thông báo 119/TB-LĐTBXH, chưa rõ ngày');
    expect(text).toContain('đã xác minh');
    expect(await notice.locator('a').first().getAttribute('href')).toBe(
      'https://english.luatvietnam.vn/official-dispatch-no-245-vpcp-kgvx-dated-january-11-2022-of-the-government-office-215627-doc6.html',
    );

    // a commune officer's phone: the page does not scroll sideways (the notices table scrolls inside its box)
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('calendar-year').fill('2024');
    await expect
      .poll(() => page.locator('[data-testid="calendar"] tr[data-date="2024-05-04"][data-working="true"]').count())
      .toBe(1);
    expect(await page.locator('[data-testid="calendar-notice"][data-holiday="30/4 và 1/5"]').textContent()).toContain(
      'làm bù T7 04/05/2024',
    );

    await page.getByTestId('calendar-year').fill('2026');
    await expect.poll(() => page.locator('[data-testid="calendar-notice"][data-status="UNVERIFIED"]').count()).toBe(1);
    expect(await page.locator('[data-testid="calendar-notice"][data-status="UNVERIFIED"]').textContent()).toContain(
      'chưa xác minh',
    );

    await page.getByTestId('calendar-year').fill('2027');
    await expect.poll(() => page.getByTestId('calendar-basis').getAttribute('data-basis')).toBe('statutory_default');
    expect(await page.getByTestId('calendar-basis').textContent()).toContain('chưa có thông báo');
    expect(await page.getByTestId('calendar-notices').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
