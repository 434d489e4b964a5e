import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from '../modules/access/actor';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** 'embedded' or 'postgres', as reported by /api/health. */
  dbKind: 'embedded' | 'postgres';
}

export type AppEnv = {
  Variables: {
    actor: Actor | null;
    sessionTokenHash: string | null;
    requestId: string;
  };
};
