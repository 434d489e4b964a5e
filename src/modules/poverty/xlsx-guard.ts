/**
 * Checks an uploaded .xlsx (a zip) before the Excel reader sees it: number of entries, their real
 * uncompressed size (inflated here and counted, never trusted from the headers), compression ratio,
 * size and number of shared strings, and that the zip has no entry its central directory hides.
 * A zip bomb or a workbook built to exhaust memory or disk is refused with a Vietnamese message.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../errors';

export interface XlsxLimits {
  maxEntries: number;
  /** Sum of the inflated sizes of every entry. */
  maxTotalBytes: number;
  /** Largest inflated / compressed ratio of an entry bigger than 1 MiB. */
  maxRatio: number;
  /** Inflated size of xl/sharedStrings.xml (the reader keeps every shared string in memory). */
  maxSharedStringsBytes: number;
  maxSharedStrings: number;
}

const MIB = 1024 * 1024;

/** Room for a 200,000-household commune workbook saved by Excel; a bomb goes far past these. */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 200,
  maxTotalBytes: 1024 * MIB,
  maxRatio: 200,
  maxSharedStringsBytes: 160 * MIB,
  maxSharedStrings: 3_000_000,
};

const refuse = (message: string) => new AppError(422, 'unsafe_file', message);

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  offset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function centralDirectory(fd: number, size: number, limits: XlsxLimits): { entries: Entry[]; cdOffset: number } {
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = readAt(fd, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('Tệp không phải tệp Excel (.xlsx) hợp lệ: không đọc được mục lục của tệp nén.');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw refuse('Tệp nén dạng ZIP64 không được hỗ trợ cho sổ rà soát.');
  if (count > limits.maxEntries) throw refuse(`Tệp Excel có ${count} thành phần, vượt giới hạn ${limits.maxEntries}.`);
  if (cdOffset + cdSize > size) throw refuse('Tệp Excel (.xlsx) bị hỏng: mục lục nằm ngoài tệp.');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50)
      throw refuse('Tệp Excel (.xlsx) bị hỏng: mục lục không đọc được.');
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      offset: cd.readUInt32LE(p + 42),
      name: cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { entries, cdOffset };
}

/** Inflates one entry, counting bytes (and shared strings); stops as soon as a limit is passed. */
async function inflatedSize(
  file: string,
  start: number,
  e: Entry,
  budget: number,
  countStrings: boolean,
): Promise<{ bytes: number; strings: number }> {
  // an empty part (exceljs writes some) has nothing to inflate, and a read stream cannot be empty
  if (e.compressed === 0) return { bytes: 0, strings: 0 };
  let bytes = 0;
  let strings = 0;
  let carry = '';
  // An empty entry (a folder entry, as JSZip-based writers add) has nothing to read; a stream over
  // an empty range would throw.
  if (e.compressed === 0) return { bytes, strings };
  const input = fs.createReadStream(file, { start, end: start + e.compressed - 1 });
  const inflate = e.method === 8 ? zlib.createInflateRaw() : null;
  const source = inflate ? input.pipe(inflate) : input;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > budget) return { bytes, strings };
      if (countStrings) {
        const text = carry + chunk.toString('latin1');
        strings += text.split('<si>').length - 1 + text.split('<si ').length - 1;
        carry = text.slice(-3);
      }
    }
  } catch {
    throw refuse(`Tệp Excel (.xlsx) bị hỏng: không giải nén được "${e.name}".`);
  } finally {
    input.destroy();
    inflate?.destroy();
  }
  return { bytes, strings };
}

export async function checkXlsxFile(file: string, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  let layout: { entries: Entry[]; cdOffset: number };
  const starts: number[] = [];
  try {
    layout = centralDirectory(fd, size, limits);
    for (const e of layout.entries) {
      if (e.flags & 1) throw refuse('Tệp Excel được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.');
      if (e.method !== 0 && e.method !== 8) throw refuse(`Tệp Excel dùng kiểu nén không hỗ trợ ở "${e.name}".`);
      const local = readAt(fd, e.offset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
        throw refuse('Tệp Excel (.xlsx) bị hỏng: thành phần không khớp mục lục.');
      starts.push(e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28));
    }
  } finally {
    fs.closeSync(fd);
  }
  // Entries must follow each other with no gap: the streaming reader reads local headers in order,
  // and an entry missing from the central directory would escape the checks below.
  const order = layout.entries.map((e, i) => ({ e, start: starts[i] })).sort((a, b) => a.e.offset - b.e.offset);
  let expected = 0;
  for (const { e, start } of order) {
    const gap = e.offset - expected;
    if (!(gap === 0 || (expected > 0 && (gap === 12 || gap === 16))))
      throw refuse('Tệp Excel (.xlsx) bị hỏng hoặc chứa dữ liệu ẩn ngoài mục lục.');
    expected = start + e.compressed;
  }
  const tailGap = layout.cdOffset - expected;
  if (!(tailGap === 0 || tailGap === 12 || tailGap === 16))
    throw refuse('Tệp Excel (.xlsx) bị hỏng hoặc chứa dữ liệu ẩn ngoài mục lục.');

  let total = 0;
  for (const { e, start } of order) {
    const shared = e.name === 'xl/sharedStrings.xml';
    const budget = Math.min(
      limits.maxTotalBytes - total,
      shared ? limits.maxSharedStringsBytes : Infinity,
      Math.max(MIB, e.compressed * limits.maxRatio),
    );
    const { bytes, strings } = await inflatedSize(file, start, e, budget, shared);
    if (bytes > budget) {
      if (total + bytes > limits.maxTotalBytes)
        throw refuse(`Tệp Excel giải nén ra quá ${Math.round(limits.maxTotalBytes / MIB)} MiB; không nhập.`);
      if (shared && bytes > limits.maxSharedStringsBytes)
        throw refuse(
          `Bảng chuỗi dùng chung của tệp Excel vượt ${Math.round(limits.maxSharedStringsBytes / MIB)} MiB; không nhập.`,
        );
      throw refuse(`Thành phần "${e.name}" của tệp Excel có tỉ lệ nén bất thường (nghi là "bom nén"); không nhập.`);
    }
    if (strings > limits.maxSharedStrings)
      throw refuse(`Tệp Excel có hơn ${limits.maxSharedStrings.toLocaleString('vi-VN')} chuỗi dùng chung; không nhập.`);
    total += bytes;
  }
}
