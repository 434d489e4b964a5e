import type { Db } from './client';

/**
 * Runs fn once per (job, day) across every process on the database: under a transaction-level advisory
 * lock (a second process does not wait, it skips) and a job_run row (a later process sees the day taken).
 * fn runs in that transaction; null when another process has it or had it.
 */
export async function onceADay<T>(db: Db, job: string, day: string, fn: (tx: Db) => Promise<T>): Promise<T | null> {
  return db.tx(async (tx) => {
    const { got } = await tx.one<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(727131, hashtext($1)) AS got`, [
      job,
    ]);
    if (!got) return null;
    const taken = await tx.query(
      `INSERT INTO job_run (job, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job`,
      [job, day],
    );
    if (!taken.length) return null;
    return fn(tx);
  });
}
