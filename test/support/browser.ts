/**
 * Browser tests: the real app (built web/dist + API) over HTTP on a free port, on a fresh test
 * database, driven by Debian's Chromium through playwright-core (no browser download).
 *
 *   const app = await startBrowserApp();          // beforeAll
 *   const page = await app.newPage();
 *   await app.signIn(page, BROWSER_USERS.admin);
 *   ...
 *   await app.close();                            // afterAll
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import type { Grant } from '../../src/modules/access/actor';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { createApp, WEB_DIST } from '../../src/server/app';
import type { AppDeps } from '../../src/server/types';
import { testDatabase, type TestDatabase } from './db';

export const CHROMIUM_PATH = process.env.GIAMNGHEO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Where tests save screenshots when GIAMNGHEO_SCREENSHOTS=<dir> is set (to look at the pages). */
export const SCREENSHOT_DIR = process.env.GIAMNGHEO_SCREENSHOTS;

export interface BrowserUser {
  username: string;
  displayName: string;
  password: string;
  grants: Grant[];
}

export const BROWSER_USERS = {
  admin: {
    username: 'b.admin',
    displayName: 'Nguyễn Thị Quản Trị',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'admin', agencyId: null, unitId: null }],
  },
  steering: {
    username: 'b.steering',
    displayName: 'Trần Văn Chỉ Đạo',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'steering_member', agencyId: null, unitId: null }],
  },
} satisfies Record<string, BrowserUser>;

export interface BrowserApp {
  baseUrl: string;
  database: TestDatabase;
  browser: Browser;
  /** A page in a fresh context (own cookies and storage), Vietnamese locale, 1280×900. */
  newPage(): Promise<Page>;
  signIn(page: Page, user: BrowserUser): Promise<void>;
  /**
   * Runs `change` while the server answers no API request: it first finishes the ones it is answering, and the
   * ones the pages send meanwhile wait until `change` has ended. A change made to the database by hand (a
   * session expired) then cannot meet a request that read the rows before it and writes after it.
   */
  whileApiHeld<T>(change: () => Promise<T>): Promise<T>;
  /**
   * Resolves once the server is answering no API request and has received none for `quietMs`: the page has its
   * data. (Playwright's 'networkidle' resolves at once after an in-app navigation, having fired on the first load.)
   */
  apiSettled(quietMs?: number): Promise<void>;
  /** Console errors and uncaught page errors seen so far (CSP violations show up here). */
  pageErrors: string[];
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run "npm run build:web" first (npm test does).`);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set GIAMNGHEO_CHROMIUM).`);
  }
  const database = await testDatabase();
  const deps: AppDeps = {
    db: database.db,
    config: { ...loadConfig({}), sessionTtlMinutes: 60 },
    logger: pino({ level: 'silent' }),
    dbKind: database.mode,
  };
  for (const user of Object.values(BROWSER_USERS)) await createUser(database.db, systemActor('test'), user);

  const { app } = createApp(deps);
  // API requests pass a gate that whileApiHeld closes; `answering` counts the ones past it.
  let gate: Promise<void> | null = null;
  let answering = 0;
  let idle: (() => void) | null = null;
  let lastApiAt = Date.now();
  const fetch = async (request: Request, env: unknown) => {
    if (!new URL(request.url).pathname.startsWith('/api/')) return app.fetch(request, env);
    lastApiAt = Date.now();
    while (gate) await gate;
    answering++;
    try {
      return await app.fetch(request, env);
    } finally {
      lastApiAt = Date.now();
      if (--answering === 0) idle?.();
    }
  };
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server: s, port: info.port }),
    );
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    baseUrl,
    database,
    browser,
    pageErrors,
    async whileApiHeld(change) {
      if (gate) throw new Error('whileApiHeld: the API is already held');
      let open = () => {};
      gate = new Promise<void>((resolve) => (open = resolve));
      try {
        if (answering > 0) await new Promise<void>((resolve) => (idle = resolve));
        return await change();
      } finally {
        idle = null;
        gate = null;
        open();
      }
    },
    async apiSettled(quietMs = 500) {
      const deadline = Date.now() + 30_000;
      while (answering > 0 || Date.now() - lastApiAt < quietMs) {
        if (Date.now() > deadline)
          throw new Error(`apiSettled: API requests still arriving after 30 s (${answering} open)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async newPage() {
      const context = await browser.newContext({
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // A 401 on purpose (wrong password, not signed in yet) is logged by Chromium as a failed resource.
        if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(`console: ${m.text()}`);
      });
      return page;
    },
    async signIn(page, user) {
      await page.goto(`${baseUrl}/dang-nhap`);
      await page.getByLabel('Tên đăng nhập').fill(user.username);
      await page.getByLabel('Mật khẩu').fill(user.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('user-box').waitFor();
    },
    async screenshot(page, name) {
      if (!SCREENSHOT_DIR) return;
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
