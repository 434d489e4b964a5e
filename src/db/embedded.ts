import { randomBytes } from 'node:crypto';
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
 * the socket's port and its password (a random one per start): the CLI reads them to talk to a running
 * server instead. The directory is private to its owner (0700, files 0600), the lock file included.
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
  /** Start time of the process (clock ticks since boot, /proc/PID/stat) and boot id: a reused PID is not the holder. */
  processStart?: number | null;
  bootId?: string | null;
  /** Password of the wire server. */
  secret?: string;
}

const LOCK_FILE = 'giamngheo.lock';
/** Idle time allowed to a client holding the embedded database inside a transaction. */
export const WIRE_IDLE_MS = (Number(process.env.GIAMNGHEO_DB_IDLE_SECONDS) || 60) * 1000;

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

/** Data directories this process holds (a lock with our own PID is ours only if listed here). */
const heldHere = new Set<string>();

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function currentBootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
}

/** State letter and start time of a process from /proc, or null (no such process, or no /proc). */
export function processStat(pid: number): { state: string; start: number } | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], start: Number(fields[19]) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process recorded in a lock still holds it: alive, not a zombie, the same process (not a reused PID), this
 * boot.
 */
export function holderAlive(info: LockInfo, dataDir: string): boolean {
  const boot = currentBootId();
  if (info.bootId && boot && info.bootId !== boot) return false;
  if (info.pid === process.pid) return heldHere.has(path.resolve(dataDir));
  if (fs.existsSync('/proc/self/stat')) {
    const stat = processStat(info.pid);
    if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
    if (info.processStart != null && stat.start !== info.processStart) return false;
    return true;
  }
  return processAlive(info.pid);
}

/** The lock of a live process on dataDir, or undefined (a stale lock is ignored). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return holderAlive(info, dataDir) ? info : undefined;
  } catch {
    return undefined;
  }
}

function acquireLock(dataDir: string): { info: LockInfo; update(port: number): void; release(): void } {
  const file = lockPath(dataDir);
  const write = (info: LockInfo, flag: string) => fs.writeFileSync(file, JSON.stringify(info), { flag, mode: 0o600 });
  const info: LockInfo = {
    pid: process.pid,
    port: null,
    startedAt: new Date().toISOString(),
    processStart: processStat(process.pid)?.start ?? null,
    bootId: currentBootId(),
    secret: randomBytes(24).toString('hex'),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      write(info, 'wx');
      heldHere.add(path.resolve(dataDir));
      return {
        info,
        update(port) {
          write({ ...info, port }, 'w');
        },
        release() {
          heldHere.delete(path.resolve(dataDir));
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
      // stale lock: its process died (kill -9), or the PID now belongs to another process
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError(409, 'data_dir_locked', `Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}

/** Directories 0700 and files 0600 under dir (a directory created before this rule, or by a wide umask). */
export function makePrivate(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const d of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = path.join(d.parentPath, d.name);
    if (d.isDirectory()) fs.chmodSync(p, 0o700);
    else if (d.isFile()) fs.chmodSync(p, 0o600);
  }
}

export async function startEmbedded(dataDir: string, port = 0): Promise<EmbeddedServer> {
  try {
    process.umask(0o077); // files PGlite creates from now on are the owner's only
  } catch {
    /* not allowed in a worker thread: makePrivate below still applies */
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const lock = acquireLock(dataDir);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
    makePrivate(dataDir);
    const server = await serveWire(pglite, port, '127.0.0.1', { password: lock.info.secret, idleMs: WIRE_IDLE_MS });
    const actualPort = server.port;
    lock.update(actualPort);
    const db = pglite;
    return {
      url: embeddedUrl(actualPort, lock.info.secret),
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

export function embeddedUrl(port: number, secret?: string): string {
  return `postgres://postgres${secret ? `:${secret}` : ''}@127.0.0.1:${port}/postgres`;
}
