import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPool, type PoolDb } from '../../src/db/client';
import { serveWire, type WireServer } from '../../src/db/wire-server';

/** The embedded engine under concurrent clients: batches never interleave, transactions stay private. */
let pglite: PGlite;
let server: WireServer;
let db: PoolDb;
beforeAll(async () => {
  pglite = await PGlite.create();
  server = await serveWire(pglite);
  db = connectPool(`postgres://postgres@127.0.0.1:${server.port}/postgres`, 'embedded', 16);
  await db.query('CREATE TABLE t (n int PRIMARY KEY, label text)');
});
afterAll(async () => {
  await db.close();
  await server.close();
  await pglite.close();
});

describe('embedded wire server', () => {
  it('answers 400 concurrent parameterised queries from 16 connections correctly', async () => {
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        db.one<{ x: number; s: string }>('SELECT $1::int AS x, $2::text AS s', [i, `v${i}`]),
      ),
    );
    results.forEach((r, i) => expect(r).toEqual({ x: i, s: `v${i}` }));
  });

  it('delivers a large result intact to a client that reads slowly while others run queries', async () => {
    // PGlite hands out its answer as views of WebAssembly memory; a socket that cannot take them at
    // once queues them, and the next query must not overwrite what is still queued (seen in CI as a
    // garbled DataRow under load).
    const slow = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${server.port}/postgres` });
    await slow.connect();
    const stream = (slow as unknown as { connection: { stream: { pause(): void; resume(): void } } }).connection.stream;
    stream.pause();
    const big = slow.query<{ s: string }>(`SELECT repeat('x', 200) || g AS s FROM generate_series(1, 50000) g`);
    await new Promise((r) => setTimeout(r, 300));
    const others = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.one<{ s: string }>(`SELECT repeat('y', 5000) || $1::text AS s`, [i])),
    );
    others.forEach((r, i) => expect(r.s).toBe('y'.repeat(5000) + i));
    stream.resume();
    const rows = (await big).rows;
    await slow.end();
    expect(rows).toHaveLength(50000);
    expect(rows.every((r, i) => r.s === 'x'.repeat(200) + (i + 1))).toBe(true);
  }, 30_000);

  it('keeps a transaction private: other clients neither see nor join its writes, and wait for it', async () => {
    let seenDuring = -1;
    const tx = db.tx(async (t) => {
      await t.query(`INSERT INTO t VALUES (1, 'a')`);
      await new Promise((r) => setTimeout(r, 100));
      await t.query(`INSERT INTO t VALUES (2, 'b')`);
    });
    const outside = (async () => {
      await new Promise((r) => setTimeout(r, 20));
      seenDuring = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM t')).n;
    })();
    await Promise.all([tx, outside]);
    expect(seenDuring).toBe(2); // ran after the commit, never inside the transaction
  });

  it('rolls back a failed transaction without affecting others', async () => {
    await expect(
      db.tx(async (t) => {
        await t.query(`INSERT INTO t VALUES (3, 'c')`);
        await t.query(`INSERT INTO t VALUES (3, 'duplicate')`);
      }),
    ).rejects.toThrow(/duplicate key/);
    const rows = await db.query<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it('rolls back the transaction of a client that disconnects mid-way', async () => {
    const single = connectPool(`postgres://postgres@127.0.0.1:${server.port}/postgres`, 'embedded', 1);
    const client = await single.pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO t VALUES (9, 'lost')`);
    client.release(true); // destroys the connection
    await single.close();
    const rows = await db.query('SELECT 1 FROM t WHERE n = 9');
    expect(rows).toHaveLength(0);
  });
});
