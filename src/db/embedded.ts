import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../errors';
import { serveWire } from './wire-server';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) in a data directory,
 * served over the PostgreSQL wire protocol on 127.0.0.1 (./wire-server.ts) so that the app, the CLI and
 * the tests use node-postgres in both modes.
 *
 * Two processes must never open the same directory (both would "commit" and one's rows
 * would be lost), so the directory is guarded by an O_EXCL lock file that also records
 * the socket's port: the CLI reads it to talk to a running server instead.
 */
export interface EmbeddedServer {
  url: string;
  port: number;
  pglite: PGlite;
  close(): Promise<void>;
}

export interface LockInfo {
  pid: number;
  port: number | null;
  startedAt: string;
}

const LOCK_FILE = 'giamngheo.lock';

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a live process on dataDir, or undefined (a stale lock is ignored). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return processAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function acquireLock(dataDir: string): { update(port: number): void; release(): void } {
  const file = lockPath(dataDir);
  const write = (info: LockInfo, flag: string) => fs.writeFileSync(file, JSON.stringify(info), { flag });
  const info: LockInfo = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      write(info, 'wx');
      return {
        update(port) {
          write({ ...info, port }, 'w');
        },
        release() {
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLiveLock(dataDir);
      if (holder) {
        throw new AppError(
          409,
          'data_dir_locked',
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} sử dụng; không thể mở lần thứ hai.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale lock of a dead process
    }
  }
  throw new AppError(409, 'data_dir_locked', `Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}

export async function startEmbedded(dataDir: string, port = 0): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
    const server = await serveWire(pglite, port);
    const actualPort = server.port;
    lock.update(actualPort);
    const db = pglite;
    return {
      url: embeddedUrl(actualPort),
      port: actualPort,
      pglite: db,
      async close() {
        await server.close();
        await db.close();
        lock.release();
      },
    };
  } catch (err) {
    await pglite?.close().catch(() => undefined);
    lock.release();
    throw err;
  }
}

export function embeddedUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
