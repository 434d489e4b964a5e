/**
 * Backup and restore of a whole database, the same on both engines (`pg_dump` cannot reach the embedded
 * engine): a gzip of JSON lines, a header (format, migrations, sequences), then every table's rows as
 * JSON read in one consistent snapshot. A restore rebuilds the backup's schema with its migrations,
 * loads the rows with triggers and foreign-key checks off (the audit trail keeps its hashes), sets the
 * sequences, then applies any newer migration. It refuses a target that already holds accounts or an
 * audit trail, unless forced. It needs a superuser on PostgreSQL (session_replication_role).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { AppError } from '../errors';
import type { Db } from './client';
import { migrate, migrationFiles } from './migrate';
import { loadReferenceData } from './reference-data';

const FORMAT = 'giamngheo-backup';
const BATCH = 2000;
/** The line that starts a table's rows (a row is a JSON object of its columns). */
const TABLE_MARK = '{"@table":';

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
  sequences: { name: string; value: number | null }[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function publicTables(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Writes the backup of db to file (gzip, created 0600). */
export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
  };
  let rows = 0;
  const tables = await db.tx(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).map(
      (r) => r.name,
    );
    const tables = await publicTables(tx);
    const sequences = await tx.query<{ name: string; value: number | null }>(
      `SELECT sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    const header: Header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
      sequences,
    };
    await write(header);
    for (const table of tables) {
      await write({ '@table': table });
      await tx.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${ident(table)} t`,
      );
      for (;;) {
        const page = await tx.query<{ r: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const p of page) {
          if (!gzip.write(p.r + '\n')) await once(gzip, 'drain');
        }
        rows += page.length;
        if (page.length < BATCH) break;
      }
      await tx.query('CLOSE backup_rows');
    }
    return tables.length;
  });
  gzip.end();
  await once(out, 'close');
  return { tables, rows };
}

/** Whether the database already holds accounts or an audit trail (a restore would overwrite someone's data). */
async function holdsData(db: Db): Promise<boolean> {
  const schema = await db.one<{ present: boolean }>(`SELECT to_regclass('public.app_user') IS NOT NULL AS present`);
  if (!schema.present) return false;
  const r = await db.one<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM app_user) OR EXISTS (SELECT 1 FROM audit_log) AS used`,
  );
  return r.used;
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) if (line) yield line;
}

export async function restoreDatabase(db: Db, file: string, { force = false } = {}): Promise<BackupSummary> {
  const it = lines(file)[Symbol.asyncIterator]();
  let header: Header;
  try {
    const first = await it.next();
    header = JSON.parse(first.value ?? '') as Header;
  } catch {
    throw new AppError(422, 'bad_backup', `Tệp ${file} không phải bản sao lưu của giamngheo.`);
  }
  if (header?.format !== FORMAT || header.version !== 1)
    throw new AppError(422, 'bad_backup', `Tệp ${file} không phải bản sao lưu của giamngheo.`);
  const known = new Set(migrationFiles());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new AppError(
      422,
      'bad_backup',
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration ${unknown.join(', ')}); hãy cập nhật giamngheo trước.`,
    );
  if (!force && (await holdsData(db))) {
    throw new AppError(
      409,
      'target_not_empty',
      'Cơ sở dữ liệu đích đã có tài khoản hoặc nhật ký; dùng --force để xoá và thay bằng bản sao lưu.',
    );
  }
  await migrate(db, new Set(header.migrations));
  await loadReferenceData(db, []); // creates the table of loaded dataset versions (not a migration)
  let rows = 0;
  await db.tx(async (tx) => {
    // rows go back as they were: no trigger (the audit trail keeps its hashes), no foreign-key check mid-load
    await tx.query(`SET LOCAL session_replication_role = replica`);
    const present = await publicTables(tx);
    if (present.length) await tx.query(`TRUNCATE ${present.map(ident).join(', ')}`);
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length || !table) return;
      await tx.query(
        `INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      rows += batch.length;
      batch = [];
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (line.startsWith(TABLE_MARK)) {
        await flush();
        table = (JSON.parse(line) as { '@table': string })['@table'];
        if (!present.includes(table))
          throw new AppError(422, 'bad_backup', `Bản sao lưu có bảng ${table} mà lược đồ không có.`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const s of header.sequences) {
      if (s.value !== null) await tx.query(`SELECT setval($1::regclass, $2)`, [ident(s.name), s.value]);
    }
  });
  await migrate(db);
  return { tables: header.tables.length, rows };
}
