/**
 * No raw code on a Vietnamese screen: an administrator, a program owner, a province officer and a commune
 * officer each open every page of web/src/app/routes.tsx their role reaches, at 1440 and 390 px, and the
 * visible text of every page is searched for codes a person should never read (unit version ids, status
 * and verification codes, audit action and entity codes, request field paths, "undefined", "NaN"...).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, TASK_STATUS_LABELS } from '../../src/domain/labels';
import { systemActor } from '../../src/modules/audit/audit';
import { createTask } from '../../src/modules/plan/service';
import { openPeriod, saveValues, submitReport } from '../../src/modules/results/service-reports';
import { createUser } from '../../src/modules/users/service';
import { PAGES } from '../../web/src/app/routes';
import { BROWSER_USERS, startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What must never be read on a page in Vietnamese, each with the reason it is there. */
const RAW: [RegExp, string][] = [
  [/\b[PDCW]:\d{2,5}:\d{4}-\d{2}-\d{2}\b/, 'unit version id'],
  [/\b(VERIFIED|VERIFIED_SECONDARY|PARTIAL|UNVERIFIED|SUSPECT)\b/, 'verification code'],
  [new RegExp(`\\b(${Object.keys(TASK_STATUS_LABELS).map(escape).join('|')})\\b`), 'task status code'],
  [new RegExp(`\\b(${Object.keys(AUDIT_ACTION_LABELS).map(escape).join('|')})\\b`), 'audit action code'],
  [new RegExp(`\\b(${Object.keys(AUDIT_ENTITY_LABELS).map(escape).join('|')})\\b`), 'audit entity code'],
  [/\buser #\d/, 'account by number'],
  [/\b(body|query|params)\.[a-zA-Z]/, 'request field path'],
  [/\bundefined\b/, '"undefined"'],
  [/\bNaN\b/, '"NaN"'],
  [/\[object Object\]/, '"[object Object]"'],
];

function rawCodesIn(text: string): string[] {
  const found: string[] = [];
  for (const [re, why] of RAW) {
    const m = re.exec(text);
    if (m) {
      const at = Math.max(0, m.index - 40);
      found.push(`${why}: "${m[0]}" in "…${text.slice(at, m.index + m[0].length + 40).replace(/\s+/g, ' ')}…"`);
    }
  }
  return found;
}

let app: BrowserApp;
const users: Record<string, BrowserUser> = { admin: BROWSER_USERS.admin };
/** Values of the path parameters of routes.tsx. */
const params: Record<string, string> = {};

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  const unit = async (level: string, code: string) =>
    (
      await db.one<{ id: string }>(
        `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
        [level, code],
      )
    ).id;
  const communeId = await unit('commune', '00004');
  users.owner = {
    username: 'b.raw.owner',
    displayName: 'Phạm Văn Chủ Quản',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
  };
  users.province = {
    username: 'b.raw.tinh',
    displayName: 'Hoàng Thị Tỉnh',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: await unit('province', '01') }],
  };
  users.commune = {
    username: 'b.raw.xa',
    displayName: 'Lò Văn Xã',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: communeId }],
  };
  for (const k of ['owner', 'province', 'commune']) await createUser(db, systemActor('test'), users[k]);

  // A task of every province (so that assignments and their statuses show), a submitted report (so that
  // the report and its print view show), then the ids the parameterised routes need.
  const plan = await db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
  const owner = { userId: 0, username: 'test', displayName: 'Chủ quản thử', grants: users.owner.grants };
  const task = (await createTask(
    db,
    owner as never,
    {
      planId: plan.id,
      position: '99',
      title: 'Báo cáo kết quả thực hiện Chương trình năm 2026 của Ủy ban nhân dân các tỉnh',
      fanOut: 'provinces',
      coordinatorIds: [],
      deadline: 'trước ngày 15/12/2026',
      startOn: '2026-01-05',
    } as never,
  )) as { id: number };
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const key = `${today.slice(0, 4)}S${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
  const period = await openPeriod(db, { system: 'test' }, { form: 'TT10-BIEU-02', periodKey: key });
  await saveValues(db, { system: 'test' }, period.id, communeId, { households: 100, poor: 8, near_poor: 10 });
  await submitReport(db, { system: 'test' }, period.id, communeId);
  const report = await db.one<{ id: string }>(`SELECT id FROM results_report WHERE period_id = $1`, [period.id]);
  Object.assign(params, {
    unitId: communeId,
    taskId: String(task.id),
    periodId: String(period.id),
    reportId: String(report.id),
  });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

async function visibleText(page: Page, path: string): Promise<string> {
  await page.goto(`${app.baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1, main h2').first().waitFor();
  // text a person reads: the visible text, the titles of options in lists, and the page title
  return page.evaluate(() =>
    [
      document.title,
      document.body.innerText,
      ...Array.from(document.querySelectorAll('main option'), (o) => o.textContent ?? ''),
    ].join('\n'),
  );
}

describe('raw codes', () => {
  it('finds what it looks for', () => {
    expect(rawCodesIn('Đơn vị: C:00004:2025-07-01')).toHaveLength(1);
    expect(rawCodesIn('Trạng thái: in_progress; no_report')).toHaveLength(1);
    expect(rawCodesIn('auth.session.login — body.password — NaN — undefined')).toHaveLength(4);
    expect(rawCodesIn('Người thực hiện: user #1')).toHaveLength(2);
    expect(rawCodesIn('Nguồn: PARTIAL · [object Object]')).toHaveLength(2);
    expect(rawCodesIn('Phường Ba Đình, Thành phố Hà Nội — Đang thực hiện — 1.234,5 — 01/07/2025')).toEqual([]);
  });

  it.each(['admin', 'owner', 'province', 'commune'])(
    'no page in Vietnamese shows a raw code to the %s, at 1440 and 390 px',
    async (who) => {
      const user = users[who];
      const page = await app.newPage();
      await app.signIn(page, user);
      // the pages this user may open, as the menu decides it: from the permissions the server sends
      const can = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).can);
      const paths = PAGES.filter((p) => !p.can || p.can(can)).map((p) =>
        p.path.replace(/\$(\w+)/g, (_, name: string) => params[name]),
      );
      const problems: string[] = [];
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of paths)
          for (const p of rawCodesIn(await visibleText(page, path))) problems.push(`${width} px ${path}: ${p}`);
      }
      expect(problems).toEqual([]);
      await page.close();
    },
    300_000,
  );
});
