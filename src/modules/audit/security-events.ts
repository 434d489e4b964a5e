/**
 * Refusals (403) are security events and go to the audit trail, bounded so that a client repeating a
 * forbidden request cannot flood it: one row per (who, method, route) per window, and at most
 * maxPerMinute rows a minute from this process (the rest are counted and reported in the next row).
 */
import type { Db } from '../../db/client';
import { audit, type AuditActor } from './audit';

export interface Refusal {
  actor: AuditActor | null;
  address: string;
  method: string;
  route: string;
  path: string;
  code: string;
  requestId?: string;
}

export class RefusalRecorder {
  private lastByKey = new Map<string, number>();
  private minute = 0;
  private inMinute = 0;
  private dropped = 0;

  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly maxPerMinute = 30,
  ) {}

  /** Whether this refusal is written; counts it as dropped otherwise. */
  admit(r: Refusal, now = Date.now()): boolean {
    const key = `${r.actor?.userId ?? `@${r.address}`}|${r.method}|${r.route}`;
    const last = this.lastByKey.get(key);
    if (last !== undefined && now - last < this.windowMs) {
      this.dropped++;
      return false;
    }
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.inMinute = 0;
    }
    if (this.inMinute >= this.maxPerMinute) {
      this.dropped++;
      return false;
    }
    this.inMinute++;
    if (this.lastByKey.size > 10_000) this.lastByKey.clear();
    this.lastByKey.set(key, now);
    return true;
  }

  async record(db: Db, r: Refusal, now = Date.now()): Promise<boolean> {
    if (!this.admit(r, now)) return false;
    const notRecordedBefore = this.dropped;
    this.dropped = 0;
    await db.tx((tx) =>
      audit(tx, r.actor ?? { userId: null, username: '(chưa đăng nhập)' }, {
        action: 'security.access.denied',
        entity: 'route',
        entityId: `${r.method} ${r.route}`,
        requestId: r.requestId,
        after: { path: r.path.slice(0, 300), code: r.code, address: r.address, notRecordedBefore },
      }),
    );
    return true;
  }
}
