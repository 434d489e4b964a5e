// One application process's daily-job tick on a shared database (for the several-processes test).
import pino from 'pino';
import { connectPool, type DbMode } from '../../src/db/client';
import { planJobs } from '../../src/modules/plan/scheduler';

const db = connectPool(process.env.DATABASE_URL!, (process.env.DB_MODE ?? 'postgres') as DbMode, 2);
try {
  const r = await planJobs(db, pino({ level: 'silent' }), null).tick(new Date(process.argv[2]));
  process.stdout.write(JSON.stringify(r));
} finally {
  await db.close();
}
