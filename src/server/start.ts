import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Config } from '../config';
import { assertAdminPasswordSetting, prepareDatabase } from '../app/prepare';
import { openDatabase, type OpenDatabase } from '../db/open';
import { AppError } from '../errors';
import { startPlanJobs } from '../modules/plan/scheduler';
import { cleanStaleImportDirs } from '../modules/poverty/import-isolation';
import { createApp } from './app';
import { listenErrorMessage, logDestination } from '../console';

export function createLogger(config: Config) {
  return pino(
    { level: config.logLevel, redact: ['password', '*.password', 'passwordHash', 'req.headers.cookie'] },
    logDestination(config.logFormat),
  );
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
