import type { Db } from '../../db/client';
import { overdueSql, pastDueNoReportSql } from '../../domain/plan/lateness';
import type { Role } from '../../domain/roles';
import type { NotificationView } from './contracts';

/** SQL of in-app notifications, the daily digest's counts and the e-mail outbox. Dates are 'YYYY-MM-DD'. */

export interface NewNotification {
  kind: string;
  taskId: number | null;
  title: string;
  body: string;
}

/**
 * Notifications, one per user: a task notice (the same text to each user) or the daily digest (a body per
 * user, `digestOn` set). A user who already has that day's digest is skipped; returns the users who got one.
 */
export async function insertNotifications(
  db: Db,
  rows: { userId: number; kind: string; taskId: number | null; title: string; body: string; digestOn: string | null }[],
): Promise<number[]> {
  if (!rows.length) return [];
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const inserted = await db.query<{ user_id: number }>(
    `INSERT INTO notification (user_id, kind, task_id, title, body, digest_on)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::date[])
     ON CONFLICT (user_id, digest_on) WHERE kind = 'digest' DO NOTHING RETURNING user_id`,
    [col('userId'), col('kind'), col('taskId'), col('title'), col('body'), col('digestOn')],
  );
  return inserted.map((r) => r.user_id);
}

/**
 * The users who act for an agency: its own grants, and province officers of its province or of the provinces it became.
 */
export async function usersActingForAgency(db: Db, agencyId: string): Promise<number[]> {
  const rows = await db.query<{ user_id: number }>(
    `WITH RECURSIVE later (unit_id) AS (
       SELECT unit_id FROM agency WHERE id = $1 AND unit_id IS NOT NULL
       UNION
       SELECT l.to_unit_id FROM unit_lineage l JOIN later ON l.from_unit_id = later.unit_id WHERE l.resolved)
     SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id
      WHERE u.active AND (g.agency_id = $1 OR (g.role = 'province_officer' AND g.unit_id IN (SELECT unit_id FROM later)))`,
    [agencyId],
  );
  return rows.map((r) => r.user_id);
}

export async function activeProgramOwners(db: Db): Promise<number[]> {
  const rows = await db.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id WHERE u.active AND g.role = 'program_owner'`,
  );
  return rows.map((r) => r.user_id);
}

/** A user's latest hundred notifications, newest first; the times as ISO strings (as their JSON always read). */
export async function latestNotifications(db: Db, userId: number): Promise<NotificationView[]> {
  const rows = await db.query<
    Omit<NotificationView, 'createdAt' | 'readAt'> & { createdAt: Date; readAt: Date | null }
  >(
    `SELECT id, kind, task_id AS "taskId", title, body, digest_on AS "digestOn", created_at AS "createdAt", read_at AS "readAt"
       FROM notification WHERE user_id = $1 ORDER BY id DESC LIMIT 100`,
    [userId],
  );
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
  }));
}

/** Marks a user's notification read (the first reading time is kept); false when the user has no such notification. */
export async function markNotificationRead(db: Db, userId: number, id: number): Promise<boolean> {
  return !!(await db.maybeOne(
    `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`,
    [userId, id],
  ));
}

const ASSIGNMENT = { status: 'a.status', due: 'COALESCE(a.due_on, t.due_on)', completedOn: 'a.completed_on' };
const TASK = { status: 'status', due: 'due_on', completedOn: 'completed_on' };

export interface DigestCounts {
  dueSoon: number;
  dueToday: number;
  /** reported and past due */
  overdue: number;
  /** past due and nobody has reported: not called late */
  overdueNoReport: number;
}

/** Per agency, its open assignments in force due after `asOf` up to `soon`, due on `asOf`, and past due. */
export async function digestCountsPerAgency(db: Db, asOf: string, soon: string) {
  return db.query<{ agency_id: string } & DigestCounts>(
    `SELECT a.agency_id,
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) > $1 AND COALESCE(a.due_on, t.due_on) <= $2)::int AS "dueSoon",
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) = $1)::int AS "dueToday",
            count(*) FILTER (WHERE ${overdueSql(ASSIGNMENT, '$1')})::int AS overdue,
            count(*) FILTER (WHERE ${pastDueNoReportSql(ASSIGNMENT, '$1')})::int AS "overdueNoReport"
       FROM task_assignment a JOIN task t ON t.id = a.task_id
      WHERE a.valid_to IS NULL AND a.status NOT IN ('completed', 'cancelled') AND COALESCE(a.due_on, t.due_on) <= $2
      GROUP BY a.agency_id`,
    [asOf, soon],
  );
}

/** The same counts over the open tasks of every plan. */
export async function digestCountsOfAllTasks(db: Db, asOf: string, soon: string): Promise<DigestCounts> {
  return db.one<DigestCounts>(
    `SELECT count(*) FILTER (WHERE due_on > $1 AND due_on <= $2)::int AS "dueSoon", count(*) FILTER (WHERE due_on = $1)::int AS "dueToday",
            count(*) FILTER (WHERE ${overdueSql(TASK, '$1')})::int AS overdue,
            count(*) FILTER (WHERE ${pastDueNoReportSql(TASK, '$1')})::int AS "overdueNoReport"
       FROM task WHERE status NOT IN ('completed', 'cancelled') AND due_on <= $2`,
    [asOf, soon],
  );
}

/** Every grant of every active user (a user with several grants comes once per grant). */
export async function activeUserGrants(db: Db) {
  return db.query<{
    id: number;
    email: string | null;
    display_name: string;
    role: Role;
    agency_id: string | null;
    unit_id: string | null;
  }>(
    `SELECT u.id, u.email, u.display_name, g.role, g.agency_id, g.unit_id FROM app_user u JOIN user_grant g ON g.user_id = u.id WHERE u.active ORDER BY u.id`,
  );
}

/**
 * For each province of a province officer's grant: the People's Committees of it and of the older provinces that roll
 * up into it (any number of steps).
 */
export async function committeesCoveredByProvinceGrants(db: Db) {
  return db.query<{ unit_id: string; agency_id: string }>(
    `WITH RECURSIVE covered (root, unit_id) AS (
       SELECT DISTINCT unit_id, unit_id FROM user_grant WHERE role = 'province_officer' AND unit_id IS NOT NULL
       UNION
       SELECT c.root, l.from_unit_id FROM unit_lineage l JOIN covered c ON l.to_unit_id = c.unit_id WHERE l.resolved)
     SELECT DISTINCT c.root AS unit_id, a.id AS agency_id FROM covered c JOIN agency a ON a.kind = 'people_committee' AND a.unit_id = c.unit_id`,
  );
}

export async function enqueueMails(db: Db, subject: string, mails: { userId: number; to: string; body: string }[]) {
  await db.query(
    `INSERT INTO email_outbox (user_id, to_address, subject, body) SELECT u, e, $3, b FROM unnest($1::bigint[], $2::text[], $4::text[]) AS x (u, e, b)`,
    [mails.map((m) => m.userId), mails.map((m) => m.to), subject, mails.map((m) => m.body)],
  );
}

export interface OutboxMail {
  user_id: number;
  id: number;
  to_address: string;
  subject: string;
  body: string;
}

/**
 * Claims the oldest unsent mails with attempts left, locked until the caller's transaction ends: a
 * second sender running at the same moment skips them instead of sending them again.
 */
export async function claimPendingMails(db: Db, limit: number): Promise<OutboxMail[]> {
  return db.query<OutboxMail>(
    `SELECT user_id, id, to_address, subject, body FROM email_outbox WHERE sent_at IS NULL AND attempts < 5 ORDER BY created_at, id LIMIT $1
        FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

/** Counts an attempt: sent now when `error` is null, else the error is kept for the next try. */
export async function recordSendAttempt(db: Db, userId: number, id: number, error: string | null) {
  await db.query(
    `UPDATE email_outbox SET attempts = attempts + 1, sent_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END, last_error = $3 WHERE user_id = $1 AND id = $2`,
    [userId, id, error],
  );
}
