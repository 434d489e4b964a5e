import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading of rows into a table: `COPY … FROM STDIN` (text format) on PostgreSQL; on the embedded
 * engine, whose wire server does not carry the COPY sub-protocol, `INSERT … SELECT … FROM unnest(…)`
 * with one array per column, in chunks.
 */

/** A column and its SQL type (`text`, `int8`, `bool`, `date`, `numeric`, `jsonb`, `text[]`, …). */
export type CopyColumn = readonly [name: string, type: string];

const arrayLiteral = (v: unknown[]) =>
  `{${v.map((x) => (x === null || x === undefined ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

const isArrayType = (type: string) => type.endsWith('[]');

/** One value of a column of the given type as text: array literals for `…[]` columns, JSON for other objects. */
function asText(v: unknown, type: string): string {
  if (Array.isArray(v) && isArrayType(type)) return arrayLiteral(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** One value in the COPY text format. */
export function copyValue(v: unknown, type: string): string {
  if (v === null || v === undefined) return '\\N';
  const text = asText(v, type);
  return text.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : '\\\\',
  );
}

/** The COPY text of rows, in chunks of about 64 KiB. */
function* copyText(columns: readonly CopyColumn[], rows: Iterable<readonly unknown[]>): Generator<string> {
  let chunk = '';
  for (const r of rows) {
    chunk += `${r.map((v, i) => copyValue(v, columns[i][1])).join('\t')}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** COPY rows into a table through a node-postgres client (in its transaction, if one is open). */
export async function copyRowsPg(
  client: pg.ClientBase,
  table: string,
  columns: readonly CopyColumn[],
  rows: Iterable<readonly unknown[]>,
): Promise<void> {
  await pipeline(
    Readable.from(copyText(columns, rows)),
    client.query(copyFrom(`COPY ${table} (${columns.map((c) => c[0]).join(', ')}) FROM STDIN`)),
  );
}

const CHUNK = 5000;

/** The same rows by INSERT … SELECT unnest(…), for the embedded engine. */
export async function insertRowsUnnest(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  table: string,
  columns: readonly CopyColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  // Array and JSON columns travel as text (unnest would flatten an array of arrays) and are cast back.
  const viaText = (type: string) => isArrayType(type) || type === 'jsonb' || type === 'json';
  const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')})
     SELECT ${columns.map((c, i) => (viaText(c[1]) ? `c${i}::${c[1]}` : `c${i}`)).join(', ')}
     FROM unnest(${columns.map((c, i) => `$${i + 1}::${viaText(c[1]) ? 'text' : c[1]}[]`).join(', ')})
       AS u(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await query(
      sql,
      columns.map((c, k) =>
        chunk.map((r) => {
          const v = r[k];
          return v === null || v === undefined || !viaText(c[1]) ? v : asText(v, c[1]);
        }),
      ),
    );
  }
}
