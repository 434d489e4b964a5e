/** Body of the workbook-parsing worker (see import-isolation.ts): check the zip, then read every cell. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors';
import { readReviewWorkbook } from './excel';
import { checkXlsxFile } from './xlsx-guard';

const { file } = workerData as { file: string };
try {
  await checkXlsxFile(file);
  const parsed = await readReviewWorkbook(file, (rows) => parentPort!.postMessage({ type: 'progress', rows }));
  parentPort!.postMessage({ type: 'done', parsed });
} catch (err) {
  const e =
    err instanceof AppError
      ? { status: err.status, code: err.code, message: err.message }
      : { status: 500, code: 'internal', message: String(err) };
  parentPort!.postMessage({ type: 'error', error: e });
}
