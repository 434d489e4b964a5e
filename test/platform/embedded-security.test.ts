import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  currentBootId,
  embeddedUrl,
  lockPath,
  processStat,
  readLiveLock,
  startEmbedded,
  type EmbeddedServer,
} from '../../src/db/embedded';
import { serveWire } from '../../src/db/wire-server';

/**
 * The embedded engine against other local users and processes: a private directory, a password, idle clients, a lock
 * that survives kill -9.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-embedded-sec-'));
let embedded: EmbeddedServer | undefined;

afterAll(async () => {
  await embedded?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('embedded engine', () => {
  it('refuses a connection without the secret; the secret is in a lock file only its owner can read; files are private', async () => {
    embedded = await startEmbedded(dataDir);
    await expect(query(embeddedUrl(embedded.port), 'SELECT 1')).rejects.toThrow(/Sai mật khẩu/);
    await expect(query(embeddedUrl(embedded.port, 'doan-sai'), 'SELECT 1')).rejects.toThrow(/Sai mật khẩu/);
    const lock = readLiveLock(dataDir)!;
    expect(lock.pid).toBe(process.pid);
    expect(lock.secret).toMatch(/^[0-9a-f]{48}$/);
    expect(await query(embeddedUrl(embedded.port, lock.secret), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(mode(lockPath(dataDir))).toBe(0o600);
    expect(mode(dataDir)).toBe(0o700);
    const entries = fs.readdirSync(path.join(dataDir, 'pgdata'), { recursive: true, withFileTypes: true });
    expect(entries.length).toBeGreaterThan(100);
    const open = entries.filter((d) => (mode(path.join(d.parentPath, d.name)) & 0o077) !== 0).map((d) => d.name);
    expect(open).toEqual([]);
  });
});

describe('wire server', () => {
  it('disconnects a client idle inside a transaction and rolls it back; others go on', async () => {
    const pglite = await PGlite.create();
    const server = await serveWire(pglite, 0, '127.0.0.1', { password: 's', idleMs: 300 });
    const url = `postgres://postgres:s@127.0.0.1:${server.port}/postgres`;
    try {
      await query(url, 'CREATE TABLE t (x int)');
      const holder = new pg.Client({ connectionString: url });
      holder.on('error', () => undefined);
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('INSERT INTO t VALUES (1)');
      const started = Date.now();
      expect(await query(url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }]);
      expect(Date.now() - started).toBeLessThan(5000);
      await expect(holder.query('COMMIT')).rejects.toThrow();
      expect(await query(url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }]);
    } finally {
      await server.close();
      await pglite.close();
    }
  });
});

describe('data directory lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-lock-'));
  const writeLock = (info: object) =>
    fs.writeFileSync(lockPath(dir), JSON.stringify({ port: 1, startedAt: '', ...info }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a live holder is recognised by PID and process start time', async () => {
    const child = spawn('sleep', ['30']);
    await new Promise((r) => child.once('spawn', r));
    try {
      writeLock({ pid: child.pid, processStart: processStat(child.pid!)!.start, bootId: currentBootId() });
      expect(readLiveLock(dir)?.pid).toBe(child.pid);
      // the same PID with another start time is a reused PID: the lock is stale
      writeLock({ pid: child.pid, processStart: processStat(child.pid!)!.start - 1, bootId: currentBootId() });
      expect(readLiveLock(dir)).toBeUndefined();
      // another boot
      writeLock({ pid: child.pid, processStart: processStat(child.pid!)!.start, bootId: 'khac' });
      expect(readLiveLock(dir)).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('after kill -9 (dead PID), or with our own PID (a restarted container), the lock is stale', async () => {
    const child = spawn('sleep', ['30']);
    await new Promise((r) => child.once('spawn', r));
    const info = { pid: child.pid, processStart: processStat(child.pid!)!.start, bootId: currentBootId() };
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    writeLock(info);
    expect(readLiveLock(dir)).toBeUndefined();
    writeLock({ pid: process.pid, processStart: processStat(process.pid)!.start, bootId: currentBootId() });
    expect(readLiveLock(dir)).toBeUndefined();
  });
});
