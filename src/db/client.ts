import pg from 'pg';
import { copyRowsPg, insertRowsUnnest, type CopyColumn } from './copy';

// One mapping of column types for both database modes:
// int8 (counts, bigserial ids) as JS numbers, date as 'YYYY-MM-DD' text (no time-zone shifts).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type DbMode = 'embedded' | 'postgres';
interface CopySupport {
  known?: Promise<boolean>;
}
export type Row = Record<string, unknown>;

/**
 * The only way code talks to the database. The pool and a transaction share this
 * interface, so a service written against `Db` runs inside or outside a transaction.
 * Inside `tx`, use only the handle it gives you: on the embedded engine a query on
 * another connection waits for the transaction to end and would deadlock.
 */
export interface Db {
  readonly mode: DbMode;
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Exactly one row, or an Error. */
  one<T = Row>(text: string, params?: unknown[]): Promise<T>;
  maybeOne<T = Row>(text: string, params?: unknown[]): Promise<T | undefined>;
  /** Runs fn in a transaction (a savepoint when already in one). */
  tx<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs fn on one connection held for its whole duration, outside any transaction (its `tx` opens one on that
   * connection): temporary tables made by fn are visible to the transaction it opens later. Inside a transaction
   * already, fn runs in it. On the embedded engine, other clients' statements run between fn's statements that are
   * outside a transaction.
   */
  session<T>(fn: (s: Db) => Promise<T>): Promise<T>;
  /**
   * Loads rows into a table in bulk: COPY on PostgreSQL, INSERT … SELECT unnest on the embedded engine (see copy.ts).
   * Values in column order; arrays for `…[]` columns, objects for `jsonb`.
   */
  copyRows(table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

/** A round trip to the database (the health check). */
export async function ping(db: Db): Promise<void> {
  await db.query('SELECT 1');
}

abstract class BaseDb implements Db {
  constructor(readonly mode: DbMode) {}
  abstract query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
  abstract tx<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  abstract session<T>(fn: (s: Db) => Promise<T>): Promise<T>;
  protected abstract copyPg(
    table: string,
    columns: readonly CopyColumn[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void>;

  /** Whether the server takes COPY FROM STDIN, asked once per pool. */
  protected abstract readonly copy: CopySupport;

  async copyRows(table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]) {
    if (!rows.length) return;
    if (this.mode === 'postgres' && (await this.serverCopies())) await this.copyPg(table, columns, rows);
    else await insertRowsUnnest((sql, params) => this.query(sql, params), table, columns, rows);
  }

  // A DATABASE_URL may point at an embedded engine's wire server (the test suite's CLI runs do), which does not
  // carry the COPY sub-protocol.
  private serverCopies(): Promise<boolean> {
    this.copy.known ??= this.one<{ pglite: boolean }>(`SELECT version() LIKE '%PGlite%' AS pglite`).then(
      (r) => !r.pglite,
      (err: unknown) => {
        this.copy.known = undefined; // asked again next time
        throw err;
      },
    );
    return this.copy.known;
  }

  async one<T = Row>(text: string, params?: unknown[]): Promise<T> {
    const rows = await this.query<T>(text, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text.slice(0, 80)}`);
    return rows[0];
  }

  async maybeOne<T = Row>(text: string, params?: unknown[]): Promise<T | undefined> {
    const rows = await this.query<T>(text, params);
    return rows[0];
  }
}

class TxDb extends BaseDb {
  private savepoints = 0;
  constructor(
    mode: DbMode,
    private readonly client: pg.PoolClient,
    protected readonly copy: CopySupport,
  ) {
    super(mode);
  }

  session<T>(fn: (s: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async query<T = Row>(text: string, params?: unknown[]): Promise<T[]> {
    const res = await this.client.query(text, params as unknown[]);
    return res.rows as T[];
  }

  protected copyPg(table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]) {
    return copyRowsPg(this.client, table, columns, rows);
  }

  async tx<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  }
}

async function inTransaction<T>(
  mode: DbMode,
  client: pg.PoolClient,
  copy: CopySupport,
  fn: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    await client.query('BEGIN');
    const result = await fn(new TxDb(mode, client, copy));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** One connection outside a transaction (see Db.session). */
class SessionDb extends BaseDb {
  constructor(
    mode: DbMode,
    private readonly client: pg.PoolClient,
    protected readonly copy: CopySupport,
  ) {
    super(mode);
  }

  async query<T = Row>(text: string, params?: unknown[]): Promise<T[]> {
    const res = await this.client.query(text, params as unknown[]);
    return res.rows as T[];
  }

  protected copyPg(table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]) {
    return copyRowsPg(this.client, table, columns, rows);
  }

  tx<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.mode, this.client, this.copy, fn);
  }

  session<T>(fn: (s: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

export class PoolDb extends BaseDb {
  protected readonly copy: CopySupport = {};
  constructor(
    mode: DbMode,
    readonly pool: pg.Pool,
  ) {
    super(mode);
  }

  async query<T = Row>(text: string, params?: unknown[]): Promise<T[]> {
    const res = await this.pool.query(text, params as unknown[]);
    return res.rows as T[];
  }

  protected async copyPg(table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]) {
    const client = await this.pool.connect();
    try {
      await copyRowsPg(client, table, columns, rows);
    } finally {
      client.release();
    }
  }

  async tx<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await inTransaction(this.mode, client, this.copy, fn);
    } finally {
      client.release();
    }
  }

  async session<T>(fn: (s: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await fn(new SessionDb(this.mode, client, this.copy));
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Idle time allowed inside a transaction on PostgreSQL (the embedded engine has its own, see wire-server.ts). */
const IDLE_IN_TX_MS = (Number(process.env.GIAMNGHEO_DB_IDLE_SECONDS) || 60) * 1000;

export function connectPool(url: string, mode: DbMode, max = 10): PoolDb {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    ...(mode === 'postgres' ? { idle_in_transaction_session_timeout: IDLE_IN_TX_MS } : {}),
  });
  pool.on('error', () => undefined); // a dropped idle client is replaced on next use
  return new PoolDb(mode, pool);
}
