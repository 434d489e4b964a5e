/** What every poverty use case shares: the caller, scope checks on communes, the review date of a year. */
import type { Db } from '../../../db/client';
import { forbidden, notFound } from '../../../errors';
import { hasRole, isCentral, type Actor } from '../../access/actor';
import { unitAccess } from '../../access/unit-access';
import { systemActor, type AuditActor } from '../../audit/audit';
import * as repo from '../repo';

/** A signed-in user, or the local operator running the CLI (full rights, audited by name). */
export type Caller = Actor | { system: string };

export const isSystem = (c: Caller): c is { system: string } => 'system' in c;
export const auditActorOf = (c: Caller): AuditActor =>
  isSystem(c) ? systemActor(c.system) : { userId: c.userId, username: c.username };

/**
 * Review date of a year: the periodic review closes on 14/12 (QĐ 24/2021, Art. 3); its communes are those valid then.
 */
export const reviewDateOfYear = (year: number) => `${year}-12-14`;

export async function assertCoversCommune(
  db: Db,
  caller: Caller,
  communeId: string,
  roles: ('commune_officer' | 'province_officer')[],
) {
  if (isSystem(caller) || isCentral(caller)) return;
  if (!hasRole(caller, ...roles)) throw forbidden();
  const access = await unitAccess(db, caller);
  if (!access.covers(communeId)) throw forbidden('Xã này nằm ngoài phạm vi được phân quyền của bạn.');
}

/** Personal data (names, ID numbers): central roles, or a unit grant covering the commune. */
export async function canSeePersonalData(db: Db, caller: Caller, communeId: string): Promise<boolean> {
  if (isSystem(caller) || isCentral(caller)) return true;
  return (await unitAccess(db, caller)).covers(communeId);
}

export async function resolveCommune(
  db: Db,
  ref: { communeId?: string; communeCode?: string },
  year: number,
): Promise<repo.CommuneRow> {
  const commune = ref.communeId
    ? await repo.findCommune(db, ref.communeId)
    : await repo.findCommuneOn(db, ref.communeCode ?? '', reviewDateOfYear(year));
  if (!commune) {
    throw notFound(
      ref.communeId
        ? `Không có xã mã ${ref.communeId}.`
        : `Không có xã mã "${ref.communeCode}" vào thời điểm rà soát năm ${year} (${reviewDateOfYear(year).split('-').reverse().join('/')}).`,
    );
  }
  return commune;
}
