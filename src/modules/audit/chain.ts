/**
 * Verification of the tamper-evident trail: every row's hash is recomputed from the previous row's
 * hash and the row's content, in chain order. The first row that does not match is named: it was
 * changed, or a row before it was removed or inserted, with the database's protections disabled.
 * The last hash is printed: kept elsewhere (a log, a letter), it also proves later that the end of the
 * trail was not cut off or rewritten as a whole.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { chainPage, unchainedRows } from './repo';

export interface ChainBreak {
  id: number;
  seq: number | null;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  lastSeq: number | null;
  lastHash: string | null;
  broken: ChainBreak | null;
}

export const rowHash = (prevHash: string | null, content: string) =>
  createHash('sha256')
    .update((prevHash ?? '') + content, 'utf8')
    .digest('hex');

export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev: string | null = null;
  let seq = 0;
  let rows = 0;
  const report = (broken: ChainBreak | null): ChainReport => ({
    ok: !broken,
    rows,
    lastSeq: seq || null,
    lastHash: prev,
    broken,
  });
  for (;;) {
    const page = await chainPage(db, seq, pageSize);
    for (const r of page) {
      if (r.seq !== seq + 1)
        return report({ id: r.id, seq: r.seq, reason: `thiếu dòng thứ ${seq + 1} của chuỗi (đã bị xoá)` });
      if (r.prevHash !== prev)
        return report({
          id: r.id,
          seq: r.seq,
          reason: 'mã băm của dòng trước không khớp (dòng trước bị xoá hoặc thay)',
        });
      if (r.rowHash !== rowHash(prev, r.content))
        return report({ id: r.id, seq: r.seq, reason: 'nội dung đã bị sửa sau khi ghi' });
      prev = r.rowHash;
      seq = r.seq;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  const outside = await unchainedRows(db);
  if (outside.length)
    return report({
      id: outside[0].id,
      seq: null,
      reason: 'dòng được chèn khi cơ chế bảo vệ nhật ký bị tắt (không nằm trong chuỗi)',
    });
  return report(null);
}
