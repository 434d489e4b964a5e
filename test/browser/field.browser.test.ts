/**
 * The review in the field, as the "done when" says: on a phone (390 × 844) a reviewer downloads
 * a village, switches the network off, fills Phiếu B2 and the income of three households with a
 * location and a photo, closes the page and opens it again (the app and the drafts come back without a
 * network), switches the network on and syncs; the commune officer sees the three households classified
 * with their evidence; the same drafts sent again change nothing in the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/modules/audit/audit';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { importReviewWorkbook } from '../../src/modules/poverty/service';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

const JPEG = path.join(import.meta.dirname, '../fixtures/field/nha.jpg');
// inside Phường Ba Đình (box about 105.827–105.850 E, 21.028–21.051 N)
const GEO = { latitude: 21.0394, longitude: 105.8387, accuracy: 15 };

let app: BrowserApp;
let reviewer: BrowserUser;
let officer: BrowserUser;
let communeId: string;

async function seedRegister() {
  const rows: TemplateRows = {
    households: [
      ['H1', 'Nguyễn Văn Một', null, 'Kinh', 'Tổ 1', 'Thành thị', 170, null, '1.1; 2.2; 6.1', null, null, null, null],
      ['H2', 'Lê Thị Hai', null, 'Mường', 'Tổ 1', 'Thành thị', 170, null, '4.2', null, null, null, null],
      ['H3', 'Phạm Văn Ba', null, 'Kinh', 'Tổ 1', 'Thành thị', null, 5_000_000, '', null, null, null, null],
      ['H4', 'Đỗ Thị Bốn', null, 'Kinh', 'Tổ 2', 'Thành thị', null, 5_000_000, '', null, null, null, null],
    ],
    members: [
      ['H1', 'Nguyễn Văn Một', 'Chủ hộ', '01/01/1980', 'Nam', null, 'Kinh'],
      ['H2', 'Lê Thị Hai', 'Chủ hộ', '02/02/1985', 'Nữ', null, 'Mường'],
      ['H3', 'Phạm Văn Ba', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
      ['H4', 'Đỗ Thị Bốn', 'Chủ hộ', null, 'Nữ', null, 'Kinh'],
    ],
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'field-browser-'));
  const file = path.join(dir, 'so-ra-soat-2025.xlsx');
  const out = fs.createWriteStream(file);
  const closed = new Promise<void>((r) => out.on('close', () => r()));
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await closed;
  await importReviewWorkbook(
    app.database.db,
    { system: 'test' },
    {
      communeCode: '00004',
      year: 2025,
      filePath: file,
      fileName: 'so-ra-soat-2025.xlsx',
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  communeId = (
    await db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'commune' AND code = '00004' AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
    )
  ).id;
  const grants = [{ role: 'commune_officer' as const, agencyId: null, unitId: communeId }];
  reviewer = { username: 'b.ra-soat', displayName: 'Hoàng Văn Rà Soát', password: 'mat-khau-trinh-duyet', grants };
  officer = { username: 'b.can-bo-xa', displayName: 'Vũ Thị Cán Bộ', password: 'mat-khau-trinh-duyet', grants };
  for (const u of [reviewer, officer]) await createUser(db, systemActor('test'), u);
  await seedRegister();
}, 120_000);
afterAll(() => app?.close());

const counts = async () => {
  const db = app.database.db;
  const n = async (sql: string) => Number((await db.one<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`)).n);
  return {
    surveys: await n(`field_survey WHERE status = 'accepted'`),
    allSurveys: await n('field_survey'),
    photos: await n('field_photo'),
    results2026: await n('poverty_result WHERE year = 2026'),
    members: await n('poverty_member'),
    audit: await n(`audit_log WHERE action LIKE 'field.survey.%'`),
  };
};

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** Waits until the service worker controls the page and keeps every script and style the page loaded. */
async function untilOfflineReady(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await page.waitForFunction(
    async () => {
      const cache = await caches.open('giamngheo-shell-v1');
      const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
      const loaded = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/assets/'));
      return kept.has('/') && loaded.length > 0 && loaded.every((p) => kept.has(p));
    },
    null,
    { timeout: 30_000, polling: 250 },
  );
}

/** What the phone's IndexedDB holds: downloaded lists and their households, drafts, photos. */
function phoneStore(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        lists: number;
        households: number;
        drafts: { code: string; state: string; userId?: number }[];
        photos: number;
      }>((resolve, reject) => {
        const req = indexedDB.open('giamngheo-field');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['assignments', 'drafts', 'photos'], 'readonly');
          const lists = tx.objectStore('assignments').getAll();
          const drafts = tx.objectStore('drafts').getAll();
          const photos = tx.objectStore('photos').count();
          tx.oncomplete = () => {
            db.close();
            resolve({
              lists: lists.result.length,
              households: lists.result.reduce((n, a) => n + (a.commune.households?.length ?? 0), 0),
              drafts: drafts.result
                .map((d) => ({ code: d.draft.householdCode, state: d.state, userId: d.userId }))
                .sort((a, b) => a.code.localeCompare(b.code)),
              photos: photos.result,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function fillSurvey(page: Page, code: string, income: string, deprived: string[]) {
  await page.getByTestId(`household-${code}`).getByRole('button', { name: 'Rà soát' }).click();
  await page.getByRole('heading', { name: `Phiếu rà soát hộ ${code}` }).waitFor();
  await page.getByTestId('income').fill(income);
  for (const c of deprived) await page.getByTestId(`b2-${c}`).check();
  await page.getByRole('button', { name: 'Lấy vị trí' }).click();
  await expect.poll(() => page.getByTestId('position').textContent()).toBe('21,03940; 105,83870 (sai số ± 15 m)');
  await page.getByTestId('photo-input').setInputFiles(JPEG);
  await expect.poll(() => page.getByTestId('photo-count').textContent()).toBe('1 ảnh');
  await noSidewaysScroll(page);
  if (code === 'H1') {
    // checked at the household: child nutrition (2.1) for a household whose only member was born in 1980
    await page.getByTestId('b2-2.1').check();
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await page.getByTestId('form-problems').filter({ hasText: 'Chỉ số 2.1' }).waitFor();
    await page.getByTestId('b2-2.1').uncheck();
  }
  await page.getByRole('button', { name: 'Lưu phiếu' }).click();
  await page
    .getByTestId('field-message')
    .filter({ hasText: `Đã lưu phiếu hộ ${code} trên máy.` })
    .waitFor();
}

describe('field review on a phone, offline', () => {
  let phone: BrowserContext;

  it('downloads a village, fills three households offline, survives closing the page, syncs once', async () => {
    phone = await app.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: GEO,
      permissions: ['geolocation'],
    });
    let page = await phone.newPage();
    page.setDefaultTimeout(30_000);
    await app.signIn(page, reviewer);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page.getByRole('button', { name: 'Tải danh sách hộ' }).click();
    await page.getByTestId('downloaded').filter({ hasText: 'Đã tải 4 hộ của Phường Ba Đình' }).waitFor();
    await page.getByTestId('village-select').selectOption('Tổ 1');
    await expect.poll(() => page.locator('[data-testid^="household-H"]').count()).toBe(3);
    await untilOfflineReady(page);
    await noSidewaysScroll(page);

    await phone.setOffline(true);
    await page.getByTestId('network').filter({ hasText: 'Không có mạng' }).waitFor();
    await fillSurvey(page, 'H1', '1500000', ['1.1', '2.2', '6.1']);
    await fillSurvey(page, 'H2', '1800000', ['4.2']);
    await fillSurvey(page, 'H3', '6000000', []);
    // the count follows the drafts stored in IndexedDB, a moment after the form says it saved
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 3' }).waitFor();

    // closed and opened again, still without a network: the app shell and the drafts come back
    await page.close();
    page = await phone.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 3' }).waitFor();
    await page.getByTestId('network').filter({ hasText: 'Không có mạng' }).waitFor();
    expect(await counts()).toMatchObject({ allSurveys: 0, photos: 0, results2026: 0 });

    await phone.setOffline(false);
    await page.getByTestId('network').filter({ hasText: 'Đang có mạng' }).waitFor();
    await page.getByRole('button', { name: 'Đồng bộ' }).click();
    await page
      .getByTestId('field-message')
      .filter({ hasText: 'Đã gửi: 3 được nhận, 0 đã có, 0 chờ cán bộ xã xử lý, 0 bị từ chối.' })
      .waitFor();
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 0' }).waitFor();
    const after = await counts();
    expect(after).toMatchObject({ surveys: 3, allSurveys: 3, photos: 3, results2026: 3, audit: 3 });

    // The answer of that sync lost on the way (the phone never saw it): the same drafts are sent again.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('giamngheo-field', 1);
          req.onsuccess = () => {
            const tx = req.result.transaction('drafts', 'readwrite');
            const store = tx.objectStore('drafts');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const d of all.result) store.put({ ...d, state: 'waiting', message: undefined });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 3' }).waitFor();
    await page.getByRole('button', { name: 'Đồng bộ' }).click();
    await page
      .getByTestId('field-message')
      .filter({ hasText: 'Đã gửi: 0 được nhận, 3 đã có, 0 chờ cán bộ xã xử lý, 0 bị từ chối.' })
      .waitFor();
    expect(await counts()).toEqual(after);
  }, 240_000);

  it('the commune officer sees the three households classified with their evidence', async () => {
    const context = await app.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await app.signIn(page, officer);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page.getByRole('tab', { name: 'Phiếu đã đồng bộ' }).click();
    const card = (code: string) => page.getByTestId(`survey-${code}`);
    await card('H3').waitFor();
    expect(await card('H1').getByTestId('survey-class').textContent()).toBe('Hộ nghèo');
    expect(await card('H2').getByTestId('survey-class').textContent()).toBe('Hộ cận nghèo');
    expect(await card('H3').getByTestId('survey-class').textContent()).toBe('Không thuộc hộ nghèo, cận nghèo');
    for (const code of ['H1', 'H2', 'H3']) {
      expect(await card(code).getAttribute('data-status')).toBe('accepted');
      expect(await card(code).getByTestId('survey-position').textContent()).toBe(
        'Vị trí của hộ: 21,03940; 105,83870 (sai số ± 15 m)',
      );
      const img = card(code).getByRole('img', { name: `Ảnh nhà ở của hộ ${code}` });
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(160);
    }
    await page.getByTestId('field-progress').filter({ hasText: 'Phiếu chờ xử lý: 0' }).waitFor();
    expect(await page.getByTestId('field-progress').textContent()).toContain('Hộ chưa rà soát: 1');
    expect(await page.locator('[data-testid="field-map"] circle[data-household]').count()).toBe(3);
    await noSidewaysScroll(page);
    const photoReads = await app.database.db.one<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'field.photo.read'`,
    );
    expect(Number(photoReads.n)).toBeGreaterThanOrEqual(3);
    await context.close();
  }, 120_000);

  it('a shared phone: signing out warns about unsynced forms and empties the phone; another user neither sees nor sends them', async () => {
    const db = app.database.db;
    const reviewerId = (
      await db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [reviewer.username])
    ).id;
    const page = await phone.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page.getByTestId('downloaded').filter({ hasText: 'Đã tải 4 hộ của Phường Ba Đình' }).waitFor();
    await fillSurvey(page, 'H4', '6000000', []);
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 1' }).waitFor();
    const mine = (code: string, state: string) => ({ code, state, userId: reviewerId });
    expect(await phoneStore(page)).toEqual({
      lists: 1,
      households: 4,
      drafts: [mine('H1', 'duplicate'), mine('H2', 'duplicate'), mine('H3', 'duplicate'), mine('H4', 'waiting')],
      photos: 4,
    });

    // signing out with a form not synced: the reviewer is told how many and chooses; cancel keeps everything
    const signOut = page.getByRole('button', { name: 'Đăng xuất', exact: true });
    const warning = page.getByTestId('unsynced-warning');
    await signOut.click();
    await warning.filter({ hasText: 'Còn 1 phiếu rà soát chưa đồng bộ trên máy này' }).waitFor();
    await noSidewaysScroll(page);
    await warning.getByRole('button', { name: 'Hủy', exact: true }).click();
    await warning.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/thuc-dia');
    expect((await phoneStore(page)).drafts).toHaveLength(4);

    // the session lapses without signing out and the officer signs in on the same phone: the household
    // list and the synced forms leave the phone; the reviewer's unsynced form stays, neither shown nor sent
    await phone.clearCookies();
    await app.signIn(page, officer);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page
      .getByTestId('others-drafts')
      .filter({ hasText: 'Máy này còn 1 phiếu chưa đồng bộ của người rà soát khác' })
      .waitFor();
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 0' }).waitFor();
    expect(await page.getByRole('button', { name: 'Đồng bộ', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('household-H1').count()).toBe(0);
    expect(await phoneStore(page)).toEqual({ lists: 0, households: 0, drafts: [mine('H4', 'waiting')], photos: 1 });
    // the officer has no form of their own waiting: signed out at once
    await signOut.click();
    await page.waitForURL('**/dang-nhap');

    // the reviewer again: the form is there; signing out offers to sync first, then empties the phone
    await app.signIn(page, reviewer);
    await page.goto(`${app.baseUrl}/thuc-dia`);
    await page.getByTestId('waiting-count').filter({ hasText: 'Phiếu chờ đồng bộ: 1' }).waitFor();
    await signOut.click();
    await warning.filter({ hasText: 'Còn 1 phiếu rà soát chưa đồng bộ trên máy này' }).waitFor();
    await warning.getByRole('button', { name: 'Đồng bộ trước', exact: true }).click();
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click();
    await page
      .getByTestId('field-message')
      .filter({ hasText: 'Đã gửi: 1 được nhận, 0 đã có, 0 chờ cán bộ xã xử lý, 0 bị từ chối.' })
      .waitFor();
    const h4 = await db.one<{ status: string; reviewer_name: string }>(
      `SELECT status, reviewer_name FROM field_survey WHERE household_code = 'H4'`,
    );
    expect(h4).toEqual({ status: 'accepted', reviewer_name: 'Hoàng Văn Rà Soát' });
    await signOut.click();
    await page.waitForURL('**/dang-nhap');
    expect(await phoneStore(page)).toEqual({ lists: 0, households: 0, drafts: [], photos: 0 });
    await page.close();
  }, 240_000);
});
