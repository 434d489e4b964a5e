import type { Config } from '../config';
import { connectPool, type PoolDb } from './client';
import { embeddedUrl, readLiveLock, startEmbedded, type EmbeddedServer } from './embedded';

export interface OpenDatabase {
  db: PoolDb;
  /** 'postgres' (DATABASE_URL), 'embedded' (this process owns the data directory) or
   * 'embedded-remote' (the CLI talking to a running server's embedded database). */
  kind: 'postgres' | 'embedded' | 'embedded-remote';
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

/**
 * Opens the configured database. With `shareRunning`, a live server's embedded database
 * is used through its socket (the CLI); otherwise this process takes the data directory.
 */
export async function openDatabase(
  config: Config,
  opts: { shareRunning?: boolean; port?: number } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = connectPool(config.databaseUrl, 'postgres');
    return { db, kind: 'postgres', close: () => db.close() };
  }
  if (opts.shareRunning) {
    const lock = readLiveLock(config.dataDir);
    if (lock?.port) {
      const db = connectPool(embeddedUrl(lock.port, lock.secret), 'embedded', 4);
      return { db, kind: 'embedded-remote', close: () => db.close() };
    }
  }
  const embedded = await startEmbedded(config.dataDir, opts.port ?? 0);
  const db = connectPool(embedded.url, 'embedded', 10);
  return {
    db,
    kind: 'embedded',
    embedded,
    async close() {
      await db.close();
      await embedded.close();
    },
  };
}
