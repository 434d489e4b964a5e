/** Notifications, the daily digest and the e-mail outbox. */
import type { Db } from '../../../db/client';
import { addDays } from '../../../domain/calendar/dates';
import { STATUS_LABELS, type TaskStatus } from '../../../domain/plan/status';
import { formatDateVi, todayInVietnam } from '../../../domain/text';
import { notFound } from '../../../errors';
import type { Actor } from '../../access/actor';
import { audit } from '../../audit/audit';
import type { DigestDone, NotificationView } from '../contracts';
import * as notify from '../repo-notify';
import type { DigestCounts } from '../repo-notify';
import { sendMails, type SmtpSettings } from '../smtp';
import { by } from './shared';

async function notifyUsers(tx: Db, userIds: number[], n: notify.NewNotification) {
  if (!userIds.length) return;
  await notify.insertNotifications(
    tx,
    userIds.map((userId) => ({ userId, ...n, digestOn: null })),
  );
}

/**
 * The users who act for an agency: its own grants, and province officers of its province or of the provinces it became.
 */
export async function notifyAgencyUsers(
  tx: Db,
  agencyId: string,
  n: { kind: string; taskId: number; title: string; body: string },
) {
  await notifyUsers(tx, await notify.usersActingForAgency(tx, agencyId), n);
}

export async function notifyStatusChange(tx: Db, taskId: number, agencyId: string, to: TaskStatus, actor: Actor) {
  const title = `Nhiệm vụ ${taskId}: ${STATUS_LABELS[to]}`;
  const body = `${actor.displayName} chuyển trạng thái sang "${STATUS_LABELS[to]}".`;
  if (to === 'submitted') {
    await notifyUsers(tx, await notify.activeProgramOwners(tx), { kind: 'status', taskId, title, body });
  } else {
    await notifyAgencyUsers(tx, agencyId, { kind: 'status', taskId, title, body });
  }
}

export async function listNotifications(db: Db, actor: Actor): Promise<NotificationView[]> {
  return notify.latestNotifications(db, actor.userId);
}

export async function markNotificationRead(db: Db, actor: Actor, id: number) {
  return db.tx(async (tx) => {
    if (!(await notify.markNotificationRead(tx, actor.userId, id))) throw notFound('Không tìm thấy thông báo.');
    await audit(tx, by(actor), {
      action: 'plan.notification.read',
      entity: 'notification',
      entityId: `${actor.userId}/${id}`,
    });
    return { ok: true };
  });
}

export type { DigestCounts };

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
export async function runDigest(db: Db, asOf = todayInVietnam()): Promise<DigestDone> {
  const soon = addDays(asOf, DIGEST_WINDOW_DAYS);
  const perAgency = await notify.digestCountsPerAgency(db, asOf, soon);
  const byAgency = new Map(perAgency.map((r) => [r.agency_id, r]));
  const whole = await notify.digestCountsOfAllTasks(db, asOf, soon);
  const users = await notify.activeUserGrants(db);
  // Province users: the People's Committees of their province and of the older provinces that roll up into it (any
  // number of steps).
  const pcs = await notify.committeesCoveredByProvinceGrants(db);
  const pcOf = new Map<string, string[]>();
  for (const r of pcs) pcOf.set(r.unit_id, [...(pcOf.get(r.unit_id) ?? []), r.agency_id]);
  const perUser = new Map<number, { email: string | null; name: string; counts: DigestCounts }>();
  for (const u of users) {
    let c: DigestCounts;
    if (u.role === 'admin' || u.role === 'program_owner' || u.role === 'steering_member') c = whole;
    else {
      const agencies =
        u.role === 'ministry_lead' && u.agency_id
          ? [u.agency_id]
          : u.role === 'province_officer' && u.unit_id
            ? (pcOf.get(u.unit_id) ?? [])
            : [];
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
    const digests = ids.map((userId, i) => ({
      userId,
      kind: 'digest',
      taskId: null,
      title,
      body: bodies[i],
      digestOn: asOf,
    }));
    const fresh = new Set(await notify.insertNotifications(tx, digests));
    const mail = ids
      .map((id, i) => ({ userId: id, to: emails[i], body: bodies[i] }))
      .filter((m) => fresh.has(m.userId) && m.to);
    await notify.enqueueMails(tx, `[giamngheo] ${title}`, mail);
    await audit(tx, null, {
      action: 'plan.digest.run',
      entity: 'notification',
      entityId: asOf,
      after: { users: perUser.size, notifications: fresh.size, emails: mail.length },
    });
    return { asOf, users: perUser.size, notifications: fresh.size, emails: mail.length };
  });
}

/**
 * Sends pending e-mails of the outbox by SMTP; a failure is kept on the row and retried next time (5 attempts).
 * The rows stay claimed while they are sent and their result written, so two processes sending at the
 * same moment send each mail once.
 */
export async function sendOutbox(db: Db, settings: SmtpSettings, limit = 200) {
  return db.tx(async (tx) => {
    const pending = await notify.claimPendingMails(tx, limit);
    if (!pending.length) return { sent: 0, failed: 0 };
    const results = await sendMails(
      settings,
      pending.map((p) => ({ to: p.to_address, subject: p.subject, body: p.body })),
    );
    let sent = 0;
    for (const [i, p] of pending.entries()) {
      if (results[i] === null) sent++;
      await notify.recordSendAttempt(tx, p.user_id, p.id, results[i]);
    }
    await audit(tx, null, {
      action: 'plan.outbox.send',
      entity: 'email_outbox',
      after: { sent, failed: pending.length - sent },
    });
    return { sent, failed: pending.length - sent };
  });
}
