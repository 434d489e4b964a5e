/**
 * Two bugs of exceljs 4.4's streaming reader, fixed by loading fresh reader classes over fixed helpers
 * (and pointing `ExcelJS.stream.xlsx.WorkbookReader` at them, for every caller that looks the class up
 * at call time):
 * 1. parse-sax decodes each decompressed chunk to text on its own, so a Vietnamese letter whose UTF-8
 *    bytes straddle a chunk boundary becomes "��" ("N��ng thôn"). Known and unfixed upstream
 *    (exceljs/exceljs#2084, #2316; PR #1665, #2894). Fixed with a streaming TextDecoder.
 * 2. unzipper 0.10's Parse emits 'end' as soon as its input is written ('finish'), before it has
 *    parsed the last entries; exceljs's iterate-stream stops there and silently drops them (here:
 *    1 read in 50 of a small workbook lost xl/workbook.xml, hence the sheet names). Fixed by an
 *    iterate-stream that ignores an 'end' the readable side has not reached.
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

async function* parseSax(
  iterable: AsyncIterable<Uint8Array | string> & { pipe?: unknown },
): AsyncGenerator<SaxEvent[]> {
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

/** exceljs's iterate-stream, except that an 'end' emitted before the readable side ended is ignored. */
async function* iterateStream(
  stream: NodeJS.ReadableStream & { _readableState?: { ended: boolean } },
): AsyncGenerator<unknown> {
  const contents: unknown[] = [];
  let ended = false;
  let error: unknown = null;
  let wake: () => void = () => {};
  stream.on('data', (d: unknown) => {
    contents.push(d);
    wake();
  });
  stream.on('end', () => {
    if (stream._readableState && !stream._readableState.ended) return; // unzipper's early 'end' on 'finish'
    ended = true;
    wake();
  });
  stream.on('error', (err: unknown) => {
    error = err;
    wake();
  });
  while (!ended || contents.length > 0) {
    if (error) throw error;
    if (contents.length === 0) {
      const waiting = new Promise<void>((resolve) => (wake = resolve));
      stream.resume();
      await waiting;
    } else {
      stream.pause();
      yield contents.shift();
    }
  }
  if (error) throw error;
}

const iteratePath = require.resolve('exceljs/lib/utils/iterate-stream.js');

const READERS = ['workbook-reader', 'worksheet-reader', 'hyperlink-reader'].map((f) =>
  require.resolve(`exceljs/lib/stream/xlsx/${f}.js`),
);

function install() {
  require.cache[saxPath] = {
    id: saxPath,
    filename: saxPath,
    loaded: true,
    exports: parseSax,
  } as unknown as NodeJS.Module;
  require.cache[iteratePath] = {
    id: iteratePath,
    filename: iteratePath,
    loaded: true,
    exports: iterateStream,
  } as unknown as NodeJS.Module;
  for (const f of READERS) delete require.cache[f];
  const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader.js');
  const excel = require('exceljs') as { stream: { xlsx: { WorkbookReader: unknown } } };
  excel.stream.xlsx.WorkbookReader = WorkbookReader;
  return WorkbookReader;
}

/** The streaming workbook reader with both fixes. */
export const FixedWorkbookReader = install();
