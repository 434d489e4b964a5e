import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Config } from '../config';
import { DATASETS } from '../app/datasets';
import { migrate } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open';
import { loadReferenceData } from '../db/reference-data';
import { startPlanJobs } from '../modules/plan/scheduler';
import { cleanStaleImportDirs } from '../modules/poverty/import-isolation';
import { ensureFirstAdmin } from '../modules/users/service';
import { createApp } from './app';

export function createLogger(config: Config) {
  return pino({ level: config.logLevel, redact: ['password', '*.password', 'passwordHash', 'req.headers.cookie'] });
}

/**
 * Brings a database to the current schema and reference data, and makes sure an administrator
 * exists. A generated administrator password is written once with `announce`.
 */
export async function prepareDatabase(opened: OpenDatabase, config: Config, log: (msg: string) => void, announce = log) {
  const applied = await migrate(opened.db);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  await loadReferenceData(opened.db, DATASETS, log);
  const admin = await ensureFirstAdmin(opened.db, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the console only; it is never logged or stored in clear.
    announce(
      `Đã tạo tài khoản quản trị "admin" với mật khẩu: ${admin.generatedPassword}\n` +
        'Hãy lưu lại mật khẩu này; nó chỉ được in ra một lần.',
    );
  } else if (admin.created) {
    log('Đã tạo tài khoản quản trị "admin" với mật khẩu từ GIAMNGHEO_ADMIN_PASSWORD.');
  }
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config);
  const stale = cleanStaleImportDirs();
  if (stale) logger.info(`Đã xoá ${stale} thư mục tạm của lần nhập dở dang trước đây.`);
  const opened = await openDatabase(config);
  try {
    await prepareDatabase(opened, config, (msg) => logger.info(msg), (msg) => process.stdout.write(`\n${msg}\n\n`));
    const { app } = createApp({ db: opened.db, config, logger, dbKind: opened.kind === 'postgres' ? 'postgres' : 'embedded' });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    const jobs = startPlanJobs(opened.db, logger);
    logger.info(`giamngheo đang chạy tại ${url} (cơ sở dữ liệu: ${opened.kind === 'postgres' ? 'PostgreSQL' : `nhúng, ${config.dataDir}`})`);
    return {
      url,
      async close() {
        jobs.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await opened.close();
      },
    };
  } catch (err) {
    await opened.close();
    throw err;
  }
}
