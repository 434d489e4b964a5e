/**
 * The plan's daily jobs for a running server: on the first check of each Vietnamese day, the hand-over of
 * the assignments of agencies that ended by then (a reorganisation takes effect when its date passes,
 * not when someone runs a command); from 07:00 Vietnam time, the digest for every user, then the e-mail
 * outbox when SMTP is configured. The digest is taken once a day by a database lock and a job_run row, so
 * a restart or a second server on the same database does not send it again. The server starts it with
 * `startPlanJobs(db, logger)`.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { onceADay } from '../../db/locks';
import { todayInVietnam } from '../../domain/text';
import { systemActor } from '../audit/audit';
import { reorganise, runDigest, sendOutbox } from './service';
import { smtpSettings, type SmtpSettings } from './smtp';

export const DIGEST_HOUR_VN = 7;

export interface PlanJobs {
  /** Runs what is due at `now`; returns what it did. */
  tick(now?: Date): Promise<{ digest: boolean; mail: boolean; handedOver: number }>;
  stop(): void;
}

export function planJobs(
  db: Db,
  logger: Pick<Logger, 'info' | 'error'>,
  smtp: SmtpSettings | null = smtpSettings(),
): PlanJobs {
  let lastDigest: string | null = null;
  let lastHandover: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const jobs: PlanJobs = {
    async tick(now = new Date()) {
      const day = todayInVietnam(now);
      const hourVn = (now.getUTCHours() + 7) % 24;
      let digest = false;
      let mail = false;
      let handedOver = 0;
      if (day !== lastHandover) {
        // taken once a day by one process, like the digest: two processes handing over at once would both
        // insert the successor's assignment
        const r = await onceADay(db, 'plan.handover', day, (tx) =>
          reorganise(tx, systemActor('plan-jobs'), { onDate: day }),
        );
        lastHandover = day;
        handedOver = r?.handedOver ?? 0;
        if (r && (r.handedOver || r.undecided.length || r.withoutSuccessor.length))
          logger.info({ ...r }, 'plan: reorganisation hand-over');
      }
      if (day !== lastDigest && hourVn >= DIGEST_HOUR_VN) {
        // several processes on one database: the first takes the day's digest, the others skip it
        const r = await onceADay(db, 'plan.digest', day, (tx) => runDigest(tx, day));
        lastDigest = day;
        digest = r !== null;
        if (r) logger.info({ ...r }, 'plan: daily digest');
      }
      if (smtp) {
        const r = await sendOutbox(db, smtp);
        mail = r.sent + r.failed > 0;
        if (mail) logger.info({ ...r }, 'plan: outbox sent');
      }
      return { digest, mail, handedOver };
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
  return Object.assign(jobs, {
    start(intervalMs = 10 * 60_000) {
      const run = () => void jobs.tick().catch((e) => logger.error({ err: e }, 'plan: daily jobs failed'));
      // a server started after a reform date hands over at once, not ten minutes later
      run();
      timer = setInterval(run, intervalMs);
      timer.unref();
      return jobs;
    },
  });
}

/** Starts the daily jobs (a check at once, then every 10 minutes); call `stop()` on shutdown. */
export function startPlanJobs(
  db: Db,
  logger: Pick<Logger, 'info' | 'error'>,
  smtp: SmtpSettings | null = smtpSettings(),
): PlanJobs {
  return (planJobs(db, logger, smtp) as PlanJobs & { start(ms?: number): PlanJobs }).start();
}
