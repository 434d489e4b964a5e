/**
 * exceljs 4.4's streaming reader decodes each decompressed chunk to text on its own, so a
 * Vietnamese letter whose UTF-8 bytes straddle a chunk boundary becomes "��" ("N��ng thôn").
 * Known and unfixed upstream (exceljs/exceljs#2084, #2316, PR #1665, #2894). This module installs
 * a parse-sax that decodes with a streaming TextDecoder, and loads fresh reader classes that use
 * it; it also points `ExcelJS.stream.xlsx.WorkbookReader` at them, so every caller that looks
 * the class up at call time gets the fixed reader.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExcelJs = createRequire(saxPath);
const { SaxesParser } = fromExcelJs('saxes') as { SaxesParser: new () => SaxesLike };

interface SaxesLike {
  on(event: string, fn: (value: unknown) => void): void;
  write(s: string): void;
}

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Uint8Array | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => (error = err));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const READERS = ['workbook-reader', 'worksheet-reader', 'hyperlink-reader'].map((f) => require.resolve(`exceljs/lib/stream/xlsx/${f}.js`));

function install() {
  require.cache[saxPath] = { id: saxPath, filename: saxPath, loaded: true, exports: parseSax } as unknown as NodeJS.Module;
  for (const f of READERS) delete require.cache[f];
  const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader.js');
  const excel = require('exceljs') as { stream: { xlsx: { WorkbookReader: unknown } } };
  excel.stream.xlsx.WorkbookReader = WorkbookReader;
  return WorkbookReader;
}

/** The streaming workbook reader with the UTF-8 fix. */
export const FixedWorkbookReader = install();
