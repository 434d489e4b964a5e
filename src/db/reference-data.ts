import type { Db } from './client';

/**
 * Reference data that ships with the system (administrative units, agencies, the
 * program's plan, poverty standards …). Each dataset is loaded once, in order, and
 * again only when its version changes. A loader must be idempotent and must run in
 * the transaction it is given.
 */
export interface ReferenceDataset {
  name: string;
  /** Bump when the files or the loader change. */
  version: string;
  load(tx: Db): Promise<void>;
}

export async function loadReferenceData(db: Db, datasets: ReferenceDataset[], log: (msg: string) => void = () => {}) {
  await db.query(`CREATE TABLE IF NOT EXISTS reference_dataset (
    name text PRIMARY KEY,
    version text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
  )`);
  const loaded = new Map(
    (await db.query<{ name: string; version: string }>('SELECT name, version FROM reference_dataset')).map((r) => [
      r.name,
      r.version,
    ]),
  );
  for (const ds of datasets) {
    if (loaded.get(ds.name) === ds.version) continue;
    const started = Date.now();
    await db.tx(async (tx) => {
      await ds.load(tx);
      await tx.query(
        `INSERT INTO reference_dataset (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, loaded_at = now()`,
        [ds.name, ds.version],
      );
    });
    log(`Đã nạp dữ liệu tham chiếu ${ds.name} (${ds.version}) trong ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
