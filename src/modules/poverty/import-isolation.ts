/**
 * An uploaded workbook is parsed away from the server: in a temporary directory of its own (the
 * Excel reader may spill sheets to temporary files there), removed whatever happens, and in a worker
 * thread with its own memory limit and a time limit, so a hostile file ends the worker, not the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import type { ParsedWorkbook } from './excel';

const PREFIX = 'giamngheo-import-';

export interface ParseLimits {
  /** Heap of the worker (old generation), MiB. */
  memoryMb: number;
  timeoutMs: number;
}

export function parseLimits(env: NodeJS.ProcessEnv = process.env): ParseLimits {
  return {
    memoryMb: Number(env.GIAMNGHEO_IMPORT_MEMORY_MB) || 2048,
    timeoutMs: (Number(env.GIAMNGHEO_IMPORT_TIMEOUT_SECONDS) || 600) * 1000,
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes import directories left by a process that died (kill -9, out of memory). */
export function cleanStaleImportDirs(root = os.tmpdir()): number {
  let removed = 0;
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const m = name.match(/^giamngheo-import-(\d+)-/);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Runs fn with a fresh private directory (0700) that is removed afterwards, on success or failure. */
export async function withImportDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const WORKER = new URL('./parse-worker.mjs', import.meta.url);

/**
 * How many workbooks are read at once (GIAMNGHEO_IMPORT_PARSERS; default: one core fewer than the machine
 * has, at least one). On the deadline day every commune uploads; with a worker per upload the readers'
 * requests (the main thread) shared two cores with 8–16 workers and waited seconds behind them. Further
 * uploads wait their turn here, before their time limit starts; the main thread keeps a core.
 */
export function parserSlots(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.GIAMNGHEO_IMPORT_PARSERS) || Math.max(1, os.availableParallelism() - 1);
}

let running = 0;
const waiting: (() => void)[] = [];

export async function inParseSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= parserSlots()) await new Promise<void>((r) => waiting.push(r));
  else running++;
  try {
    return await fn();
  } finally {
    // the slot passes to the next upload in line, or is freed
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Checks and reads a workbook in a worker thread; the worker's temporary files go to tmpDir. */
export function parseWorkbookIsolated(
  file: string,
  tmpDir: string,
  onProgress?: (rows: number) => void,
  limits = parseLimits(),
): Promise<ParsedWorkbook> {
  return inParseSlot(() => parseInWorker(file, tmpDir, onProgress, limits));
}

function parseInWorker(
  file: string,
  tmpDir: string,
  onProgress: ((rows: number) => void) | undefined,
  limits: ParseLimits,
): Promise<ParsedWorkbook> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { file },
      env: { ...process.env, TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.memoryMb / 8)),
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              422,
              'unsafe_file',
              `Đọc tệp Excel quá ${Math.round(limits.timeoutMs / 1000)} giây; tệp quá lớn hoặc bất thường, không nhập.`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.on(
      'message',
      (m: {
        type: string;
        rows?: number;
        parsed?: ParsedWorkbook;
        error?: { status: number; code: string; message: string };
      }) => {
        if (m.type === 'progress') onProgress?.(m.rows!);
        else if (m.type === 'done') finish(() => resolve(m.parsed!));
        else if (m.type === 'error')
          finish(() =>
            reject(
              m.error!.status < 500
                ? new AppError(m.error!.status, m.error!.code, m.error!.message)
                : new Error(m.error!.message),
            ),
          );
      },
    );
    worker.on('error', (err) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(() =>
        reject(
          oom
            ? new AppError(
                422,
                'unsafe_file',
                `Đọc tệp Excel cần quá ${limits.memoryMb} MiB bộ nhớ; tệp quá lớn hoặc bất thường, không nhập.`,
              )
            : err,
        ),
      );
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`workbook worker exited with code ${code}`))));
  });
}
