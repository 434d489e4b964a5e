import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SOURCE_COLUMNS, SOURCE_STATUSES, type LegalSource, type SourceStatus } from '../domain/legal';

export const LEGAL_DIR = path.resolve(import.meta.dirname, '../../reference/legal');

/** Reads every reference/legal/*.csv; a malformed file or row is an error naming the file and row. */
export function readLegalSources(dir = LEGAL_DIR): LegalSource[] {
  const out: LegalSource[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const rows: string[][] = parse(fs.readFileSync(path.join(dir, file), 'utf8'), { bom: true });
    const [header, ...body] = rows;
    if (header.join(',') !== SOURCE_COLUMNS.join(',')) {
      throw new Error(`${file}: header must be ${SOURCE_COLUMNS.join(',')}`);
    }
    body.forEach((r, i) => {
      const [id, title, number, date, issuer, whereRead, supports, status] = r;
      if (!SOURCE_STATUSES.includes(status as SourceStatus)) {
        throw new Error(`${file} row ${i + 2}: status "${status}" is not one of ${SOURCE_STATUSES.join(', ')}`);
      }
      out.push({ id, title, number, date, issuer, whereRead, supports, status: status as SourceStatus, file });
    });
  }
  return out;
}
