import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Config } from '../config';
import { DATASETS } from '../app/datasets';
import { migrate } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open';
import { loadReferenceData } from '../db/reference-data';
import { passwordProblems } from '../domain/auth/password-policy';
import { AppError } from '../errors';
import { commonPasswords } from '../modules/auth/common-passwords';
import { startPlanJobs } from '../modules/plan/scheduler';
import { cleanStaleImportDirs } from '../modules/poverty/import-isolation';
import { ensureFirstAdmin } from '../modules/users/service';
import { createApp } from './app';
import { listenErrorMessage, logDestination, oneTimePasswordBlock } from '../console';

export function createLogger(config: Config) {
  return pino(
    { level: config.logLevel, redact: ['password', '*.password', 'passwordHash', 'req.headers.cookie'] },
    logDestination(config.logFormat),
  );
}

/**
 * GIAMNGHEO_ADMIN_PASSWORD must meet the password policy like any other password; it is checked
 * before anything is created, so a weak value leaves no database and no account behind.
 */
export function assertAdminPasswordSetting(config: Config): void {
  if (config.adminPassword === undefined) return;
  const problems = passwordProblems(config.adminPassword, { username: 'admin', common: commonPasswords() });
  if (problems.length) {
    throw new AppError(
      1,
      'bad_config',
      `GIAMNGHEO_ADMIN_PASSWORD không dùng được: ${problems.join(' ')} Hãy đặt một mật khẩu khác, hoặc bỏ biến này để hệ thống tạo mật khẩu và in ra một lần.`,
    );
  }
}

/**
 * Brings a database to the current schema and reference data, and makes sure an administrator
 * exists. A generated administrator password is written once with `announce`, as a framed block.
 */
export async function prepareDatabase(
  opened: OpenDatabase,
  config: Config,
  log: (msg: string) => void,
  announce = log,
): Promise<void> {
  assertAdminPasswordSetting(config);
  const applied = await migrate(opened.db);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  await loadReferenceData(opened.db, DATASETS, log);
  const admin = await ensureFirstAdmin(opened.db, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the console only; it is never logged or stored in clear.
    announce(oneTimePasswordBlock('admin', admin.generatedPassword, 'Đã tạo tài khoản quản trị đầu tiên.'));
  } else if (admin.created) {
    log('Đã tạo tài khoản quản trị "admin" với mật khẩu từ GIAMNGHEO_ADMIN_PASSWORD.');
  }
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Fetch = (req: Request) => Response | Promise<Response>;

const starting: Fetch = () =>
  new Response(
    JSON.stringify({
      error: { code: 'starting', message: 'Hệ thống đang khởi động, vui lòng thử lại sau ít giây.', details: null },
    }),
    {
      status: 503,
      headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' },
    },
  );

/** Takes the HTTP port first: a busy port fails here, before any database or account is created. */
async function listen(config: Config, fetch: Fetch) {
  try {
    return await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    const message = listenErrorMessage(err, config.host, config.port);
    throw message ? new AppError(1, 'listen', message) : err;
  }
}

export async function startServer(config: Config): Promise<RunningServer> {
  assertAdminPasswordSetting(config);
  const logger = createLogger(config);
  const stale = cleanStaleImportDirs();
  if (stale) logger.info(`Đã xoá ${stale} thư mục tạm của lần nhập dở dang trước đây.`);
  let handler: Fetch = starting;
  const server = await listen(config, (req) => handler(req));
  const closeHttp = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let opened: OpenDatabase;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    await closeHttp();
    throw err;
  }
  try {
    let oneTime: string | undefined;
    await prepareDatabase(
      opened,
      config,
      (msg) => logger.info(msg),
      (block) => (oneTime = block),
    );
    const { app } = createApp({
      db: opened.db,
      config,
      logger,
      dbKind: opened.kind === 'postgres' ? 'postgres' : 'embedded',
    });
    handler = (req) => app.fetch(req);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    const jobs = startPlanJobs(opened.db, logger);
    if (oneTime) process.stdout.write(`\n${oneTime}\n`);
    logger.info(
      `giamngheo đang chạy tại ${url} (cơ sở dữ liệu: ${opened.kind === 'postgres' ? 'PostgreSQL' : `nhúng, ${config.dataDir}`})`,
    );
    return {
      url,
      async close() {
        jobs.stop();
        await closeHttp();
        await opened.close();
      },
    };
  } catch (err) {
    await closeHttp();
    await opened.close();
    throw err;
  }
}
