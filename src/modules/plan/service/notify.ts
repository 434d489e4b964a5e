/** Notifications, the daily digest and the e-mail outbox. */
import type { Db } from '../../../db/client';
import { addDays } from '../../../domain/calendar/dates';
import { STATUS_LABELS, type TaskStatus } from '../../../domain/plan/status';
import { formatDateVi, todayInVietnam } from '../../../domain/text';
import { notFound } from '../../../errors';
import type { Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import { sendMails, type SmtpSettings } from '../smtp';
import { by } from './shared';

async function notifyUsers(tx: Db, userIds: number[], n: { kind: string; taskId: number | null; title: string; body: string }) {
  if (!userIds.length) return;
  await tx.query(
    `INSERT INTO notification (user_id, kind, task_id, title, body) SELECT u, $2, $3, $4, $5 FROM unnest($1::bigint[]) AS u`,
    [userIds, n.kind, n.taskId, n.title, n.body],
  );
}

/** The users who act for an agency: its own grants, and province officers of its province or of the provinces it became. */
export async function notifyAgencyUsers(tx: Db, agencyId: string, n: { kind: string; taskId: number; title: string; body: string }) {
  const users = await tx.query<{ user_id: number }>(
    `WITH RECURSIVE later (unit_id) AS (
       SELECT unit_id FROM agency WHERE id = $1 AND unit_id IS NOT NULL
       UNION
       SELECT l.to_unit_id FROM unit_lineage l JOIN later ON l.from_unit_id = later.unit_id WHERE l.resolved)
     SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id
      WHERE u.active AND (g.agency_id = $1 OR (g.role = 'province_officer' AND g.unit_id IN (SELECT unit_id FROM later)))`,
    [agencyId],
  );
  await notifyUsers(tx, users.map((u) => u.user_id), n);
}

export async function notifyStatusChange(tx: Db, taskId: number, agencyId: string, to: TaskStatus, actor: Actor) {
  const title = `Nhiệm vụ ${taskId}: ${STATUS_LABELS[to]}`;
  const body = `${actor.displayName} chuyển trạng thái sang "${STATUS_LABELS[to]}".`;
  if (to === 'submitted') {
    const owners = await tx.query<{ user_id: number }>(`SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id WHERE u.active AND g.role = 'program_owner'`);
    await notifyUsers(tx, owners.map((o) => o.user_id), { kind: 'status', taskId, title, body });
  } else {
    await notifyAgencyUsers(tx, agencyId, { kind: 'status', taskId, title, body });
  }
}

export async function listNotifications(db: Db, actor: Actor) {
  return db.query(
    `SELECT id, kind, task_id AS "taskId", title, body, digest_on AS "digestOn", created_at AS "createdAt", read_at AS "readAt"
       FROM notification WHERE user_id = $1 ORDER BY id DESC LIMIT 100`,
    [actor.userId],
  );
}

export async function markNotificationRead(db: Db, actor: Actor, id: number) {
  return db.tx(async (tx) => {
    const row = await tx.maybeOne(`UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`, [actor.userId, id]);
    if (!row) throw notFound('Không tìm thấy thông báo.');
    await audit(tx, by(actor), { action: 'plan.notification.read', entity: 'notification', entityId: `${actor.userId}/${id}` });
    return { ok: true };
  });
}

export interface DigestCounts {
  dueSoon: number;
  dueToday: number;
  /** reported and past due */
  overdue: number;
  /** past due and nobody has reported: not called late */
  overdueNoReport: number;
}

export const DIGEST_WINDOW_DAYS = 7;

const addCounts = (a: DigestCounts, b: DigestCounts): DigestCounts => ({
  dueSoon: a.dueSoon + b.dueSoon,
  dueToday: a.dueToday + b.dueToday,
  overdue: a.overdue + b.overdue,
  overdueNoReport: a.overdueNoReport + b.overdueNoReport,
});

/** The digest says which overdue items were reported late and which have no report at all. */
export function digestBody(c: DigestCounts): string {
  const base = `Đến hạn trong ${DIGEST_WINDOW_DAYS} ngày: ${c.dueSoon}; đến hạn hôm nay: ${c.dueToday}; quá hạn: ${c.overdue}`;
  return c.overdueNoReport ? `${base}; quá hạn, chưa nhận được báo cáo: ${c.overdueNoReport}.` : `${base}.`;
}

/**
 * The daily digest for every active user with a scope: what is due in 7 days, due today and overdue —
 * per agency for ministry and province users, over the whole plan for central users and steering
 * members. One in-app notification per user and day, and an e-mail in the outbox when the user has an
 * address. Running it twice the same day adds nothing.
 */
export async function runDigest(db: Db, asOf = todayInVietnam()) {
  const soon = addDays(asOf, DIGEST_WINDOW_DAYS);
  const perAgency = await db.query<{ agency_id: string } & DigestCounts>(
    `SELECT a.agency_id,
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) > $1 AND COALESCE(a.due_on, t.due_on) <= $2)::int AS "dueSoon",
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) = $1)::int AS "dueToday",
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) < $1 AND a.status <> 'no_report')::int AS overdue,
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) < $1 AND a.status = 'no_report')::int AS "overdueNoReport"
       FROM task_assignment a JOIN task t ON t.id = a.task_id
      WHERE a.valid_to IS NULL AND a.status NOT IN ('completed', 'cancelled') AND COALESCE(a.due_on, t.due_on) <= $2
      GROUP BY a.agency_id`,
    [asOf, soon],
  );
  const byAgency = new Map(perAgency.map((r) => [r.agency_id, r]));
  const whole = await db.one<DigestCounts>(
    `SELECT count(*) FILTER (WHERE due_on > $1 AND due_on <= $2)::int AS "dueSoon", count(*) FILTER (WHERE due_on = $1)::int AS "dueToday",
            count(*) FILTER (WHERE due_on < $1 AND status <> 'no_report')::int AS overdue,
            count(*) FILTER (WHERE due_on < $1 AND status = 'no_report')::int AS "overdueNoReport"
       FROM task WHERE status NOT IN ('completed', 'cancelled') AND due_on <= $2`,
    [asOf, soon],
  );
  const users = await db.query<{ id: number; email: string | null; display_name: string; role: string; agency_id: string | null; unit_id: string | null }>(
    `SELECT u.id, u.email, u.display_name, g.role, g.agency_id, g.unit_id FROM app_user u JOIN user_grant g ON g.user_id = u.id WHERE u.active ORDER BY u.id`,
  );
  // Province users: the People's Committees of their province and of the older provinces that roll up into it (any number of steps).
  const pcs = await db.query<{ unit_id: string; agency_id: string }>(
    `WITH RECURSIVE covered (root, unit_id) AS (
       SELECT DISTINCT unit_id, unit_id FROM user_grant WHERE role = 'province_officer' AND unit_id IS NOT NULL
       UNION
       SELECT c.root, l.from_unit_id FROM unit_lineage l JOIN covered c ON l.to_unit_id = c.unit_id WHERE l.resolved)
     SELECT DISTINCT c.root AS unit_id, a.id AS agency_id FROM covered c JOIN agency a ON a.kind = 'people_committee' AND a.unit_id = c.unit_id`,
  );
  const pcOf = new Map<string, string[]>();
  for (const r of pcs) pcOf.set(r.unit_id, [...(pcOf.get(r.unit_id) ?? []), r.agency_id]);
  const perUser = new Map<number, { email: string | null; name: string; counts: DigestCounts }>();
  for (const u of users) {
    let c: DigestCounts | null = null;
    if (u.role === 'admin' || u.role === 'program_owner' || u.role === 'steering_member') c = whole;
    else {
      const agencies = u.role === 'ministry_lead' && u.agency_id ? [u.agency_id] : u.role === 'province_officer' && u.unit_id ? (pcOf.get(u.unit_id) ?? []) : [];
      c = { dueSoon: 0, dueToday: 0, overdue: 0, overdueNoReport: 0 };
      for (const a of agencies) {
        const x = byAgency.get(a);
        if (x) c = addCounts(c, x);
      }
    }
    const prev = perUser.get(u.id);
    if (prev) {
      if (c !== whole) prev.counts = addCounts(prev.counts, c);
      else prev.counts = whole;
    } else perUser.set(u.id, { email: u.email, name: u.display_name, counts: { ...c } });
  }
  const ids: number[] = [];
  const bodies: string[] = [];
  const emails: string[] = [];
  for (const [id, u] of perUser) {
    const { dueSoon, dueToday, overdue, overdueNoReport } = u.counts;
    if (!dueSoon && !dueToday && !overdue && !overdueNoReport) continue;
    ids.push(id);
    bodies.push(digestBody(u.counts));
    emails.push(u.email ?? '');
  }
  const title = `Tổng hợp nhiệm vụ ngày ${formatDateVi(asOf)}`;
  return db.tx(async (tx) => {
    const inserted = await tx.query<{ user_id: number }>(
      `INSERT INTO notification (user_id, kind, title, body, digest_on)
       SELECT u, 'digest', $3, b, $4 FROM unnest($1::bigint[], $2::text[]) AS x (u, b)
       ON CONFLICT (user_id, digest_on) WHERE kind = 'digest' DO NOTHING RETURNING user_id`,
      [ids, bodies, title, asOf],
    );
    const fresh = new Set(inserted.map((r) => r.user_id));
    const mail = ids.map((id, i) => [id, emails[i], bodies[i]] as const).filter(([id, email]) => fresh.has(id) && email);
    await tx.query(
      `INSERT INTO email_outbox (user_id, to_address, subject, body) SELECT u, e, $3, b FROM unnest($1::bigint[], $2::text[], $4::text[]) AS x (u, e, b)`,
      [mail.map((m) => m[0]), mail.map((m) => m[1]), `[giamngheo] ${title}`, mail.map((m) => m[2])],
    );
    await audit(tx, null, { action: 'plan.digest.run', entity: 'notification', entityId: asOf, after: { users: perUser.size, notifications: fresh.size, emails: mail.length } });
    return { asOf, users: perUser.size, notifications: fresh.size, emails: mail.length };
  });
}

/** Sends pending e-mails of the outbox by SMTP; a failure is kept on the row and retried next time (5 attempts). */
export async function sendOutbox(db: Db, settings: SmtpSettings, limit = 200) {
  const pending = await db.query<{ user_id: number; id: number; to_address: string; subject: string; body: string }>(
    `SELECT user_id, id, to_address, subject, body FROM email_outbox WHERE sent_at IS NULL AND attempts < 5 ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  if (!pending.length) return { sent: 0, failed: 0 };
  const results = await sendMails(settings, pending.map((p) => ({ to: p.to_address, subject: p.subject, body: p.body })));
  let sent = 0;
  await db.tx(async (tx) => {
    for (const [i, p] of pending.entries()) {
      if (results[i] === null) sent++;
      await tx.query(
        `UPDATE email_outbox SET attempts = attempts + 1, sent_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END, last_error = $3 WHERE user_id = $1 AND id = $2`,
        [p.user_id, p.id, results[i]],
      );
    }
    await audit(tx, null, { action: 'plan.outbox.send', entity: 'email_outbox', after: { sent, failed: pending.length - sent } });
  });
  return { sent, failed: pending.length - sent };
}
