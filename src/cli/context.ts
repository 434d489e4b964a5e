import { InvalidArgumentError } from 'commander';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { openDatabase } from '../db/open';
import { isIsoDate } from '../domain/text';
import { prepareDatabase } from '../app/prepare';

export interface CliContext {
  config: Config;
  /** Runs fn on the database: a running server's embedded database through its socket, or this process's own. */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export function cliContext(config: Config): CliContext {
  return {
    config,
    async withDb(fn) {
      const opened = await openDatabase(config, { shareRunning: true });
      try {
        if (opened.kind !== 'embedded-remote')
          await prepareDatabase(opened, config, (m) => process.stderr.write(m + '\n'));
        return await fn(opened.db);
      } finally {
        await opened.close();
      }
    },
  };
}

/** commander option parser for YYYY-MM-DD. */
export function dateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`"${value}" không phải ngày hợp lệ dạng YYYY-MM-DD.`);
  return value;
}

export function intOption(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" không phải số nguyên.`);
  return Number(value);
}
